/* gloss-anchor.h: finding a quoted passage again in a changed text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gloss-note.h"

G_BEGIN_DECLS

/* About as much context as the Hypothesis client keeps on each side. */
#define GLOSS_ANCHOR_CONTEXT 32

/* What a note remembers of its passage. start/end are code point
 * offsets in the text it was made on (has_position FALSE if unknown);
 * text_length is that text's length in code points, 0 if unknown. */
typedef struct
{
  const char *quote;
  const char *prefix;
  const char *suffix;
  gboolean    has_position;
  guint       start;
  guint       end;
  guint       text_length;
} GlossAnchorSelector;

typedef struct
{
  GlossAnchorStatus status;   /* ORPHANED: start/end are meaningless */
  guint             start;
  guint             end;
  double            score;    /* 0..1, how sure the placement is */
} GlossAnchorMatch;

/* A text prepared for anchoring many notes: decoded to code points once. */
typedef struct _GlossAnchorText GlossAnchorText;

GlossAnchorText *gloss_anchor_text_new        (const char      *text,
                                               gssize           length);
void             gloss_anchor_text_free       (GlossAnchorText *self);
guint            gloss_anchor_text_get_length (GlossAnchorText *self);
char            *gloss_anchor_text_dup_range  (GlossAnchorText *self,
                                               guint            start,
                                               guint            end);
void             gloss_anchor_text_describe   (GlossAnchorText *self,
                                               guint            start,
                                               guint            end,
                                               char           **quote,
                                               char           **prefix,
                                               char           **suffix);
GArray          *gloss_anchor_text_find_all   (GlossAnchorText *self,
                                               const char      *quote);
void             gloss_anchor_text_locate     (GlossAnchorText           *self,
                                               const GlossAnchorSelector *selector,
                                               GlossAnchorMatch          *match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAnchorText, gloss_anchor_text_free)

G_END_DECLS
