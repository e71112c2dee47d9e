/* gloss-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-library.h"
#include "gloss-panels.h"
#include "gloss-reader-view.h"
#include "gloss-sidebar.h"
#include "gloss-session.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_WINDOW (gloss_window_get_type ())
G_DECLARE_FINAL_TYPE (GlossWindow, gloss_window, GLOSS, WINDOW, AdwApplicationWindow)

GlossWindow     *gloss_window_new             (GtkApplication *application,
                                               GlossLibrary   *library);
GlossSession    *gloss_window_get_session     (GlossWindow    *self);
GlossReaderView *gloss_window_get_reader_view (GlossWindow    *self);
GlossSidebar    *gloss_window_get_sidebar     (GlossWindow    *self);
GlossPanels     *gloss_window_get_panels      (GlossWindow    *self);
gboolean         gloss_window_open_document   (GlossWindow    *self,
                                               GlossDocument  *document);
void             gloss_window_import_file     (GlossWindow    *self,
                                               GFile          *file);
void             gloss_window_show_toast      (GlossWindow    *self,
                                               const char     *message);

G_END_DECLS
