/* gloss-note-row.h: one highlight or note in the notes pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-note.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_NOTE_ROW (gloss_note_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossNoteRow, gloss_note_row, GLOSS, NOTE_ROW, GtkWidget)

GtkWidget  *gloss_note_row_new          (void);
GlossNote  *gloss_note_row_get_note     (GlossNoteRow *self);
void        gloss_note_row_set_note     (GlossNoteRow *self,
                                         GlossNote    *note,
                                         const char   *document_title);

G_END_DECLS
