/* gloss-export-dialog.h: export notes or a teaching handout, or print them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-knowledge-base.h"
#include "gloss-library.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_EXPORT_DIALOG (gloss_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, GLOSS, EXPORT_DIALOG, AdwWindow)

/* Signal "exported" (GFile *file, guint n_entries): the file is written;
 * the dialog closes itself after it. */

GtkWidget *gloss_export_dialog_new         (GtkWindow          *parent,
                                            GlossLibrary       *library,
                                            GlossKnowledgeBase *knowledge,
                                            GlossDocument      *document);
void       gloss_export_dialog_show_handout (GlossExportDialog *self);
guint      gloss_export_dialog_get_n_preview_pages (GlossExportDialog *self);
void       gloss_export_dialog_export_to    (GlossExportDialog *self,
                                            GFile             *file);

G_END_DECLS
