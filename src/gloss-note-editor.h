/* gloss-note-editor.h: edit one highlight's note, tags and colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-annotations.h"

G_BEGIN_DECLS

/* Commits the note text this long after the last keystroke. */
#define GLOSS_NOTE_EDITOR_SAVE_DELAY_MS 500

#define GLOSS_TYPE_NOTE_EDITOR (gloss_note_editor_get_type ())
G_DECLARE_FINAL_TYPE (GlossNoteEditor, gloss_note_editor, GLOSS, NOTE_EDITOR, GtkWidget)

GtkWidget        *gloss_note_editor_new             (GlossAnnotations *annotations);
GlossAnnotations *gloss_note_editor_get_annotations (GlossNoteEditor  *self);
void              gloss_note_editor_set_annotations (GlossNoteEditor  *self,
                                                     GlossAnnotations *annotations);
GlossNote        *gloss_note_editor_get_note        (GlossNoteEditor  *self);
void              gloss_note_editor_set_note        (GlossNoteEditor  *self,
                                                     GlossNote        *note);
gboolean          gloss_note_editor_commit          (GlossNoteEditor  *self);
gboolean          gloss_note_editor_add_tag         (GlossNoteEditor  *self,
                                                     const char       *tag);
gboolean          gloss_note_editor_remove_tag      (GlossNoteEditor  *self,
                                                     const char       *tag);
GtkTextBuffer    *gloss_note_editor_get_buffer      (GlossNoteEditor  *self);
GtkEditable      *gloss_note_editor_get_tag_entry   (GlossNoteEditor  *self);
GStrv             gloss_note_editor_dup_suggestions (GlossNoteEditor  *self);

G_END_DECLS
