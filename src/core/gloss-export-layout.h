/* gloss-export-layout.h: an export set in pages, drawn on any cairo_t
 *
 * The PDF writer, the print dialog and a live preview all draw the pages
 * through this object, so what is printed is what the PDF shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "gloss-export.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_EXPORT_LAYOUT (gloss_export_layout_get_type ())
G_DECLARE_FINAL_TYPE (GlossExportLayout, gloss_export_layout, GLOSS, EXPORT_LAYOUT, GObject)

GlossExportLayout *gloss_export_layout_new         (const GlossExportOptions *options,
                                                    GlossLibrary             *library,
                                                    GlossKnowledgeBase       *knowledge,
                                                    double                    paper_width,
                                                    double                    paper_height,
                                                    GCancellable             *cancellable,
                                                    GError                  **error);
guint              gloss_export_layout_get_n_pages (GlossExportLayout *self);
const char        *gloss_export_layout_get_title   (GlossExportLayout *self);
void               gloss_export_layout_get_size    (GlossExportLayout *self,
                                                    double            *width,
                                                    double            *height);
void               gloss_export_layout_draw_page   (GlossExportLayout *self,
                                                    cairo_t           *cr,
                                                    guint              page);

G_END_DECLS
