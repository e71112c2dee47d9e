/* gloss-export-pdf.c: an export plan as a PDF, through the same page
 * drawing as printing and the preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "gloss-export-private.h"

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

/* cairo writes through here; the first failure is kept for the caller
 * and makes cairo stop (the surface turns into an error state). */
static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->out, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (cairo_surface_t *surface,
              GlossExportPlan *plan)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created = g_date_time_format_iso8601 (now);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, plan->title);
  if (plan->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, plan->author);
  if (plan->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, plan->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gloss " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

/* Bookmarks: one per document (or handout section), nested sections
 * under it, each opening its heading. */
static void
add_outline (cairo_surface_t   *surface,
             GlossExportLayout *layout)
{
  g_autoptr(GArray) outline = gloss_export_layout_get_outline (layout);
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, 0, 0, 0 };

  for (guint i = 0; i < outline->len; i++)
    {
      const GlossOutlineItem *item = &g_array_index (outline, GlossOutlineItem, i);
      guint level = CLAMP (item->level, 1, 3);
      g_autofree char *link = g_strdup_printf ("dest='%s'", item->dest);
      int id;

      /* a level without its parent (a section before any document)
       * hangs from the nearest level above */
      while (level > 1 && parents[level - 1] == 0)
        level--;
      id = cairo_pdf_surface_add_outline (surface, parents[level - 1], item->title, link,
                                          level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      parents[level] = id;
      for (guint l = level + 1; l < G_N_ELEMENTS (parents); l++)
        parents[l] = 0;
    }
}

gboolean
gloss_export_plan_write_pdf (GlossExportPlan         *plan,
                             GlossPaper               paper,
                             GOutputStream           *out,
                             GCancellable            *cancellable,
                             GlossExportProgressFunc  progress,
                             gpointer                 user_data,
                             GError                 **error)
{
  g_autoptr(GlossExportLayout) layout = NULL;
  Sink sink = { out, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n_pages;

  gloss_paper_get_size (paper, &width, &height);
  layout = gloss_export_layout_new_for_plan (plan, width, height, cancellable, error);
  if (layout == NULL)
    return FALSE;
  if (progress)
    progress (0.4, user_data);

  n_pages = gloss_export_layout_get_n_pages (layout);
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &sink, width, height);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  set_metadata (surface, plan);
  cr = cairo_create (surface);

  for (guint page = 0; page < n_pages && sink.error == NULL; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &sink.error))
        break;
      gloss_export_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
      if (progress && page % 16 == 0)
        progress (0.4 + 0.55 * (page + 1) / n_pages, user_data);
    }
  if (sink.error == NULL)
    add_outline (surface, layout);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_RENDER,
                   _("The PDF could not be drawn: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
