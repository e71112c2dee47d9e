/* gloss-timeline-panel.h: the timeline, its zoom, and the selected event's card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-mention-index.h"
#include "gloss-timeline-view.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TIMELINE_PANEL (gloss_timeline_panel_get_type ())
G_DECLARE_FINAL_TYPE (GlossTimelinePanel, gloss_timeline_panel, GLOSS, TIMELINE_PANEL, GtkWidget)

/* Properties: "mention-index" (GlossMentionIndex: its knowledge base
 * gives the events, its library keeps the user's own), "selected-item"
 * (GlossKbItem), "highlighted-ids" (GStrv).
 * Signal: "passage-activated" (const char *doc_id, guint start, guint end).
 * Actions: timeline-panel.zoom-in, .zoom-out, .zoom-all; kb.add-event,
 * kb.edit-event (s: id), kb.delete-event (s: id). */

GtkWidget          *gloss_timeline_panel_new                 (GlossMentionIndex  *mention_index);
GlossMentionIndex  *gloss_timeline_panel_get_mention_index   (GlossTimelinePanel *self);
void                gloss_timeline_panel_set_mention_index   (GlossTimelinePanel *self,
                                                              GlossMentionIndex  *mention_index);
GlossKbItem        *gloss_timeline_panel_get_selected_item   (GlossTimelinePanel *self);
void                gloss_timeline_panel_set_selected_item   (GlossTimelinePanel *self,
                                                              GlossKbItem        *item);
gboolean            gloss_timeline_panel_select_item_by_id   (GlossTimelinePanel *self,
                                                              const char         *id);
const char * const *gloss_timeline_panel_get_highlighted_ids (GlossTimelinePanel *self);
void                gloss_timeline_panel_set_highlighted_ids (GlossTimelinePanel *self,
                                                              const char * const *ids);
GlossTimelineView  *gloss_timeline_panel_get_view            (GlossTimelinePanel *self);
GtkWidget          *gloss_timeline_panel_get_card            (GlossTimelinePanel *self);

G_END_DECLS
