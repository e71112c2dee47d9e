/* gloss-mention-index.h: the stored mentions of the knowledge base's
 * items in the documents of a library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-knowledge-base.h"
#include "gloss-library.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_MENTION_INDEX (gloss_mention_index_get_type ())
G_DECLARE_FINAL_TYPE (GlossMentionIndex, gloss_mention_index, GLOSS, MENTION_INDEX, GObject)

/* Properties (construct-only, readable): "library", "knowledge". */

GlossMentionIndex *gloss_mention_index_new                    (GlossLibrary       *library,
                                                               GlossKnowledgeBase *knowledge);
GlossLibrary      *gloss_mention_index_get_library            (GlossMentionIndex  *self);
GlossKnowledgeBase *gloss_mention_index_get_knowledge         (GlossMentionIndex  *self);
gboolean           gloss_mention_index_update                 (GlossMentionIndex  *self,
                                                               GError            **error);
GListModel        *gloss_mention_index_list_item_mentions     (GlossMentionIndex  *self,
                                                               const char         *item_id,
                                                               GError            **error);
GListModel        *gloss_mention_index_list_document_mentions (GlossMentionIndex  *self,
                                                               const char         *document_id,
                                                               GError            **error);
GListModel        *gloss_mention_index_list_all               (GlossMentionIndex  *self,
                                                               GError            **error);
GPtrArray         *gloss_mention_index_items_in_range         (GlossMentionIndex  *self,
                                                               const char         *document_id,
                                                               guint               start,
                                                               guint               end,
                                                               GError            **error);

G_END_DECLS
