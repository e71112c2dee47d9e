/* gloss-panels.h: the area beside the text with the timeline and the mechanisms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-mechanisms-panel.h"
#include "gloss-mention-index.h"
#include "gloss-timeline-panel.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_PANELS (gloss_panels_get_type ())
G_DECLARE_FINAL_TYPE (GlossPanels, gloss_panels, GLOSS, PANELS, GtkWidget)

/* Properties: "mention-index", "show-timeline", "show-mechanisms",
 * "folded" (one panel at a time, with a switcher), "visible-panel"
 * ("timeline" or "mechanisms": the one shown when folded),
 * "natural-width" (the width asked for beside the text, 0 for the
 * panels' own), "split-position" (the height of the timeline when both
 * are stacked).
 * Signal: "passage-activated" (const char *doc_id, guint start, guint end).
 * Action: panels.visible-panel (s). */

GtkWidget            *gloss_panels_new                   (void);
void                  gloss_panels_set_mention_index     (GlossPanels        *self,
                                                          GlossMentionIndex  *mention_index);
GlossTimelinePanel   *gloss_panels_get_timeline_panel    (GlossPanels        *self);
GlossMechanismsPanel *gloss_panels_get_mechanisms_panel  (GlossPanels        *self);
gboolean              gloss_panels_get_show_timeline     (GlossPanels        *self);
void                  gloss_panels_set_show_timeline     (GlossPanels        *self,
                                                          gboolean            show);
gboolean              gloss_panels_get_show_mechanisms   (GlossPanels        *self);
void                  gloss_panels_set_show_mechanisms   (GlossPanels        *self,
                                                          gboolean            show);
gboolean              gloss_panels_get_folded            (GlossPanels        *self);
void                  gloss_panels_set_folded            (GlossPanels        *self,
                                                          gboolean            folded);
const char           *gloss_panels_get_visible_panel     (GlossPanels        *self);
void                  gloss_panels_set_visible_panel     (GlossPanels        *self,
                                                          const char         *name);
int                   gloss_panels_get_natural_width     (GlossPanels        *self);
void                  gloss_panels_set_natural_width     (GlossPanels        *self,
                                                          int                 width);
int                   gloss_panels_get_split_position    (GlossPanels        *self);
void                  gloss_panels_set_split_position    (GlossPanels        *self,
                                                          int                 position);
gboolean              gloss_panels_show_item             (GlossPanels        *self,
                                                          GlossKbItem        *item);
void                  gloss_panels_set_highlighted_items (GlossPanels        *self,
                                                          GPtrArray          *items);

G_END_DECLS
