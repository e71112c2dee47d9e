/* test-gui-notes.c: the notes pane, the note editor and the palette
 *
 * Runs under a display (xvfb-run -a), with GSETTINGS_BACKEND=memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "gloss-highlight-colors.h"
#include "gloss-highlight-palette.h"
#include "gloss-library.h"
#include "gloss-note-editor.h"
#include "gloss-note-markup.h"
#include "gloss-note-row.h"
#include "gloss-notes-pane.h"
#include "test-gui-util.h"
#include "test-util.h"

#define ARTICLE_ID "000_19fab0aeb8cf70aa"
#define THESIS_ID  "002_ba12018ce53e1c1f"

typedef struct
{
  char             *dir;
  GlossLibrary     *library;
  GlossAnnotations *notes;
  GlossDocument    *article;
  GlossContent     *content;
  GtkWindow        *window;

  GlossNote        *red;        /* on the article, #gge */
  GlossNote        *green;      /* on the article, #oewg #norms */
  GlossNote        *whole;      /* on the whole article */
  GlossNote        *elsewhere;  /* on the thesis, #gge */
} Fixture;

/* ------------------------------------------------------------------ */
/* Main loop helpers                                                  */
/* ------------------------------------------------------------------ */

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The notes of the rows the pane shows. */
static GPtrArray *
collect_listed_notes (GlossNotesPane *pane)
{
  g_autoptr(GPtrArray) rows = test_collect_widgets (GTK_WIDGET (pane), GLOSS_TYPE_NOTE_ROW);
  GPtrArray *notes = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      GlossNoteRow *row = g_ptr_array_index (rows, i);

      if (gtk_widget_get_visible (GTK_WIDGET (row)) && gloss_note_row_get_note (row) != NULL)
        g_ptr_array_add (notes, gloss_note_row_get_note (row));
    }

  return notes;
}

static gboolean
listed_rows_reached (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GPtrArray) notes = collect_listed_notes (args[0]);

  return notes->len == GPOINTER_TO_UINT (args[1]);
}

/* Rows are made when the list is next laid out: wait for n of them. */
static void
wait_for_listed_rows (GlossNotesPane *pane,
                      guint           n)
{
  gpointer args[] = { pane, GUINT_TO_POINTER (n) };

  test_iterate_until (listed_rows_reached, args);
}

/* ------------------------------------------------------------------ */
/* Fixture                                                            */
/* ------------------------------------------------------------------ */

static GlossNote *
add_quote (Fixture            *f,
           const char         *quote,
           const char         *color,
           const char         *text,
           const char * const *tags)
{
  g_autoptr(GError) error = NULL;
  gint start = test_find_char_offset (f->content, quote);
  GlossNote *note;

  g_assert_cmpint (start, >=, 0);
  note = gloss_annotations_add (f->notes, f->article, f->content, start, start + g_utf8_strlen (quote, -1),
                                color, GLOSS_HIGHLIGHT_BACKGROUND, text, tags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (note);

  return note;
}

static void
add_notes (Fixture *f)
{
  const char *gge[] = { "gge", NULL };
  const char *oewg[] = { "oewg", "norms", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) thesis = gloss_library_lookup (f->library, THESIS_ID, &error);
  g_autoptr(GlossContent) thesis_content = NULL;

  g_assert_no_error (error);
  f->red = add_quote (f, "主要国际机制", "red", "**联合国**框架下的*机制*", gge);
  f->green = add_quote (f, "网络空间是一个由技术推动", "green", "定义", oewg);
  f->whole = gloss_annotations_add_document_note (f->notes, f->article, "读后感", NULL, &error);
  g_assert_no_error (error);

  thesis_content = gloss_library_load_content (f->library, thesis, &error);
  g_assert_no_error (error);
  f->elsewhere = gloss_annotations_add (f->notes, thesis, thesis_content, 10, 20, "yellow",
                                        GLOSS_HIGHLIGHT_UNDERLINE, "another paper", gge, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->library = test_open_library (&f->dir);
  f->notes = gloss_library_get_annotations (f->library);
  f->article = gloss_library_lookup (f->library, ARTICLE_ID, &error);
  g_assert_no_error (error);
  f->content = gloss_library_load_content (f->library, f->article, &error);
  g_assert_no_error (error);

  if (data == NULL)   /* a library with notes, unless the test wants none */
    add_notes (f);

  f->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (f->window, 420, 900);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_assert_finalize_object (f->window);
  g_clear_object (&f->content);
  g_clear_object (&f->article);
  g_assert_finalize_object (f->library);

  test_rm_rf (f->dir);
  g_free (f->dir);
}

static GlossNotesPane *
show_pane (Fixture *f)
{
  GtkWidget *pane = gloss_notes_pane_new (f->library);

  gloss_notes_pane_set_document (GLOSS_NOTES_PANE (pane), f->article);
  gtk_window_set_child (f->window, pane);
  gtk_window_present (f->window);
  test_iterate_until (is_mapped, pane);

  return GLOSS_NOTES_PANE (pane);
}

static guint
n_listed (GlossNotesPane *pane)
{
  return g_list_model_get_n_items (gloss_notes_pane_get_model (pane));
}

static gboolean
listed (GlossNotesPane *pane,
        GlossNote      *note)
{
  GListModel *model = gloss_notes_pane_get_model (pane);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossNote) item = g_list_model_get_item (model, i);

      if (item == note)
        return TRUE;
    }

  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Pure helpers                                                       */
/* ------------------------------------------------------------------ */

static void
assert_markup (const char *markdown,
               const char *expected)
{
  static const GMarkupParser no_callbacks = { 0 };
  g_autofree char *markup = gloss_note_markup_from_markdown (markdown);
  g_autofree char *document = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (markup, ==, expected);

  /* whatever the input, the output is well-formed (GtkLabel adds <a>
   * to Pango's markup, so Pango alone cannot check it) */
  document = g_strdup_printf ("<markup>%s</markup>", markup);
  context = g_markup_parse_context_new (&no_callbacks, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, document, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
}

static void
test_markup (void)
{
  assert_markup ("plain 文字", "plain 文字");
  assert_markup ("a <b> & c", "a &lt;b&gt; &amp; c");
  assert_markup ("**强** and *em*", "<b>强</b> and <i>em</i>");
  assert_markup ("**bold *both***", "<b>bold <i>both</i></b>");
  assert_markup ("see [A/70/174](https://undocs.org/A/70/174)",
                 "see <a href=\"https://undocs.org/A/70/174\">A/70/174</a>");
  assert_markup ("[x](https://a.org/?a=1&b=<2>)", "<a href=\"https://a.org/?a=1&amp;b=&lt;2&gt;\">x</a>");
  /* a quote could end the attribute: not a Markdown link then; the bare
   * address before the quote is linked, the quote stays text */
  assert_markup ("[x](https://a.org/\">)", "[x](<a href=\"https://a.org/\">https://a.org/</a>&quot;&gt;)");
  assert_markup ("[bad](javascript:alert(1))", "[bad](javascript:alert(1))");
  /* an address may hold brackets of its own */
  assert_markup ("[GGE](https://en.wikipedia.org/wiki/GGE_(UN)) 等",
                 "<a href=\"https://en.wikipedia.org/wiki/GGE_(UN)\">GGE</a> 等");
  /* bare addresses are links too, without the punctuation around them */
  assert_markup ("见https://undocs.org/A/70/174。", "见<a href=\"https://undocs.org/A/70/174\">https://undocs.org/A/70/174</a>。");
  assert_markup ("(see https://a.org/x_(y).)", "(see <a href=\"https://a.org/x_(y)\">https://a.org/x_(y)</a>.)");
  assert_markup ("https:// alone, nohttps://a.org", "https:// alone, nohttps://a.org");
  assert_markup ("2 * 3 * 4", "2 * 3 * 4");
  assert_markup ("*unclosed", "*unclosed");
  assert_markup ("\\*not em\\*", "*not em*");
  assert_markup ("**<i>**", "<b>&lt;i&gt;</b>");
  assert_markup ("", "");
  assert_markup (NULL, "");
}

/* WCAG relative luminance and contrast. */
static double
luminance (const GdkRGBA *c)
{
  double v[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
test_colors (void)
{
  const char * const *keys = gloss_note_colors ();
  /* libadwaita's view foreground, blended: 80 % black; white in dark */
  GdkRGBA light_text = { 0.2, 0.2, 0.2, 1.0 };
  GdkRGBA dark_text = { 1.0, 1.0, 1.0, 1.0 };
  g_autofree char *css = gloss_highlight_colors_dup_css (TRUE);
  guint n = 0;

  for (guint i = 0; keys[i] != NULL; i++, n++)
    {
      GdkRGBA light, dark, line;

      g_assert_true (gloss_highlight_colors_get_fill (keys[i], FALSE, &light));
      g_assert_true (gloss_highlight_colors_get_fill (keys[i], TRUE, &dark));
      g_assert_true (gloss_highlight_colors_get_line (keys[i], FALSE, &line));
      g_assert_false (gdk_rgba_equal (&light, &dark));
      g_assert_false (gdk_rgba_equal (&light, &line));
      g_assert_cmpfloat (contrast (&light, &light_text), >=, 7.0);
      g_assert_cmpfloat (contrast (&dark, &dark_text), >=, 7.0);

      g_assert_cmpstr (gloss_highlight_colors_get_label (keys[i]), !=, keys[i]);
      g_assert_cmpuint (gloss_highlight_colors_get_shortcut (keys[i]), ==, i + 1);
      g_assert_nonnull (strstr (css, keys[i]));
    }
  g_assert_cmpuint (n, >=, 8);

  /* an unknown key is said to be unknown, and still drawn */
  {
    GdkRGBA fallback;

    g_assert_false (gloss_highlight_colors_get_fill ("mauve", FALSE, &fallback));
    g_assert_cmpfloat (fallback.alpha, ==, 1.0);
    g_assert_cmpuint (gloss_highlight_colors_get_shortcut ("mauve"), ==, 0);
  }
}

/* ------------------------------------------------------------------ */
/* The pane                                                           */
/* ------------------------------------------------------------------ */

static void
test_pane_rows (Fixture       *f,
                gconstpointer  data)
{
  GlossNotesPane *pane = show_pane (f);
  g_autoptr(GPtrArray) rows = NULL;

  /* this document: its two highlights and its document note */
  g_assert_cmpuint (n_listed (pane), ==, 3);
  g_assert_false (listed (pane, f->elsewhere));
  g_assert_cmpstr (gloss_notes_pane_get_visible_page (pane), ==, "list");

  /* and rows on screen show them */
  wait_for_listed_rows (pane, 3);
  rows = collect_listed_notes (pane);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_true (g_ptr_array_find (rows, f->red, NULL));
  g_assert_true (g_ptr_array_find (rows, f->whole, NULL));

  /* the whole library */
  gloss_notes_pane_set_all_documents (pane, TRUE);
  g_assert_cmpuint (n_listed (pane), ==, 4);
  g_assert_true (listed (pane, f->elsewhere));

  /* a note added elsewhere shows up */
  {
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (gloss_annotations_add_document_note (f->notes, f->article, "later", NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_listed (pane), ==, 5);
  }
}

static void
test_pane_filters (Fixture       *f,
                   gconstpointer  data)
{
  GlossNotesPane *pane = show_pane (f);

  gloss_notes_pane_set_all_documents (pane, TRUE);

  gloss_notes_pane_set_filter_color (pane, "red");
  g_assert_cmpuint (n_listed (pane), ==, 1);
  g_assert_true (listed (pane, f->red));
  gloss_notes_pane_set_filter_color (pane, NULL);
  g_assert_cmpuint (n_listed (pane), ==, 4);

  g_assert_true (gloss_notes_pane_set_filter_tag (pane, "gge"));
  g_assert_cmpuint (n_listed (pane), ==, 2);
  g_assert_true (listed (pane, f->red));
  g_assert_true (listed (pane, f->elsewhere));
  g_assert_false (gloss_notes_pane_set_filter_tag (pane, "no-such-tag"));
  g_assert_cmpuint (n_listed (pane), ==, 2);   /* unchanged */

  /* a tag added while the pane is open can be chosen */
  {
    const char *tags[] = { "gge", "fresh", NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossNote) before = gloss_annotations_set_tags (f->notes, f->green, tags, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (n_listed (pane), ==, 3);   /* green joined #gge */
    g_assert_true (gloss_notes_pane_set_filter_tag (pane, "fresh"));
    g_assert_cmpuint (n_listed (pane), ==, 1);
  }
  g_assert_true (gloss_notes_pane_set_filter_tag (pane, NULL));

  gloss_notes_pane_set_search (pane, "定义");
  g_assert_cmpuint (n_listed (pane), ==, 1);
  g_assert_true (listed (pane, f->green));
  gloss_notes_pane_set_search (pane, "ANOTHER");   /* case-insensitive */
  g_assert_true (listed (pane, f->elsewhere));

  /* filters that hide everything get their own empty state */
  gloss_notes_pane_set_filter_color (pane, "purple");
  g_assert_cmpuint (n_listed (pane), ==, 0);
  g_assert_cmpstr (gloss_notes_pane_get_visible_page (pane), ==, "filtered");
  gloss_notes_pane_clear_filters (pane);
  g_assert_cmpuint (n_listed (pane), ==, 4);
  g_assert_cmpstr (gloss_notes_pane_get_visible_page (pane), ==, "list");

  /* sorted by creation, newest first */
  gloss_notes_pane_set_sort (pane, GLOSS_NOTE_SORT_CREATED);
  {
    g_autoptr(GlossNote) first = g_list_model_get_item (gloss_notes_pane_get_model (pane), 0);

    g_assert_true (first == f->elsewhere);
  }
}

/* connected swapped: the slot first, then the signal's note */
static void
record_note_cb (GlossNote **out,
                GlossNote  *note)
{
  g_set_object (out, note);
}

static void
test_pane_needs_attention (Fixture       *f,
                           gconstpointer  data)
{
  GlossNotesPane *pane = show_pane (f);
  g_autofree char *db = g_build_filename (f->dir, "user.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  gloss_notes_pane_set_needs_attention (pane, TRUE);
  g_assert_cmpuint (n_listed (pane), ==, 0);
  g_assert_cmpstr (gloss_notes_pane_get_visible_page (pane), ==, "filtered");

  /* another process finds the red passage gone: the live note changes
   * status in place, and the filter follows it */
  sql = g_strdup_printf ("UPDATE notes SET status = 'orphaned' WHERE id = '%s'",
                         gloss_note_get_id (f->red));
  test_exec_sql (db, sql);
  g_assert_true (gloss_annotations_refresh (f->notes, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_note_get_needs_attention (f->red));

  g_assert_cmpuint (n_listed (pane), ==, 1);
  g_assert_true (listed (pane, f->red));
  g_assert_cmpstr (gloss_notes_pane_get_visible_page (pane), ==, "list");

  /* its row offers re-attaching; the button emits the request */
  wait_for_listed_rows (pane, 1);
  rows = collect_listed_notes (pane);
  g_assert_cmpuint (rows->len, ==, 1);
  {
    GlossNote *requested = NULL;

    g_signal_connect_swapped (pane, "reattach-requested", G_CALLBACK (record_note_cb), &requested);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "notes.reattach", "s",
                                               gloss_note_get_id (f->red)));
    g_assert_true (requested == f->red);
    g_clear_object (&requested);
  }

  gloss_notes_pane_set_needs_attention (pane, FALSE);
  g_assert_cmpuint (n_listed (pane), ==, 3);
}

static void
test_pane_activate (Fixture       *f,
                    gconstpointer  data)
{
  GlossNotesPane *pane = show_pane (f);
  /* not the list of a drop-down's popover */
  GtkWidget *list_view = test_find_descendant (GTK_WIDGET (pane), GTK_TYPE_LIST_VIEW, "notes-list");
  g_autoptr(GlossNote) expected = g_list_model_get_item (gloss_notes_pane_get_model (pane), 1);
  g_autoptr(GlossNote) activated = NULL;

  g_assert_nonnull (list_view);
  g_signal_connect_swapped (pane, "note-activated", G_CALLBACK (record_note_cb), &activated);

  /* what a click or Enter on the second row does */
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 1));
  g_assert_nonnull (activated);
  g_assert_true (activated == expected);
}

static void
test_pane_empty (Fixture       *f,
                 gconstpointer  data)
{
  GlossNotesPane *pane = show_pane (f);
  g_autoptr(GlossNote) created = NULL;

  g_assert_cmpuint (n_listed (pane), ==, 0);
  g_assert_cmpstr (gloss_notes_pane_get_visible_page (pane), ==, "empty");

  /* "+" adds a note on the open document */
  g_signal_connect_swapped (pane, "note-created", G_CALLBACK (record_note_cb), &created);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "notes.add-document-note", NULL));
  g_assert_nonnull (created);
  g_assert_cmpstr (gloss_note_get_doc_id (created), ==, ARTICLE_ID);
  g_assert_false (gloss_note_get_has_range (created));
  g_assert_cmpuint (n_listed (pane), ==, 1);
  g_assert_cmpstr (gloss_notes_pane_get_visible_page (pane), ==, "list");
}

/* ------------------------------------------------------------------ */
/* The editor                                                         */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint      count;
  gint64     first_at;  /* monotonic time of the first change */
  GlossNote *before;
  GlossNote *after;
} Changes;

static void
changed_cb (GlossNoteEditor *editor,
            GlossNote       *before,
            GlossNote       *after,
            Changes         *changes)
{
  if (changes->count++ == 0)
    changes->first_at = g_get_monotonic_time ();
  g_set_object (&changes->before, before);
  g_set_object (&changes->after, after);
}

static void
changes_clear (Changes *changes)
{
  g_clear_object (&changes->before);
  g_clear_object (&changes->after);
}

static GlossNoteEditor *
show_editor (Fixture   *f,
             GlossNote *note,
             Changes   *changes)
{
  GtkWidget *editor = gloss_note_editor_new (f->notes);

  gloss_note_editor_set_note (GLOSS_NOTE_EDITOR (editor), note);
  g_signal_connect (editor, "changed", G_CALLBACK (changed_cb), changes);
  gtk_window_set_child (f->window, editor);
  gtk_window_present (f->window);
  test_iterate_until (is_mapped, editor);

  return GLOSS_NOTE_EDITOR (editor);
}

static void
window_left_cb (GtkWindow  *window,
                GParamSpec *pspec,
                gboolean   *left)
{
  if (!gtk_window_is_active (window))
    *left = TRUE;
}

static gboolean
changed_once (gpointer data)
{
  return ((Changes *) data)->count > 0;
}

static void
test_editor_text (Fixture       *f,
                  gconstpointer  data)
{
  Changes changes = { 0 };
  GlossNoteEditor *editor = show_editor (f, f->green, &changes);
  GtkTextBuffer *buffer = gloss_note_editor_get_buffer (editor);
  g_autofree char *id = g_strdup (gloss_note_get_id (f->green));
  GtkTextIter end;
  gint64 typed_at;
  gboolean window_left = FALSE;

  g_signal_connect (f->window, "notify::is-active", G_CALLBACK (window_left_cb), &window_left);
  gtk_widget_grab_focus (GTK_WIDGET (editor));
  gtk_text_buffer_get_end_iter (buffer, &end);
  typed_at = g_get_monotonic_time ();
  gtk_text_buffer_insert (buffer, &end, "：技术推动", -1);

  /* not at every keystroke... */
  g_assert_cmpuint (changes.count, ==, 0);
  g_assert_cmpstr (gloss_note_get_text (f->green), ==, "定义");

  /* ...but after a pause: never earlier than the delay (however slow
   * the machine, a pause cannot come sooner), and once.  Leaving the
   * window saves at once, as it should: when another test's window on
   * the shared display took the focus, the delay cannot be checked. */
  test_iterate_until (changed_once, &changes);
  g_signal_handlers_disconnect_by_func (f->window, window_left_cb, &window_left);
  if (!window_left)
    g_assert_cmpint (changes.first_at - typed_at, >=,
                     GLOSS_NOTE_EDITOR_SAVE_DELAY_MS * G_TIME_SPAN_MILLISECOND);
  else
    g_test_message ("the window lost the focus: saved at once, the delay is not checked");
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpstr (gloss_note_get_text (f->green), ==, "定义：技术推动");
  g_assert_cmpstr (gloss_note_get_text (changes.before), ==, "定义");
  g_assert_cmpstr (gloss_note_get_text (changes.after), ==, "定义：技术推动");
  g_assert_cmpstr (gloss_note_get_id (changes.before), ==, id);
  g_assert_true (changes.after != f->green);   /* a snapshot, not the live note */

  /* stored, not only in memory */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossLibrary) again = gloss_library_open (f->dir, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (gloss_note_get_text (gloss_annotations_lookup (gloss_library_get_annotations (again), id)),
                     ==, "定义：技术推动");
  }

  /* Undo from outside shows in the editor */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (gloss_annotations_restore (f->notes, changes.before, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (gloss_note_get_text (f->green), ==, "定义");
  }
  {
    GtkTextIter start;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "定义");
  }

  /* switching to another note commits at once, without the pause */
  changes.count = 0;
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "!", -1);
  gloss_note_editor_set_note (editor, f->red);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpstr (gloss_note_get_text (f->green), ==, "定义!");
  g_assert_cmpstr (gloss_note_get_text (changes.after), ==, "定义!");

  changes_clear (&changes);
}

static void
test_editor_tags (Fixture       *f,
                  gconstpointer  data)
{
  Changes changes = { 0 };
  GlossNoteEditor *editor = show_editor (f, f->green, &changes);
  GtkEditable *entry = gloss_note_editor_get_tag_entry (editor);
  g_auto(GStrv) offered = NULL;
  const char *expected[] = { "norms", "oewg", "gge", NULL };

  gtk_widget_grab_focus (GTK_WIDGET (entry));

  /* the tags in use that start so, minus those the note has */
  gtk_editable_set_text (entry, "g");
  offered = gloss_note_editor_dup_suggestions (editor);
  g_assert_cmpstrv (offered, ((const char *[]) { "gge", NULL }));
  g_clear_pointer (&offered, g_strfreev);

  gtk_editable_set_text (entry, "no");
  offered = gloss_note_editor_dup_suggestions (editor);
  g_assert_cmpuint (g_strv_length (offered), ==, 0);   /* "norms" is on the note already */
  g_clear_pointer (&offered, g_strfreev);

  /* a click on the suggestion adds it */
  gtk_editable_set_text (entry, "G");
  offered = gloss_note_editor_dup_suggestions (editor);
  g_assert_cmpstrv (offered, ((const char *[]) { "gge", NULL }));
  {
    GtkWidget *list = test_find_descendant (GTK_WIDGET (entry), GTK_TYPE_LIST_BOX, NULL);

    g_assert_nonnull (list);
    g_signal_emit_by_name (list, "row-activated",
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  }
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_true (gloss_note_has_tag (f->green, "gge"));
  g_assert_false (gloss_note_has_tag (changes.before, "gge"));
  g_assert_true (gloss_note_has_tag (changes.after, "gge"));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  {
    const char * const *tags = gloss_note_get_tags (f->green);

    g_assert_cmpuint (g_strv_length ((GStrv) tags), ==, 3);
    for (guint i = 0; expected[i] != NULL; i++)
      g_assert_true (gloss_note_has_tag (f->green, expected[i]));
  }

  g_clear_pointer (&offered, g_strfreev);
  offered = gloss_note_editor_dup_suggestions (editor);
  g_assert_cmpuint (g_strv_length (offered), ==, 0);   /* and the suggestions are gone */

  /* Enter adds what was typed, as a new tag */
  gtk_editable_set_text (entry, "Fresh");
  g_signal_emit_by_name (entry, "activate");   /* what Enter does */
  g_assert_true (gloss_note_has_tag (f->green, "fresh"));
  g_assert_cmpuint (changes.count, ==, 2);
  g_assert_true (gloss_note_editor_remove_tag (editor, "fresh"));
  g_assert_cmpuint (changes.count, ==, 3);

  /* a pill's remove button */
  g_assert_true (gloss_note_editor_remove_tag (editor, "oewg"));
  g_assert_false (gloss_note_has_tag (f->green, "oewg"));
  g_assert_cmpuint (changes.count, ==, 4);

  /* a tag that normalises to nothing is refused, not stored */
  g_assert_false (gloss_note_editor_add_tag (editor, "  #  "));
  g_assert_cmpuint (changes.count, ==, 4);

  changes_clear (&changes);
}

static void
test_editor_palette (Fixture       *f,
                     gconstpointer  data)
{
  Changes changes = { 0 };
  GlossNoteEditor *editor = show_editor (f, f->red, &changes);
  GtkWidget *palette = test_find_descendant (GTK_WIDGET (editor), GLOSS_TYPE_HIGHLIGHT_PALETTE, NULL);
  g_autofree char *name = NULL;

  g_assert_nonnull (palette);
  g_assert_cmpstr (gloss_highlight_palette_get_color (GLOSS_HIGHLIGHT_PALETTE (palette)), ==, "red");

  /* the digit 5 on the palette: the fifth colour */
  g_assert_true (gtk_widget_activate_action (palette, "palette.choose", "s", gloss_note_colors ()[4]));
  g_assert_cmpstr (gloss_note_get_color (f->red), ==, gloss_note_colors ()[4]);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpstr (gloss_note_get_color (changes.before), ==, "red");

  gloss_highlight_palette_set_style (GLOSS_HIGHLIGHT_PALETTE (palette), GLOSS_HIGHLIGHT_STRIKE);
  g_assert_cmpint (gloss_note_get_style (f->red), ==, GLOSS_HIGHLIGHT_STRIKE);
  g_assert_cmpuint (changes.count, ==, 2);

  /* naming a colour */
  g_assert_true (gloss_highlight_palette_rename (GLOSS_HIGHLIGHT_PALETTE (palette), "red", " disputed "));
  name = gloss_highlight_colors_dup_name (f->notes, "red");
  g_assert_cmpstr (name, ==, "disputed");

  /* bad input: a clear message, no crash */
  g_test_expect_message ("Gloss", G_LOG_LEVEL_WARNING, "*mauve*");
  gloss_highlight_palette_choose (GLOSS_HIGHLIGHT_PALETTE (palette), "mauve");
  g_test_assert_expected_messages ();
  g_assert_cmpuint (changes.count, ==, 2);

  changes_clear (&changes);
}

static void
chosen_cb (GlossHighlightPalette *palette,
           const char            *color,
           GlossHighlightStyle    style,
           char                 **out)
{
  g_free (*out);
  *out = g_strdup_printf ("%s/%s", color, gloss_highlight_style_to_string (style));
}

static void
test_palette (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *palette = gloss_highlight_palette_new (f->notes);
  g_autofree char *chosen = NULL;

  gtk_window_set_child (f->window, palette);
  gtk_window_present (f->window);
  test_iterate_until (is_mapped, palette);

  g_signal_connect (palette, "color-chosen", G_CALLBACK (chosen_cb), &chosen);
  gloss_highlight_palette_set_style (GLOSS_HIGHLIGHT_PALETTE (palette), GLOSS_HIGHLIGHT_UNDERLINE);
  g_assert_true (gtk_widget_activate_action (palette, "palette.choose", "s", "blue"));
  g_assert_cmpstr (chosen, ==, "blue/underline");
  g_assert_cmpstr (gloss_highlight_palette_get_color (GLOSS_HIGHLIGHT_PALETTE (palette)), ==, "blue");

  /* renaming is stored; forgetting it too */
  g_assert_true (gloss_highlight_palette_rename (GLOSS_HIGHLIGHT_PALETTE (palette), "blue", "definition"));
  {
    g_autofree char *name = gloss_annotations_dup_color_name (f->notes, "blue");

    g_assert_cmpstr (name, ==, "definition");
  }
  g_assert_true (gloss_highlight_palette_rename (GLOSS_HIGHLIGHT_PALETTE (palette), "blue", ""));
  {
    g_autofree char *name = gloss_highlight_colors_dup_name (f->notes, "blue");

    g_assert_cmpstr (name, ==, "Blue");
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/notes/markup", test_markup);
  g_test_add_func ("/gui/notes/colors", test_colors);
  g_test_add ("/gui/notes/pane-rows", Fixture, NULL,
              fixture_set_up, test_pane_rows, fixture_tear_down);
  g_test_add ("/gui/notes/pane-filters", Fixture, NULL,
              fixture_set_up, test_pane_filters, fixture_tear_down);
  g_test_add ("/gui/notes/pane-needs-attention", Fixture, NULL,
              fixture_set_up, test_pane_needs_attention, fixture_tear_down);
  g_test_add ("/gui/notes/pane-activate", Fixture, NULL,
              fixture_set_up, test_pane_activate, fixture_tear_down);
  g_test_add ("/gui/notes/pane-empty", Fixture, "empty",
              fixture_set_up, test_pane_empty, fixture_tear_down);
  g_test_add ("/gui/notes/editor-text", Fixture, NULL,
              fixture_set_up, test_editor_text, fixture_tear_down);
  g_test_add ("/gui/notes/editor-tags", Fixture, NULL,
              fixture_set_up, test_editor_tags, fixture_tear_down);
  g_test_add ("/gui/notes/editor-palette", Fixture, NULL,
              fixture_set_up, test_editor_palette, fixture_tear_down);
  g_test_add ("/gui/notes/palette", Fixture, NULL,
              fixture_set_up, test_palette, fixture_tear_down);

  return g_test_run ();
}
