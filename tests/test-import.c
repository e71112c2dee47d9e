/* test-import.c: encodings, formats and bad input at import
 *
 * Every bad file gets one message naming the file and the reason, and
 * leaves the library as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "gloss-decode.h"
#include "gloss-error.h"
#include "test-util.h"

/* A passage of the article, to encode in every way a user may have it. */
static const char sample[] =
  "　　摘　要　随着大规模网络监听、网络黑客攻击、网络冲突等网络\n"
  "安全事件的频发，网络空间的和平与发展受到了严峻威胁。\n";

typedef struct
{
  char         *dir;
  char         *files;
  GlossLibrary *library;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  f->library = test_open_library (&f->dir);
  f->files = test_make_tmpdir ();
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_assert_finalize_object (f->library);
  test_rm_rf (f->dir);
  test_rm_rf (f->files);
  g_free (f->dir);
  g_free (f->files);
}

static GlossDocument *
import (Fixture    *f,
        const char *name,
        const void *data,
        gssize      size,
        GError    **error)
{
  g_autofree char *path = test_write_file (f->files, name, data, size);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gloss_library_import_file (f->library, file, error);
}

static void
assert_imports_sample (Fixture    *f,
                       const char *name,
                       GBytes     *bytes,
                       const char *encoding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = import (f, name, g_bytes_get_data (bytes, NULL),
                                         g_bytes_get_size (bytes), &error);
  g_autoptr(GlossContent) content = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_encoding (doc), ==, encoding);
  content = gloss_library_load_content (f->library, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_content_get_text (content), ==,
                   "摘　要\n随着大规模网络监听、网络黑客攻击、网络冲突等网络安全事件的频发，网络空间的和平与发展受到了严峻威胁。");
}

static GBytes *
encode (const char *charset,
        const char *bom,
        gsize       bom_len)
{
  g_autoptr(GError) error = NULL;
  gsize written = 0;
  g_autofree char *converted = g_convert (sample, -1, charset, "UTF-8", NULL, &written, &error);
  GByteArray *bytes = g_byte_array_new ();

  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) bom, bom_len);
  g_byte_array_append (bytes, (const guint8 *) converted, written);
  return g_byte_array_free_to_bytes (bytes);
}

static void
test_encodings (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GBytes) utf8 = encode ("UTF-8", "", 0);
  g_autoptr(GBytes) utf8_bom = encode ("UTF-8", "\xEF\xBB\xBF", 3);
  g_autoptr(GBytes) le = encode ("UTF-16LE", "\xFF\xFE", 2);
  g_autoptr(GBytes) be = encode ("UTF-16BE", "\xFE\xFF", 2);
  g_autoptr(GBytes) gb = encode ("GB18030", "", 0);
  g_autofree char *crlf = NULL;
  g_auto(GStrv) lines = g_strsplit (sample, "\n", -1);
  g_autoptr(GBytes) dos = NULL;

  assert_imports_sample (f, "utf8.txt", utf8, "UTF-8");
  assert_imports_sample (f, "bom.txt", utf8_bom, "UTF-8 (BOM)");
  assert_imports_sample (f, "le.txt", le, "UTF-16LE");
  assert_imports_sample (f, "be.txt", be, "UTF-16BE");
  assert_imports_sample (f, "gbk.txt", gb, "GB18030");

  /* Windows line ends; the file differs, the text does not */
  crlf = g_strjoinv ("\r\n", lines);
  dos = g_bytes_new (crlf, strlen (crlf));
  assert_imports_sample (f, "dos.txt", dos, "UTF-8");
}

static void
assert_refused (Fixture          *f,
                const char       *name,
                const void       *data,
                gssize            size,
                GlossImportError  code,
                const char       *reason)
{
  GListModel *docs = gloss_library_get_documents (f->library);
  guint before = g_list_model_get_n_items (docs);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = import (f, name, data, size, &error);

  g_assert_null (doc);
  g_assert_error (error, GLOSS_IMPORT_ERROR, (gint) code);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, reason));
  g_assert_cmpuint (g_list_model_get_n_items (docs), ==, before);
}

static void
test_bad_input (Fixture      *f,
                gconstpointer data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char nul[] = "网络空间\0规范";
  static const char invalid[] = "\xff\xff\x80\x80 not text \xfe";
  static const char controls[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f abc";
  static const char utf16_odd[] = "\xff\xfe\x51";

  assert_refused (f, "empty.txt", "", 0, GLOSS_IMPORT_ERROR_EMPTY, "empty");
  assert_refused (f, "blank.txt", " \n\n\t　\n", -1, GLOSS_IMPORT_ERROR_NO_TEXT, "no text");
  assert_refused (f, "picture.txt", png, sizeof png - 1, GLOSS_IMPORT_ERROR_BINARY, "PNG");
  assert_refused (f, "nul.txt", nul, sizeof nul - 1, GLOSS_IMPORT_ERROR_NUL_BYTES, "NUL");
  assert_refused (f, "latin.txt", invalid, sizeof invalid - 1, GLOSS_IMPORT_ERROR_ENCODING,
                  "neither UTF-8");
  assert_refused (f, "controls.txt", controls, sizeof controls - 1, GLOSS_IMPORT_ERROR_BINARY,
                  "binary");
  assert_refused (f, "odd.txt", utf16_odd, sizeof utf16_odd - 1, GLOSS_IMPORT_ERROR_ENCODING,
                  "UTF-16");
  assert_refused (f, "broken.pdf", "%PDF-1.4\nnot really", -1, GLOSS_IMPORT_ERROR_PDF,
                  "cannot be read");
}

static void
test_missing_and_folder (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->files, "missing.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(GFile) folder = g_file_new_for_path (f->files);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = gloss_library_import_file (f->library, file, &error);

  g_assert_null (doc);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "missing.txt"));
  g_clear_error (&error);

  g_assert_null (gloss_library_import_file (f->library, folder, &error));
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "folder"));
}

/* A sparse file over the limit is refused before it is read. */
static void
test_too_large (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->files, "huge.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, GLOSS_IMPORT_SIZE_LIMIT + 1024, SEEK_SET), ==, 0);
  fputc ('x', out);
  fclose (out);

  g_assert_null (gloss_library_import_file (f->library, file, &error));
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.txt"));
  g_assert_nonnull (strstr (error->message, "limit of 64 MB"));
}

static void
test_duplicate (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GBytes) article = test_bundled_bytes ("000_19fab0aeb8cf70aa.txt");
  GListModel *docs = gloss_library_get_documents (f->library);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = import (f, "copy-of-article.txt", g_bytes_get_data (article, NULL),
                                         g_bytes_get_size (article), &error);

  g_assert_null (doc);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "already in the library"));
  g_assert_nonnull (strstr (error->message, "000_19fab0aeb8cf70aa"));
  g_assert_cmpuint (g_list_model_get_n_items (docs), ==, 2);
}

/* Two pages of Chinese text, drawn with Pango: a PDF with a text layer. */
static char *
make_pdf (const char *dir,
          gboolean    with_text)
{
  g_autofree char *path = g_build_filename (dir, with_text ? "paper.pdf" : "scan.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  static const char * const pages[] = {
    "联合国信息安全政府专家组是主权国家参与构建网络空间规范的主要国际机制。",
    "开放式工作组的参与成员来自联合国会员国、产业界、非政府组织和学术界。",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (with_text)
        {
          PangoLayout *layout = pango_cairo_create_layout (cr);
          PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK SC 12");

          pango_layout_set_font_description (layout, font);
          pango_layout_set_width (layout, 450 * PANGO_SCALE);
          pango_layout_set_text (layout, pages[i], -1);
          cairo_move_to (cr, 72, 72);
          pango_cairo_show_layout (cr, layout);
          pango_font_description_free (font);
          g_object_unref (layout);
        }
      else
        {
          cairo_rectangle (cr, 72, 72, 300, 200);
          cairo_fill (cr);
        }
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return g_steal_pointer (&path);
}

static void
test_pdf (Fixture      *f,
          gconstpointer data)
{
  g_autofree char *path = make_pdf (f->files, TRUE);
  g_autofree char *scan = make_pdf (f->files, FALSE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) scan_file = g_file_new_for_path (scan);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = gloss_library_import_file (f->library, file, &error);
  g_autoptr(GlossContent) content = NULL;
  gint second;

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_format (doc), ==, "pdf");
  content = gloss_library_load_content (f->library, doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (gloss_content_get_text (content), "主要国际机制"));
  second = test_find_char_offset (content, "开放式工作组");
  g_assert_cmpint (second, >, 0);
  g_assert_cmpint (gloss_content_page_at (content, 0), ==, 1);
  g_assert_cmpint (gloss_content_page_at (content, second), ==, 2);

  g_assert_null (gloss_library_import_file (f->library, scan_file, &error));
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_NO_TEXT);
  g_assert_nonnull (strstr (error->message, "scan.pdf"));
  g_assert_nonnull (strstr (error->message, "no text layer"));
}

static void
test_markdown_file (Fixture      *f,
                    gconstpointer data)
{
  static const char md[] = "# 网络主权\n\n正文第一行\n正文第二行。\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = import (f, "notes.md", md, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_format (doc), ==, "markdown");
  g_assert_cmpstr (gloss_document_get_title (doc), ==, "网络主权");
  g_assert_cmpstr (gloss_document_get_id (doc), ==, "notes");
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GlossDocument **doc = user_data;
  g_autoptr(GError) error = NULL;

  *doc = gloss_library_import_file_finish (GLOSS_LIBRARY (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture      *f,
            gconstpointer data)
{
  g_autofree char *path = test_write_file (f->files, "async.txt", sample, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossDocument) doc = NULL;

  gloss_library_import_file_async (f->library, file, NULL, import_done, &doc);
  while (doc == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gloss_document_get_id (doc), ==, "async");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_library_get_documents (f->library)), ==, 3);
}

/* A refusal reaches the user in their language. The catalogue is the one
 * built from po/zh_CN.po, chosen by LANGUAGE as a desktop session would
 * choose it; C.UTF-8 rather than zh_CN.UTF-8, which a fresh system has
 * not generated (gettext ignores LANGUAGE only in the "C" locale). It
 * runs in a subprocess, so that the other tests keep their English. */
static void
test_translated_message (Fixture      *f,
                         gconstpointer data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char format[] = "%s: this is %s, not a text, Markdown or PDF file";
  static const char kind[] = "a PNG image";
  const char *localedir = g_getenv ("GLOSS_LOCALEDIR");
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stdout ("*：*");   /* a full-width colon: Chinese */
      return;
    }

  g_assert_nonnull (localedir);   /* set by tests/meson.build */
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* the catalogue is found and has both pieces of the message */
  g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, format), !=, format);
  g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, kind), !=, kind);

  path = test_write_file (f->files, "picture.txt", png, sizeof png - 1);
  file = g_file_new_for_path (path);
  display = g_file_get_parse_name (file);
  doc = gloss_library_import_file (f->library, file, &error);
  g_assert_null (doc);
  g_assert_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_BINARY);
  expected = g_strdup_printf (dgettext (GETTEXT_PACKAGE, format), display,
                              dgettext (GETTEXT_PACKAGE, kind));
  g_assert_cmpstr (error->message, ==, expected);
  g_print ("%s\n", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/encodings", Fixture, NULL, fixture_setup, test_encodings, fixture_teardown);
  g_test_add ("/import/bad-input", Fixture, NULL, fixture_setup, test_bad_input, fixture_teardown);
  g_test_add ("/import/missing-and-folder", Fixture, NULL, fixture_setup,
              test_missing_and_folder, fixture_teardown);
  g_test_add ("/import/too-large", Fixture, NULL, fixture_setup, test_too_large, fixture_teardown);
  g_test_add ("/import/duplicate", Fixture, NULL, fixture_setup, test_duplicate, fixture_teardown);
  g_test_add ("/import/pdf", Fixture, NULL, fixture_setup, test_pdf, fixture_teardown);
  g_test_add ("/import/markdown", Fixture, NULL, fixture_setup, test_markdown_file, fixture_teardown);
  g_test_add ("/import/async", Fixture, NULL, fixture_setup, test_async, fixture_teardown);
  g_test_add ("/import/translated-message", Fixture, NULL, fixture_setup,
              test_translated_message, fixture_teardown);

  return g_test_run ();
}
