/* gloss-mention.h: one passage of a document that mentions an item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_MENTION (gloss_mention_get_type ())
G_DECLARE_FINAL_TYPE (GlossMention, gloss_mention, GLOSS, MENTION, GObject)

/* Properties (construct-only, readable): "item-id", "document-id",
 * "start", "end" (code points of the cleaned text, end exclusive),
 * "kind" ("alias", "symbol" or "dated"), "page" (printed page, 0 if not
 * known) and "snippet" (the passage around it, nullable). */

GlossMention *gloss_mention_new             (const char   *item_id,
                                             const char   *document_id,
                                             guint         start,
                                             guint         end,
                                             const char   *kind,
                                             gint          page,
                                             const char   *snippet);
const char   *gloss_mention_get_item_id     (GlossMention *self);
const char   *gloss_mention_get_document_id (GlossMention *self);
guint         gloss_mention_get_start       (GlossMention *self);
guint         gloss_mention_get_end         (GlossMention *self);
const char   *gloss_mention_get_kind        (GlossMention *self);
gint          gloss_mention_get_page        (GlossMention *self);
const char   *gloss_mention_get_snippet     (GlossMention *self);

G_END_DECLS
