/* gloss-note-history.h: undo and redo of changes to notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-annotations.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_NOTE_HISTORY (gloss_note_history_get_type ())
G_DECLARE_FINAL_TYPE (GlossNoteHistory, gloss_note_history, GLOSS, NOTE_HISTORY, GObject)

/* Each change is the note before and after it (snapshots from
 * gloss_note_copy(); NULL before an addition, NULL after a deletion).
 * Properties "can-undo", "can-redo" (bindable) and "undo-label". */

GlossNoteHistory *gloss_note_history_new            (GlossAnnotations *annotations);
void              gloss_note_history_push           (GlossNoteHistory *self,
                                                     GlossNote        *before,
                                                     GlossNote        *after,
                                                     const char       *label);
gboolean          gloss_note_history_undo           (GlossNoteHistory *self,
                                                     GError          **error);
gboolean          gloss_note_history_redo           (GlossNoteHistory *self,
                                                     GError          **error);
gboolean          gloss_note_history_get_can_undo   (GlossNoteHistory *self);
gboolean          gloss_note_history_get_can_redo   (GlossNoteHistory *self);
const char       *gloss_note_history_get_undo_label (GlossNoteHistory *self);
void              gloss_note_history_clear          (GlossNoteHistory *self);

G_END_DECLS
