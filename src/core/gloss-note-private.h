/* gloss-note-private.h: filling a GlossNote (core only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-note.h"

G_BEGIN_DECLS

/* Everything a note is, as stored in user.db. start/end are meaningful
 * only when has_range; prior_quote is the quote as the user made it,
 * kept when a fuzzy re-anchoring changed the quote (NULL otherwise). */
typedef struct
{
  char               *id;
  char               *doc_id;
  gboolean            has_range;
  guint               start;
  guint               end;
  char               *quote;
  char               *prefix;
  char               *suffix;
  char               *prior_quote;
  char               *text;
  char               *color;
  GlossHighlightStyle style;
  GlossAnchorStatus   status;
  GStrv               tags;           /* normalised, sorted, never NULL */
  char               *doc_checksum;   /* of the original the anchor was made on */
  gint                cleaner_version;
  char               *text_checksum;  /* of the cleaned text the offsets index */
  gint64              created;
  gint64              modified;
} GlossNoteData;

void       _gloss_note_data_clear (GlossNoteData *data);
void       _gloss_note_data_copy  (GlossNoteData *dest,
                                   const GlossNoteData *src);
GlossNote *_gloss_note_new        (const GlossNoteData *data);
/* Takes over the fields of @data (cleared afterwards), notifying every
 * property that changed. */
void       _gloss_note_assign     (GlossNote     *self,
                                   GlossNoteData *data);
const GlossNoteData *_gloss_note_peek (GlossNote *self);
char      *_gloss_note_new_id     (void);

G_END_DECLS
