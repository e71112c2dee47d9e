/* gloss-kb-card.h: the card of one timeline event or mechanism
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-kb-item.h"
#include "gloss-mention-index.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_KB_CARD (gloss_kb_card_get_type ())
G_DECLARE_FINAL_TYPE (GlossKbCard, gloss_kb_card, GLOSS, KB_CARD, GtkWidget)

/* Properties: "item" (GlossKbItem, nullable), "mention-index"
 * (GlossMentionIndex, nullable: no "Mentioned in" section).
 * Signal: "passage-activated" (const char *doc_id, guint start, guint end):
 * the user chose a passage that mentions the item; offsets are code
 * points of the cleaned text, end exclusive.
 * Actions it activates on its ancestors, for the user's own events:
 * "kb.edit-event" and "kb.delete-event" (parameter: the id). */

GtkWidget         *gloss_kb_card_new               (void);
GlossKbItem       *gloss_kb_card_get_item          (GlossKbCard       *self);
void               gloss_kb_card_set_item          (GlossKbCard       *self,
                                                    GlossKbItem       *item);
GlossMentionIndex *gloss_kb_card_get_mention_index (GlossKbCard       *self);
void               gloss_kb_card_set_mention_index (GlossKbCard       *self,
                                                    GlossMentionIndex *index);
void               gloss_kb_card_refresh           (GlossKbCard       *self);
guint              gloss_kb_card_get_n_passages    (GlossKbCard       *self);

G_END_DECLS
