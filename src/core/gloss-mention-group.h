/* gloss-mention-group.h: the mentions of an item in one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_MENTION_GROUP (gloss_mention_group_get_type ())
G_DECLARE_FINAL_TYPE (GlossMentionGroup, gloss_mention_group, GLOSS, MENTION_GROUP, GObject)

/* Properties (readable): "document" (GlossDocument), "mentions" (a
 * GListModel of GlossMention, in text order), "n-mentions". */

GlossMentionGroup *gloss_mention_group_new            (GlossDocument     *document,
                                                       GListModel        *mentions);
GlossDocument     *gloss_mention_group_get_document   (GlossMentionGroup *self);
GListModel        *gloss_mention_group_get_mentions   (GlossMentionGroup *self);
guint              gloss_mention_group_get_n_mentions (GlossMentionGroup *self);

G_END_DECLS
