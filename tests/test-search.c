/* test-search.c: search that works for Chinese (issue 6)
 *
 * The reference for every count is computed here independently of the
 * index: fold the text `gloss show` prints (gloss_content_get_text) and
 * count the non-overlapping occurrences of the folded query with strstr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-fold.h"
#include "gloss-search-index.h"
#include "gloss-snippet.h"
#include "gloss-text-util.h"
#include "test-util.h"

static const char *const bundled_ids[] = { "000_19fab0aeb8cf70aa", "002_ba12018ce53e1c1f" };

typedef struct
{
  char             *dir;
  GlossLibrary     *library;
  GlossSearchIndex *index;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->library = test_open_library (&f->dir);
  f->index = gloss_search_index_new (f->dir, GLOSS_FOLD_DEFAULT);
  g_assert_true (gloss_search_index_update (f->index, f->library, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->index);
  g_clear_object (&f->library);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static guint64
count_in (const char *haystack,
          const char *needle)
{
  guint64 n = 0;
  gsize len = strlen (needle);

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + len, needle))
    n++;
  return n;
}

/* The reference: occurrences of the folded query in the folded text of
 * every document of the library. */
static guint64
expected_count (GlossLibrary   *library,
                const char     *query,
                GlossFoldFlags  flags)
{
  GListModel *docs = gloss_library_get_documents (library);
  g_autofree char *needle = gloss_fold (query, -1, flags, NULL);
  guint64 total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(GlossDocument) doc = g_list_model_get_item (docs, i);
      g_autoptr(GlossContent) content = gloss_library_load_content (library, doc, NULL);
      g_autofree char *folded = gloss_fold (gloss_content_get_text (content), -1, flags, NULL);

      total += count_in (folded, needle);
    }
  return total;
}

static guint64
index_count (GlossSearchIndex *index,
             const char       *query)
{
  g_autoptr(GError) error = NULL;
  guint64 total = G_MAXUINT64;

  g_assert_true (gloss_search_index_count (index, query, &total, NULL, &error));
  g_assert_no_error (error);
  return total;
}

static GPtrArray *
index_search (GlossSearchIndex *index,
              const char       *query,
              guint             limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = gloss_search_index_search (index, query, limit, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

/* Every hit: its range of the shown text folds to the query, its page,
 * block and snippet agree with the document. */
static void
check_hits (GlossLibrary *library,
            GPtrArray    *hits,
            const char   *query,
            gboolean      exact)
{
  g_autofree char *needle = gloss_fold (query, -1, GLOSS_FOLD_DEFAULT, NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      GlossSearchHit *hit = hits->pdata[i];
      g_autoptr(GlossDocument) doc = gloss_library_lookup (library, gloss_search_hit_get_source (hit), NULL);
      g_autoptr(GlossContent) content = gloss_library_load_content (library, doc, NULL);
      guint start = gloss_search_hit_get_start (hit), end = gloss_search_hit_get_end (hit);
      g_autofree char *original = gloss_content_dup_range (content, start, end);
      g_autofree char *folded = gloss_fold (original, -1, GLOSS_FOLD_DEFAULT, NULL);
      const char *snippet = gloss_search_hit_get_snippet (hit);
      const char *a = g_utf8_offset_to_pointer (snippet, gloss_search_hit_get_snippet_match_start (hit));
      const char *b = g_utf8_offset_to_pointer (snippet, gloss_search_hit_get_snippet_match_end (hit));
      g_autofree char *in_snippet = g_strndup (a, b - a);

      g_assert_cmpint (gloss_search_hit_get_kind (hit), ==, GLOSS_SEARCH_SOURCE_DOCUMENT);
      g_assert_cmpuint (start, <, end);
      if (exact)
        g_assert_cmpstr (folded, ==, needle);
      else
        g_assert_nonnull (strstr (folded, needle));
      g_assert_cmpint (gloss_search_hit_get_page (hit), ==, gloss_content_page_at (content, start));
      g_assert_cmpuint (gloss_search_hit_get_block (hit), ==, gloss_content_block_at (content, start));
      g_assert_cmpstr (in_snippet, ==, original);
      if (i > 0)
        {
          GlossSearchHit *prev = hits->pdata[i - 1];

          /* grouped by document, in text order within one */
          if (g_str_equal (gloss_search_hit_get_source (prev), gloss_search_hit_get_source (hit)))
            g_assert_cmpuint (gloss_search_hit_get_start (prev), <, start);
        }
    }
}

/* Queries of every length, the ones readers type and substrings of the
 * texts themselves (which therefore occur at least once). */
static GPtrArray *
make_queries (GlossLibrary *library)
{
  static const char *const fixed[] = {
    "中", "网", "的", "规", "Ａ", "5", "g",
    "中俄", "主权", "规范", "网络", "２０", "un",
    "联合国", "UNGGE", "ＵＮＧＧＥ", "2015", "２０１５", "OEWG", "网络空间",
    "A/70/174", "Ａ／７０／１７４", "信息安全政府专家组", "网络空间全球治理",
    "UNGGE报告", "cybersecurity", "China", "中俄网络安全合作", "不存在的词语组合",
  };
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  static const guint lengths[] = { 1, 2, 3, 4, 8, 12 };
  GRand *rand = g_rand_new_with_seed (6);

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (queries, g_strdup (fixed[i]));

  for (guint d = 0; d < G_N_ELEMENTS (bundled_ids); d++)
    {
      g_autoptr(GlossContent) content = test_load_bundled (library, bundled_ids[d]);
      guint n = gloss_content_get_n_chars (content);

      for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
        for (guint k = 0; k < 6; k++)
          {
            guint start = g_rand_int_range (rand, 0, n - lengths[l]);
            char *q = gloss_content_dup_range (content, start, start + lengths[l]);
            gboolean usable = TRUE;

            /* one term, so that the reference is a plain substring count */
            for (const char *p = q; *p; p = g_utf8_next_char (p))
              usable &= !g_unichar_isspace (g_utf8_get_char (p)) && *p != '"';
            if (usable)
              {
                g_autofree char *folded = gloss_fold (q, -1, 0, NULL);
                gboolean searchable = FALSE;

                for (const char *p = folded; *p; p = g_utf8_next_char (p))
                  searchable |= g_unichar_isalnum (g_utf8_get_char (p));
                usable = searchable;
              }
            if (usable)
              g_ptr_array_add (queries, q);
            else
              g_free (q);
          }
    }
  g_rand_free (rand);
  return queries;
}

static void
test_counts_equal_folded_text (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) queries = make_queries (f->library);
  guint nonzero = 0, lengths_seen = 0;

  g_assert_cmpuint (queries->len, >, 50);
  for (guint i = 0; i < queries->len; i++)
    {
      const char *q = queries->pdata[i];
      guint64 expected = expected_count (f->library, q, GLOSS_FOLD_DEFAULT);

      g_test_message ("%s: %" G_GUINT64_FORMAT, q, expected);
      g_assert_cmpuint (index_count (f->index, q), ==, expected);
      nonzero += expected > 0;
      lengths_seen |= 1u << MIN (g_utf8_strlen (q, -1), 9);
    }
  /* the comparison is not vacuous: most queries occur, every length is there */
  g_assert_cmpuint (nonzero, >, queries->len * 3 / 4);
  g_assert_true ((lengths_seen & 0x3f6) == 0x216 || (lengths_seen & 0x21e) == 0x21e);
  g_assert_cmpuint (expected_count (f->library, "中俄", 0), >, 10);
  g_assert_cmpuint (expected_count (f->library, "不存在的词语组合", 0), ==, 0);
}

static void
test_fullwidth (Fixture       *f,
                gconstpointer  data)
{
  guint64 unggE = index_count (f->index, "UNGGE");
  guint64 symbol = index_count (f->index, "A/70/174");

  /* the texts write them in full width only (and UNGGE in both) */
  g_assert_cmpuint (unggE, >, 100);
  g_assert_cmpuint (index_count (f->index, "ＵＮＧＧＥ"), ==, unggE);
  g_assert_cmpuint (index_count (f->index, "unGge"), ==, unggE);
  g_assert_cmpuint (symbol, >=, 4);
  g_assert_cmpuint (index_count (f->index, "Ａ／７０／１７４"), ==, symbol);
  g_assert_cmpuint (index_count (f->index, "2015"), ==, index_count (f->index, "２０１５"));
  g_assert_cmpuint (index_count (f->index, "2015"), >=, 12);
}

static void
test_hits_map_back (Fixture       *f,
                    gconstpointer  data)
{
  static const char *const queries[] = { "中俄", "网", "ＵＮＧＧＥ", "A/70/174", "2015", "规范制定", "cybersecurity" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = index_search (f->index, queries[i], 0);
      g_autoptr(GPtrArray) first = index_search (f->index, queries[i], 5);

      g_assert_cmpuint (hits->len, ==, index_count (f->index, queries[i]));
      g_assert_cmpuint (hits->len, >, 0);
      check_hits (f->library, hits, queries[i], TRUE);
      /* the limit gives the first hits */
      g_assert_cmpuint (first->len, ==, MIN (5, hits->len));
      for (guint k = 0; k < first->len; k++)
        g_assert_cmpuint (gloss_search_hit_get_start (first->pdata[k]), ==,
                          gloss_search_hit_get_start (hits->pdata[k]));
    }
}

/* A paragraph of the raw file that the cleaner joined: the last two
 * characters of a line and the first two of the next are found as one. */
static void
test_match_across_raw_lines (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GBytes) raw = test_bundled_bytes ("000_19fab0aeb8cf70aa.txt");
  g_autofree char *text = g_strndup (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GlossContent) content = test_load_bundled (f->library, bundled_ids[0]);
  guint tried = 0;

  for (guint i = 0; lines[i] && lines[i + 1]; i++)
    {
      g_autofree char *tail = NULL, *head = NULL, *query = NULL;
      glong n = g_utf8_strlen (lines[i], -1);

      if (n < 4 || g_utf8_strlen (lines[i + 1], -1) < 4)
        continue;
      tail = g_strdup (g_utf8_offset_to_pointer (lines[i], n - 2));
      head = g_utf8_substring (lines[i + 1], 0, 2);
      query = g_strconcat (tail, head, NULL);
      if (!gloss_unichar_is_cjk (g_utf8_get_char (tail)) ||
          !gloss_unichar_is_cjk (g_utf8_get_char (head)) ||
          strstr (text, query) != NULL ||
          test_find_char_offset (content, query) < 0)
        continue;

      g_test_message ("across lines %u-%u: %s", i, i + 1, query);
      g_assert_cmpuint (index_count (f->index, query), ==, expected_count (f->library, query, 0));
      g_assert_cmpuint (index_count (f->index, query), >=, 1);
      if (++tried == 5)
        break;
    }
  g_assert_cmpuint (tried, ==, 5);
}

/* The reference for several words: in each paragraph (block to next
 * block) that holds every term, each term's occurrences. */
static guint64
expected_and_count (GlossLibrary *library,
                    const char   *const *terms)
{
  guint64 total = 0;

  for (guint d = 0; d < G_N_ELEMENTS (bundled_ids); d++)
    {
      g_autoptr(GlossContent) content = test_load_bundled (library, bundled_ids[d]);
      guint n = gloss_content_get_n_blocks (content);

      for (guint b = 0; b < n; b++)
        {
          guint start = b == 0 ? 0 : gloss_content_get_block (content, b)->start;
          guint end = b + 1 < n ? gloss_content_get_block (content, b + 1)->start
                                : gloss_content_get_n_chars (content);
          g_autofree char *range = gloss_content_dup_range (content, start, end);
          g_autofree char *folded = gloss_fold (range, -1, 0, NULL);
          guint64 sum = 0;
          gboolean all = TRUE;

          for (guint t = 0; terms[t]; t++)
            {
              g_autofree char *term = gloss_fold (terms[t], -1, 0, NULL);
              guint64 c = count_in (folded, term);

              all &= c > 0;
              sum += c;
            }
          if (all)
            total += sum;
        }
    }
  return total;
}

static void
test_words_in_one_paragraph (Fixture       *f,
                             gconstpointer  data)
{
  const char *const pair[] = { "中俄", "规范", NULL };
  const char *const three[] = { "网络", "主权", "ＵＮＧＧＥ", NULL };
  guint64 both = index_count (f->index, "中俄 规范");
  g_autoptr(GPtrArray) hits = index_search (f->index, "中俄 规范", 0);

  g_assert_cmpuint (both, ==, expected_and_count (f->library, pair));
  g_assert_cmpuint (both, >, 0);
  /* the paragraph condition does filter */
  g_assert_cmpuint (both, <, index_count (f->index, "中俄") + index_count (f->index, "规范"));
  g_assert_cmpuint (hits->len, ==, both);
  for (guint i = 0; i < hits->len; i++)
    {
      g_autoptr(GlossContent) content = test_load_bundled (f->library, gloss_search_hit_get_source (hits->pdata[i]));
      g_autofree char *s = gloss_content_dup_range (content, gloss_search_hit_get_start (hits->pdata[i]),
                                                    gloss_search_hit_get_end (hits->pdata[i]));

      g_assert_true (g_str_equal (s, "中俄") || g_str_equal (s, "规范"));
    }
  g_assert_cmpuint (index_count (f->index, "网络  主权\tＵＮＧＧＥ"), ==, expected_and_count (f->library, three));
  /* the ideographic space separates words too */
  g_assert_cmpuint (index_count (f->index, "中俄　规范"), ==, both);
}

static void
test_quoted_phrase (Fixture       *f,
                    gconstpointer  data)
{
  guint64 phrase = index_count (f->index, "\"cybersecurity cooperation\"");
  guint64 words = index_count (f->index, "cybersecurity cooperation");

  g_assert_cmpuint (phrase, ==, expected_count (f->library, "cybersecurity cooperation", 0));
  g_assert_cmpuint (phrase, >, 0);
  /* as words, each occurrence of each counts */
  g_assert_cmpuint (words, >, phrase);
  g_assert_cmpuint (index_count (f->index, "\"  Cybersecurity   cooperation \""), ==, 0);
  g_assert_cmpuint (index_count (f->index, "\"  Cybersecurity cooperation \""), ==, phrase);
}

static void
test_bad_queries (Fixture       *f,
                  gconstpointer  data)
{
  static const char *const empty[] = { "", "   ", "\t\n", "　", "\"", "\"\"", "*", "-", ":", "，。！？", "( ) [ ]", "\" \"" };
  static const char *const odd[] = { "NEAR", "中俄 NEAR 规范", "中*", "\"中俄", "中俄\"", "-网络", "网络:", "a:b", "OR", "AND 网络", "^中", "{中俄}" };
  g_autoptr(GString) longq = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint64 total = 1;

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autoptr(GPtrArray) hits = gloss_search_index_search (f->index, empty[i], 10, NULL, &error);

      g_assert_null (hits);
      g_assert_error (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_EMPTY_QUERY);
      g_assert_null (strstr (error->message, "SQL"));
      g_clear_error (&error);
      g_assert_false (gloss_search_index_count (f->index, empty[i], &total, NULL, &error));
      g_assert_error (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_EMPTY_QUERY);
      g_clear_error (&error);
    }

  /* FTS5 syntax is only text: single terms count like any text */
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(GPtrArray) hits = index_search (f->index, odd[i], 10);

      g_test_message ("odd query %s: %u hits", odd[i], hits->len);
    }
  g_assert_cmpuint (index_count (f->index, "中*"), ==, expected_count (f->library, "中*", 0));
  g_assert_cmpuint (index_count (f->index, "网络:"), ==, expected_count (f->library, "网络:", 0));
  g_assert_cmpuint (index_count (f->index, "NEAR"), ==, expected_count (f->library, "near", 0));
  g_assert_cmpuint (index_count (f->index, "\"中俄"), ==, index_count (f->index, "中俄"));

  /* 10 000 characters: nothing, and quickly enough not to time out */
  for (guint i = 0; i < 10000; i++)
    g_string_append (longq, i % 3 ? "网" : "络");
  g_assert_cmpuint (index_count (f->index, longq->str), ==, 0);
  g_string_truncate (longq, 0);
  for (guint i = 0; i < 2000; i++)
    g_string_append (longq, "中俄 ");
  g_assert_cmpuint (index_count (f->index, longq->str), ==, index_count (f->index, "中俄"));

  g_assert_false (gloss_search_index_count (f->index, "\xff\xfe中", &total, NULL, &error));
  g_assert_error (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INVALID_QUERY);
}

static GlossDocument *
import_text (GlossLibrary *library,
             const char   *dir,
             const char   *name,
             const char   *text)
{
  g_autofree char *path = test_write_file (dir, name, text, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossDocument *doc = gloss_library_import_file (library, file, &error);

  g_assert_no_error (error);
  g_unlink (path);
  return doc;
}

static void
test_traditional (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GlossDocument) doc = import_text (f->library, f->dir, "trad.txt",
                                              "繁體文本\n\n中俄網絡主權與聯合國信息安全。網絡空間治理。\n");
  g_autoptr(GlossSearchIndex) t2s = gloss_search_index_new (f->dir, GLOSS_FOLD_TRADITIONAL);
  g_autoptr(GError) error = NULL;
  guint64 simplified;

  g_assert_true (gloss_search_index_update (f->index, f->library, NULL, &error));
  g_assert_true (gloss_search_index_update (t2s, f->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_search_index_get_path (t2s), !=, gloss_search_index_get_path (f->index));

  /* off: the forms are different text */
  simplified = index_count (f->index, "网络");
  g_assert_cmpuint (simplified, ==, expected_count (f->library, "网络", 0));
  g_assert_cmpuint (index_count (f->index, "網絡"), ==, 2);
  g_assert_cmpuint (index_count (f->index, "网络主权"), ==, expected_count (f->library, "网络主权", 0));

  /* on: 網絡 = 网络, both ways */
  g_assert_cmpuint (index_count (t2s, "网络"), ==, simplified + 2);
  g_assert_cmpuint (index_count (t2s, "網絡"), ==, simplified + 2);
  g_assert_cmpuint (index_count (t2s, "联合国"), ==, expected_count (f->library, "联合国", GLOSS_FOLD_TRADITIONAL));
  g_assert_cmpuint (index_count (t2s, "聯合國"), ==, index_count (f->index, "联合国") + 1);
  {
    g_autoptr(GPtrArray) hits = index_search (t2s, "网络主权", 0);
    GlossSearchHit *hit = NULL;

    for (guint i = 0; i < hits->len; i++)
      if (g_str_equal (gloss_search_hit_get_source (hits->pdata[i]), gloss_document_get_id (doc)))
        hit = hits->pdata[i];
    g_assert_nonnull (hit);
    g_assert_cmpstr (gloss_search_hit_get_snippet (hit), ==, "中俄網絡主權與聯合國信息安全。網絡空間治理。");
    g_assert_cmpuint (gloss_search_hit_get_snippet_match_start (hit), ==, 2);
    g_assert_cmpuint (gloss_search_hit_get_snippet_match_end (hit), ==, 6);
  }
  g_assert_cmpuint (gloss_fold_traditional_char (0x7DB2 /* 網 */), ==, 0x7F51 /* 网 */);
}

/* Folding that changes lengths: offsets still cover whole original characters. */
static void
test_fold_map (Fixture       *f,
               gconstpointer  data)
{
  const char *text = "ﬁnance ㈠规范……ＵＮＧＧＥ　Straße e\xcc\x81t\xc3\xa9";
  g_autoptr(GlossFoldMap) map = NULL;
  g_autofree char *folded = gloss_fold (text, -1, 0, &map);
  g_autoptr(GBytes) bytes = gloss_fold_map_to_bytes (map);
  g_autoptr(GlossFoldMap) copy = gloss_fold_map_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GlossDocument) doc = import_text (f->library, f->dir, "fold.txt", text);
  g_autoptr(GError) error = NULL;
  guint s, e;

  g_assert_cmpstr (folded, ==, "finance (一)规范......ungge strasse été");
  gloss_fold_map_to_original (copy, 0, 3, &s, &e);     /* "fin" → "ﬁn" */
  g_assert_cmpuint (s, ==, 0);
  g_assert_cmpuint (e, ==, 2);
  gloss_fold_map_to_original (copy, 9, 13, &s, &e);    /* "一)规范" → "㈠规范" */
  g_assert_cmpuint (s, ==, 7);
  g_assert_cmpuint (e, ==, 10);
  gloss_fold_map_to_original (copy, 13, 16, &s, &e);   /* "..." → the first "…" */
  g_assert_cmpuint (s, ==, 10);
  g_assert_cmpuint (e, ==, 11);
  gloss_fold_map_to_original (copy, 19, 24, &s, &e);   /* "ungge" after both "…" */
  g_assert_cmpuint (s, ==, 12);
  g_assert_cmpuint (e, ==, 17);

  g_assert_true (gloss_search_index_update (f->index, f->library, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) hits = index_search (f->index, "strasse été", 0);
    g_autoptr(GlossContent) content = gloss_library_load_content (f->library, doc, NULL);

    g_autoptr(GPtrArray) first = g_ptr_array_new ();
    g_autofree char *s1 = NULL, *s2 = NULL;

    g_assert_cmpuint (hits->len, ==, 2);
    g_ptr_array_add (first, hits->pdata[0]);
    check_hits (f->library, first, "strasse", TRUE);
    s1 = gloss_content_dup_range (content, gloss_search_hit_get_start (hits->pdata[0]),
                                  gloss_search_hit_get_end (hits->pdata[0]));
    s2 = gloss_content_dup_range (content, gloss_search_hit_get_start (hits->pdata[1]),
                                  gloss_search_hit_get_end (hits->pdata[1]));
    g_assert_cmpstr (s1, ==, "Straße");
    g_assert_cmpstr (s2, ==, "e\xcc\x81t\xc3\xa9");
  }
  {
    g_autoptr(GPtrArray) all = index_search (f->index, "fin", 0);
    g_autoptr(GPtrArray) hits = g_ptr_array_new ();

    check_hits (f->library, all, "fin", FALSE);
    for (guint i = 0; i < all->len; i++)
      if (g_str_equal (gloss_search_hit_get_source (all->pdata[i]), gloss_document_get_id (doc)))
        g_ptr_array_add (hits, all->pdata[i]);
    /* "ﬁn": the ligature is one character of the original */
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpuint (gloss_search_hit_get_start (hits->pdata[0]), ==, 0);
    g_assert_cmpuint (gloss_search_hit_get_end (hits->pdata[0]), ==, 2);
  }
}

static void
test_rebuilt_when_missing_or_damaged (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *path = g_strdup (gloss_search_index_get_path (f->index));
  guint64 before = index_count (f->index, "网络");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_object (&f->index);

  /* deleted */
  g_assert_cmpint (g_unlink (path), ==, 0);
  f->index = gloss_search_index_new (f->dir, GLOSS_FOLD_DEFAULT);
  g_assert_true (gloss_search_index_update (f->index, f->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (index_count (f->index, "网络"), ==, before);
  g_clear_object (&f->index);

  /* damaged: not a database any more */
  {
    g_autofree char *garbage = g_strnfill (8192, 'x');
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  }
  f->index = gloss_search_index_new (f->dir, GLOSS_FOLD_DEFAULT);
  g_assert_true (gloss_search_index_update (f->index, f->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (index_count (f->index, "网络"), ==, before);
  g_assert_cmpuint (index_count (f->index, "网络"), >, 0);
}

static void
test_updated_after_import (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GlossDocument) doc = import_text (f->library, f->dir, "new.txt", "新文件\n\n关于ＸＹＺＺＹ规范的讨论。\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;

  g_assert_cmpuint (index_count (f->index, "xyzzy"), ==, 0);
  g_assert_true (gloss_search_index_update (f->index, f->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (index_count (f->index, "xyzzy"), ==, 1);
  g_assert_cmpuint (index_count (f->index, "ＸＹＺＺＹ规范"), ==, 1);
  stamp = gloss_search_index_dup_stamp (f->index, GLOSS_SEARCH_SOURCE_DOCUMENT,
                                        gloss_document_get_id (doc));
  g_assert_true (g_str_has_prefix (stamp, gloss_document_get_checksum (doc)));
}

static void
replace_text (GlossLibrary  *library,
              const char    *dir,
              GlossDocument *doc,
              const char    *text)
{
  g_autofree char *path = test_write_file (dir, "replacement.txt", text, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orphans = gloss_library_replace_original (library, doc, file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (orphans);
  g_unlink (path);
}

static void
assert_counts (Fixture           *f,
               const char *const *queries)
{
  for (guint i = 0; queries[i]; i++)
    {
      g_test_message ("%s", queries[i]);
      g_assert_cmpuint (index_count (f->index, queries[i]), ==,
                        expected_count (f->library, queries[i], 0));
    }
}

/* The index keeps no copy of the text, so the rows of a text that
 * changed in corpus.db stay behind in FTS5 until it is rebuilt: they
 * must never be counted or found. */
static void
test_changed_documents (Fixture       *f,
                        gconstpointer  data)
{
  static const char *const queries[] = {
    "旧版", "新版", "ＸＹＺＺＹ", "xyzzy", "中俄", "网络", "中", "网", "x", NULL,
  };
  g_autoptr(GlossDocument) doc = import_text (f->library, f->dir, "v1.txt",
                                              "旧版\n\n旧版ＸＹＺＺＹ中俄网络。\n\n旧版xyzzy\n");
  g_autoptr(GlossDocument) big = gloss_library_lookup (f->library, bundled_ids[1], NULL);
  g_autoptr(GlossContent) content = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (gloss_search_index_update (f->index, f->library, NULL, &error));
  g_assert_cmpuint (index_count (f->index, "旧版"), ==, 3);
  replace_text (f->library, f->dir, doc, "新版\n\n新版中俄。\n");
  g_assert_true (gloss_search_index_update (f->index, f->library, NULL, &error));
  g_assert_no_error (error);
  assert_counts (f, queries);
  g_assert_cmpuint (index_count (f->index, "旧版"), ==, 0);
  hits = index_search (f->index, "xyzzy", 0);
  g_assert_cmpuint (hits->len, ==, 0);

  /* a big document changed: the stale rows are many, FTS5 is rebuilt */
  g_assert_nonnull (big);
  content = gloss_library_load_content (f->library, big, NULL);
  text = g_strconcat ("改版\n\n", gloss_content_get_text (content), NULL);
  replace_text (f->library, f->dir, big, text);
  g_assert_true (gloss_search_index_update (f->index, f->library, NULL, &error));
  g_assert_no_error (error);
  assert_counts (f, queries);
  g_assert_cmpuint (index_count (f->index, "改版"), ==, 1);
  g_assert_cmpuint (index_count (f->index, "改版"), ==, expected_count (f->library, "改版", 0));
}

/* Places of a term with a border (a start that is also its end: "aa",
 * "aba", "abab", "网网网") overlap ("aaa" holds "aa" once, at two
 * places): their counts are never a sum of stored places, while those
 * of the terms of up to four characters without one are. */
static void
test_overlapping_pairs (Fixture       *f,
                        gconstpointer  data)
{
  static const char *const queries[] = {
    "00", "000", "aa", "aaa", "aaaa", "哈哈", "哈哈哈", "哈哈哈哈", "哈", "a。",
    "aba", "bab", "abab", "ababa", "网网", "网网网", "网网网网", "b网网网", "ab网",
    "0年", "00年a", "…2", "……20", "2000", "年aaa", "。。。a", "。a", NULL
  };
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("重复\n\n");

  /* often enough for the counts of up to four characters to be stored */
  for (guint i = 0; i < 40; i++)
    g_string_append (text, "哈哈哈哈哈……2000年aaaaa。。。ababab网网网网网。\n");
  doc = import_text (f->library, f->dir, "repeats.txt", text->str);
  g_assert_true (gloss_search_index_update (f->index, f->library, NULL, &error));
  g_assert_no_error (error);
  assert_counts (f, queries);
  g_assert_cmpuint (index_count (f->index, "哈哈"), ==, 80);
  g_assert_cmpuint (index_count (f->index, "哈哈哈哈"), ==, 40);
  g_assert_cmpuint (index_count (f->index, "网网网"), ==, 40);
  g_assert_cmpuint (index_count (f->index, "abab"), ==, 40);
  g_assert_cmpuint (index_count (f->index, "aba"), ==, 40);
  g_assert_cmpuint (index_count (f->index, "b网网网"), ==, 40);
}

/* Terms longer than four characters are counted from the places of the
 * four-character grams that cover them, in the documents where those
 * are frequent enough to be stored, and from the paragraphs elsewhere:
 * both must agree with the text, bordered terms ("哈哈哈哈哈") and terms
 * made only of stored grams but absent included. */
static void
test_long_terms (Fixture       *f,
                 gconstpointer  data)
{
  static const char *const queries[] = {
    "信息安全政府专家组", "安全政府专家组与网络", "政府专家组信息安全", "专家组信息安全政府",
    "哈哈哈哈哈", "哈哈哈哈哈哈哈哈哈", "网网网网网", "网网网网网网网网网网网", "组与网络空间全球治理，",
    "Ａ／７０／１７４", "a/70/174", "cybersecurity", "cybersecurity；哈哈",
    "abcababcab", "ababcabab", "信息安全政府专家组与网络空间全球治理，a/70/174",
    "全球治理，Ａ／７０／１７４ｃｙｂｅｒｓｅｃｕｒｉｔｙ；哈哈哈哈哈哈哈哈哈网网网网网网网。政府专家组信息安全。",
    "不存在的词语组合", NULL
  };
  g_autoptr(GlossDocument) often = NULL;
  g_autoptr(GlossDocument) rarely = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("长词\n\n");

  /* often enough for the places of the grams to be stored */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "信息安全政府专家组与网络空间全球治理，Ａ／７０／１７４cybersecurity；"
                            "哈哈哈哈哈哈哈哈哈网网网网网网网。政府专家组信息安全。%s\n\n"
                            "信息安全政府\n\n专家组 abcababcababcab\n\n",
                            i % 3 == 0 ? "专家组信息安全政府" : "");
  often = import_text (f->library, f->dir, "long-often.txt", text->str);
  rarely = import_text (f->library, f->dir, "long-rarely.txt",
                        "信息安全政府专家组\n\n哈哈哈哈哈哈哈哈哈哈\n\nabcababcab cybersecurity\n");
  g_assert_true (gloss_search_index_update (f->index, f->library, NULL, &error));
  g_assert_no_error (error);
  assert_counts (f, queries);
  g_assert_cmpuint (index_count (f->index, "政府专家组信息安全"), ==, 40);

  /* the places of a document's grams go with it when it changes */
  g_string_truncate (text, 0);
  for (guint i = 0; i < 40; i++)
    g_string_append (text, "政府专家组信息安全。哈哈哈哈哈哈。\n\n");
  replace_text (f->library, f->dir, often, text->str);
  g_assert_true (gloss_search_index_update (f->index, f->library, NULL, &error));
  g_assert_no_error (error);
  assert_counts (f, queries);
  g_assert_cmpuint (index_count (f->index, "政府专家组信息安全"), ==, 40);
}

/* The covering grams of a long term are each walked over the documents
 * that store them, in step: documents that one gram skips (it is rare
 * there) but the others do not are counted from their paragraphs, and
 * when every document stores them all, nothing but places is read. */
static void
test_places_out_of_step (Fixture       *f,
                         gconstpointer  data)
{
  static const char *const queries[] = {
    "信息安全政府专家组", "哈哈哈哈哈", "安全政府专家组", "政府专家组信息安全", NULL
  };
  g_autoptr(GString) all = g_string_new ("全部\n\n");
  g_autoptr(GString) first = g_string_new ("只有第一个\n\n");
  g_autoptr(GString) rest = g_string_new ("只有后两个\n\n");
  g_autoptr(GString) again = g_string_new ("又是全部\n\n");
  g_autoptr(GlossDocument) a = NULL, b = NULL, c = NULL, d = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 40; i++)
    {
      /* 信息安全, 政府专家, 府专家组 all stored */
      g_string_append (all, "信息安全政府专家组。哈哈哈哈哈哈哈\n");
      /* 信息安全 stored, the other two rare */
      g_string_append (first, "信息安全。\n");
      /* 政府专家 and 府专家组 stored, 信息安全 rare */
      g_string_append (rest, "政府专家组。\n");
      if (i < 35)
        g_string_append (again, "信息安全政府专家组信息安全政府专家组。哈哈哈哈哈哈哈哈哈哈\n");
    }
  g_string_append (first, "信息安全政府专家组 哈哈哈哈哈\n");
  g_string_append (rest, "信息安全政府专家组，信息安全政府专家组\n");
  a = import_text (f->library, f->dir, "all.txt", all->str);
  b = import_text (f->library, f->dir, "first.txt", first->str);
  c = import_text (f->library, f->dir, "rest.txt", rest->str);
  d = import_text (f->library, f->dir, "again.txt", again->str);
  g_assert_true (gloss_search_index_update (f->index, f->library, NULL, &error));
  g_assert_no_error (error);

  /* twice: the second time with the statements the first one kept */
  for (guint round = 0; round < 2; round++)
    {
      assert_counts (f, queries);
      /* the bundled documents have a few more */
      g_assert_cmpuint (index_count (f->index, "信息安全政府专家组"), >=, 40 + 1 + 2 + 70);
    }

  /* only documents that store every covering gram: no paragraph to check */
  for (guint i = 0; i < G_N_ELEMENTS (bundled_ids); i++)
    g_assert_true (gloss_search_index_remove (f->index, GLOSS_SEARCH_SOURCE_DOCUMENT,
                                              bundled_ids[i], &error));
  g_assert_true (gloss_search_index_remove (f->index, GLOSS_SEARCH_SOURCE_DOCUMENT,
                                            gloss_document_get_id (b), &error));
  g_assert_true (gloss_search_index_remove (f->index, GLOSS_SEARCH_SOURCE_DOCUMENT,
                                            gloss_document_get_id (c), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (index_count (f->index, "信息安全政府专家组"), ==, 40 + 70);
  g_assert_cmpuint (index_count (f->index, "哈哈哈哈哈"), ==, 40 + 70);
  g_assert_cmpuint (index_count (f->index, "政府专家组信息安全"), ==, 35);
  g_assert_cmpuint (index_count (f->index, "安全政府专家组"), ==, 40 + 70);
}

/* Folding has a fast way for common characters: it must agree with the
 * definition, NFKC then case folding (then NFKC again), cluster by
 * cluster. */
static char *
reference_fold (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p;)
    {
      const char *q = g_utf8_next_char (p);
      g_autofree char *nfkc = NULL;
      g_autofree char *folded = NULL;
      g_autofree char *again = NULL;

      while (*q && g_unichar_combining_class (g_utf8_get_char (q)) != 0)
        q = g_utf8_next_char (q);
      nfkc = g_utf8_normalize (p, q - p, G_NORMALIZE_NFKC);
      folded = g_utf8_casefold (nfkc, -1);
      again = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
      g_string_append (out, again);
      p = q;
    }
  return g_string_free (out, FALSE);
}

static void
test_fold_fast_path (Fixture       *f,
                     gconstpointer  data)
{
  static const char *const samples[] = {
    "ＵＮＧＧＥ报告，Ａ／７０／１７４。", "e\xcc\x81t\xc3\xa9 ﬁn …… ㈠ ⽹络 Ⅻ",
    "中\xcc\x81文、《规范》“引号”〔注〕 ｶﾀｶﾅ ㍿", "\xe3\x80\x80全角空格\t\n",
    /* above the full-width forms, but folding to themselves: U+FFFC, U+FFFD */
    "a\xef\xbf\xbc" "b\xef\xbf\xbd" "c",
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *expected = reference_fold (samples[i]);
      g_autofree char *folded = gloss_fold (samples[i], -1, GLOSS_FOLD_DEFAULT, NULL);

      g_assert_cmpstr (folded, ==, expected);
    }
  for (guint d = 0; d < G_N_ELEMENTS (bundled_ids); d++)
    {
      g_autoptr(GlossContent) content = test_load_bundled (f->library, bundled_ids[d]);
      g_autofree char *expected = reference_fold (gloss_content_get_text (content));
      g_autofree char *folded = gloss_fold (gloss_content_get_text (content), -1,
                                            GLOSS_FOLD_DEFAULT, NULL);

      g_assert_cmpstr (folded, ==, expected);
    }
}

/* Mention detection's flags: white space dropped, dashes made one, on
 * the fast path as on the slow one, and the map still exact. */
static void
test_fold_flags (Fixture       *f,
                 gconstpointer  data)
{
  const GlossFoldFlags flags = GLOSS_FOLD_DROP_SPACE | GLOSS_FOLD_UNIFY_DASHES;
  const char *text = "UN GGE\xe3\x80\x80（２０１６—２０１７）ﬁ\xc2\xa0網－A\xe2\x80\x91 1";
  g_autoptr(GlossFoldMap) map = NULL;
  g_autofree char *folded = gloss_fold (text, -1, flags, &map);
  g_autofree char *traditional = gloss_fold (text, -1, flags | GLOSS_FOLD_TRADITIONAL, NULL);
  g_autofree char *spaces = gloss_fold (text, -1, GLOSS_FOLD_UNIFY_DASHES, NULL);
  guint s, e;

  g_assert_cmpstr (folded, ==, "ungge(2016-2017)fi網-a-1");
  g_assert_cmpstr (traditional, ==, "ungge(2016-2017)fi网-a-1");
  g_assert_cmpstr (spaces, ==, "un gge (2016-2017)fi 網-a- 1");

  gloss_fold_map_to_original (map, 0, 5, &s, &e);      /* "ungge" → "UN GGE" */
  g_assert_cmpuint (s, ==, 0);
  g_assert_cmpuint (e, ==, 6);
  gloss_fold_map_to_original (map, 5, 16, &s, &e);     /* past the ideographic space */
  g_assert_cmpuint (s, ==, 7);
  g_assert_cmpuint (e, ==, 18);
  gloss_fold_map_to_original (map, 17, 19, &s, &e);    /* "i網" → "ﬁ 網" */
  g_assert_cmpuint (s, ==, 18);
  g_assert_cmpuint (e, ==, 21);
  gloss_fold_map_to_original (map, 22, 23, &s, &e);    /* "1" after a space */
  g_assert_cmpuint (s, ==, 25);
  g_assert_cmpuint (e, ==, 26);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GlossDocument) doc = import_text (f->library, f->dir, "async.txt", "异步\n\n后台索引ＱＵＵＸ测试。\n");
  g_autoptr(GAsyncResult) updated = NULL, searched = NULL, counted = NULL, cancelled = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint64 total = 0;

  gloss_search_index_update_async (f->index, NULL, on_done, &updated);
  g_assert_true (gloss_search_index_update_finish (f->index, wait_for (&updated), &error));
  g_assert_no_error (error);

  gloss_search_index_search_async (f->index, "quux", 10, NULL, on_done, &searched);
  hits = gloss_search_index_search_finish (f->index, wait_for (&searched), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (gloss_search_hit_get_source (hits->pdata[0]), ==, gloss_document_get_id (doc));

  gloss_search_index_count_async (f->index, "网络", NULL, on_done, &counted);
  g_assert_true (gloss_search_index_count_finish (f->index, wait_for (&counted), &total, &error));
  g_assert_cmpuint (total, ==, expected_count (f->library, "网络", 0));

  /* typing on cancels the search before */
  g_cancellable_cancel (cancellable);
  gloss_search_index_search_async (f->index, "网", 0, cancellable, on_done, &cancelled);
  g_assert_null (gloss_search_index_search_finish (f->index, wait_for (&cancelled), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The entry point for notes and cards: their hits say what they are. */
static void
test_other_sources (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint64 docs = index_count (f->index, "中俄");
  g_autoptr(GPtrArray) hits = NULL;
  GlossSearchHit *note = NULL;

  g_assert_true (gloss_search_index_add_text (f->index, GLOSS_SEARCH_SOURCE_NOTE, "n1", "1",
                                              "第一行\n读到中俄合作的部分", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (index_count (f->index, "中俄"), ==, docs + 1);
  /* documents whose count is stored, a note whose count is not */
  g_assert_cmpuint (index_count (f->index, "中俄合作"), ==,
                    expected_count (f->library, "中俄合作", 0) + 1);
  g_assert_cmpuint (index_count (f->index, "联合国"), ==, expected_count (f->library, "联合国", 0));
  hits = index_search (f->index, "中俄", 0);
  for (guint i = 0; i < hits->len; i++)
    if (gloss_search_hit_get_kind (hits->pdata[i]) == GLOSS_SEARCH_SOURCE_NOTE)
      note = hits->pdata[i];
  g_assert_nonnull (note);
  g_assert_cmpstr (gloss_search_hit_get_source (note), ==, "n1");
  g_assert_cmpuint (gloss_search_hit_get_start (note), ==, 6);
  g_assert_cmpuint (gloss_search_hit_get_end (note), ==, 8);
  g_assert_cmpuint (gloss_search_hit_get_block (note), ==, 1);
  g_assert_cmpstr (gloss_search_hit_get_snippet (note), ==, "读到中俄合作的部分");

  /* a document update leaves notes alone; removing one removes it */
  g_assert_true (gloss_search_index_update (f->index, f->library, NULL, &error));
  g_assert_cmpuint (index_count (f->index, "中俄"), ==, docs + 1);
  g_assert_true (gloss_search_index_remove (f->index, GLOSS_SEARCH_SOURCE_NOTE, "n1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (index_count (f->index, "中俄"), ==, docs);
}

/* ------------------------------------------------------------------ */
/* The command line                                                   */

static char *
run_gloss (const char  *dir,
           int         *status,
           char       **err,
           const char  *first,
           ...)
{
  const char *binary = g_getenv ("GLOSS_BINARY");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) binary);
  g_ptr_array_add (argv, "--library");
  g_ptr_array_add (argv, (char *) dir);
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, err, status, &error);
  g_assert_no_error (error);
  return out;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  int status;

  if (g_getenv ("GLOSS_BINARY") == NULL)
    {
      g_test_skip ("GLOSS_BINARY is not set");
      return;
    }
  g_unlink (gloss_search_index_get_path (f->index));
  g_clear_object (&f->index);

  out = run_gloss (f->dir, &status, &err, "search", "ＵＮＧＧＥ", "--count", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  expected = g_strdup_printf ("%" G_GUINT64_FORMAT "\n", expected_count (f->library, "UNGGE", 0));
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_gloss (f->dir, &status, &err, "search", "A/70/174", "--json", "--limit", "2", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "query"), ==, "A/70/174");
  g_assert_cmpint (json_object_get_int_member (root, "total"), ==, expected_count (f->library, "A/70/174", 0));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "hits")), ==, 2);
  {
    JsonObject *hit = json_array_get_object_element (json_object_get_array_member (root, "hits"), 0);

    g_assert_true (json_object_has_member (hit, "doc"));
    g_assert_true (json_object_has_member (hit, "start"));
    g_assert_true (json_object_has_member (hit, "end"));
    g_assert_true (json_object_has_member (hit, "page"));
    g_assert_nonnull (strstr (json_object_get_string_member (hit, "snippet"), "Ａ／７０／１７４"));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_gloss (f->dir, &status, &err, "search", "中俄", "--limit", "3", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  {
    g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    g_assert_true (g_regex_match_simple ("^[a-z0-9_]+\tp\\.[0-9?]+\t[0-9]+-[0-9]+\t.*中俄", lines[0], 0, 0));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* punctuation only: an empty result and a clear message */
  out = run_gloss (f->dir, &status, &err, "search", " ，。", "--count", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "0\n");
  g_assert_true (g_str_has_prefix (err, "gloss: search: nothing to search for"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* invalid UTF-8: an error naming the problem, no SQL */
  out = run_gloss (f->dir, &status, &err, "search", "\xff\xfe", NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "UTF-8"));
  g_assert_null (strstr (err, "SQL"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  for (guint i = 0; i < 5; i++)
    {
      static const char *const syntax[] = { "\"", "*", "NEAR", "-", ":" };

      out = run_gloss (f->dir, &status, &err, "search", "--", syntax[i], NULL);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_null (strstr (err, "SQL"));
      g_assert_null (strstr (err, "fts5"));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }
}

/* ------------------------------------------------------------------ */
/* Snippets                                                           */

/* The snippet's text without its "…" marks, as a piece of text. */
static char *
strip_ellipses (const char *snippet)
{
  const char *start = g_str_has_prefix (snippet, "…") ? snippet + strlen ("…") : snippet;
  gsize length = strlen (start);

  if (g_str_has_suffix (start, "…"))
    length -= strlen ("…");
  return g_strndup (start, length);
}

static void
assert_match_at (const char *snippet,
                 guint       match_start,
                 guint       match_end,
                 const char *expected)
{
  const char *a = g_utf8_offset_to_pointer (snippet, match_start);
  const char *b = g_utf8_offset_to_pointer (snippet, match_end);
  g_autofree char *match = g_strndup (a, b - a);

  g_assert_cmpstr (match, ==, expected);
}

/* Wherever the match is, a snippet of English text shows whole words:
 * every cut falls on a space, and is marked. */
static void
test_snippet_whole_words (void)
{
  const char *text = "It is an unavoidable requirement of international relations that certain "
                     "legal norms be adjusted, so international cooperation in cybersecurity "
                     "also requires changes in international law in cyberspace.";
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint offset = 0;

  for (guint w = 0; words[w] != NULL; w++)
    {
      guint start = offset, end = offset + g_utf8_strlen (words[w], -1);
      guint match_start, match_end;
      g_autofree char *snippet = gloss_snippet_new (text, start, end, 20, &match_start, &match_end);
      g_autofree char *inner = strip_ellipses (snippet);
      const char *at = strstr (text, inner);
      gsize inner_length = strlen (inner);

      assert_match_at (snippet, match_start, match_end, words[w]);
      /* whole words: the piece starts and ends at word boundaries */
      g_assert_nonnull (at);
      g_assert_true (at == text || !g_ascii_isalnum (at[-1]));
      g_assert_true (at[inner_length] == '\0' || !g_ascii_isalnum (at[inner_length]));

      /* cut where it is shorter than the text */
      g_assert_cmpint (g_str_has_prefix (snippet, "…"), ==, !g_str_has_prefix (text, inner));
      g_assert_cmpint (g_str_has_suffix (snippet, "…"), ==, !g_str_has_suffix (text, inner));
      g_assert_cmpuint (g_utf8_strlen (inner, -1), <=, (end - start) + 2 * (20 + 16));
      offset = end + 1;
    }
}

/* Chinese is cut at the context exactly (but for punctuation that
 * would start the line); line breaks become spaces; a
 * short field is shown whole, unmarked. */
static void
test_snippet_cjk_and_lines (void)
{
  const char *text = "网络空间的和平与发展受到了严峻威胁，以网络规范为基础的秩序构建成为网络空间全球治理最紧迫的任务。"
                     "联合国信息安全政府专家组是主权国家参与构建网络空间规范的主要国际机制。";
  gint start = g_utf8_pointer_to_offset (text, strstr (text, "专家组"));
  guint match_start, match_end;
  g_autofree char *snippet = gloss_snippet_new (text, start, start + 3, 8, &match_start, &match_end);
  g_autofree char *whole = NULL;

  g_assert_cmpstr (snippet, ==, "…合国信息安全政府专家组是主权国家参与构…");
  assert_match_at (snippet, match_start, match_end, "专家组");
  g_assert_cmpuint (match_start, ==, 1 + 8);
  g_assert_true (g_str_has_prefix (snippet, "…") && g_str_has_suffix (snippet, "…"));

  whole = gloss_snippet_new ("读到\n中俄合作", 3, 5, 30, &match_start, &match_end);
  g_assert_cmpstr (whole, ==, "读到 中俄合作");
  assert_match_at (whole, match_start, match_end, "中俄");
}

/* A word longer than the room a cut may move (an address) is cut
 * inside rather than shown whole; the match is still there. */
static void
test_snippet_long_word (void)
{
  const char *text = "See https://www.un.org/disarmament/ict-security/open-ended-working-group-final-report-2021-documents for it.";
  gint start = g_utf8_pointer_to_offset (text, strstr (text, "working"));
  guint match_start, match_end;
  g_autofree char *snippet = gloss_snippet_new (text, start, start + 7, 10, &match_start, &match_end);

  assert_match_at (snippet, match_start, match_end, "working");
  g_assert_true (g_str_has_prefix (snippet, "…") && g_str_has_suffix (snippet, "…"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/search/counts-equal-folded-text", test_counts_equal_folded_text);
  ADD ("/search/fullwidth", test_fullwidth);
  ADD ("/search/hits-map-back", test_hits_map_back);
  ADD ("/search/match-across-raw-lines", test_match_across_raw_lines);
  ADD ("/search/words-in-one-paragraph", test_words_in_one_paragraph);
  ADD ("/search/quoted-phrase", test_quoted_phrase);
  ADD ("/search/bad-queries", test_bad_queries);
  ADD ("/search/traditional", test_traditional);
  ADD ("/search/fold-map", test_fold_map);
  ADD ("/search/rebuilt", test_rebuilt_when_missing_or_damaged);
  ADD ("/search/updated-after-import", test_updated_after_import);
  ADD ("/search/changed-documents", test_changed_documents);
  ADD ("/search/overlapping-pairs", test_overlapping_pairs);
  ADD ("/search/long-terms", test_long_terms);
  ADD ("/search/places-out-of-step", test_places_out_of_step);
  ADD ("/search/fold-fast-path", test_fold_fast_path);
  ADD ("/search/fold-flags", test_fold_flags);
  ADD ("/search/async", test_async);
  ADD ("/search/other-sources", test_other_sources);
  ADD ("/search/cli", test_cli);
  g_test_add_func ("/search/snippet/whole-words", test_snippet_whole_words);
  g_test_add_func ("/search/snippet/cjk-and-lines", test_snippet_cjk_and_lines);
  g_test_add_func ("/search/snippet/long-word", test_snippet_long_word);

  return g_test_run ();
}
