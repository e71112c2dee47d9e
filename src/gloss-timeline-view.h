/* gloss-timeline-view.h: the events on a real time axis, a lane per process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-kb-item.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TIMELINE_VIEW (gloss_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (GlossTimelineView, gloss_timeline_view, GLOSS, TIMELINE_VIEW, GtkWidget)

/* Properties: "model" (GListModel of GlossKbItem), "selected-item"
 * (GlossKbItem, nullable), "highlighted-ids" (GStrv: drawn emphasised),
 * "can-zoom-in", "can-zoom-out" (readable).
 * Signal: "item-activated" (GlossKbItem *item): double click or Enter.
 * Actions: timeline.zoom-in, timeline.zoom-out, timeline.zoom-all,
 * timeline.select-previous, timeline.select-next, timeline.select-first,
 * timeline.select-last, timeline.activate. */

GtkWidget          *gloss_timeline_view_new                 (void);
GListModel         *gloss_timeline_view_get_model           (GlossTimelineView  *self);
void                gloss_timeline_view_set_model           (GlossTimelineView  *self,
                                                             GListModel         *model);
GlossKbItem        *gloss_timeline_view_get_selected_item   (GlossTimelineView  *self);
void                gloss_timeline_view_set_selected_item   (GlossTimelineView  *self,
                                                             GlossKbItem        *item);
gboolean            gloss_timeline_view_select_item_by_id   (GlossTimelineView  *self,
                                                             const char         *id);
const char * const *gloss_timeline_view_get_highlighted_ids (GlossTimelineView  *self);
void                gloss_timeline_view_set_highlighted_ids (GlossTimelineView  *self,
                                                             const char * const *ids);
void                gloss_timeline_view_zoom_in             (GlossTimelineView  *self);
void                gloss_timeline_view_zoom_out            (GlossTimelineView  *self);
void                gloss_timeline_view_zoom_all            (GlossTimelineView  *self);
void                gloss_timeline_view_get_visible_range   (GlossTimelineView  *self,
                                                             GDate              *start,
                                                             GDate              *end);
gboolean            gloss_timeline_view_get_item_position   (GlossTimelineView  *self,
                                                             GlossKbItem        *item,
                                                             graphene_point_t   *point);

G_END_DECLS
