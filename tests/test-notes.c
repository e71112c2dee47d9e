/* test-notes.c: highlights and notes — storage, undo, the notes pane's
 * model, other processes, W3C export and import, replaced originals,
 * and the upgrade of a library made by the previous schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "gloss-annotations.h"
#include "gloss-error.h"
#include "gloss-note-history.h"
#include "gloss-note-list.h"
#include "gloss-store.h"
#include "test-util.h"

typedef struct
{
  char             *dir;
  GlossLibrary     *library;
  GlossAnnotations *notes;
  GlossDocument    *doc;
  GlossContent     *content;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->library = test_open_library (&f->dir);
  f->notes = gloss_library_get_annotations (f->library);
  f->doc = gloss_library_lookup (f->library, "000", &error);
  g_assert_no_error (error);
  f->content = gloss_library_load_content (f->library, f->doc, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_object (&f->content);
  g_clear_object (&f->doc);
  g_assert_finalize_object (f->library);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

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
  note = gloss_annotations_add (f->notes, f->doc, f->content, start, start + g_utf8_strlen (quote, -1),
                                color, GLOSS_HIGHLIGHT_BACKGROUND, text, tags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (note);
  return note;
}

static void
test_add_and_reopen (Fixture      *f,
                     gconstpointer data)
{
  const char *tags[] = { "  ＧＧＥ ", "#规范", "gge", NULL };
  GlossNote *note = add_quote (f, "主要国际机制", "red", "第一行\n第二行", tags);
  g_autofree char *id = g_strdup (gloss_note_get_id (note));
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLibrary) again = NULL;
  GlossNote *back;
  const char *expected_tags[] = { "gge", "规范", NULL };

  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpstr (gloss_note_get_quote (note), ==, "主要国际机制");
  g_assert_cmpuint (g_utf8_strlen (gloss_note_get_prefix (note), -1), ==, 32);
  g_assert_cmpuint (g_utf8_strlen (gloss_note_get_suffix (note), -1), ==, 32);
  g_assert_true (g_strv_equal (gloss_note_get_tags (note), expected_tags));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->notes)), ==, 1);

  /* refused with a reason, and nothing stored */
  g_assert_null (gloss_annotations_add (f->notes, f->doc, f->content, 10, 5, NULL, 0, NULL, NULL, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gloss_annotations_add (f->notes, f->doc, f->content, 1, 5, "mauve", 0, NULL, NULL, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "mauve"));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->notes)), ==, 1);

  g_assert_nonnull (gloss_annotations_add_document_note (f->notes, f->doc, "读后感", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_annotations_set_color_name (f->notes, "red", " disputed ", NULL, &error));
  g_assert_no_error (error);

  again = gloss_library_open (f->dir, &error);
  g_assert_no_error (error);
  back = gloss_annotations_lookup (gloss_library_get_annotations (again), id);
  g_assert_nonnull (back);
  g_assert_cmpstr (gloss_note_get_text (back), ==, "第一行\n第二行");
  g_assert_cmpstr (gloss_note_get_color (back), ==, "red");
  g_assert_true (g_strv_equal (gloss_note_get_tags (back), expected_tags));
  g_assert_cmpuint (gloss_note_get_start (back), ==, gloss_note_get_start (note));
  g_assert_cmpint (gloss_note_get_status (back), ==, GLOSS_ANCHOR_OK);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_library_get_annotations (again))), ==, 2);
  {
    g_autofree char *name = gloss_annotations_dup_color_name (gloss_library_get_annotations (again), "red");

    g_assert_cmpstr (name, ==, "disputed");
  }
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *count)
{
  (*count)++;
}

static void
test_undo (Fixture      *f,
           gconstpointer data)
{
  const char *tags[] = { "gge", NULL };
  const char *new_tags[] = { "norms", "un", NULL };
  GlossNote *note = add_quote (f, "主要国际机制", "yellow", "原文", tags);
  g_autofree char *id = g_strdup (gloss_note_get_id (note));
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossNote) before_color = NULL;
  g_autoptr(GlossNote) before_tags = NULL;
  g_autoptr(GlossNote) before_text = NULL;
  g_autoptr(GlossNote) deleted = NULL;
  g_autoptr(GlossNote) replaced = NULL;
  g_autoptr(GlossNote) redo = NULL;
  guint changes = 0;

  g_signal_connect (f->notes, "items-changed", G_CALLBACK (count_changes), &changes);

  before_color = gloss_annotations_set_color (f->notes, note, "green", GLOSS_HIGHLIGHT_UNDERLINE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_note_get_color (before_color), ==, "yellow");
  g_assert_cmpstr (gloss_note_get_color (note), ==, "green");
  g_assert_cmpint (gloss_note_get_style (note), ==, GLOSS_HIGHLIGHT_UNDERLINE);
  g_assert_cmpint (gloss_note_get_modified (note), >, gloss_note_get_modified (before_color));

  before_tags = gloss_annotations_set_tags (f->notes, note, new_tags, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (gloss_note_get_tags (note), new_tags));
  before_text = gloss_annotations_set_text (f->notes, note, "改过", &error);
  g_assert_no_error (error);

  /* undo in reverse order */
  g_assert_true (gloss_annotations_restore (f->notes, before_text, NULL, &error));
  g_assert_cmpstr (gloss_note_get_text (note), ==, "原文");
  g_assert_true (gloss_annotations_restore (f->notes, before_tags, NULL, &error));
  g_assert_true (g_strv_equal (gloss_note_get_tags (note), tags));
  g_assert_true (gloss_annotations_restore (f->notes, before_color, &replaced, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_note_get_color (note), ==, "yellow");
  g_assert_cmpstr (gloss_note_get_color (replaced), ==, "green");   /* what redo needs */

  /* delete, and undo it: the same note, same id */
  deleted = gloss_annotations_delete (f->notes, note, &error);
  g_assert_no_error (error);
  g_assert_null (gloss_annotations_lookup (f->notes, id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->notes)), ==, 0);
  g_assert_true (gloss_annotations_restore (f->notes, deleted, &redo, &error));
  g_assert_no_error (error);
  g_assert_null (redo);
  note = gloss_annotations_lookup (f->notes, id);
  g_assert_nonnull (note);
  g_assert_cmpstr (gloss_note_get_text (note), ==, "原文");
  g_assert_true (g_strv_equal (gloss_note_get_tags (note), tags));
  g_assert_cmpuint (changes, ==, 2);   /* delete, restore: edits change the note in place */

  /* and it is stored, not only in memory */
  {
    g_autoptr(GlossLibrary) again = gloss_library_open (f->dir, &error);

    g_assert_no_error (error);
    g_assert_nonnull (gloss_annotations_lookup (gloss_library_get_annotations (again), id));
  }
}

/* The window's undo stack: every kind of change, undone and redone. */
static void
test_history (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GlossNoteHistory) history = gloss_note_history_new (f->notes);
  GlossNote *note = add_quote (f, "主要国际机制", "yellow", NULL, NULL);
  g_autofree char *id = g_strdup (gloss_note_get_id (note));
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossNote) added = gloss_note_copy (note);
  g_autoptr(GlossNote) before_text = NULL;
  g_autoptr(GlossNote) edited = NULL;
  g_autoptr(GlossNote) deleted = NULL;

  g_assert_false (gloss_note_history_get_can_undo (history));
  gloss_note_history_push (history, NULL, added, "Add highlight");

  before_text = gloss_annotations_set_text (f->notes, note, "一个注释", &error);
  g_assert_no_error (error);
  edited = gloss_note_copy (note);
  gloss_note_history_push (history, before_text, edited, "Edit note");

  deleted = gloss_annotations_delete (f->notes, note, &error);
  g_assert_no_error (error);
  gloss_note_history_push (history, deleted, NULL, "Delete highlight");
  g_assert_cmpstr (gloss_note_history_get_undo_label (history), ==, "Delete highlight");

  /* undo the delete, the edit, the addition */
  g_assert_true (gloss_note_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_note_get_text (gloss_annotations_lookup (f->notes, id)), ==, "一个注释");
  g_assert_true (gloss_note_history_undo (history, &error));
  g_assert_cmpstr (gloss_note_get_text (gloss_annotations_lookup (f->notes, id)), ==,
                   gloss_note_get_text (added));
  g_assert_true (gloss_note_history_undo (history, &error));
  g_assert_null (gloss_annotations_lookup (f->notes, id));
  g_assert_false (gloss_note_history_get_can_undo (history));
  g_assert_true (gloss_note_history_get_can_redo (history));

  /* and redo them all: the same note, with the same id */
  g_assert_true (gloss_note_history_redo (history, &error));
  g_assert_nonnull (gloss_annotations_lookup (f->notes, id));
  g_assert_true (gloss_note_history_redo (history, &error));
  g_assert_cmpstr (gloss_note_get_text (gloss_annotations_lookup (f->notes, id)), ==, "一个注释");
  g_assert_true (gloss_note_history_redo (history, &error));
  g_assert_no_error (error);
  g_assert_null (gloss_annotations_lookup (f->notes, id));
  g_assert_false (gloss_note_history_get_can_redo (history));

  /* a new change ends what could be redone */
  g_assert_true (gloss_note_history_undo (history, &error));
  g_assert_true (gloss_note_history_get_can_redo (history));
  gloss_note_history_push (history, NULL, gloss_annotations_lookup (f->notes, id), "Add highlight");
  g_assert_false (gloss_note_history_get_can_redo (history));
}

static void
test_note_list (Fixture      *f,
                gconstpointer data)
{
  const char *gge[] = { "GGE", NULL };
  const char *oewg[] = { "oewg", NULL };
  GlossNote *a = add_quote (f, "主要国际机制", "red", "联合国", gge);
  GlossNote *b = add_quote (f, "网络空间是一个由技术推动", "green", "定义", oewg);
  g_autoptr(GlossNoteList) list = gloss_note_list_new (G_LIST_MODEL (f->notes));
  g_autoptr(GlossNote) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossNote) before = NULL;
  g_auto(GStrv) all_tags = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == a);   /* by position */
  g_clear_object (&first);

  gloss_note_list_set_sort (list, GLOSS_NOTE_SORT_CREATED);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == b);   /* newest first */
  g_clear_object (&first);

  gloss_note_list_set_color (list, "red");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  /* a recoloured note leaves the filtered list */
  before = gloss_annotations_set_color (f->notes, a, "blue", GLOSS_HIGHLIGHT_BACKGROUND, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  gloss_note_list_set_color (list, NULL);

  gloss_note_list_set_tag (list, "ＧＧＥ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  gloss_note_list_set_tag (list, NULL);
  gloss_note_list_set_search (list, "定义");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  gloss_note_list_set_search (list, "技术推动");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  gloss_note_list_set_search (list, NULL);
  gloss_note_list_set_doc_id (list, "002_ba12018ce53e1c1f");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  gloss_note_list_set_doc_id (list, NULL);
  gloss_note_list_set_needs_attention (list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  all_tags = gloss_annotations_list_tags (f->notes, "o");
  g_assert_cmpuint (g_strv_length (all_tags), ==, 1);
  g_assert_cmpstr (all_tags[0], ==, "oewg");
}

/* The command line (another process) adds a note; the app sees it. */
static void
test_external_change (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLibrary) other = gloss_library_open (f->dir, &error);
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GlossContent) content = NULL;
  GlossNote *added;

  g_assert_no_error (error);
  g_assert_false (gloss_annotations_refresh (f->notes, &error));
  doc = gloss_library_lookup (other, "000", &error);
  content = gloss_library_load_content (other, doc, &error);
  added = gloss_annotations_add (gloss_library_get_annotations (other), doc, content, 100, 120,
                                 "teal", GLOSS_HIGHLIGHT_STRIKE, "from the CLI", NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->notes)), ==, 0);
  g_assert_true (gloss_annotations_refresh (f->notes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->notes)), ==, 1);
  g_assert_cmpstr (gloss_note_get_text (gloss_annotations_lookup (f->notes, gloss_note_get_id (added))),
                   ==, "from the CLI");
  g_assert_false (gloss_annotations_refresh (f->notes, &error));
}

static char *
export_to (Fixture    *f,
           GlossLibrary *library,
           const char *name,
           guint       expected)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (gloss_library_export_annotations (library, file, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected);
  return g_steal_pointer (&path);
}

static void
test_w3c_round_trip (Fixture      *f,
                     gconstpointer data)
{
  const char *tags[] = { "gge", "规范", NULL };
  GlossNote *note = add_quote (f, "主要国际机制", "purple", "要点", tags);
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autofree char *dir2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  GlossLibrary *second;
  GlossImportReport report;
  GlossNote *copy;

  g_assert_nonnull (gloss_annotations_add_document_note (f->notes, f->doc, "整篇", NULL, &error));
  gloss_annotations_set_color_name (f->notes, "purple", "definition", NULL, &error);
  g_assert_no_error (error);
  path = export_to (f, f->library, "notes.json", 2);
  g_file_get_contents (path, &json, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"AnnotationCollection\""));
  g_assert_nonnull (strstr (json, "\"TextQuoteSelector\""));
  g_assert_nonnull (strstr (json, "\"TextPositionSelector\""));
  g_assert_nonnull (strstr (json, "\"tagging\""));
  g_assert_nonnull (strstr (json, "\"urn:sha256:"));
  g_assert_nonnull (strstr (json, "\"definition\""));

  /* into another library: every note, same ids; a second time: nothing new */
  second = test_open_library (&dir2);
  file = g_file_new_for_path (path);
  g_assert_true (gloss_library_import_annotations (second, file, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 2);
  g_assert_cmpuint (report.unplaced, ==, 0);
  copy = gloss_annotations_lookup (gloss_library_get_annotations (second), gloss_note_get_id (note));
  g_assert_nonnull (copy);
  g_assert_true (gloss_note_equal_content (copy, note));
  g_assert_cmpint (gloss_note_get_modified (copy), ==, gloss_note_get_modified (note));

  g_assert_true (gloss_library_import_annotations (second, file, &report, &error));
  g_assert_cmpuint (report.added, ==, 0);
  g_assert_cmpuint (report.unchanged, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_library_get_annotations (second))), ==, 2);

  /* a newer version of a note replaces the older one */
  {
    g_autoptr(GlossNote) before = gloss_annotations_set_text (f->notes, note, "要点（修订）", &error);
    g_autofree char *again = export_to (f, f->library, "notes2.json", 2);
    g_autoptr(GFile) file2 = g_file_new_for_path (again);

    g_assert_true (gloss_library_import_annotations (second, file2, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.updated, ==, 1);
    g_assert_cmpuint (report.unchanged, ==, 1);
    g_assert_cmpstr (gloss_note_get_text (copy), ==, "要点（修订）");
  }

  g_assert_finalize_object (second);
  test_rm_rf (dir2);
}

/* Offsets that do not fit (another cleaning) are placed by quote; an
 * unknown document is skipped, not invented. */
static void
test_w3c_import_by_quote (Fixture      *f,
                          gconstpointer data)
{
  const char *json =
    "[{\"type\":\"Annotation\",\"id\":\"https://example.org/anno/1\","
    "  \"body\":{\"type\":\"TextualBody\",\"value\":\"from elsewhere\"},"
    "  \"target\":{\"source\":\"urn:sha256:0000\",\"gloss:document\":\"000_19fab0aeb8cf70aa\","
    "    \"selector\":[{\"type\":\"TextQuoteSelector\",\"exact\":\"主要国际机制\","
    "                   \"prefix\":\"专家组是主权国家参与构建网络空间规范的\",\"suffix\":\"，在构建网络空间规范方面\"},"
    "                  {\"type\":\"TextPositionSelector\",\"start\":3,\"end\":9}]}},"
    " {\"type\":\"Annotation\",\"target\":{\"source\":\"urn:sha256:ffff\",\"gloss:document\":\"nope\"}},"
    " {\"type\":\"Annotation\",\"target\":{\"gloss:document\":\"000_19fab0aeb8cf70aa\","
    "    \"selector\":{\"type\":\"TextQuoteSelector\",\"exact\":\"这句话不在文中\"}}}]";
  g_autofree char *path = test_write_file (f->dir, "other.json", json, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GlossImportReport report;
  gint expected = test_find_char_offset (f->content, "主要国际机制");

  g_assert_true (gloss_library_import_annotations (f->library, file, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 2);
  g_assert_cmpuint (report.unplaced, ==, 1);
  g_assert_cmpuint (report.skipped, ==, 1);
  all = gloss_annotations_dup_notes (f->notes, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      GlossNote *note = g_ptr_array_index (all, i);

      if (g_str_equal (gloss_note_get_text (note), "from elsewhere"))
        {
          g_assert_cmpint (gloss_note_get_status (note), ==, GLOSS_ANCHOR_MOVED);
          g_assert_cmpuint (gloss_note_get_start (note), ==, expected);
        }
      else
        {
          g_assert_true (gloss_note_get_needs_attention (note));
          g_assert_cmpstr (gloss_note_get_quote (note), ==, "这句话不在文中");
        }
    }

  /* not JSON at all: an error naming the file */
  g_free (test_write_file (f->dir, "bad.json", "{ not json", -1));
  {
    g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
    g_autoptr(GFile) bad_file = g_file_new_for_path (bad);

    g_assert_false (gloss_library_import_annotations (f->library, bad_file, &report, &error));
    g_assert_nonnull (strstr (error->message, "bad.json"));
  }
}

/* A corrected original replaces the old one; the notes follow the text
 * and those that cannot are listed, not dropped. */
static void
test_replace_original (Fixture      *f,
                       gconstpointer data)
{
  GlossNote *kept = add_quote (f, "网络空间是一个由技术推动", "red", NULL, NULL);
  GlossNote *lost = add_quote (f, "最紧迫的任务", "blue", "will be deleted", NULL);
  guint old_start = gloss_note_get_start (kept);
  g_autoptr(GBytes) bytes = test_bundled_bytes ("000_19fab0aeb8cf70aa.txt");
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unplaced = NULL;
  const char *headline = "【更正版】";
  g_autofree char *old_checksum = g_strdup (gloss_document_get_checksum (f->doc));

  g_assert_cmpuint (g_string_replace (text, "最紧迫的任务", "", 1), ==, 1);
  g_string_replace (text, "网络空间是一个由技术推动", "【更正版】网络空间是一个由技术推动", 1);
  path = test_write_file (f->dir, "corrected.txt", text->str, text->len);
  file = g_file_new_for_path (path);

  unplaced = gloss_library_replace_original (f->library, f->doc, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unplaced->len, ==, 1);
  g_assert_true (g_ptr_array_index (unplaced, 0) == lost);
  g_assert_true (gloss_note_get_needs_attention (lost));
  g_assert_cmpstr (gloss_note_get_quote (lost), ==, "最紧迫的任务");
  g_assert_cmpint (gloss_note_get_status (kept), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpstr (gloss_note_get_quote (kept), ==, "网络空间是一个由技术推动");
  /* six characters deleted before it, five inserted right before it */
  g_assert_cmpuint (gloss_note_get_start (kept), ==, old_start - 6 + g_utf8_strlen (headline, -1));
  g_assert_cmpstr (gloss_document_get_checksum (f->doc), !=, old_checksum);

  /* re-attach the orphan to a new passage; the document id stayed */
  {
    g_autoptr(GlossContent) content = gloss_library_load_content (f->library, f->doc, &error);
    g_autoptr(GlossNote) before = NULL;

    g_assert_nonnull (strstr (gloss_content_get_text (content), headline));
    before = gloss_annotations_reattach (f->notes, lost, content, 0, 5, &error);
    g_assert_no_error (error);
    g_assert_true (gloss_note_get_needs_attention (before));
    g_assert_false (gloss_note_get_needs_attention (lost));
    g_assert_cmpstr (gloss_note_get_text (lost), ==, "will be deleted");
  }

  /* and after reopening, all is as it was left */
  {
    g_autoptr(GlossLibrary) again = gloss_library_open (f->dir, &error);
    GlossNote *k;

    g_assert_no_error (error);
    k = gloss_annotations_lookup (gloss_library_get_annotations (again), gloss_note_get_id (kept));
    g_assert_cmpuint (gloss_note_get_start (k), ==, gloss_note_get_start (kept));
  }
}

/* The text changed under the notes while Gloss was not running (a new
 * cleaner): the next open places them again. */
static void
test_reanchor_on_open (Fixture      *f,
                       gconstpointer data)
{
  GlossNote *note = add_quote (f, "主要国际机制", "red", NULL, NULL);
  g_autofree char *id = g_strdup (gloss_note_get_id (note));
  g_autofree char *db = g_build_filename (f->dir, "user.db", NULL);
  g_autofree char *sql = g_strdup_printf ("UPDATE notes SET cleaner_version = 0, text_checksum = 'old',"
                                          " start = start + 7, end = end + 7 WHERE id = '%s'", id);
  g_autoptr(GlossLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  GlossNote *back;

  test_exec_sql (db, sql);
  again = gloss_library_open (f->dir, &error);
  g_assert_no_error (error);
  back = gloss_annotations_lookup (gloss_library_get_annotations (again), id);
  g_assert_cmpuint (gloss_note_get_start (back), ==, gloss_note_get_start (note));
  g_assert_cmpint (gloss_note_get_status (back), ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpstr (gloss_note_get_text_checksum (back), !=, "old");
}

/* A library written by schema 2 (before notes) is upgraded in place. */
static void
test_migrate_from_v2 (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(GBytes) original = test_bundled_bytes ("000_19fab0aeb8cf70aa.txt");
  g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, original);
  g_autofree char *originals = g_build_filename (dir, "originals", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLibrary) library = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GlossContent) content = NULL;

  g_mkdir_with_parents (originals, 0700);
  g_free (test_write_file (originals, checksum, g_bytes_get_data (original, NULL), g_bytes_get_size (original)));
  sql = g_strdup_printf (
    "CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT NOT NULL,"
    " authors TEXT NOT NULL DEFAULT '', year INTEGER NOT NULL DEFAULT 0,"
    " language TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '',"
    " notes TEXT NOT NULL DEFAULT '', title_inferred INTEGER NOT NULL DEFAULT 0,"
    " filename TEXT NOT NULL DEFAULT '', format TEXT NOT NULL, encoding TEXT NOT NULL,"
    " checksum TEXT NOT NULL UNIQUE, size INTEGER NOT NULL, bundled INTEGER NOT NULL DEFAULT 0,"
    " added INTEGER NOT NULL);"
    "CREATE TABLE reading_positions (doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,"
    " offset INTEGER NOT NULL, updated INTEGER NOT NULL);"
    "INSERT INTO documents VALUES ('article', '我的标题', '鲁传颖', 2020, 'zh-Hans', '', '',"
    " 0, 'a.txt', 'text', 'UTF-8', '%s', %" G_GSIZE_FORMAT ", 0, 1600000000);"
    "INSERT INTO reading_positions VALUES ('article', 321, 1600000000);"
    "PRAGMA user_version = 2;", checksum, g_bytes_get_size (original));
  test_exec_sql (path, sql);

  library = gloss_library_open (dir, &error);
  g_assert_no_error (error);
  doc = gloss_library_lookup (library, "article", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_title (doc), ==, "我的标题");
  g_assert_cmpuint (gloss_library_get_position (library, doc), ==, 321);
  content = gloss_library_load_content (library, doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gloss_annotations_add (gloss_library_get_annotations (library), doc, content,
                                           0, 10, "gray", GLOSS_HIGHLIGHT_UNDERLINE, "after the upgrade",
                                           NULL, &error));
  g_assert_no_error (error);
  {
    sqlite3 *db;
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, GLOSS_USER_SCHEMA_VERSION);
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM notes", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  g_clear_object (&content);
  g_clear_object (&doc);
  g_clear_object (&library);
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/notes/add-and-reopen", test_add_and_reopen);
  ADD ("/notes/undo", test_undo);
  ADD ("/notes/history", test_history);
  ADD ("/notes/note-list", test_note_list);
  ADD ("/notes/external-change", test_external_change);
  ADD ("/notes/w3c-round-trip", test_w3c_round_trip);
  ADD ("/notes/w3c-import-by-quote", test_w3c_import_by_quote);
  ADD ("/notes/replace-original", test_replace_original);
  ADD ("/notes/reanchor-on-open", test_reanchor_on_open);
#undef ADD
  g_test_add_func ("/notes/migrate-from-v2", test_migrate_from_v2);

  return g_test_run ();
}
