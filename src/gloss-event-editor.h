/* gloss-event-editor.h: a window to add or edit one of the user's events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-knowledge-base.h"
#include "gloss-library.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_EVENT_EDITOR (gloss_event_editor_get_type ())
G_DECLARE_FINAL_TYPE (GlossEventEditor, gloss_event_editor, GLOSS, EVENT_EDITOR, AdwWindow)

/* Properties (construct-only): "library", "knowledge", "item" (the
 * user's event being edited, or NULL for a new one).
 * Signal: "saved" (GlossKbItem *item): stored in the library and put in
 * the knowledge base; the editor closes itself after it. */

GlossEventEditor *gloss_event_editor_new      (GtkWindow          *parent,
                                               GlossLibrary       *library,
                                               GlossKnowledgeBase *knowledge,
                                               GlossKbItem        *item);
gboolean          gloss_event_editor_save     (GlossEventEditor   *self);
void              gloss_event_editor_set_text (GlossEventEditor   *self,
                                               const char         *field,
                                               const char         *text);
const char       *gloss_event_editor_get_error (GlossEventEditor  *self,
                                               const char         *field);

G_END_DECLS
