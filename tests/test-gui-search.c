/* test-gui-search.c: the search pane and the find bar, on the bundled texts
 *
 * Runs under a display (xvfb-run -a), with GSETTINGS_BACKEND=memory and
 * the schema compiled into the build directory. Every count the widgets
 * show is checked against a reference computed apart: the core's count
 * for the pane, a plain strstr() over the folded text for the find bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gloss-find-bar.h"
#include "gloss-fold.h"
#include "gloss-knowledge-base.h"
#include "gloss-library.h"
#include "gloss-search-pane.h"
#include "test-util.h"

#define ARTICLE_ID "000_19fab0aeb8cf70aa"

/* Long enough for a slow CI machine, short enough to fail rather than hang. */
#define WAIT_TIMEOUT_USEC (60 * G_USEC_PER_SEC)

typedef struct
{
  char               *dir;
  GlossLibrary       *library;
  GlossKnowledgeBase *knowledge;
  GtkWindow          *window;
  GlossSearchPane    *pane;
  GlossFindBar       *bar;
  GtkTextBuffer      *buffer;
  GlossContent       *content;
} Fixture;

/* ------------------------------------------------------------------ */
/* Waiting                                                            */

/* The pane has taken the query, run it and shown what came of it. */
static gboolean
pane_settled (gpointer data)
{
  GlossSearchPane *pane = data;
  const char *state = gloss_search_pane_get_state (pane);

  return !gloss_search_pane_get_busy (pane) &&
         (g_str_equal (state, "results") || g_str_equal (state, "message") ||
          g_str_equal (state, "start"));
}

/* Types the query and waits past the entry's delay for the outcome. */
static void
search (Fixture    *f,
        const char *query)
{
  gloss_search_pane_set_query (f->pane, query);
  test_iterate_for (250);
  test_iterate_until_full (pane_settled, f->pane, WAIT_TIMEOUT_USEC);
}

static gboolean
bar_settled (gpointer data)
{
  return !gloss_find_bar_get_busy (data);
}

static void
find (Fixture    *f,
      const char *query)
{
  gloss_find_bar_set_query (f->bar, query);
  test_iterate_for (150);
  test_iterate_until_full (bar_settled, f->bar, WAIT_TIMEOUT_USEC);
}

/* ------------------------------------------------------------------ */
/* References                                                         */

static guint64
core_count (Fixture        *f,
            const char     *query,
            GlossFoldFlags  flags)
{
  g_autoptr(GlossSearchIndex) index = gloss_search_index_new (f->dir, flags);
  g_autoptr(GError) error = NULL;
  guint64 total = 0;

  g_assert_true (gloss_search_index_update (index, f->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_search_index_count (index, query, &total, NULL, &error));
  g_assert_no_error (error);
  return total;
}

static char *
folded (const char *text)
{
  return gloss_fold (text, -1, GLOSS_FOLD_DEFAULT, NULL);
}

/* Non-overlapping occurrences of needle in the folded text. */
static guint
strstr_count (const char *text,
              const char *needle)
{
  g_autofree char *haystack = folded (text);
  g_autofree char *folded_needle = folded (needle);
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, folded_needle)) != NULL; p += strlen (folded_needle))
    n++;
  return n;
}

/* ------------------------------------------------------------------ */
/* Fixture                                                            */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *view;

  f->library = test_open_library (&f->dir);
  f->knowledge = gloss_knowledge_base_new_bundled (&error);
  g_assert_no_error (error);
  f->content = test_load_bundled (f->library, ARTICLE_ID);

  f->pane = GLOSS_SEARCH_PANE (gloss_search_pane_new ());
  gtk_widget_set_size_request (GTK_WIDGET (f->pane), 320, -1);
  gloss_search_pane_set_knowledge_base (f->pane, f->knowledge);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->pane));

  f->buffer = gtk_text_buffer_new (NULL);
  f->bar = GLOSS_FIND_BAR (gloss_find_bar_new ());
  view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_box_append (GTK_BOX (view), GTK_WIDGET (f->bar));
  gtk_box_append (GTK_BOX (view), gtk_text_view_new_with_buffer (f->buffer));
  gtk_box_append (GTK_BOX (box), view);

  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (f->window);
  gtk_window_set_child (f->window, box);
  gtk_window_set_default_size (f->window, 900, 700);
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  /* workers still running hold the widgets until they report */
  test_iterate_for (100);
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->buffer);
  g_assert_finalize_object (f->content);
  g_assert_finalize_object (f->knowledge);
  g_assert_finalize_object (f->library);

  test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
open_pane (Fixture *f)
{
  gloss_search_pane_set_library (f->pane, f->library);
  /* the index is built on a worker as soon as there is a library */
  g_assert_true (gloss_search_pane_get_busy (f->pane));
}

/* ------------------------------------------------------------------ */
/* The search pane                                                    */

typedef struct
{
  char  *id;
  guint  start;
  guint  end;
  guint  n_emitted;
} Activated;

static void
activated_clear (Activated *a)
{
  g_clear_pointer (&a->id, g_free);
  a->n_emitted = 0;
}

static void
result_activated_cb (GlossSearchPane *pane,
                     const char      *doc_id,
                     guint            start,
                     guint            end,
                     Activated       *a)
{
  g_free (a->id);
  a->id = g_strdup (doc_id);
  a->start = start;
  a->end = end;
  a->n_emitted++;
}

static void
id_activated_cb (GlossSearchPane *pane,
                 const char      *id,
                 Activated       *a)
{
  g_free (a->id);
  a->id = g_strdup (id);
  a->n_emitted++;
}

/* The first row of a kind, or G_MAXUINT. */
static guint
find_row (GListModel            *rows,
          GlossSearchResultKind  kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GlossSearchResult) row = g_list_model_get_item (rows, i);

      if (gloss_search_result_get_kind (row) == kind)
        return i;
    }
  return G_MAXUINT;
}

static void
check_grouping (GListModel *rows,
                guint      *n_text,
                guint      *n_documents)
{
  g_autofree char *doc_id = NULL;
  guint in_group = 0, group_count = 0;

  *n_text = *n_documents = 0;
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GlossSearchResult) row = g_list_model_get_item (rows, i);

      if (gloss_search_result_get_kind (row) == GLOSS_SEARCH_RESULT_GROUP)
        {
          g_assert_cmpuint (in_group, ==, group_count);
          in_group = 0;
          group_count = gloss_search_result_get_count (row);
          g_assert_cmpuint (group_count, >, 0);
          g_clear_pointer (&doc_id, g_free);
          if (gloss_search_result_get_group (row) == GLOSS_SEARCH_SOURCE_DOCUMENT)
            {
              (*n_documents)++;
              g_assert_nonnull (gloss_search_result_get_title (row));
              doc_id = g_strdup (gloss_search_result_get_id (row));
            }
          continue;
        }

      g_assert_cmpuint (i, >, 0);   /* a heading comes first */
      in_group++;
      if (gloss_search_result_get_kind (row) == GLOSS_SEARCH_RESULT_TEXT)
        {
          g_assert_cmpstr (gloss_search_result_get_id (row), ==, doc_id);
          (*n_text)++;
        }
    }
  g_assert_cmpuint (in_group, ==, group_count);
}

static void
test_pane_grouped_results (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *query = folded ("中俄");
  g_autofree char *count_prefix = NULL;
  g_autoptr(GlossContent) content = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autofree char *range = NULL;
  g_autofree char *folded_range = NULL;
  g_autoptr(GError) error = NULL;
  guint64 expected = core_count (f, "中俄", GLOSS_FOLD_DEFAULT);
  GlossSearchResults *results;
  GListModel *rows;
  Activated a = { 0 };
  guint n_text, n_documents, first_text;

  open_pane (f);
  search (f, "中俄");

  g_assert_cmpstr (gloss_search_pane_get_state (f->pane), ==, "results");
  results = gloss_search_pane_get_results (f->pane);
  g_assert_nonnull (results);
  g_assert_false (gloss_search_results_get_truncated (results));
  g_assert_cmpuint (expected, >, 10);
  g_assert_cmpuint (gloss_search_results_get_n_matches (results), ==, expected);

  rows = gloss_search_results_get_rows (results);
  check_grouping (rows, &n_text, &n_documents);
  g_assert_cmpuint (n_text, ==, expected);
  g_assert_cmpuint (n_documents, ==, gloss_search_results_get_n_documents (results));
  g_assert_cmpuint (n_documents, ==, 2);

  /* the line above the results says the same */
  count_prefix = g_strdup_printf ("%" G_GUINT64_FORMAT " matches in 2 documents", expected);
  g_assert_true (g_str_has_prefix (gloss_search_pane_get_count_text (f->pane), count_prefix));

  /* a heading is not a result */
  g_signal_connect (f->pane, "result-activated", G_CALLBACK (result_activated_cb), &a);
  g_assert_false (gloss_search_pane_activate_result (f->pane, 0));
  g_assert_cmpuint (a.n_emitted, ==, 0);

  /* a hit names its document and where the match is in its text */
  first_text = find_row (rows, GLOSS_SEARCH_RESULT_TEXT);
  g_assert_true (gloss_search_pane_activate_result (f->pane, first_text));
  g_assert_cmpuint (a.n_emitted, ==, 1);
  document = gloss_library_lookup (f->library, a.id, &error);
  g_assert_no_error (error);
  content = gloss_library_load_content (f->library, document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a.end, <=, gloss_content_get_n_chars (content));
  range = gloss_content_dup_range (content, a.start, a.end);
  folded_range = folded (range);
  g_assert_cmpstr (folded_range, ==, query);

  /* the rows are drawn without complaint */
  test_iterate_for (100);
  activated_clear (&a);
}

static void
collect_hits (GlossSearchPane *pane,
              GString         *out)
{
  GListModel *rows = gloss_search_results_get_rows (gloss_search_pane_get_results (pane));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GlossSearchResult) row = g_list_model_get_item (rows, i);

      if (gloss_search_result_get_kind (row) == GLOSS_SEARCH_RESULT_TEXT)
        g_string_append_printf (out, "%s:%u-%u;", gloss_search_result_get_id (row),
                                gloss_search_result_get_start (row),
                                gloss_search_result_get_end (row));
    }
}

static void
test_pane_full_width (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GString) full = g_string_new (NULL);
  g_autoptr(GString) half = g_string_new (NULL);

  open_pane (f);
  search (f, "ＵＮＧＧＥ");
  g_assert_cmpstr (gloss_search_pane_get_state (f->pane), ==, "results");
  collect_hits (f->pane, full);
  search (f, "UNGGE");
  g_assert_cmpstr (gloss_search_pane_get_state (f->pane), ==, "results");
  collect_hits (f->pane, half);

  g_assert_cmpuint (full->len, >, 0);
  g_assert_cmpstr (full->str, ==, half->str);
  g_assert_cmpuint (gloss_search_results_get_n_matches (gloss_search_pane_get_results (f->pane)),
                    ==, core_count (f, "ＵＮＧＧＥ", GLOSS_FOLD_DEFAULT));
}

static void
test_pane_notes_and_cards (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSearchResult) heading = NULL;
  GlossNote *note;
  GListModel *rows;
  Activated a = { 0 };
  guint row;

  document = gloss_library_lookup (f->library, ARTICLE_ID, &error);
  g_assert_no_error (error);
  /* markup in a note is text, never markup */
  note = gloss_annotations_add_document_note (gloss_library_get_annotations (f->library), document,
                                              "<b>读后</b> & 中俄合作的笔记", NULL, &error);
  g_assert_no_error (error);

  open_pane (f);
  search (f, "中俄");
  rows = gloss_search_results_get_rows (gloss_search_pane_get_results (f->pane));
  g_assert_cmpuint (gloss_search_results_get_n_notes (gloss_search_pane_get_results (f->pane)), ==, 1);
  g_assert_cmpuint (gloss_search_results_get_n_cards (gloss_search_pane_get_results (f->pane)), >, 0);

  row = find_row (rows, GLOSS_SEARCH_RESULT_NOTE);
  g_assert_cmpuint (row, !=, G_MAXUINT);
  heading = g_list_model_get_item (rows, row - 1);
  g_assert_cmpint (gloss_search_result_get_group (heading), ==, GLOSS_SEARCH_SOURCE_NOTE);
  {
    g_autoptr(GlossSearchResult) hit = g_list_model_get_item (rows, row);
    g_autofree char *markup = gloss_search_result_dup_snippet_markup (hit);

    g_assert_cmpstr (markup, ==, "&lt;b&gt;读后&lt;/b&gt; &amp; <b>中俄</b>合作的笔记");
    g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
  }
  g_signal_connect (f->pane, "note-activated", G_CALLBACK (id_activated_cb), &a);
  g_assert_true (gloss_search_pane_activate_result (f->pane, row));
  g_assert_cmpstr (a.id, ==, gloss_note_get_id (note));
  activated_clear (&a);

  row = find_row (rows, GLOSS_SEARCH_RESULT_CARD);
  g_assert_cmpuint (row, !=, G_MAXUINT);
  g_signal_connect (f->pane, "item-activated", G_CALLBACK (id_activated_cb), &a);
  g_assert_true (gloss_search_pane_activate_result (f->pane, row));
  g_assert_cmpuint (a.n_emitted, ==, 1);
  g_assert_nonnull (gloss_knowledge_base_lookup (f->knowledge, a.id));
  activated_clear (&a);
}

static void
test_pane_bad_queries (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GString) long_query = g_string_new (NULL);
  static const char *const syntax[] = {
    "\"中俄", "中俄\"", "NEAR(中俄 网络)", "中俄 OR 网络", "-中俄", "中俄*", "col:中俄",
    "\"\"", "'; DROP TABLE units; --", "^中俄", "(中俄", "中俄 AND", "*",
  };

  open_pane (f);

  /* nothing typed: the start page */
  search (f, "");
  g_assert_cmpstr (gloss_search_pane_get_state (f->pane), ==, "start");
  g_assert_null (gloss_search_pane_get_results (f->pane));
  search (f, "   ");
  g_assert_cmpstr (gloss_search_pane_get_state (f->pane), ==, "start");

  /* only punctuation: a message, not results */
  search (f, "，。！？ ... ---");
  g_assert_cmpstr (gloss_search_pane_get_state (f->pane), ==, "message");
  g_assert_null (gloss_search_pane_get_results (f->pane));

  /* 10 000 characters: no match, no crash */
  for (guint i = 0; i < 10000; i++)
    g_string_append (long_query, i % 2 ? "俄" : "中");
  search (f, long_query->str);
  g_assert_cmpstr (gloss_search_pane_get_state (f->pane), ==, "message");
  g_assert_cmpuint (gloss_search_results_get_n_matches (gloss_search_pane_get_results (f->pane)), ==, 0);

  /* FTS syntax is only text; a failure would log a warning, fatal here */
  for (guint i = 0; i < G_N_ELEMENTS (syntax); i++)
    {
      search (f, syntax[i]);
      g_assert_true (g_str_equal (gloss_search_pane_get_state (f->pane), "results") ||
                     g_str_equal (gloss_search_pane_get_state (f->pane), "message"));
    }

  /* and a good query still works after all that */
  search (f, "中俄");
  g_assert_cmpstr (gloss_search_pane_get_state (f->pane), ==, "results");
}

/* Typing fast: only the last query's results are shown. */
static void
test_pane_stale_results (Fixture       *f,
                         gconstpointer  data)
{
  static const char *const queries[] = { "网", "网络", "网络空", "网络空间", "规范" };

  open_pane (f);
  search (f, "中俄");
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      gloss_search_pane_set_query (f->pane, queries[i]);
      test_iterate_for (40);
    }
  test_iterate_for (250);
  test_iterate_until_full (pane_settled, f->pane, WAIT_TIMEOUT_USEC);

  g_assert_cmpstr (gloss_search_results_get_query (gloss_search_pane_get_results (f->pane)), ==, "规范");
  g_assert_cmpuint (gloss_search_results_get_n_matches (gloss_search_pane_get_results (f->pane)),
                    ==, core_count (f, "规范", GLOSS_FOLD_DEFAULT));
}

/* ------------------------------------------------------------------ */
/* The find bar                                                       */

/* Characters tagged with tag, and whether each range is whole. */
static guint
tagged_chars (GtkTextBuffer *buffer,
              const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;
  guint n = 0;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (!gtk_text_iter_is_end (&iter))
    {
      if (gtk_text_iter_has_tag (&iter, tag))
        n++;
      gtk_text_iter_forward_char (&iter);
    }
  return n;
}

static gboolean
range_has_tag (GtkTextBuffer *buffer,
               const char    *name,
               guint          start,
               guint          end)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  for (guint i = start; i < end; i++)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, i);
      if (!gtk_text_iter_has_tag (&iter, tag))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GtkTextBuffer *buffer;
  guint          expected;
} TagWait;

static gboolean
tags_done (gpointer data)
{
  TagWait *wait = data;

  return tagged_chars (wait->buffer, "find-match") == wait->expected;
}

static void
selected_cb (GlossFindBar *bar,
             guint         start,
             guint         end,
             Activated    *a)
{
  a->start = start;
  a->end = end;
  a->n_emitted++;
}

static void
open_bar (Fixture  *f,
          gboolean  whole_text)
{
  const char *text = gloss_content_get_text (f->content);

  if (whole_text)
    gtk_text_buffer_set_text (f->buffer, text, -1);
  gloss_find_bar_set_buffer (f->bar, f->buffer);
  gloss_find_bar_set_content (f->bar, f->content);
  gloss_find_bar_open (f->bar);
  g_assert_true (gloss_find_bar_get_active (f->bar));
}

static void
test_find_count_and_cycle (Fixture       *f,
                           gconstpointer  data)
{
  guint expected = strstr_count (gloss_content_get_text (f->content), "网络");
  g_autofree char *query = folded ("网络");
  g_autofree char *label = NULL;
  TagWait wait = { f->buffer, 0 };
  Activated a = { 0 };
  guint n, start, end;

  open_bar (f, TRUE);
  g_signal_connect (f->bar, "match-selected", G_CALLBACK (selected_cb), &a);
  find (f, "网络");

  n = gloss_find_bar_get_n_matches (f->bar);
  g_assert_cmpuint (expected, >, 20);
  g_assert_cmpuint (n, ==, expected);
  label = g_strdup_printf ("1 of %u", n);
  g_assert_cmpstr (gloss_find_bar_get_count_text (f->bar), ==, label);

  /* every match is the query, folded */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *range = NULL;
      g_autofree char *folded_range = NULL;

      g_assert_true (gloss_find_bar_get_match (f->bar, i, &start, &end));
      range = gloss_content_dup_range (f->content, start, end);
      folded_range = folded (range);
      g_assert_cmpstr (folded_range, ==, query);
    }
  g_assert_false (gloss_find_bar_get_match (f->bar, n, &start, &end));

  /* the first match was selected: the view is told where */
  g_assert_cmpint (gloss_find_bar_get_current (f->bar), ==, 0);
  g_assert_cmpuint (a.n_emitted, ==, 1);
  gloss_find_bar_get_match (f->bar, 0, &start, &end);
  g_assert_cmpuint (a.start, ==, start);
  g_assert_cmpuint (a.end, ==, end);

  /* next and previous cycle, and wrap at both ends */
  gloss_find_bar_next (f->bar);
  g_assert_cmpint (gloss_find_bar_get_current (f->bar), ==, 1);
  gloss_find_bar_previous (f->bar);
  gloss_find_bar_previous (f->bar);
  g_assert_cmpint (gloss_find_bar_get_current (f->bar), ==, (gint) n - 1);
  g_free (label);
  label = g_strdup_printf ("%u of %u", n, n);
  g_assert_cmpstr (gloss_find_bar_get_count_text (f->bar), ==, label);
  gloss_find_bar_get_match (f->bar, n - 1, &start, &end);
  g_assert_cmpuint (a.start, ==, start);
  gloss_find_bar_next (f->bar);
  g_assert_cmpint (gloss_find_bar_get_current (f->bar), ==, 0);
  g_assert_cmpuint (a.n_emitted, ==, 5);

  /* the actions do the same */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->bar), "find.next", NULL));
  g_assert_cmpint (gloss_find_bar_get_current (f->bar), ==, 1);

  /* tags on exactly the matches, the current one apart */
  wait.expected = 2 * n;
  test_iterate_until_full (tags_done, &wait, WAIT_TIMEOUT_USEC);
  for (guint i = 0; i < n; i++)
    {
      gloss_find_bar_get_match (f->bar, i, &start, &end);
      g_assert_true (range_has_tag (f->buffer, "find-match", start, end));
    }
  gloss_find_bar_get_match (f->bar, 1, &start, &end);
  g_assert_cmpuint (tagged_chars (f->buffer, "find-current"), ==, end - start);
  g_assert_true (range_has_tag (f->buffer, "find-current", start, end));

  /* closing takes the tags away */
  gloss_find_bar_close (f->bar);
  test_iterate_until_full (bar_settled, f->bar, WAIT_TIMEOUT_USEC);
  g_assert_cmpuint (tagged_chars (f->buffer, "find-match"), ==, 0);
  g_assert_cmpuint (tagged_chars (f->buffer, "find-current"), ==, 0);
}

/* The reading view fills its buffer in slices: tags follow the text. */
static void
test_find_buffer_filling (Fixture       *f,
                          gconstpointer  data)
{
  const char *text = gloss_content_get_text (f->content);
  guint half = gloss_content_get_n_chars (f->content) / 2;
  const char *middle = g_utf8_offset_to_pointer (text, half);
  TagWait wait = { f->buffer, 0 };
  GtkTextIter end_iter;
  guint n, in_half = 0, start, end;

  gtk_text_buffer_set_text (f->buffer, text, middle - text);
  open_bar (f, FALSE);
  find (f, "网络");
  n = gloss_find_bar_get_n_matches (f->bar);
  g_assert_cmpuint (n, ==, strstr_count (text, "网络"));

  for (guint i = 0; i < n; i++)
    {
      gloss_find_bar_get_match (f->bar, i, &start, &end);
      if (end <= half)
        in_half++;
    }
  g_assert_cmpuint (in_half, <, n);
  wait.expected = 2 * in_half;
  test_iterate_until_full (tags_done, &wait, WAIT_TIMEOUT_USEC);
  test_iterate_for (50);
  g_assert_cmpuint (tagged_chars (f->buffer, "find-match"), ==, 2 * in_half);

  gtk_text_buffer_get_end_iter (f->buffer, &end_iter);
  gtk_text_buffer_insert (f->buffer, &end_iter, middle, -1);
  wait.expected = 2 * n;
  test_iterate_until_full (tags_done, &wait, WAIT_TIMEOUT_USEC);
}

static void
test_find_empty_and_variants (Fixture       *f,
                              gconstpointer  data)
{
  guint simplified;

  open_bar (f, TRUE);
  find (f, "");
  g_assert_cmpuint (gloss_find_bar_get_n_matches (f->bar), ==, 0);
  g_assert_cmpstr (gloss_find_bar_get_count_text (f->bar), ==, "");
  /* nothing to go to: the action is off and changes nothing */
  gtk_widget_activate_action (GTK_WIDGET (f->bar), "find.next", NULL);
  g_assert_cmpint (gloss_find_bar_get_current (f->bar), ==, -1);

  find (f, "不存在的词语组合");
  g_assert_cmpuint (gloss_find_bar_get_n_matches (f->bar), ==, 0);
  g_assert_cmpstr (gloss_find_bar_get_count_text (f->bar), ==, "No matches");
  gloss_find_bar_next (f->bar);
  g_assert_cmpint (gloss_find_bar_get_current (f->bar), ==, -1);

  find (f, "网络");
  simplified = gloss_find_bar_get_n_matches (f->bar);
  find (f, "網絡");
  g_assert_cmpuint (gloss_find_bar_get_n_matches (f->bar), ==, 0);
  gloss_find_bar_set_fold_chinese_variants (f->bar, TRUE);
  test_iterate_until_full (bar_settled, f->bar, WAIT_TIMEOUT_USEC);
  g_assert_cmpuint (gloss_find_bar_get_n_matches (f->bar), ==, simplified);

  /* full width and case fold as in the search */
  gloss_find_bar_set_fold_chinese_variants (f->bar, FALSE);
  find (f, "ＵＮＧＧＥ");
  simplified = gloss_find_bar_get_n_matches (f->bar);
  g_assert_cmpuint (simplified, ==, strstr_count (gloss_content_get_text (f->content), "UNGGE"));
  find (f, "unggE");
  g_assert_cmpuint (gloss_find_bar_get_n_matches (f->bar), ==, simplified);
}

/* ------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/search/pane/grouped-results", Fixture, NULL,
              fixture_set_up, test_pane_grouped_results, fixture_tear_down);
  g_test_add ("/gui/search/pane/full-width", Fixture, NULL,
              fixture_set_up, test_pane_full_width, fixture_tear_down);
  g_test_add ("/gui/search/pane/notes-and-cards", Fixture, NULL,
              fixture_set_up, test_pane_notes_and_cards, fixture_tear_down);
  g_test_add ("/gui/search/pane/bad-queries", Fixture, NULL,
              fixture_set_up, test_pane_bad_queries, fixture_tear_down);
  g_test_add ("/gui/search/pane/stale-results", Fixture, NULL,
              fixture_set_up, test_pane_stale_results, fixture_tear_down);
  g_test_add ("/gui/search/find/count-and-cycle", Fixture, NULL,
              fixture_set_up, test_find_count_and_cycle, fixture_tear_down);
  g_test_add ("/gui/search/find/buffer-filling", Fixture, NULL,
              fixture_set_up, test_find_buffer_filling, fixture_tear_down);
  g_test_add ("/gui/search/find/empty-and-variants", Fixture, NULL,
              fixture_set_up, test_find_empty_and_variants, fixture_tear_down);

  return g_test_run ();
}
