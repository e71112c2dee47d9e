/* gloss-notes-pane.h: the list of highlights and notes, with filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-library.h"
#include "gloss-note-list.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_NOTES_PANE (gloss_notes_pane_get_type ())
G_DECLARE_FINAL_TYPE (GlossNotesPane, gloss_notes_pane, GLOSS, NOTES_PANE, GtkWidget)

GtkWidget     *gloss_notes_pane_new                  (GlossLibrary   *library);
GlossLibrary  *gloss_notes_pane_get_library          (GlossNotesPane *self);
void           gloss_notes_pane_set_library          (GlossNotesPane *self,
                                                      GlossLibrary   *library);
GlossDocument *gloss_notes_pane_get_document         (GlossNotesPane *self);
void           gloss_notes_pane_set_document         (GlossNotesPane *self,
                                                      GlossDocument  *document);
const char    *gloss_notes_pane_get_doc_id           (GlossNotesPane *self);
void           gloss_notes_pane_set_doc_id           (GlossNotesPane *self,
                                                      const char     *doc_id);
gboolean       gloss_notes_pane_get_all_documents    (GlossNotesPane *self);
void           gloss_notes_pane_set_all_documents    (GlossNotesPane *self,
                                                      gboolean        all_documents);
GListModel    *gloss_notes_pane_get_model            (GlossNotesPane *self);
void           gloss_notes_pane_set_filter_color     (GlossNotesPane *self,
                                                      const char     *color);
gboolean       gloss_notes_pane_set_filter_tag       (GlossNotesPane *self,
                                                      const char     *tag);
void           gloss_notes_pane_set_search           (GlossNotesPane *self,
                                                      const char     *search);
void           gloss_notes_pane_set_needs_attention  (GlossNotesPane *self,
                                                      gboolean        needs_attention);
void           gloss_notes_pane_set_sort             (GlossNotesPane *self,
                                                      GlossNoteSort   sort);
void           gloss_notes_pane_clear_filters        (GlossNotesPane *self);
const char    *gloss_notes_pane_get_visible_page     (GlossNotesPane *self);

G_END_DECLS
