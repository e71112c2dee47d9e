/* gloss-knowledge-base.h: the timeline events and the cooperation mechanisms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-kb-item.h"

G_BEGIN_DECLS

#define GLOSS_KNOWLEDGE_RESOURCE "/io/github/glossreader/Gloss/knowledge/"

#define GLOSS_TYPE_KNOWLEDGE_BASE (gloss_knowledge_base_get_type ())
G_DECLARE_FINAL_TYPE (GlossKnowledgeBase, gloss_knowledge_base, GLOSS, KNOWLEDGE_BASE, GObject)

/* Properties: "version" (readable, notified when the items change). */

GlossKnowledgeBase *gloss_knowledge_base_new            (void);
GlossKnowledgeBase *gloss_knowledge_base_new_bundled    (GError            **error);
gboolean            gloss_knowledge_base_load_data      (GlossKnowledgeBase *self,
                                                         GlossKbCategory     category,
                                                         const char         *data,
                                                         gssize              length,
                                                         const char         *name,
                                                         GError            **error);
gboolean            gloss_knowledge_base_validate       (GlossKnowledgeBase *self,
                                                         GError            **error);
GListModel         *gloss_knowledge_base_get_timeline   (GlossKnowledgeBase *self);
GListModel         *gloss_knowledge_base_get_mechanisms (GlossKnowledgeBase *self);
GListModel         *gloss_knowledge_base_get_items      (GlossKnowledgeBase *self,
                                                         GlossKbCategory     category);
GlossKbItem        *gloss_knowledge_base_lookup         (GlossKnowledgeBase *self,
                                                         const char         *id);
gboolean            gloss_knowledge_base_add_item       (GlossKnowledgeBase *self,
                                                         GlossKbItem        *item,
                                                         GError            **error);
gboolean            gloss_knowledge_base_remove_item    (GlossKnowledgeBase *self,
                                                         const char         *id);
const char         *gloss_knowledge_base_get_version    (GlossKnowledgeBase *self);

G_END_DECLS
