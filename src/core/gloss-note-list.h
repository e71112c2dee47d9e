/* gloss-note-list.h: the notes pane's view of the notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-note.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_NOTE_SORT_POSITION,   /* document, then place in the text */
  GLOSS_NOTE_SORT_CREATED,    /* newest first */
  GLOSS_NOTE_SORT_MODIFIED,   /* most recently changed first */
} GlossNoteSort;

#define GLOSS_TYPE_NOTE_SORT (gloss_note_sort_get_type ())
GType gloss_note_sort_get_type (void) G_GNUC_CONST;

#define GLOSS_TYPE_NOTE_LIST (gloss_note_list_get_type ())
G_DECLARE_FINAL_TYPE (GlossNoteList, gloss_note_list, GLOSS, NOTE_LIST, GObject)

/* A GListModel of the GlossNotes of @model (usually a GlossAnnotations)
 * that pass its filters, in its order. Properties, all read-write and
 * bindable: "model", "doc-id", "color", "tag", "search" (case- and
 * width-insensitive, in quote, note text and tags), "needs-attention",
 * "sort". NULL or empty strings do not filter. */

GlossNoteList *gloss_note_list_new                 (GListModel    *model);
void           gloss_note_list_set_doc_id          (GlossNoteList *self,
                                                    const char    *doc_id);
void           gloss_note_list_set_color           (GlossNoteList *self,
                                                    const char    *color);
void           gloss_note_list_set_tag             (GlossNoteList *self,
                                                    const char    *tag);
void           gloss_note_list_set_search          (GlossNoteList *self,
                                                    const char    *search);
void           gloss_note_list_set_needs_attention (GlossNoteList *self,
                                                    gboolean       needs_attention);
void           gloss_note_list_set_sort            (GlossNoteList *self,
                                                    GlossNoteSort  sort);

G_END_DECLS
