/* gloss-mentions.h: finding the knowledge base's items in a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-knowledge-base.h"

G_BEGIN_DECLS

/* Bumped whenever detection changes, so that stored mentions are redone. */
#define GLOSS_MENTIONS_VERSION 2

typedef enum
{
  GLOSS_MENTION_ALIAS,      /* one of the item's aliases */
  GLOSS_MENTION_SYMBOL,     /* its UN document symbol, in any width */
  GLOSS_MENTION_DATED,      /* a process named with a year or an ordinal: 2015年UNGGE报告 */
} GlossMentionKind;

/* Offsets are code points of the text, end exclusive. item_id is owned
 * by the matcher. */
typedef struct
{
  const char       *item_id;
  guint             start;
  guint             end;
  GlossMentionKind  kind;
} GlossMentionMatch;

#define GLOSS_TYPE_MENTION_MATCHER (gloss_mention_matcher_get_type ())
G_DECLARE_FINAL_TYPE (GlossMentionMatcher, gloss_mention_matcher, GLOSS, MENTION_MATCHER, GObject)

GlossMentionMatcher *gloss_mention_matcher_new   (GlossKnowledgeBase  *knowledge);
GArray              *gloss_mention_matcher_find  (GlossMentionMatcher *self,
                                                  const char          *text);
const char          *gloss_mention_matcher_get_version (GlossMentionMatcher *self);

char                *gloss_mention_fold          (const char *text);
const char          *gloss_mention_kind_to_string   (GlossMentionKind  kind);
gboolean             gloss_mention_kind_from_string (const char       *name,
                                                     GlossMentionKind *kind);

G_END_DECLS
