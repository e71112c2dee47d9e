/* gloss-metadata-dialog.h: edit a document's title, authors and year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-library.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_METADATA_DIALOG (gloss_metadata_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GlossMetadataDialog, gloss_metadata_dialog, GLOSS, METADATA_DIALOG, AdwWindow)

GtkWindow *gloss_metadata_dialog_new (GtkWindow     *parent,
                                      GlossLibrary  *library,
                                      GlossDocument *document);

G_END_DECLS
