/* gloss-session.h: the state every pane of a window follows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "gloss-content.h"
#include "gloss-document.h"
#include "gloss-library.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SESSION (gloss_session_get_type ())
G_DECLARE_FINAL_TYPE (GlossSession, gloss_session, GLOSS, SESSION, GObject)

GlossSession  *gloss_session_new                (GlossLibrary  *library);
GlossLibrary  *gloss_session_get_library        (GlossSession  *self);
GlossDocument *gloss_session_get_document       (GlossSession  *self);
GlossContent  *gloss_session_get_content        (GlossSession  *self);
gboolean       gloss_session_open_document      (GlossSession  *self,
                                                 GlossDocument *document,
                                                 GError       **error);
guint          gloss_session_get_visible_offset (GlossSession  *self);
void           gloss_session_set_visible_offset (GlossSession  *self,
                                                 guint          offset);
const char    *gloss_session_get_section        (GlossSession  *self);
guint          gloss_session_get_section_index  (GlossSession  *self);
gint           gloss_session_get_page           (GlossSession  *self);
guint          gloss_session_get_n_headings     (GlossSession  *self);
guint          gloss_session_get_heading        (GlossSession  *self,
                                                 guint          index);
void           gloss_session_save_position      (GlossSession  *self);

G_END_DECLS
