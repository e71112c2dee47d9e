/* gloss-mechanisms-panel.h: the cooperation mechanisms by kind, and the card of one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-mention-index.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_MECHANISMS_PANEL (gloss_mechanisms_panel_get_type ())
G_DECLARE_FINAL_TYPE (GlossMechanismsPanel, gloss_mechanisms_panel, GLOSS, MECHANISMS_PANEL, GtkWidget)

/* Properties: "mention-index" (GlossMentionIndex: its knowledge base
 * gives the mechanisms), "selected-item" (GlossKbItem),
 * "highlighted-ids" (GStrv).
 * Signal: "passage-activated" (const char *doc_id, guint start, guint end). */

GtkWidget          *gloss_mechanisms_panel_new                 (GlossMentionIndex    *mention_index);
GlossMentionIndex  *gloss_mechanisms_panel_get_mention_index   (GlossMechanismsPanel *self);
void                gloss_mechanisms_panel_set_mention_index   (GlossMechanismsPanel *self,
                                                                GlossMentionIndex    *mention_index);
GlossKbItem        *gloss_mechanisms_panel_get_selected_item   (GlossMechanismsPanel *self);
void                gloss_mechanisms_panel_set_selected_item   (GlossMechanismsPanel *self,
                                                                GlossKbItem          *item);
gboolean            gloss_mechanisms_panel_select_item_by_id   (GlossMechanismsPanel *self,
                                                                const char           *id);
const char * const *gloss_mechanisms_panel_get_highlighted_ids (GlossMechanismsPanel *self);
void                gloss_mechanisms_panel_set_highlighted_ids (GlossMechanismsPanel *self,
                                                                const char * const   *ids);
GtkWidget          *gloss_mechanisms_panel_get_card            (GlossMechanismsPanel *self);

G_END_DECLS
