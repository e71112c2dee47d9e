/* gloss-search-bench.c: the search benchmark (issue 6)
 *
 *   gloss-search-bench LIBRARY        rebuild the index, then query it
 *   gloss-search-bench build LIBRARY  only (re)build the index
 *
 * Prints the index build time and throughput, its size against the text,
 * the median and 95th percentile latency of the first 20 hits and of the
 * total count for sets of queries (1, 2, 3–4, 8+ characters; Chinese and
 * Latin), the time of a plain memmem() scan over the folded text for the
 * same queries, and the peak RSS while searching. The index is built in a
 * child process, so that the RSS printed is that of searching alone; the
 * baseline loads the whole folded corpus, so it runs after that figure is
 * taken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "gloss-fold.h"
#include "gloss-library.h"
#include "gloss-search-index.h"

#define MB   (1024.0 * 1024.0)
#define RUNS 5

typedef struct
{
  const char         *name;
  const char *const  *queries;
} QuerySet;

static const char *const cjk1[] = { "网", "中", "规", "权", "俄", "治", "盟", "磋", NULL };
static const char *const cjk2[] = { "中俄", "主权", "规范", "网络", "合作", "联合", "机制", "磋商", NULL };
static const char *const cjk34[] = { "联合国", "专家组", "网络空间", "信息安全", "国际规范", "上海合作", NULL };
static const char *const cjk8[] = { "信息安全政府专家组", "网络空间全球治理", "中俄网络安全合作",
                                    "联合国信息安全政府专家组", NULL };
static const char *const lat1[] = { "a", "g", "5", "x", NULL };
static const char *const lat2[] = { "un", "20", "ge", "ew", NULL };
static const char *const lat34[] = { "GGE", "OEWG", "2015", "ＩＧＦ", "WSIS", NULL };
static const char *const lat8[] = { "A/70/174", "Ａ／７０／１７４", "cybersecurity", "cooperation",
                                    "International", NULL };

static const QuerySet sets[] = {
  { "CJK 1 char", cjk1 }, { "CJK 2 chars", cjk2 }, { "CJK 3-4 chars", cjk34 },
  { "CJK 8+ chars", cjk8 }, { "Latin 1 char", lat1 }, { "Latin 2 chars", lat2 },
  { "Latin 3-4 chars", lat34 }, { "Latin 8+ chars", lat8 },
};

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *ms,
            double  p)
{
  guint i;

  g_array_sort (ms, compare_doubles);
  i = MIN (ms->len - 1, (guint) (p * ms->len));
  return g_array_index (ms, double, i);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static double
sql_sum (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double value = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static int
cmd_build (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLibrary) library = gloss_library_open (dir, &error);
  g_autoptr(GlossSearchIndex) index = NULL;
  g_autofree char *corpus = g_build_filename (dir, "corpus.db", NULL);
  double text_bytes, seconds, total, fts, grams, places, units;
  gint64 start;

  if (library == NULL)
    g_error ("%s", error->message);
  index = gloss_search_index_new (dir, GLOSS_FOLD_DEFAULT);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strconcat (gloss_search_index_get_path (index),
                                           (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (path);
    }

  start = g_get_monotonic_time ();
  if (!gloss_search_index_update (index, library, NULL, &error))
    g_error ("%s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_clear_object (&index);   /* closing checkpoints the WAL into the file */

  text_bytes = sql_sum (corpus, "SELECT sum(length(CAST(text AS BLOB))) FROM texts");
  {
    g_autofree char *path = g_build_filename (dir, "search.db", NULL);

    total = file_size (path);
    /* what the tables take in the file, b-trees included */
    fts = sql_sum (path, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'fts%'");
    grams = sql_sum (path, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE '%grams%'");
    places = sql_sum (path, "SELECT sum(pgsize) FROM dbstat WHERE name = 'places'");
    units = sql_sum (path, "SELECT sum(pgsize) FROM dbstat WHERE name = 'units'");
  }

  printf ("documents: %u, cleaned text %.1f MB\n",
          g_list_model_get_n_items (gloss_library_get_documents (library)), text_bytes / MB);
  printf ("index build: %.1f s, %.2f MB/s of text\n", seconds, text_bytes / MB / seconds);
  printf ("search.db: %.1f MB = %.2f x the text (FTS5 bigram index %.1f MB = %.2f x, "
          "gram counts %.1f MB = %.2f x, places of 4-char grams %.1f MB = %.2f x, "
          "paragraphs %.1f MB = %.2f x, the rest: pages, free pages)\n",
          total / MB, total / text_bytes, fts / MB, fts / text_bytes,
          grams / MB, grams / text_bytes, places / MB, places / text_bytes,
          units / MB, units / text_bytes);
  return 0;
}

static double
time_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e3;
}

/* The folded text of every document, for the baseline. */
static GPtrArray *
load_folded (GlossLibrary *library)
{
  GListModel *docs = gloss_library_get_documents (library);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(GlossDocument) doc = g_list_model_get_item (docs, i);
      g_autoptr(GlossContent) content = gloss_library_load_content (library, doc, NULL);

      g_ptr_array_add (texts, gloss_fold (gloss_content_get_text (content), -1, 0, NULL));
    }
  return texts;
}

static double
scan (GPtrArray  *texts,
      const char *query,
      guint64    *count)
{
  g_autofree char *needle = gloss_fold (query, -1, 0, NULL);
  gsize n = strlen (needle);
  gint64 start = g_get_monotonic_time ();

  *count = 0;
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = texts->pdata[i], *end = text + strlen (text), *p = text;

      while ((p = memmem (p, end - p, needle, n)) != NULL)
        {
          (*count)++;
          p += n;
        }
    }
  return time_ms (start);
}

static int
cmd_query (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLibrary) library = gloss_library_open (dir, &error);
  g_autoptr(GlossSearchIndex) index = gloss_search_index_new (dir, GLOSS_FOLD_DEFAULT);
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint64));
  struct rusage usage;

  if (library == NULL)
    g_error ("%s", error->message);

  printf ("\n%-16s %8s %8s   %9s %9s   %s\n", "queries", "first20", "p95",
          "count", "p95", "(ms; median and 95th percentile over queries x runs)");
  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint q = 0; sets[s].queries[q]; q++)
        for (guint run = 0; run < RUNS; run++)
          {
            gint64 start = g_get_monotonic_time ();
            g_autoptr(GPtrArray) hits = gloss_search_index_search (index, sets[s].queries[q], 20, NULL, &error);
            double ms = time_ms (start);
            guint64 n = 0;

            if (hits == NULL)
              g_error ("%s", error->message);
            g_array_append_val (first, ms);
            start = g_get_monotonic_time ();
            if (!gloss_search_index_count (index, sets[s].queries[q], &n, NULL, &error))
              g_error ("%s", error->message);
            ms = time_ms (start);
            g_array_append_val (total, ms);
            if (run == 0)
              g_array_append_val (counts, n);
          }
      printf ("%-16s %8.2f %8.2f   %9.2f %9.2f\n", sets[s].name,
              percentile (first, 0.5), percentile (first, 0.95),
              percentile (total, 0.5), percentile (total, 0.95));
    }

  getrusage (RUSAGE_SELF, &usage);
  printf ("peak RSS while searching: %.1f MB\n", usage.ru_maxrss / 1024.0);

  /* the baseline: memmem over the whole folded corpus, held in memory */
  texts = load_folded (library);
  printf ("\n%-16s %8s %8s %10s %10s   %s\n", "baseline scan", "scan", "count",
          "x first20", "x count", "(ms, median; how many times faster the index is)");
  {
    guint k = 0;

    for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
      {
        g_autoptr(GArray) scans = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GArray) first_ratio = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GArray) total_ratio = g_array_new (FALSE, FALSE, sizeof (double));

        for (guint q = 0; sets[s].queries[q]; q++, k++)
          {
            guint64 n = 0, expected = g_array_index (counts, guint64, k);
            double scan_ms = scan (texts, sets[s].queries[q], &n);
            gint64 start = g_get_monotonic_time ();
            g_autoptr(GPtrArray) hits = gloss_search_index_search (index, sets[s].queries[q], 20, NULL, NULL);
            double first_ms = time_ms (start), total_ms, ratio;
            guint64 c = 0;

            start = g_get_monotonic_time ();
            gloss_search_index_count (index, sets[s].queries[q], &c, NULL, NULL);
            total_ms = time_ms (start);
            if (n != expected || c != expected)
              printf ("MISMATCH %s: scan %" G_GUINT64_FORMAT ", index %" G_GUINT64_FORMAT "\n",
                      sets[s].queries[q], n, expected);
            g_array_append_val (scans, scan_ms);
            ratio = scan_ms / MAX (first_ms, 0.001);
            g_array_append_val (first_ratio, ratio);
            ratio = scan_ms / MAX (total_ms, 0.001);
            g_array_append_val (total_ratio, ratio);
            ratio = n;
            g_array_append_val (total, ratio);
          }
        printf ("%-16s %8.1f %8.0f %10.0f %10.1f\n", sets[s].name, percentile (scans, 0.5),
                percentile (total, 0.5), percentile (first_ratio, 0.5), percentile (total_ratio, 0.5));
      }
  }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "build"))
    return cmd_build (argv[2]);
  if (argc == 2)
    {
      const char *child[] = { argv[0], "build", argv[1], NULL };
      g_autoptr(GError) error = NULL;
      int status;

      /* built in another process, so the RSS below is searching alone */
      if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                         NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("%s", error ? error->message : "the build failed");
      fflush (stdout);
      return cmd_query (argv[1]);
    }
  fprintf (stderr, "usage: gloss-search-bench LIBRARY | build LIBRARY\n");
  return 2;
}
