/* test-gui-reader.c: the window and its reading view, on the bundled texts
 *
 * Runs under a display (xvfb-run -a), with GSETTINGS_BACKEND=memory and
 * the schema compiled into the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "gloss-export-dialog.h"
#include "gloss-library.h"
#include "gloss-notes-pane.h"
#include "gloss-reader-view.h"
#include "gloss-session.h"
#include "gloss-window.h"
#include "test-gui-util.h"
#include "test-util.h"

#define ARTICLE_ID "000_19fab0aeb8cf70aa"
#define THESIS_ID  "002_ba12018ce53e1c1f"

typedef struct
{
  char         *dir;
  GlossLibrary *library;
  GlossWindow  *window;
} Fixture;

/* ------------------------------------------------------------------ */

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
reader_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
reader_is_loaded (gpointer data)
{
  return !gloss_reader_view_get_loading (data);
}

/* Waits until the view is on screen, has all its text, and a frame has
 * been painted since. */
static void
wait_for_draw (GlossReaderView *view)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  test_iterate_until (reader_is_mapped, view);
  test_iterate_until (reader_is_loaded, view);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (view));
  test_iterate_until (test_flag_is_set, &painted);
  g_signal_handler_disconnect (clock, handler);
}

static GlossDocument *
lookup (Fixture    *fixture,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  GlossDocument *document = gloss_library_lookup (fixture->library, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static GlossReaderView *
open_and_draw (Fixture    *fixture,
               const char *id)
{
  g_autoptr(GlossDocument) document = lookup (fixture, id);
  GlossReaderView *view = gloss_window_get_reader_view (fixture->window);

  g_assert_true (gloss_window_open_document (fixture->window, document));
  wait_for_draw (view);

  return view;
}

/* ------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->library = test_open_library (&fixture->dir);
  fixture->window = g_object_ref (gloss_window_new (NULL, fixture->library));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
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

/* GTK 4.8's accessibility bridge reads inserted text up to its NUL,
 * whatever the length given: an insertion from the middle of a longer
 * string sends (and copies) all the rest of it, which made loading a
 * 2 MB document take minutes.  Every insertion must end at a NUL. */
static gboolean
insertion_ends_at_nul (GSignalInvocationHint *hint,
                       guint                  n_values,
                       const GValue          *values,
                       gpointer               data)
{
  const char *text = g_value_get_string (&values[2]);
  int len = g_value_get_int (&values[3]);

  g_assert_cmpint (text[len], ==, '\0');
  (*(guint *) data)++;

  return TRUE;
}

static void
test_article_text (Fixture       *fixture,
                   gconstpointer  data)
{
  guint insertions = 0;
  guint signal_id = g_signal_lookup ("insert-text", GTK_TYPE_TEXT_BUFFER);
  gulong hook = g_signal_add_emission_hook (signal_id, 0, insertion_ends_at_nul,
                                            &insertions, NULL);
  GlossReaderView *view;
  GlossContent *content;
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  /* The window opened the article already: the thesis is loaded anew. */
  open_and_draw (fixture, THESIS_ID);
  g_signal_remove_emission_hook (signal_id, hook);
  g_assert_cmpuint (insertions, >, 1);

  view = open_and_draw (fixture, ARTICLE_ID);
  content = gloss_reader_view_get_content (view);
  buffer = gloss_reader_view_get_buffer (view);
  g_assert_nonnull (content);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* Buffer offsets are document offsets: not one character added. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (text, ==, gloss_content_get_text (content));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, gloss_content_get_n_chars (content));

  /* Every character has a glyph in the fonts the view uses. */
  g_assert_cmpuint (gloss_reader_view_count_unknown_glyphs (view), ==, 0);
}

static gboolean
top_offset_reached (gpointer data)
{
  gpointer *args = data;

  return gloss_reader_view_get_top_offset (args[0]) == GPOINTER_TO_UINT (args[1]);
}

/* The start of the first heading past the middle of the content. */
static guint
find_heading_past_middle (GlossContent *content)
{
  guint n = gloss_content_get_n_blocks (content);

  for (guint i = n / 2; i < n; i++)
    {
      const GlossBlock *block = gloss_content_get_block (content, i);

      if (block->kind == GLOSS_BLOCK_HEADING)
        return block->start;
    }

  g_assert_not_reached ();
}

static void
test_scroll_updates_top_offset (Fixture       *fixture,
                                gconstpointer  data)
{
  GlossReaderView *view = open_and_draw (fixture, ARTICLE_ID);
  GlossSession *session = gloss_window_get_session (fixture->window);
  guint target = find_heading_past_middle (gloss_reader_view_get_content (view));
  gpointer args[] = { view, GUINT_TO_POINTER (target) };
  GtkSelectionModel *contents;
  g_autoptr(GtkBitset) selection = NULL;
  guint section;

  g_assert_cmpuint (gloss_reader_view_get_top_offset (view), ==, 0);

  gloss_reader_view_scroll_to_offset (view, target);
  test_iterate_until (top_offset_reached, args);

  /* The session, which the other panes follow, follows the view. */
  g_assert_cmpuint (gloss_session_get_visible_offset (session), ==, target);
  g_assert_nonnull (gloss_session_get_section (session));
  g_assert_cmpint (gloss_session_get_page (session), >, 0);

  /* The contents mark the section being read: the heading scrolled to. */
  contents = gloss_sidebar_get_contents (gloss_window_get_sidebar (fixture->window));
  section = gloss_session_get_section_index (session);
  g_assert_cmpuint (section, <, g_list_model_get_n_items (G_LIST_MODEL (contents)));
  g_assert_cmpuint (gloss_content_get_block (gloss_reader_view_get_content (view),
                                             gloss_session_get_heading (session, section))->start,
                    ==, target);
  g_assert_true (gtk_selection_model_is_selected (contents, section));
  selection = gtk_selection_model_get_selection (contents);
  g_assert_cmpuint (gtk_bitset_get_size (selection), ==, 1);
}

static void
test_position_restored (Fixture       *fixture,
                        gconstpointer  data)
{
  GlossReaderView *view = open_and_draw (fixture, ARTICLE_ID);
  g_autoptr(GlossDocument) article = lookup (fixture, ARTICLE_ID);
  guint target = find_heading_past_middle (gloss_reader_view_get_content (view));
  gpointer args[] = { view, GUINT_TO_POINTER (target) };
  guint visible_start, visible_end;

  gloss_reader_view_scroll_to_offset (view, target);
  test_iterate_until (top_offset_reached, args);

  /* Opening another document saves the position in this one ... */
  open_and_draw (fixture, THESIS_ID);
  g_assert_cmpuint (gloss_library_get_position (fixture->library, article), ==, target);

  /* ... and coming back restores it, and holds it while the text
   * above is laid out (on a busy machine that takes longer than 300 ms,
   * so wait for the position first). */
  open_and_draw (fixture, ARTICLE_ID);
  test_iterate_until (top_offset_reached, args);
  test_iterate_for (300);
  g_assert_cmpuint (gloss_reader_view_get_top_offset (view), ==, target);

  /* The property is set at once on loading; what is on screen now must
   * agree with it, not be sliding towards it. */
  gloss_reader_view_get_visible_range (view, &visible_start, &visible_end);
  g_assert_cmpuint (visible_start, >=, target);
  g_assert_cmpuint (visible_start, <, visible_end);
}

static gboolean
reader_has_content (gpointer data)
{
  return gloss_reader_view_get_content (data) != NULL;
}

/* The document the window starts with takes the keyboard: Page Down
 * reads on at once. */
static void
test_start_document_focused (Fixture       *fixture,
                             gconstpointer  data)
{
  GlossReaderView *view = gloss_window_get_reader_view (fixture->window);
  GtkWidget *focus;

  test_iterate_until (reader_has_content, view);
  wait_for_draw (view);

  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (view)));
}

static gboolean
top_offset_left (gpointer data)
{
  gpointer *args = data;

  return gloss_reader_view_get_top_offset (args[0]) != GPOINTER_TO_UINT (args[1]);
}

/* A position scrolled to stays at the top when the text is laid out
 * again (here: a larger text size), for as long as the reader has not
 * moved; once they page on, it is theirs. */
static void
test_position_held_until_reader_scrolls (Fixture       *fixture,
                                         gconstpointer  data)
{
  GlossReaderView *view = open_and_draw (fixture, ARTICLE_ID);
  GlossReaderStyle *style = gloss_reader_view_get_style (view);
  guint target = find_heading_past_middle (gloss_reader_view_get_content (view));
  gpointer args[] = { view, GUINT_TO_POINTER (target) };
  GtkWidget *text_view = test_find_descendant (GTK_WIDGET (view), GTK_TYPE_TEXT_VIEW, NULL);

  g_assert_nonnull (text_view);
  gloss_reader_view_scroll_to_offset (view, target);
  test_iterate_until (top_offset_reached, args);

  gloss_reader_style_set_text_size (style, 20.0);
  test_iterate_for (500);
  g_assert_cmpuint (gloss_reader_view_get_top_offset (view), ==, target);

  g_signal_emit_by_name (text_view, "move-cursor", GTK_MOVEMENT_PAGES, 1, FALSE);
  test_iterate_until (top_offset_left, args);

  gloss_reader_style_set_text_size (style, 12.0);
  test_iterate_for (500);
  g_assert_cmpuint (gloss_reader_view_get_top_offset (view), !=, target);
}

static gboolean
popover_text_shown (gpointer data)
{
  return gloss_reader_view_get_footnote_text (data) != NULL;
}

static void
test_footnote_popover (Fixture       *fixture,
                       gconstpointer  data)
{
  GlossReaderView *view = open_and_draw (fixture, THESIS_ID);
  GlossContent *content = gloss_reader_view_get_content (view);
  const GlossFootnoteRef *ref;
  g_autofree char *expected = NULL;
  GtkTextIter iter;
  GtkTextTag *tag;

  g_assert_cmpuint (gloss_content_get_n_footnote_refs (content), >, 0);
  ref = gloss_content_get_footnote_ref (content, 0);
  g_assert_cmpuint (gloss_content_get_block (content, ref->footnote)->kind, ==, GLOSS_BLOCK_FOOTNOTE);

  /* The marker is styled as a link to its footnote. */
  gtk_text_buffer_get_iter_at_offset (gloss_reader_view_get_buffer (view), &iter, ref->start);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gloss_reader_view_get_buffer (view)),
                                   "footnote-ref");
  g_assert_nonnull (tag);
  g_assert_true (gtk_text_iter_has_tag (&iter, tag));

  g_assert_true (gloss_reader_view_open_footnote (view, 0));
  test_iterate_until (popover_text_shown, view);
  test_iterate_for (200);

  expected = gloss_content_dup_block_text (content, ref->footnote);
  g_assert_cmpstr (gloss_reader_view_get_footnote_text (view), ==, expected);

  g_assert_cmpuint (gloss_reader_view_count_unknown_glyphs (view), ==, 0);
}

static gboolean
model_has_n_items (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (args[0]) == GPOINTER_TO_UINT (args[1]);
}

/* Waits for a model to reach n items, in case it follows its source
 * later (a filter may work in idle steps); the assertions after it
 * check it. */
static void
wait_for_n_items (GListModel *model,
                  guint       n)
{
  gpointer args[] = { model, GUINT_TO_POINTER (n) };

  test_iterate_until (model_has_n_items, args);
}

/* Select a passage, highlight it through the action, find it in the
 * notes pane and drawn in the text; undo and redo it. */
static void
test_highlight_action (Fixture       *fixture,
                       gconstpointer  data)
{
  GlossReaderView *view = open_and_draw (fixture, ARTICLE_ID);
  GlossContent *content = gloss_reader_view_get_content (view);
  GlossNotesPane *pane = gloss_sidebar_get_notes_pane (gloss_window_get_sidebar (fixture->window));
  GListModel *rows = gloss_notes_pane_get_model (pane);
  gint start = test_find_char_offset (content, "主要国际机制");
  guint end = start + g_utf8_strlen ("主要国际机制", -1);
  GtkTextTagTable *table;
  GtkTextTag *tag;
  GtkTextIter iter;
  g_autoptr(GlossNote) note = NULL;

  g_assert_cmpint (start, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);

  gloss_reader_view_select_range (view, start, end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.highlight", "s", "red"));
  wait_for_n_items (rows, 1);

  /* in the notes pane ... */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  note = g_list_model_get_item (rows, 0);
  g_assert_cmpuint (gloss_note_get_start (note), ==, (guint) start);
  g_assert_cmpuint (gloss_note_get_end (note), ==, end);
  g_assert_cmpstr (gloss_note_get_quote (note), ==, "主要国际机制");
  g_assert_cmpstr (gloss_note_get_color (note), ==, "red");

  /* ... and drawn on the text */
  table = gtk_text_buffer_get_tag_table (gloss_reader_view_get_buffer (view));
  tag = gtk_text_tag_table_lookup (table, "gloss-highlight-red-background");
  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (gloss_reader_view_get_buffer (view), &iter, start + 1);
  g_assert_true (gtk_text_iter_has_tag (&iter, tag));

  /* undo takes it away, redo brings it back, with its id */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_for_n_items (rows, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  gtk_text_buffer_get_iter_at_offset (gloss_reader_view_get_buffer (view), &iter, start + 1);
  g_assert_false (gtk_text_iter_has_tag (&iter, tag));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  wait_for_n_items (rows, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  g_assert_nonnull (gloss_annotations_lookup (gloss_library_get_annotations (fixture->library),
                                              gloss_note_get_id (note)));
}

static gboolean
preview_is_ready (gpointer data)
{
  return gloss_export_dialog_get_n_preview_pages (data) > 0;
}

static void
exported_cb (GlossExportDialog *dialog,
             GFile             *file,
             guint              n_entries,
             guint             *exported)
{
  *exported = n_entries;
}

static gboolean
flag_is_nonzero (gpointer data)
{
  return *(guint *) data != 0;
}

/* The export dialog previews the first pages, and writes the notes of
 * the open document to a PDF that holds their quotes. */
static void
test_export_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossReaderView *view = open_and_draw (fixture, ARTICLE_ID);
  GlossContent *content = gloss_reader_view_get_content (view);
  g_autoptr(GlossDocument) article = lookup (fixture, ARTICLE_ID);
  g_autofree char *path = g_build_filename (fixture->dir, "notes.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *dialog;
  guint exported = 0;
  gint start = test_find_char_offset (content, "构建网络空间规范的主要国际机制");

  g_assert_cmpint (start, >, 0);
  g_assert_nonnull (gloss_annotations_add (gloss_library_get_annotations (fixture->library), article,
                                           content, start, start + 15, "green",
                                           GLOSS_HIGHLIGHT_BACKGROUND, "导出测试", NULL, &error));
  g_assert_no_error (error);

  dialog = gloss_export_dialog_new (GTK_WINDOW (fixture->window), fixture->library, NULL, article);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  gtk_window_present (GTK_WINDOW (dialog));
  test_iterate_until (preview_is_ready, dialog);

  gloss_export_dialog_export_to (GLOSS_EXPORT_DIALOG (dialog), file);
  test_iterate_until (flag_is_nonzero, &exported);
  g_assert_cmpuint (exported, ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/reader/article-text", Fixture, NULL,
              fixture_set_up, test_article_text, fixture_tear_down);
  g_test_add ("/gui/reader/scroll-updates-top-offset", Fixture, NULL,
              fixture_set_up, test_scroll_updates_top_offset, fixture_tear_down);
  g_test_add ("/gui/reader/position-restored", Fixture, NULL,
              fixture_set_up, test_position_restored, fixture_tear_down);
  g_test_add ("/gui/reader/start-document-focused", Fixture, NULL,
              fixture_set_up, test_start_document_focused, fixture_tear_down);
  g_test_add ("/gui/reader/position-held-until-reader-scrolls", Fixture, NULL,
              fixture_set_up, test_position_held_until_reader_scrolls, fixture_tear_down);
  g_test_add ("/gui/notes/highlight-action", Fixture, NULL,
              fixture_set_up, test_highlight_action, fixture_tear_down);
  g_test_add ("/gui/export/dialog", Fixture, NULL,
              fixture_set_up, test_export_dialog, fixture_tear_down);
  g_test_add ("/gui/reader/footnote-popover", Fixture, NULL,
              fixture_set_up, test_footnote_popover, fixture_tear_down);

  return g_test_run ();
}
