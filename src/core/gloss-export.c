/* gloss-export.c: options of an export, and writing it out whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "gloss-export-private.h"

G_DEFINE_QUARK (gloss-export-error-quark, gloss_export_error)

GlossExportOptions *
gloss_export_options_new (void)
{
  return g_new0 (GlossExportOptions, 1);
}

void
gloss_export_options_free (GlossExportOptions *options)
{
  if (options == NULL)
    return;
  g_free (options->title);
  g_free (options->doc_id);
  g_strfreev (options->tags);
  g_strfreev (options->colors);
  g_strfreev (options->note_ids);
  g_clear_pointer (&options->handout, gloss_handout_free);
  g_free (options);
}

/* YYYY, YYYY-MM or YYYY-MM-DD as the first (or, with @end, the day after
 * the last) instant it covers, in UTC. */
static gboolean
parse_bound (const char *text,
             gboolean    end,
             gint64     *usec)
{
  static const char * const precisions[] = { "day", "month", "year" };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (precisions); i++)
    if (gloss_kb_parse_date (text, precisions[i], &date, NULL))
      {
        g_autoptr(GDateTime) time = NULL;

        if (end && i == 0)
          g_date_add_days (&date, 1);
        else if (end && i == 1)
          g_date_add_months (&date, 1);
        else if (end)
          g_date_add_years (&date, 1);
        time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 0, 0, 0);
        *usec = g_date_time_to_unix (time) * G_USEC_PER_SEC;
        return TRUE;
      }
  return FALSE;
}

/**
 * gloss_export_options_set_date_range:
 * @from: (nullable): the first day notes were created on, YYYY[-MM[-DD]]
 * @to: (nullable): the last day, inclusive
 */
gboolean
gloss_export_options_set_date_range (GlossExportOptions *options,
                                     const char         *from,
                                     const char         *to,
                                     GError            **error)
{
  gint64 start = 0, end = 0;

  if (from != NULL && !parse_bound (from, FALSE, &start))
    {
      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), from);
      return FALSE;
    }
  if (to != NULL && !parse_bound (to, TRUE, &end))
    {
      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), to);
      return FALSE;
    }
  if (start != 0 && end != 0 && end <= start)
    {
      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_INVALID,
                   _("The date range %s to %s ends before it starts"), from, to);
      return FALSE;
    }
  options->created_from = start;
  options->created_to = end;
  return TRUE;
}

gboolean
gloss_export_format_from_string (const char        *name,
                                 GlossExportFormat *format)
{
  if (g_strcmp0 (name, "pdf") == 0)
    *format = GLOSS_EXPORT_FORMAT_PDF;
  else if (g_strcmp0 (name, "md") == 0 || g_strcmp0 (name, "markdown") == 0)
    *format = GLOSS_EXPORT_FORMAT_MARKDOWN;
  else if (g_strcmp0 (name, "html") == 0)
    *format = GLOSS_EXPORT_FORMAT_HTML;
  else
    return FALSE;
  return TRUE;
}

gboolean
gloss_paper_from_string (const char *name,
                         GlossPaper *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = GLOSS_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = GLOSS_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/* In PostScript points, portrait. */
void
gloss_paper_get_size (GlossPaper paper,
                      double    *width,
                      double    *height)
{
  if (paper == GLOSS_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.276;
      *height = 841.890;
    }
}

static gboolean
write_text (GOutputStream *out,
            char          *text,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *owned = text;

  return g_output_stream_write_all (out, owned, strlen (owned), NULL, cancellable, error);
}

static gboolean
write_plan (GlossExportPlan          *plan,
            const GlossExportOptions *options,
            GOutputStream            *out,
            GCancellable             *cancellable,
            GlossExportProgressFunc   progress,
            gpointer                  user_data,
            GError                  **error)
{
  switch (options->format)
    {
    case GLOSS_EXPORT_FORMAT_PDF:
      return gloss_export_plan_write_pdf (plan, options->paper, out, cancellable,
                                          progress, user_data, error);
    case GLOSS_EXPORT_FORMAT_MARKDOWN:
      return write_text (out, gloss_export_plan_to_markdown (plan), cancellable, error);
    case GLOSS_EXPORT_FORMAT_HTML:
      return write_text (out, gloss_export_plan_to_html (plan), cancellable, error);
    default:
      g_assert_not_reached ();
    }
}

static void
set_io_error (GError    **error,
              const char *path,
              int         saved_errno)
{
  g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_IO,
               _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
}

/* The file is written next to its destination under a hidden temporary
 * name, flushed to disk, and renamed over the destination only once it
 * is whole: a failure or a cancellation leaves nothing behind, and an
 * older export of the same name stays as it was. */
static gboolean
write_atomically (GlossExportPlan          *plan,
                  const GlossExportOptions *options,
                  const char               *path,
                  GCancellable             *cancellable,
                  GlossExportProgressFunc   progress,
                  gpointer                  user_data,
                  GError                  **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, tmp_name, NULL);
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  int fd;

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_io_error (error, path, errno);
      return FALSE;
    }
  out = g_unix_output_stream_new (fd, TRUE);

  if (!write_plan (plan, options, out, cancellable, progress, user_data, &local_error) ||
      !g_output_stream_flush (out, cancellable, &local_error))
    goto failed;
  if (fsync (fd) != 0)
    {
      set_io_error (&local_error, path, errno);
      goto failed;
    }
  if (!g_output_stream_close (out, cancellable, &local_error))
    goto failed;
  if (g_rename (tmp, path) != 0)
    {
      set_io_error (&local_error, path, errno);
      goto failed;
    }
  return TRUE;

failed:
  g_output_stream_close (out, NULL, NULL);
  g_unlink (tmp);
  if (local_error->domain == G_IO_ERROR && local_error->code != G_IO_ERROR_CANCELLED)
    g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_IO,
                 _("Cannot write “%s”: %s"), path, local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * gloss_export_write:
 * @knowledge: (nullable): the timeline and mechanisms, for handouts
 * @progress: (nullable) (scope call): told how far the export is
 * @n_entries: (out) (optional): how many notes were exported
 *
 * Writes the notes (or the handout) @options select to @file, a local
 * file, in @options' format. On failure or cancellation nothing is left
 * at @file (an earlier file there is untouched).
 */
gboolean
gloss_export_write (GlossLibrary             *library,
                    GlossKnowledgeBase       *knowledge,
                    const GlossExportOptions *options,
                    GFile                    *file,
                    GCancellable             *cancellable,
                    GlossExportProgressFunc   progress,
                    gpointer                  user_data,
                    guint                    *n_entries,
                    GError                  **error)
{
  g_autoptr(GlossExportPlan) plan = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_IO,
                   _("Cannot write “%s”: exports go to local files only"), uri);
      return FALSE;
    }

  plan = gloss_export_plan_new (library, knowledge, options, cancellable, error);
  if (plan == NULL)
    return FALSE;
  if (progress)
    progress (0.1, user_data);
  if (!write_atomically (plan, options, path, cancellable, progress, user_data, error))
    return FALSE;
  if (progress)
    progress (1.0, user_data);
  if (n_entries)
    *n_entries = plan->entries->len;
  return TRUE;
}
