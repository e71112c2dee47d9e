/* test-gui-window-panels.c: the timeline and mechanisms in the window,
 * linked to the text both ways
 *
 * Runs under a display (xvfb-run -a), with GSETTINGS_BACKEND=memory and
 * the schema compiled into the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "gloss-kb-card.h"
#include "gloss-library.h"
#include "gloss-panels.h"
#include "gloss-reader-view.h"
#include "gloss-window.h"
#include "test-gui-util.h"
#include "test-util.h"

#define ARTICLE_ID "000_19fab0aeb8cf70aa"
#define REPORT_ID  "gge-2015-report"
/* The article writes the 2015 report's symbol in full-width form. */
#define REPORT_SYMBOL "Ａ／７０／１７４"

typedef struct
{
  char         *dir;
  GlossLibrary *library;
  GlossWindow  *window;
} Fixture;

/* ------------------------------------------------------------------ */

static gboolean
reader_is_ready (gpointer data)
{
  GlossReaderView *view = data;

  return gtk_widget_get_mapped (GTK_WIDGET (view)) &&
         gloss_reader_view_get_content (view) != NULL &&
         !gloss_reader_view_get_loading (view);
}

static gboolean
panels_are_placed (gpointer data)
{
  return gtk_widget_get_width (data) > 0;
}

static GlossReaderView *
wait_for_article (Fixture *fixture)
{
  GlossReaderView *view = gloss_window_get_reader_view (fixture->window);
  GlossDocument *document;

  /* the window opens the first document of a new library by itself */
  test_iterate_until (reader_is_ready, view);
  document = gloss_session_get_document (gloss_window_get_session (fixture->window));
  g_assert_cmpstr (gloss_document_get_id (document), ==, ARTICLE_ID);

  return view;
}

static guint
symbol_offset (GlossReaderView *view)
{
  gint offset = test_find_char_offset (gloss_reader_view_get_content (view), REPORT_SYMBOL);

  g_assert_cmpint (offset, >, 0);
  return offset;
}

static const char *
timeline_selected_id (Fixture *fixture)
{
  GlossPanels *panels = gloss_window_get_panels (fixture->window);
  GlossKbItem *item = gloss_timeline_panel_get_selected_item (gloss_panels_get_timeline_panel (panels));

  return item ? gloss_kb_item_get_id (item) : NULL;
}

/* ------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean with_sidebar = GPOINTER_TO_INT (data);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* the memory backend keeps what an earlier test changed */
  g_settings_reset (settings, "show-timeline");
  g_settings_reset (settings, "show-mechanisms");
  g_settings_reset (settings, "last-document");

  fixture->library = test_open_library (&fixture->dir);
  fixture->window = g_object_ref (gloss_window_new (NULL, fixture->library));
  /* Xvfb's screen is 1280 px wide, and a window no wider: the sidebar
   * beside the text takes it below the width for stacked panels. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 1000);
  g_object_set (fixture->window, "sidebar-visible", with_sidebar, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->library);

  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

/* ------------------------------------------------------------------ */

/* On a wide window (here 1280 px without the sidebar) the text, the
 * timeline and the mechanisms are all on screen, side by side and
 * stacked; the text keeps a readable width. */
static void
test_wide_layout (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossReaderView *view = wait_for_article (fixture);
  GlossPanels *panels = gloss_window_get_panels (fixture->window);
  GtkWidget *timeline = GTK_WIDGET (gloss_panels_get_timeline_panel (panels));
  GtkWidget *mechanisms = GTK_WIDGET (gloss_panels_get_mechanisms_panel (panels));

  test_iterate_until (panels_are_placed, timeline);
  g_assert_false (gloss_panels_get_folded (panels));
  g_assert_true (gtk_widget_get_mapped (timeline));
  g_assert_true (gtk_widget_get_mapped (mechanisms));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >=, 480);

  /* the header bar's toggle is a stateful action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-mechanisms", NULL));
  g_assert_false (gloss_panels_get_show_mechanisms (panels));
  test_iterate_until (panels_are_placed, timeline);
  g_assert_false (gtk_widget_get_visible (mechanisms));
  g_assert_true (gtk_widget_get_mapped (timeline));
}

/* Narrower (with the sidebar, the text and the panels get some 970 px),
 * the panels take turns, with a switcher. */
static void
test_narrow_layout (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossReaderView *view = wait_for_article (fixture);
  GlossPanels *panels = gloss_window_get_panels (fixture->window);
  GtkWidget *timeline = GTK_WIDGET (gloss_panels_get_timeline_panel (panels));
  GtkWidget *mechanisms = GTK_WIDGET (gloss_panels_get_mechanisms_panel (panels));

  test_iterate_until (panels_are_placed, timeline);
  g_assert_true (gloss_panels_get_folded (panels));
  g_assert_true (gtk_widget_get_visible (timeline));
  g_assert_false (gtk_widget_get_visible (mechanisms));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >=, 480);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panels), "panels.visible-panel", "s", "mechanisms"));
  g_assert_false (gtk_widget_get_visible (timeline));
  g_assert_true (gtk_widget_get_visible (mechanisms));
}

typedef struct
{
  GlossTimelinePanel *panel;
  const char         *id;
} Highlight;

static gboolean
id_is_highlighted (gpointer data)
{
  Highlight *highlight = data;
  const char * const *ids = gloss_timeline_panel_get_highlighted_ids (highlight->panel);

  return ids != NULL && g_strv_contains (ids, highlight->id);
}

/* Scrolled to the passage that cites Ａ／７０／１７４, the timeline
 * lights up the 2015 report; the citation is marked in the text. */
static void
test_visible_items (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossReaderView *view = wait_for_article (fixture);
  GlossPanels *panels = gloss_window_get_panels (fixture->window);
  Highlight highlight = { gloss_panels_get_timeline_panel (panels), REPORT_ID };
  GtkTextBuffer *buffer = gloss_reader_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "gloss-mention");
  guint offset = symbol_offset (view);
  GtkTextIter iter;
  guint start, end;

  g_assert_false (id_is_highlighted (&highlight));

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset + 1);
  g_assert_true (gtk_text_iter_has_tag (&iter, tag));

  gloss_reader_view_scroll_to_offset (view, offset);
  test_iterate_until (id_is_highlighted, &highlight);
  gloss_reader_view_get_visible_range (view, &start, &end);
  g_assert_cmpuint (start, <=, offset);
  g_assert_cmpuint (offset, <, end);
}

/* Clicking the citation (or Enter on it) selects the report on the
 * timeline, and brings the timeline back if it was turned off. */
static void
test_activate_mention (Fixture       *fixture,
                       gconstpointer  data)
{
  GlossReaderView *view = wait_for_article (fixture);
  GlossPanels *panels = gloss_window_get_panels (fixture->window);
  guint offset = symbol_offset (view);
  gboolean handled = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-timeline", NULL));
  g_assert_false (gloss_panels_get_show_timeline (panels));
  g_assert_null (timeline_selected_id (fixture));

  g_signal_emit_by_name (view, "offset-activated", offset + 2, &handled);
  g_assert_true (handled);
  g_assert_cmpstr (timeline_selected_id (fixture), ==, REPORT_ID);
  g_assert_true (gloss_panels_get_show_timeline (panels));
  g_assert_cmpstr (gloss_panels_get_visible_panel (panels), ==, "timeline");

  /* plain text is left to others */
  handled = TRUE;
  g_signal_emit_by_name (view, "offset-activated", 0, &handled);
  g_assert_false (handled);
}

/* Choosing a passage on the report's card selects it in the text. */
static void
test_open_passage_from_card (Fixture       *fixture,
                             gconstpointer  data)
{
  GlossReaderView *view = wait_for_article (fixture);
  GlossPanels *panels = gloss_window_get_panels (fixture->window);
  GlossTimelinePanel *timeline = gloss_panels_get_timeline_panel (panels);
  GtkWidget *card = gloss_timeline_panel_get_card (timeline);
  g_autoptr(GPtrArray) rows = NULL;
  TestPassage passage = { 0 };
  GtkTextIter start, end;
  gboolean opened = FALSE;

  g_assert_true (gloss_timeline_panel_select_item_by_id (timeline, REPORT_ID));
  rows = test_collect_widgets (card, GTK_TYPE_LIST_BOX_ROW);
  g_assert_cmpuint (rows->len, >, 0);
  g_signal_connect (timeline, "passage-activated", G_CALLBACK (test_passage_activated_cb), &passage);

  for (guint i = 0; i < rows->len && !opened; i++)
    {
      gtk_widget_activate (g_ptr_array_index (rows, i));
      opened = g_strcmp0 (passage.doc_id, ARTICLE_ID) == 0;
    }
  g_assert_true (opened);

  g_assert_true (gtk_text_buffer_get_selection_bounds (gloss_reader_view_get_buffer (view), &start, &end));
  g_assert_cmpuint (gtk_text_iter_get_offset (&start), ==, passage.start);
  g_assert_cmpuint (gtk_text_iter_get_offset (&end), ==, passage.end);
  g_free (passage.doc_id);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window-panels/wide-layout", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_wide_layout, fixture_tear_down);
  g_test_add ("/window-panels/narrow-layout", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_narrow_layout, fixture_tear_down);
  g_test_add ("/window-panels/visible-items", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_visible_items, fixture_tear_down);
  g_test_add ("/window-panels/activate-mention", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_activate_mention, fixture_tear_down);
  g_test_add ("/window-panels/open-passage-from-card", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_open_passage_from_card, fixture_tear_down);

  return g_test_run ();
}
