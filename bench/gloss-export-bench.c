/* gloss-export-bench.c: how long exports of many notes take, and how big
 * the files are
 *
 *   gloss-export-bench [N]...        (default: 1000 10000)
 *
 * For each N, a new library of the bundled corpus gets N notes spread
 * over both texts (passages of 20 to 200 characters, a note of one to
 * three sentences with some *emphasis*, one or two tags, every colour),
 * then the notes are exported as PDF, Markdown and HTML. Adding the
 * notes is not timed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "gloss-export.h"
#include "gloss-export-layout.h"

static const char * const sentences[] = {
  "专家组的*协商一致*原则决定了报告的形式。",
  "这里与 A/70/174 的表述不同，值得课堂讨论。",
  "**要点**：规范的适用范围。",
  "See the 2015 report, para. 13.",
  "与开放式工作组的关系见后文。",
};

static void
add_notes (GlossLibrary *library,
           guint         n)
{
  GListModel *docs = gloss_library_get_documents (library);
  GlossAnnotations *annotations = gloss_library_get_annotations (library);
  const char * const *colors = gloss_note_colors ();
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossDocument) doc = g_list_model_get_item (docs, i % g_list_model_get_n_items (docs));
      g_autoptr(GlossContent) content = gloss_library_load_content (library, doc, NULL);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      guint length = g_rand_int_range (rand, 20, 200);
      guint start = g_rand_int_range (rand, 0, gloss_content_get_n_chars (content) - length);
      const char *tags[] = { i % 3 ? "课堂" : "gge", i % 5 ? NULL : "oewg", NULL };

      for (guint s = g_rand_int_range (rand, 1, 4); s > 0; s--)
        g_string_append (text, sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentences))]);
      if (gloss_annotations_add (annotations, doc, content, start, start + length,
                                 colors[i % 8], GLOSS_HIGHLIGHT_BACKGROUND, text->str,
                                 tags, &error) == NULL)
        g_error ("%s", error->message);
    }
  g_rand_free (rand);
}

static void
run (GlossLibrary      *library,
     GlossExportFormat  format,
     const char        *dir,
     const char        *name,
     guint              n)
{
  g_autoptr(GlossExportOptions) options = gloss_export_options_new ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  gint64 start;
  double seconds;

  options->format = format;
  start = g_get_monotonic_time ();
  if (!gloss_export_write (library, NULL, options, file, NULL, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_stat (path, &st);
  printf ("%6u notes  %-5s %8.2f s  %9.1f KB", n, name + 6, seconds, st.st_size / 1024.0);
  if (format == GLOSS_EXPORT_FORMAT_PDF)
    {
      g_autoptr(GlossExportLayout) layout = NULL;
      double width, height;

      gloss_paper_get_size (GLOSS_PAPER_A4, &width, &height);
      start = g_get_monotonic_time ();
      layout = gloss_export_layout_new (options, library, NULL, width, height, NULL, &error);
      printf ("  %u pages; layout alone %.2f s",
              gloss_export_layout_get_n_pages (layout), (g_get_monotonic_time () - start) / 1e6);
    }
  printf ("\n");
  g_unlink (path);
}

static void
bench (guint n)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-export-bench-XXXXXX", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(GlossLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  library = gloss_library_open (dir, &error);
  if (library == NULL)
    g_error ("%s", error->message);
  add_notes (library, n);
  fprintf (stderr, "(%u notes added in %.1f s)\n", n, (g_get_monotonic_time () - start) / 1e6);
  run (library, GLOSS_EXPORT_FORMAT_PDF, dir, "notes.pdf", n);
  run (library, GLOSS_EXPORT_FORMAT_MARKDOWN, dir, "notes.md", n);
  run (library, GLOSS_EXPORT_FORMAT_HTML, dir, "notes.html", n);
  g_clear_object (&library);
  if (system (command) != 0)
    g_warning ("could not remove %s", dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      bench (1000);
      bench (10000);
    }
  for (int a = 1; a < argc; a++)
    bench ((guint) atoi (argv[a]));
  return 0;
}
