/* gloss-annotations.h: the highlights and notes of a library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-content.h"
#include "gloss-document.h"
#include "gloss-note.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATIONS (gloss_annotations_get_type ())
G_DECLARE_FINAL_TYPE (GlossAnnotations, gloss_annotations, GLOSS, ANNOTATIONS, GObject)

/* What an import of annotations did. */
typedef struct
{
  guint added;
  guint updated;
  guint unchanged;   /* already there (same id, or same passage and text) */
  guint unplaced;    /* added or updated, but orphaned: needs attention */
  guint skipped;     /* no such document in the library */
} GlossImportReport;

/* GlossAnnotations is a GListModel of every GlossNote of the library,
 * ordered by document and position. Every change below is stored (one
 * transaction, acknowledged after its COMMIT) before the model and the
 * note objects change. Each returns what undoing it needs: a snapshot
 * of the note before the change, which gloss_annotations_restore() puts
 * back (same id). Signals: GListModel::items-changed, notify:: on each
 * GlossNote, and "color-names-changed". */

GlossNote  *gloss_annotations_lookup         (GlossAnnotations    *self,
                                              const char          *id);
GlossNote  *gloss_annotations_add            (GlossAnnotations    *self,
                                              GlossDocument       *document,
                                              GlossContent        *content,
                                              guint                start,
                                              guint                end,
                                              const char          *color,
                                              GlossHighlightStyle  style,
                                              const char          *text,
                                              const char * const  *tags,
                                              GError             **error);
GlossNote  *gloss_annotations_add_document_note (GlossAnnotations *self,
                                              GlossDocument       *document,
                                              const char          *text,
                                              const char * const  *tags,
                                              GError             **error);
GlossNote  *gloss_annotations_set_text       (GlossAnnotations    *self,
                                              GlossNote           *note,
                                              const char          *text,
                                              GError             **error);
GlossNote  *gloss_annotations_set_color      (GlossAnnotations    *self,
                                              GlossNote           *note,
                                              const char          *color,
                                              GlossHighlightStyle  style,
                                              GError             **error);
GlossNote  *gloss_annotations_set_tags       (GlossAnnotations    *self,
                                              GlossNote           *note,
                                              const char * const  *tags,
                                              GError             **error);
GlossNote  *gloss_annotations_reattach       (GlossAnnotations    *self,
                                              GlossNote           *note,
                                              GlossContent        *content,
                                              guint                start,
                                              guint                end,
                                              GError             **error);
GlossNote  *gloss_annotations_delete         (GlossAnnotations    *self,
                                              GlossNote           *note,
                                              GError             **error);
gboolean    gloss_annotations_restore        (GlossAnnotations    *self,
                                              GlossNote           *snapshot,
                                              GlossNote          **replaced,
                                              GError             **error);
gboolean    gloss_annotations_remove_by_id   (GlossAnnotations    *self,
                                              const char          *id,
                                              GlossNote          **removed,
                                              GError             **error);

char       *gloss_annotations_dup_color_name (GlossAnnotations    *self,
                                              const char          *color);
gboolean    gloss_annotations_set_color_name (GlossAnnotations    *self,
                                              const char          *color,
                                              const char          *name,
                                              char               **previous,
                                              GError             **error);
GStrv       gloss_annotations_list_tags      (GlossAnnotations    *self,
                                              const char          *prefix);
GPtrArray  *gloss_annotations_dup_notes      (GlossAnnotations    *self,
                                              const char          *doc_id);

gboolean    gloss_annotations_refresh        (GlossAnnotations    *self,
                                              GError             **error);
void        gloss_annotations_watch          (GlossAnnotations    *self,
                                              guint                interval_ms);

G_END_DECLS
