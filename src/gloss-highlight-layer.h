/* gloss-highlight-layer.h: the user's highlights drawn on a text buffer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-annotations.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_HIGHLIGHT_LAYER (gloss_highlight_layer_get_type ())
G_DECLARE_FINAL_TYPE (GlossHighlightLayer, gloss_highlight_layer, GLOSS, HIGHLIGHT_LAYER, GObject)

GlossHighlightLayer *gloss_highlight_layer_new      (GlossAnnotations    *annotations);
void                 gloss_highlight_layer_attach   (GlossHighlightLayer *self,
                                                     GtkTextBuffer       *buffer,
                                                     const char          *doc_id);
void                 gloss_highlight_layer_refresh  (GlossHighlightLayer *self);
void                 gloss_highlight_layer_set_dark (GlossHighlightLayer *self,
                                                     gboolean             dark);
GlossNote           *gloss_highlight_layer_note_at  (GlossHighlightLayer *self,
                                                     guint                start,
                                                     guint                end);
guint                gloss_highlight_layer_get_n_drawn (GlossHighlightLayer *self);

G_END_DECLS
