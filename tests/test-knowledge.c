/* test-knowledge.c: the knowledge base's data, mention detection and
 * the stored mentions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "gloss-cleaner.h"
#include "gloss-error.h"
#include "gloss-knowledge-base.h"
#include "gloss-mention-group.h"
#include "gloss-mention-index.h"
#include "gloss-mention.h"
#include "gloss-mentions.h"
#include "test-util.h"

#define ARTICLE "000_19fab0aeb8cf70aa"
#define THESIS  "002_ba12018ce53e1c1f"

static GlossKnowledgeBase *
bundled (void)
{
  g_autoptr(GError) error = NULL;
  GlossKnowledgeBase *knowledge = gloss_knowledge_base_new_bundled (&error);

  g_assert_no_error (error);
  return knowledge;
}

/* ------------------------------------------------------------------ */
/* The data                                                           */

static void
test_data_valid (void)
{
  g_autoptr(GlossKnowledgeBase) knowledge = bundled ();
  g_autoptr(GError) error = NULL;
  GListModel *timeline = gloss_knowledge_base_get_timeline (knowledge);
  GListModel *mechanisms = gloss_knowledge_base_get_mechanisms (knowledge);

  gloss_knowledge_base_validate (knowledge, &error);
  g_assert_no_error (error);

  /* the README's counts: nothing was dropped on the way in */
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 66);
  g_assert_cmpuint (g_list_model_get_n_items (mechanisms), ==, 21);
  g_assert_nonnull (gloss_knowledge_base_lookup (knowledge, "gge-2015-report"));
  g_assert_cmpstr (gloss_kb_item_get_symbol (gloss_knowledge_base_lookup (knowledge, "gge-2015-report")),
                   ==, "A/70/174");
  g_assert_cmpstr (gloss_kb_item_get_kind (gloss_knowledge_base_lookup (knowledge, "ru-cn-2015-agreement")),
                   ==, "bilateral");
  g_assert_true (g_strv_contains (gloss_kb_item_get_members (
                   gloss_knowledge_base_lookup (knowledge, "ru-cn-2015-agreement")), "Russia"));
  g_assert_null (gloss_knowledge_base_lookup (knowledge, "no-such-item"));
}

/* Every rule of validation fires on data that breaks it, and all the
 * problems are reported at once. */
static void
test_validation_rules (void)
{
  static const char timeline[] =
    "{\"items\": ["
    " {\"id\": \"ok\", \"lane\": \"gge\", \"type\": \"report\", \"date\": \"2015-07-22\","
    "  \"date_precision\": \"day\", \"title_zh\": \"报告\", \"title_en\": \"Report\","
    "  \"summary_en\": \"S.\", \"summary_zh\": \"摘要。\", \"aliases\": [\"X\"],"
    "  \"sources\": [{\"title\": \"T\", \"symbol\": null, \"url\": null}]},"
    " {\"id\": \"bad-date\", \"lane\": \"gge\", \"type\": \"report\", \"date\": \"2015-02-30\","
    "  \"date_precision\": \"day\", \"title_zh\": \"报告\", \"title_en\": \"R\","
    "  \"summary_en\": \"S.\", \"summary_zh\": \"摘要。\", \"aliases\": [\"Y\"],"
    "  \"sources\": [{\"title\": \"T\"}]},"
    " {\"id\": \"bad-precision\", \"lane\": \"gge\", \"type\": \"report\", \"date\": \"2015-07\","
    "  \"date_precision\": \"day\", \"title_zh\": \"报告\", \"title_en\": \"R\","
    "  \"summary_en\": \"S.\", \"summary_zh\": \"摘要。\", \"aliases\": [\"Z\"],"
    "  \"sources\": [{\"title\": \"T\"}]},"
    " {\"id\": \"ends-early\", \"lane\": \"oewg\", \"type\": \"group\", \"date\": \"2019\","
    "  \"date_precision\": \"year\", \"end_date\": \"2018\", \"end_date_precision\": \"year\","
    "  \"title_zh\": \"组\", \"title_en\": \"G\", \"summary_en\": \"S.\", \"summary_zh\": \"摘要。\","
    "  \"aliases\": [\"W\"], \"sources\": [{\"title\": \"T\"}]},"
    " {\"id\": \"no-source\", \"lane\": \"ga\", \"type\": \"resolution\", \"date\": \"2019\","
    "  \"date_precision\": \"year\", \"title_zh\": \"决议\", \"title_en\": \"R\","
    "  \"summary_en\": \"S.\", \"summary_zh\": \"摘要。\", \"aliases\": [\"V\"], \"sources\": []},"
    " {\"id\": \"no-alias\", \"lane\": \"moon\", \"type\": \"report\", \"date\": \"2019\","
    "  \"date_precision\": \"year\", \"title_zh\": \"\", \"title_en\": \"R\","
    "  \"summary_en\": \"S.\", \"aliases\": [], \"sources\": [{\"title\": \"T\"}]},"
    " {\"id\": \"ok\", \"lane\": \"gge\", \"type\": \"report\", \"date\": \"2015\","
    "  \"date_precision\": \"year\", \"title_zh\": \"报告\", \"title_en\": \"Again\","
    "  \"summary_en\": \"S.\", \"summary_zh\": \"摘要。\", \"aliases\": [\"U\"],"
    "  \"sources\": [{\"title\": \"T\"}]}"
    "]}";
  static const char mechanisms[] =
    "{\"items\": ["
    " {\"id\": \"bad-kind\", \"kind\": \"alliance\", \"members\": [], \"date\": \"2015\","
    "  \"date_precision\": \"year\", \"title_zh\": \"机制\", \"title_en\": \"M\","
    "  \"summary_en\": \"S.\", \"summary_zh\": \"摘要。\", \"aliases\": [\" \"],"
    "  \"sources\": [{\"title\": \"T\"}]}"
    "]}";
  static const char * const expected[] = {
    "bad-date: date “2015-02-30” (day) is not a calendar date",
    "bad-precision: date “2015-07” (day) does not match its precision",
    "ends-early: ends (2018) before it starts (2019)",
    "no-source: has no source",
    "no-alias: has no alias",
    "no-alias: lacks a Chinese or an English title",
    "no-alias: lacks a Chinese or an English summary",
    "no-alias: lane “moon” is not one of gge, oewg, ga, other",
    "ok: the id is used by another item",
    "bad-kind: kind “alliance” is not one of",
    "bad-kind: has no members",
    "bad-kind: alias 1 is empty",
  };
  g_autoptr(GlossKnowledgeBase) knowledge = gloss_knowledge_base_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (gloss_knowledge_base_load_data (knowledge, GLOSS_KB_TIMELINE, timeline, -1, "t", &error));
  g_assert_true (gloss_knowledge_base_load_data (knowledge, GLOSS_KB_MECHANISM, mechanisms, -1, "m", &error));
  g_assert_false (gloss_knowledge_base_validate (knowledge, &error));
  g_assert_error (error, GLOSS_KNOWLEDGE_ERROR, GLOSS_KNOWLEDGE_ERROR_INVALID);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (error->message, expected[i]) == NULL)
      g_error ("validation missed “%s” in:\n%s", expected[i], error->message);

  /* the good item raises nothing: no line names "ok" except the duplicate */
  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "ok:"))
      g_assert_cmpstr (lines[i], ==, "ok: the id is used by another item");

  g_clear_error (&error);
  g_assert_false (gloss_knowledge_base_load_data (knowledge, GLOSS_KB_TIMELINE, "[1, 2]", -1, "x", &error));
  g_assert_error (error, GLOSS_KNOWLEDGE_ERROR, GLOSS_KNOWLEDGE_ERROR_PARSE);
}

/* "No alias is shared by two items" (README), also after folding. */
static void
test_aliases_distinct (void)
{
  g_autoptr(GlossKnowledgeBase) knowledge = bundled ();
  g_autoptr(GHashTable) owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  for (guint c = GLOSS_KB_TIMELINE; c <= GLOSS_KB_MECHANISM; c++)
    {
      GListModel *items = gloss_knowledge_base_get_items (knowledge, c);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(GlossKbItem) item = g_list_model_get_item (items, i);
          const char * const *aliases = gloss_kb_item_get_aliases (item);

          for (guint a = 0; aliases[a]; a++, n++)
            {
              g_autofree char *folded = gloss_mention_fold (aliases[a]);
              const char *other = g_hash_table_lookup (owner, folded);

              if (other != NULL && !g_str_equal (other, gloss_kb_item_get_id (item)))
                g_error ("alias “%s” of %s is also one of %s", aliases[a],
                         gloss_kb_item_get_id (item), other);
              g_hash_table_insert (owner, g_steal_pointer (&folded),
                                   (gpointer) gloss_kb_item_get_id (item));
            }
        }
    }
  g_assert_cmpuint (n, >, 87);
}

/* Every corpus note quotes a bundled text exactly as `show` prints it. */
static void
test_corpus_notes_quote_the_texts (void)
{
  g_autoptr(GlossKnowledgeBase) knowledge = bundled ();
  g_autofree char *dir = NULL;
  g_autoptr(GlossLibrary) library = test_open_library (&dir);
  g_autoptr(GlossContent) article = test_load_bundled (library, ARTICLE);
  g_autoptr(GlossContent) thesis = test_load_bundled (library, THESIS);
  guint n_notes = 0;

  for (guint c = GLOSS_KB_TIMELINE; c <= GLOSS_KB_MECHANISM; c++)
    {
      GListModel *items = gloss_knowledge_base_get_items (knowledge, c);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(GlossKbItem) item = g_list_model_get_item (items, i);

          for (guint k = 0; k < gloss_kb_item_get_n_notes (item); k++, n_notes++)
            {
              const char *quote = gloss_kb_item_get_note (item, k)->quote_zh;

              if (strstr (gloss_content_get_text (article), quote) == NULL &&
                  strstr (gloss_content_get_text (thesis), quote) == NULL)
                g_error ("%s: the note's quote is in no bundled text: %s",
                         gloss_kb_item_get_id (item), quote);
            }
        }
    }
  g_assert_cmpuint (n_notes, >=, 8);

  g_clear_object (&article);
  g_clear_object (&thesis);
  g_assert_finalize_object (g_steal_pointer (&library));
  test_rm_rf (dir);
}

/* ------------------------------------------------------------------ */
/* Detection on synthetic text, through the cleaner                   */

typedef struct
{
  const char *text;         /* as it must read in the cleaned text */
  const char *item_id;      /* NULL: must not be a mention */
  guint       length;       /* of the mention, if not all of text */
} Expect;

static GArray *
find_in (GlossMentionMatcher *matcher,
         GlossContent        *content)
{
  return gloss_mention_matcher_find (matcher, gloss_content_get_text (content));
}

/* The mention that starts where needle starts, or NULL. */
static const GlossMentionMatch *
mention_at (GArray *matches,
            gint    offset)
{
  for (guint i = 0; i < matches->len; i++)
    if ((gint) g_array_index (matches, GlossMentionMatch, i).start == offset)
      return &g_array_index (matches, GlossMentionMatch, i);
  return NULL;
}

static void
check_expectations (const char   *raw,
                    const Expect *expect,
                    guint         n)
{
  g_autoptr(GlossKnowledgeBase) knowledge = bundled ();
  g_autoptr(GlossMentionMatcher) matcher = gloss_mention_matcher_new (knowledge);
  g_autoptr(GlossContent) content = gloss_clean_plain_text (raw, NULL, 0);
  g_autoptr(GArray) matches = find_in (matcher, content);

  for (guint i = 0; i < n; i++)
    {
      gint offset = test_find_char_offset (content, expect[i].text);
      const GlossMentionMatch *m;

      g_assert_cmpint (offset, >=, 0);
      m = mention_at (matches, offset);
      if (expect[i].item_id == NULL)
        {
          /* nothing starts there, and nothing covering it is that symbol */
          g_assert_null (m);
          continue;
        }
      if (m == NULL)
        g_error ("no mention at “%s”", expect[i].text);
      g_assert_cmpstr (m->item_id, ==, expect[i].item_id);
      g_assert_cmpuint (m->end - m->start, ==,
                        expect[i].length ? expect[i].length : g_utf8_strlen (expect[i].text, -1));
    }
}

static void
test_symbol_boundaries (void)
{
  static const char raw[] =
    "参见A/70/1745号文件，而非A/70/174。全角的Ａ／７０／１７４５亦然，"
    "但Ａ／７０／１７４与A / 70 / 174都是。另见A/RES/73/2660与A/RES/73/266。\n";
  static const Expect expect[] = {
    { "A/70/1745", NULL },
    { "A/70/174。", NULL },                 /* found below, as the symbol alone */
    { "Ａ／７０／１７４５", NULL },
    { "Ａ／７０／１７４与", NULL },
    { "A/RES/73/2660", NULL },
  };
  static const Expect found[] = {
    { "A/70/174", "gge-2015-report" },
    { "Ａ／７０／１７４", "gge-2015-report" },
    { "A / 70 / 174", "gge-2015-report" },
    { "A/RES/73/266", "ga-2018-res-73-266" },
  };
  g_autoptr(GlossKnowledgeBase) knowledge = bundled ();
  g_autoptr(GlossMentionMatcher) matcher = gloss_mention_matcher_new (knowledge);
  g_autoptr(GlossContent) content = gloss_clean_plain_text (raw, NULL, 0);
  g_autoptr(GArray) matches = find_in (matcher, content);
  const char *text = gloss_content_get_text (content);

  check_expectations (raw, expect, 1);
  check_expectations (raw, expect + 2, 1);
  check_expectations (raw, expect + 4, 1);

  /* exactly the four real symbols, each where it stands */
  g_assert_cmpuint (matches->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      const char *at = i == 0 ? strstr (strstr (text, "而非"), found[i].text)
                     : i == 1 ? strstr (strstr (text, "但"), found[i].text)
                     : i == 3 ? strstr (strstr (text, "与A/RES"), found[i].text)
                     : strstr (text, found[i].text);
      const GlossMentionMatch *m = mention_at (matches, g_utf8_pointer_to_offset (text, at));

      g_assert_nonnull (m);
      g_assert_cmpstr (m->item_id, ==, found[i].item_id);
      g_assert_cmpint (m->kind, ==, GLOSS_MENTION_SYMBOL);
      g_assert_cmpuint (m->end - m->start, ==, g_utf8_strlen (found[i].text, -1));
    }
}

static void
test_dated_references (void)
{
  static const char raw[] =
    "第五届ＵＮＧＧＥ（２０１６—２０１７）未能达成共识。第四届UNGGE报告影响深远。"
    "２０１３年、２０１５年ＵＮＧＧＥ报告中的规范。２０１２年ＵＮＧＧＥ开始工作，"
    "２０１９年 UNGGE组会。ＯＥＷＧ首届会议召开。2017年的UNGGE报告。UNGGE（2009-2010）\n";
  static const Expect expect[] = {
    { "第五届ＵＮＧＧＥ（２０１６—２０１７）", "gge-2016-2017" },
    { "第四届UNGGE报告", "gge-2015-report" },
    { "２０１３年", "gge-2013-report" },
    { "２０１５年ＵＮＧＧＥ报告", "gge-2015-report" },
    { "２０１２年ＵＮＧＧＥ", "gge-2012-2013" },
    { "２０１９年 UNGGE", "gge-2019-2021" },
    { "ＯＥＷＧ首届会议", "oewg-2019-session-1" },
    { "2017年的UNGGE报告", "gge-2017-no-consensus" },
    { "UNGGE（2009-2010）", "gge-2009-2010" },
  };

  check_expectations (raw, expect, G_N_ELEMENTS (expect));
}

/* A specific alias is not split into the generic one inside it, and a
 * bare name links to the series. */
static void
test_longest_alias_wins (void)
{
  static const char raw[] =
    "２０１５年ＵＮＧＧＥ报告与UN GGE及ＵＮＧＧＥ，联合国信息安全政府专家组。OEWGs不算。\n";
  static const Expect expect[] = {
    { "２０１５年ＵＮＧＧＥ报告", "gge-2015-report" },
    { "ＵＮＧＧＥ报告", NULL },
    { "UN GGE", "gge-process" },
    { "ＵＮＧＧＥ，", "gge-process", 5 },
    { "联合国信息安全政府专家组", "gge-process" },
    { "信息安全政府专家组", NULL },
  };

  check_expectations (raw, expect, 2);
  check_expectations (raw, expect + 3, 1);
  check_expectations (raw, expect + 5, 1);
  {
    g_autoptr(GlossKnowledgeBase) knowledge = bundled ();
    g_autoptr(GlossMentionMatcher) matcher = gloss_mention_matcher_new (knowledge);
    g_autoptr(GlossContent) content = gloss_clean_plain_text (raw, NULL, 0);
    g_autoptr(GArray) matches = find_in (matcher, content);
    gint un_gge = test_find_char_offset (content, "UN GGE");

    /* 2015 report, UN GGE, ＵＮＧＧＥ, the full name: OEWGs is no OEWG */
    g_assert_cmpuint (matches->len, ==, 4);
    g_assert_cmpstr (mention_at (matches, un_gge)->item_id, ==, "gge-process");
    g_assert_cmpuint (mention_at (matches, un_gge)->end, ==, un_gge + 6);
  }
}

/* Aliases and texts are compared folded: widths, case, dashes and white
 * space do not count; Traditional characters stay as they are. */
static void
test_fold (void)
{
  static const struct { const char *text; const char *folded; } cases[] = {
    { "ＵＮＧＧＥ", "ungge" },
    { "Ａ／７０／１７４", "a/70/174" },
    { "A / 70 / 174", "a/70/174" },
    { "Un Gge", "ungge" },
    { "ＭｉＸｅＤ ＣａＳｅ", "mixedcase" },
    { "ß ẞ \u212A \u2126", "ssssk\u03C9" },                /* Kelvin, Ohm signs */
    { "2016—2017", "2016-2017" },                           /* em dash */
    { "2016–2017", "2016-2017" },                           /* en dash */
    { "２０１６－２０１７", "2016-2017" },
    { "2016\u2010\u2011\u2015\u2212\uFE58\uFE63\u30FC2017", "2016-------2017" },
    { "联合国　信息安全", "联合国信息安全" },               /* ideographic space */
    { "a\u00A0b\u200Bc\uFEFFd\u2028e\tf\ng\r\fh", "abcdefgh" },
    { "網絡空間，聯合國", "網絡空間,聯合國" },
    { "第五届ＵＮＧＧＥ（２０１６—２０１７）", "第五届ungge(2016-2017)" },
    { "ﬁ ﬃ …… ㈠ ①", "fiffi......(一)1" },
    { "  leading and trailing  ", "leadingandtrailing" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = gloss_mention_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

/* Where mention folding changed when it moved to gloss-fold: it is now
 * NFKC then case folding all through, by cluster (a character and its
 * combining marks), as search folds. */
static void
test_fold_as_search (void)
{
  static const struct { const char *text; const char *folded; } cases[] = {
    { "e\u0301", "\u00E9" },            /* was e + U+0301, never é */
    { "J\u030C \u01F0", "\u01F0\u01F0" },  /* was j + U+030C: not normalized again */
    { "\u3038\u3039\u303A\u3036", "十卄卅〒" },  /* were taken as folding to themselves */
    { "\u33AF", "rad\u2215s2" },         /* was cut after four characters */
  };
  g_autoptr(GlossKnowledgeBase) knowledge = bundled ();
  g_autoptr(GlossMentionMatcher) matcher = gloss_mention_matcher_new (knowledge);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = gloss_mention_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }

  /* ǰ is no ASCII letter next to a symbol, like é (it used to be, like j) */
  {
    g_autoptr(GArray) caron = gloss_mention_matcher_find (matcher, "\u01F0A/70/174");
    g_autoptr(GArray) acute = gloss_mention_matcher_find (matcher, "\u00E9A/70/174");
    g_autoptr(GArray) j = gloss_mention_matcher_find (matcher, "jA/70/174");

    g_assert_cmpuint (caron->len, ==, 1);
    g_assert_cmpuint (g_array_index (caron, GlossMentionMatch, 0).start, ==, 1);
    g_assert_cmpuint (acute->len, ==, 1);
    g_assert_cmpuint (j->len, ==, 0);
  }
}

/* Offsets are the text's, around folded white space and wide forms. */
static void
test_fold_offsets (void)
{
  static const char raw[] = "见ＵＮ　ＧＧＥ与Ａ／７０／１７４。\n";
  static const Expect expect[] = {
    { "ＵＮ　ＧＧＥ", "gge-process" },
    { "Ａ／７０／１７４", "gge-2015-report" },
  };

  check_expectations (raw, expect, G_N_ELEMENTS (expect));
}

/* ------------------------------------------------------------------ */
/* The stored mentions of the bundled corpus                          */

typedef struct
{
  char               *dir;
  GlossLibrary       *library;
  GlossKnowledgeBase *knowledge;
  GlossMentionIndex  *index;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  f->library = test_open_library (&f->dir);
  f->knowledge = bundled ();
  f->index = gloss_mention_index_new (f->library, f->knowledge);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_assert_finalize_object (f->index);
  g_assert_finalize_object (f->library);
  g_assert_finalize_object (f->knowledge);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

/* The mentions of an item in one document. */
static GListModel *
mentions_in (Fixture    *f,
             const char *item_id,
             const char *doc_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) groups = gloss_mention_index_list_item_mentions (f->index, item_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(GlossMentionGroup) group = g_list_model_get_item (groups, i);

      g_assert_cmpuint (gloss_mention_group_get_n_mentions (group), >, 0);
      if (g_str_equal (gloss_document_get_id (gloss_mention_group_get_document (group)), doc_id))
        return g_object_ref (gloss_mention_group_get_mentions (group));
    }
  return G_LIST_MODEL (g_list_store_new (GLOSS_TYPE_MENTION));
}

/* How many of the item's mentions in doc read exactly `form`. */
static guint
count_form (Fixture      *f,
            GlossContent *content,
            const char   *item_id,
            const char   *doc_id,
            const char   *form)
{
  g_autoptr(GListModel) mentions = mentions_in (f, item_id, doc_id);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(GlossMention) m = g_list_model_get_item (mentions, i);
      g_autofree char *quote = gloss_content_dup_range (content, gloss_mention_get_start (m),
                                                        gloss_mention_get_end (m));

      n += g_str_equal (quote, form);
    }
  return n;
}

static void
test_article_mentions (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(GlossContent) article = test_load_bundled (f->library, ARTICLE);
  g_autoptr(GlossContent) thesis = test_load_bundled (f->library, THESIS);
  g_autoptr(GListModel) report = mentions_in (f, "gge-2015-report", ARTICLE);

  /* the article's full-width symbols link to their reports */
  g_assert_cmpuint (count_form (f, article, "gge-2015-report", ARTICLE, "Ａ／７０／１７４"), >=, 3);
  g_assert_cmpuint (count_form (f, article, "gge-2010-report", ARTICLE, "Ａ／６５／２０１"), >=, 1);
  g_assert_cmpuint (count_form (f, article, "gge-2013-report", ARTICLE, "Ａ／６８／９８"), >=, 1);
  g_assert_cmpuint (count_form (f, article, "ga-2018-res-73-266", ARTICLE, "Ａ／ＲＥＳ／７３／２６６"), ==, 1);
  g_assert_cmpuint (count_form (f, article, "gge-2015-report", ARTICLE, "２０１５年ＵＮＧＧＥ报告"), >=, 1);
  /* both widths of the series' name */
  g_assert_cmpuint (count_form (f, article, "gge-process", ARTICLE, "ＵＮＧＧＥ"), >=, 50);
  g_assert_cmpuint (count_form (f, thesis, "gge-process", THESIS, "UNGGE"), >=, 1);

  /* a card's passages have their page and a snippet around them */
  for (guint i = 0; i < g_list_model_get_n_items (report); i++)
    {
      g_autoptr(GlossMention) m = g_list_model_get_item (report, i);
      g_autofree char *quote = gloss_content_dup_range (article, gloss_mention_get_start (m),
                                                        gloss_mention_get_end (m));

      g_assert_cmpint (gloss_mention_get_page (m), ==,
                       gloss_content_page_at (article, gloss_mention_get_start (m)));
      g_assert_nonnull (strstr (gloss_mention_get_snippet (m), quote));
    }
}

/* Every stored mention indexes the `show` text: for an alias or a
 * symbol the passage folds to one of the item's aliases; mentions of a
 * document never overlap. */
static void
check_document (Fixture    *f,
                const char *doc_id)
{
  g_autoptr(GlossContent) content = test_load_bundled (f->library, doc_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) mentions = gloss_mention_index_list_document_mentions (f->index, doc_id, &error);
  guint previous_end = 0, n = g_list_model_get_n_items (mentions);

  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 10);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossMention) m = g_list_model_get_item (mentions, i);
      GlossKbItem *item = gloss_knowledge_base_lookup (f->knowledge, gloss_mention_get_item_id (m));
      g_autofree char *quote = gloss_content_dup_range (content, gloss_mention_get_start (m),
                                                        gloss_mention_get_end (m));
      g_autofree char *folded = gloss_mention_fold (quote);
      const char * const *aliases;
      gboolean is_alias = FALSE;

      g_assert_nonnull (item);
      g_assert_cmpuint (gloss_mention_get_start (m), >=, previous_end);
      g_assert_cmpuint (gloss_mention_get_end (m), <=, gloss_content_get_n_chars (content));
      previous_end = gloss_mention_get_end (m);
      if (g_str_equal (gloss_mention_get_kind (m), "dated"))
        continue;

      aliases = gloss_kb_item_get_aliases (item);
      for (guint a = 0; aliases[a] && !is_alias; a++)
        {
          g_autofree char *alias = gloss_mention_fold (aliases[a]);

          is_alias = g_str_equal (alias, folded);
        }
      if (!is_alias)
        g_error ("%s [%u, %u) “%s” is no alias of %s", doc_id, gloss_mention_get_start (m),
                 gloss_mention_get_end (m), quote, gloss_kb_item_get_id (item));
    }
}

static void
test_offsets_index_the_text (Fixture      *f,
                             gconstpointer data)
{
  check_document (f, ARTICLE);
  check_document (f, THESIS);
}

static void
test_items_in_range (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(GlossContent) article = test_load_bundled (f->library, ARTICLE);
  g_autoptr(GError) error = NULL;
  gint at = test_find_char_offset (article, "２０１５年ＵＮＧＧＥ报告");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) none = NULL;

  g_assert_cmpint (at, >, 0);
  /* a passage that overlaps only the end of the mention still shows it */
  items = gloss_mention_index_items_in_range (f->index, ARTICLE, at + 8, at + 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (gloss_kb_item_get_id (items->pdata[0]), ==, "gge-2015-report");

  g_clear_pointer (&items, g_ptr_array_unref);
  items = gloss_mention_index_items_in_range (f->index, ARTICLE, 0, gloss_content_get_n_chars (article),
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >=, 10);
  for (guint i = 0; i < items->len; i++)
    for (guint j = i + 1; j < items->len; j++)
      g_assert_true (items->pdata[i] != items->pdata[j]);

  none = gloss_mention_index_items_in_range (f->index, ARTICLE, at, at, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static guint
count_docs (Fixture    *f,
            const char *item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) groups = gloss_mention_index_list_item_mentions (f->index, item_id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (groups);
}

static void
test_recomputed_after_import (Fixture      *f,
                              gconstpointer data)
{
  g_autofree char *files = test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) mentions = NULL;
  g_autoptr(GlossMention) m = NULL;
  static const char text[] = "2021年专家组报告（Ａ／７６／１３５）获得通过。\n";

  /* the index has answered before the import, and must not go stale */
  g_assert_cmpuint (count_docs (f, "gge-2021-report"), ==, 0);

  path = test_write_file (files, "note.txt", text, -1);
  file = g_file_new_for_path (path);
  doc = gloss_library_import_file (f->library, file, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (count_docs (f, "gge-2021-report"), ==, 1);
  mentions = mentions_in (f, "gge-2021-report", gloss_document_get_id (doc));
  /* “2021年专家组报告” names the report by year, the symbol by number */
  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, 2);
  m = g_list_model_get_item (mentions, 0);
  g_assert_cmpuint (gloss_mention_get_start (m), ==, 0);
  g_assert_cmpuint (gloss_mention_get_end (m), ==, 10);
  g_assert_cmpstr (gloss_mention_get_kind (m), ==, "dated");
  g_clear_object (&m);
  m = g_list_model_get_item (mentions, 1);
  g_assert_cmpuint (gloss_mention_get_start (m), ==, 11);
  g_assert_cmpuint (gloss_mention_get_end (m), ==, 19);
  g_assert_cmpstr (gloss_mention_get_kind (m), ==, "symbol");

  test_rm_rf (files);
}

/* An item added to the knowledge base (as a user's own event will be)
 * is found in the texts already stored. */
static void
test_recomputed_when_knowledge_changes (Fixture      *f,
                                        gconstpointer data)
{
  g_autoptr(GlossKbItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_strdup (gloss_knowledge_base_get_version (f->knowledge));
  static const char * const aliases[] = { "Ｋａｖａｎａｇｈ", NULL };

  g_assert_cmpuint (count_docs (f, "user-kavanagh-2017"), ==, 0);

  item = g_object_new (GLOSS_TYPE_KB_ITEM, "id", "user-kavanagh-2017", "category", GLOSS_KB_TIMELINE,
                       "date", "2017", "date-precision", "year", "lane", "other", "item-type", "meeting",
                       "title-zh", "卡瓦纳报告", "title-en", "Kavanagh (2017)",
                       "summary-en", "A study cited by the article.", "summary-zh", "文章引用的研究。",
                       "user-defined", TRUE, NULL);
  gloss_kb_item_set_aliases (item, aliases);
  /* no source yet: refused */
  g_assert_false (gloss_knowledge_base_add_item (f->knowledge, item, &error));
  g_assert_error (error, GLOSS_KNOWLEDGE_ERROR, GLOSS_KNOWLEDGE_ERROR_INVALID);
  g_clear_error (&error);

  gloss_kb_item_add_source (item, "UNIDIR", NULL, "https://unidir.org");
  g_assert_true (gloss_knowledge_base_add_item (f->knowledge, item, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_knowledge_base_get_version (f->knowledge), !=, before);

  /* written Ｋａｖａｎａｇｈ in the article, found with any width */
  g_assert_cmpuint (count_docs (f, "user-kavanagh-2017"), ==, 1);
  g_assert_false (gloss_knowledge_base_add_item (f->knowledge, item, &error));
  g_assert_error (error, GLOSS_KNOWLEDGE_ERROR, GLOSS_KNOWLEDGE_ERROR_DUPLICATE);

  g_assert_true (gloss_knowledge_base_remove_item (f->knowledge, "user-kavanagh-2017"));
  g_assert_cmpstr (gloss_knowledge_base_get_version (f->knowledge), ==, before);
  g_assert_cmpuint (count_docs (f, "user-kavanagh-2017"), ==, 0);
}

/* ------------------------------------------------------------------ */
/* The command line                                                   */

static char *
run_gloss (const char *library,
           const char *command,
           int        *status)
{
  const char *argv[] = { g_getenv ("GLOSS_BINARY"), "--library", library, command, "--json", NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  return out;
}

static JsonArray *
run_json (const char *library,
          const char *command,
          JsonNode  **root)
{
  int status;
  g_autofree char *out = run_gloss (library, command, &status);
  g_autoptr(GError) error = NULL;

  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  *root = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*root));
  return json_node_get_array (*root);
}

static void
test_cli (void)
{
  static const char * const fields[] = {
    "id", "date", "date_precision", "end_date", "title_zh", "title_en", "symbol",
    "summary_en", "summary_zh", "sources", "aliases", "uncertain", "corpus_notes", "mentions",
  };
  g_autofree char *dir = test_make_tmpdir ();
  g_autoptr(JsonNode) timeline_root = NULL;
  g_autoptr(JsonNode) mechanisms_root = NULL;
  JsonArray *timeline = run_json (dir, "timeline", &timeline_root);
  JsonArray *mechanisms = run_json (dir, "mechanisms", &mechanisms_root);
  guint in_article = 0;

  g_assert_cmpuint (json_array_get_length (timeline), ==, 66);
  g_assert_cmpuint (json_array_get_length (mechanisms), ==, 21);
  for (guint i = 0; i < json_array_get_length (timeline); i++)
    {
      JsonObject *item = json_array_get_object_element (timeline, i);
      JsonArray *mentions;

      for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
        g_assert_true (json_object_has_member (item, fields[k]));
      g_assert_true (json_object_has_member (item, "lane"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "sources")), >, 0);
      if (!g_str_equal (json_object_get_string_member (item, "id"), "gge-2015-report"))
        continue;

      mentions = json_object_get_array_member (item, "mentions");
      for (guint m = 0; m < json_array_get_length (mentions); m++)
        {
          JsonObject *mention = json_array_get_object_element (mentions, m);

          g_assert_cmpint (json_object_get_int_member (mention, "end"), >,
                           json_object_get_int_member (mention, "start"));
          in_article += g_str_equal (json_object_get_string_member (mention, "doc"), ARTICLE);
        }
    }
  g_assert_cmpuint (in_article, >=, 3);

  for (guint i = 0; i < json_array_get_length (mechanisms); i++)
    {
      JsonObject *item = json_array_get_object_element (mechanisms, i);

      g_assert_true (json_object_has_member (item, "kind"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "members")), >, 0);
      g_assert_true (json_object_has_member (item, "mentions"));
    }
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/knowledge/data/valid", test_data_valid);
  g_test_add_func ("/knowledge/data/validation-rules", test_validation_rules);
  g_test_add_func ("/knowledge/data/aliases-distinct", test_aliases_distinct);
  g_test_add_func ("/knowledge/data/corpus-notes", test_corpus_notes_quote_the_texts);
  g_test_add_func ("/knowledge/detect/symbol-boundaries", test_symbol_boundaries);
  g_test_add_func ("/knowledge/detect/dated-references", test_dated_references);
  g_test_add_func ("/knowledge/detect/longest-alias", test_longest_alias_wins);
  g_test_add_func ("/knowledge/detect/fold", test_fold);
  g_test_add_func ("/knowledge/detect/fold-offsets", test_fold_offsets);
  g_test_add_func ("/knowledge/detect/fold-as-search", test_fold_as_search);
  g_test_add ("/knowledge/index/article", Fixture, NULL, fixture_setup, test_article_mentions, fixture_teardown);
  g_test_add ("/knowledge/index/offsets", Fixture, NULL, fixture_setup, test_offsets_index_the_text, fixture_teardown);
  g_test_add ("/knowledge/index/range", Fixture, NULL, fixture_setup, test_items_in_range, fixture_teardown);
  g_test_add ("/knowledge/index/import", Fixture, NULL, fixture_setup, test_recomputed_after_import, fixture_teardown);
  g_test_add ("/knowledge/index/knowledge-change", Fixture, NULL, fixture_setup,
              test_recomputed_when_knowledge_changes, fixture_teardown);
  g_test_add_func ("/knowledge/cli", test_cli);

  return g_test_run ();
}
