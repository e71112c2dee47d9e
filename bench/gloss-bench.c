/* gloss-bench.c: benchmarks of the core, printing their figures
 *
 *   gloss-bench gen DIR [TOTAL_MB]   write a synthetic corpus made from the
 *                                    two bundled texts (default 100 MB in
 *                                    2 MB files, plus big-2mb.txt and
 *                                    big-20mb.txt for the paint benchmarks)
 *   gloss-bench import DIR LIBRARY   import every file of DIR, print MB/s
 *   gloss-bench open LIBRARY         open a library, list it, print the time
 *   gloss-bench clean FILE           clean one file in memory, print MB/s
 *   gloss-bench mentions FILE        clean one file, then time folding it
 *                                    (search's way) and finding the
 *                                    knowledge base's mentions in it
 *
 * Timing is wall-clock on a shared machine: run several times and compare
 * ratios within one run rather than absolute figures across runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-cleaner.h"
#include "gloss-decode.h"
#include "gloss-fold.h"
#include "gloss-knowledge-base.h"
#include "gloss-library.h"
#include "gloss-mentions.h"

#define MB (1024.0 * 1024.0)

static GBytes *
bundled (const char *file)
{
  g_autofree char *path = g_strconcat ("/io/github/glossreader/Gloss/corpus/", file, NULL);

  return g_resources_lookup_data (path, 0, NULL);
}

/* One synthetic document of about `size` bytes: the bundled texts one
 * after the other, again and again, each copy under a numbered part
 * heading so that every file (and checksum) is distinct. */
static void
write_synthetic (const char *path,
                 gsize       size,
                 guint       serial)
{
  g_autoptr(GBytes) article = bundled ("000_19fab0aeb8cf70aa.txt");
  g_autoptr(GBytes) thesis = bundled ("002_ba12018ce53e1c1f.txt");
  g_autoptr(GString) out = g_string_sized_new (size + 70000);
  g_autoptr(GError) error = NULL;
  guint part = 0;

  while (out->len < size)
    {
      GBytes *source = part % 2 ? thesis : article;
      gsize n;
      const char *data = g_bytes_get_data (source, &n);

      g_string_append_printf (out, "第%u部 合成语料 %u\n\n", ++part, serial);
      g_string_append_len (out, data, n);
      g_string_append (out, "\n\n");
    }

  if (!g_file_set_contents (path, out->str, out->len, &error))
    g_error ("%s", error->message);
}

static int
cmd_gen (const char *dir,
         guint       total_mb)
{
  guint files = MAX (1, total_mb / 2);

  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < files; i++)
    {
      g_autofree char *name = g_strdup_printf ("corpus-%03u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      write_synthetic (path, 2 * MB, i);
    }
  {
    g_autofree char *two = g_build_filename (dir, "..", "big-2mb.txt", NULL);
    g_autofree char *twenty = g_build_filename (dir, "..", "big-20mb.txt", NULL);

    write_synthetic (two, 2 * MB, 100000);
    write_synthetic (twenty, 20 * MB, 200000);
  }
  printf ("generated %u files of 2 MB in %s, and big-2mb.txt, big-20mb.txt beside it\n",
          files, dir);
  return 0;
}

static int
cmd_import (const char *dir,
            const char *library_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLibrary) library = gloss_library_open (library_dir, &error);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint64 bytes = 0;
  gint64 start;
  double seconds;

  if (library == NULL)
    g_error ("%s", error->message);
  d = g_dir_open (dir, 0, &error);
  if (d == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_build_filename (dir, name, NULL));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (names->pdata[i]);
      g_autoptr(GlossDocument) doc = gloss_library_import_file (library, file, &error);

      if (doc == NULL)
        g_error ("%s", error->message);
      bytes += gloss_document_get_size (doc);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;

  printf ("import: %u files, %.1f MB in %.2f s: %.2f MB/s (target >= 3 MB/s)\n",
          names->len, bytes / MB, seconds, bytes / MB / seconds);
  return 0;
}

static int
cmd_open (const char *library_dir)
{
  g_autoptr(GError) error = NULL;
  double best = G_MAXDOUBLE;
  guint n = 0;

  for (guint run = 0; run < 5; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GlossLibrary) library = gloss_library_open (library_dir, &error);
      double ms;

      if (library == NULL)
        g_error ("%s", error->message);
      n = g_list_model_get_n_items (gloss_library_get_documents (library));
      ms = (g_get_monotonic_time () - start) / 1e3;
      best = MIN (best, ms);
    }
  printf ("open: %u documents listed in %.1f ms (best of 5)\n", n, best);
  return 0;
}

static int
cmd_clean (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GlossContent) content = NULL;
  gsize size;
  gint64 start;
  double seconds;

  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    bytes = g_file_load_bytes (file, NULL, NULL, &error);
    if (bytes == NULL)
      g_error ("%s", error->message);
  }
  size = g_bytes_get_size (bytes);

  start = g_get_monotonic_time ();
  text = gloss_decode_text (bytes, path, NULL, &error);
  if (text == NULL)
    g_error ("%s", error->message);
  content = gloss_clean_plain_text (text, NULL, 0);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  printf ("clean: %.1f MB, %u blocks in %.2f s: %.2f MB/s\n",
          size / MB, gloss_content_get_n_blocks (content), seconds, size / MB / seconds);
  return 0;
}

static GlossContent *
load_cleaned (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_autofree char *text = NULL;

  if (bytes == NULL)
    g_error ("%s", error->message);
  text = gloss_decode_text (bytes, path, NULL, &error);
  if (text == NULL)
    g_error ("%s", error->message);
  return gloss_clean_plain_text (text, NULL, 0);
}

/* The median of five runs of one pass over the text, in seconds. */
static double
median_of_five (double runs[5])
{
  for (guint i = 1; i < 5; i++)
    for (guint j = i; j > 0 && runs[j - 1] > runs[j]; j--)
      {
        double t = runs[j];

        runs[j] = runs[j - 1];
        runs[j - 1] = t;
      }
  return runs[2];
}

static int
cmd_mentions (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossContent) content = load_cleaned (path);
  g_autoptr(GlossKnowledgeBase) knowledge = gloss_knowledge_base_new_bundled (&error);
  g_autoptr(GlossMentionMatcher) matcher = NULL;
  const char *text = gloss_content_get_text (content);
  double mb = strlen (text) / MB, fold[5], find[5];
  guint n = 0;

  if (knowledge == NULL)
    g_error ("%s", error->message);
  matcher = gloss_mention_matcher_new (knowledge);
  for (guint run = 0; run < 5; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *folded = gloss_fold (text, -1, GLOSS_FOLD_DEFAULT, NULL);
      g_autoptr(GArray) matches = NULL;

      fold[run] = (g_get_monotonic_time () - start) / 1e6;
      start = g_get_monotonic_time ();
      matches = gloss_mention_matcher_find (matcher, text);
      find[run] = (g_get_monotonic_time () - start) / 1e6;
      n = matches->len;
    }
  printf ("fold (search): %.1f MB in %.3f s: %.1f MB/s (median of 5)\n",
          mb, median_of_five (fold), mb / median_of_five (fold));
  printf ("mentions: %u in %.1f MB in %.3f s: %.1f MB/s (median of 5)\n",
          n, mb, median_of_five (find), mb / median_of_five (find));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc >= 3 && g_str_equal (argv[1], "gen"))
    return cmd_gen (argv[2], argc > 3 ? atoi (argv[3]) : 100);
  if (argc == 4 && g_str_equal (argv[1], "import"))
    return cmd_import (argv[2], argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "open"))
    return cmd_open (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "clean"))
    return cmd_clean (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "mentions"))
    return cmd_mentions (argv[2]);

  fprintf (stderr, "usage: gloss-bench gen DIR [TOTAL_MB] | import DIR LIBRARY | open LIBRARY | "
           "clean FILE | mentions FILE\n");
  return 2;
}
