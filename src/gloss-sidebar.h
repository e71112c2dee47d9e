/* gloss-sidebar.h: the library and the contents of the open document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-notes-pane.h"
#include "gloss-search-pane.h"
#include "gloss-session.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SIDEBAR (gloss_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (GlossSidebar, gloss_sidebar, GLOSS, SIDEBAR, GtkWidget)

GlossSession *gloss_sidebar_get_session (GlossSidebar *self);
void          gloss_sidebar_set_session (GlossSidebar *self,
                                         GlossSession *session);
GtkSelectionModel *gloss_sidebar_get_contents    (GlossSidebar *self);
GlossSearchPane   *gloss_sidebar_get_search_pane (GlossSidebar *self);
GlossNotesPane    *gloss_sidebar_get_notes_pane  (GlossSidebar *self);
void               gloss_sidebar_show_page       (GlossSidebar *self,
                                                  const char   *name);

G_END_DECLS
