/* gloss-mention-layer.h: marks the mentions of known items in the reading view's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-mention.h"
#include "gloss-mention-index.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_MENTION_LAYER (gloss_mention_layer_get_type ())
G_DECLARE_FINAL_TYPE (GlossMentionLayer, gloss_mention_layer, GLOSS, MENTION_LAYER, GObject)

/* Properties: "mention-index" (construct-only), "buffer" (GtkTextBuffer,
 * nullable), "document-id" (nullable): set both with _attach(). */

GlossMentionLayer *gloss_mention_layer_new             (GlossMentionIndex *mention_index);
void               gloss_mention_layer_attach          (GlossMentionLayer *self,
                                                        GtkTextBuffer     *buffer,
                                                        const char        *document_id);
GtkTextBuffer     *gloss_mention_layer_get_buffer      (GlossMentionLayer *self);
const char        *gloss_mention_layer_get_document_id (GlossMentionLayer *self);
guint              gloss_mention_layer_get_n_mentions  (GlossMentionLayer *self);
GlossMention      *gloss_mention_layer_get_mention     (GlossMentionLayer *self,
                                                        guint              index);
GlossMention      *gloss_mention_layer_mention_at      (GlossMentionLayer *self,
                                                        guint              offset);
void               gloss_mention_layer_set_color       (GlossMentionLayer *self,
                                                        const GdkRGBA     *color);

G_END_DECLS
