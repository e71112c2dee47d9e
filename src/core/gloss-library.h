/* gloss-library.h: the user's library of documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-annotations.h"
#include "gloss-content.h"
#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LIBRARY (gloss_library_get_type ())
G_DECLARE_FINAL_TYPE (GlossLibrary, gloss_library, GLOSS, LIBRARY, GObject)

/* Files larger than this are refused at import, with a message saying so. */
#define GLOSS_IMPORT_SIZE_LIMIT (64 * 1024 * 1024)

char          *gloss_library_default_dir      (void);
GlossLibrary  *gloss_library_open             (const char    *dir,
                                               GError       **error);
const char    *gloss_library_get_dir          (GlossLibrary  *self);
GListModel    *gloss_library_get_documents    (GlossLibrary  *self);
GlossDocument *gloss_library_lookup           (GlossLibrary  *self,
                                               const char    *id_or_prefix,
                                               GError       **error);
GlossDocument *gloss_library_import_file      (GlossLibrary  *self,
                                               GFile         *file,
                                               GError       **error);
void           gloss_library_import_file_async  (GlossLibrary       *self,
                                                 GFile              *file,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
GlossDocument *gloss_library_import_file_finish (GlossLibrary  *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);
GlossContent  *gloss_library_load_content     (GlossLibrary  *self,
                                               GlossDocument *document,
                                               GError       **error);
gboolean       gloss_library_update_metadata  (GlossLibrary  *self,
                                               GlossDocument *document,
                                               const char    *title,
                                               const char    *authors,
                                               gint           year,
                                               GError       **error);
guint          gloss_library_get_position     (GlossLibrary  *self,
                                               GlossDocument *document);
gboolean       gloss_library_set_position     (GlossLibrary  *self,
                                               GlossDocument *document,
                                               guint          offset,
                                               GError       **error);


/* Highlights and notes (gloss-library-notes.c) */
GlossAnnotations *gloss_library_get_annotations   (GlossLibrary  *self);
GPtrArray     *gloss_library_replace_original     (GlossLibrary  *self,
                                                   GlossDocument *document,
                                                   GFile         *file,
                                                   GError       **error);
GPtrArray     *gloss_library_reanchor_document    (GlossLibrary  *self,
                                                   GlossDocument *document,
                                                   GError       **error);
gboolean       gloss_library_export_annotations   (GlossLibrary       *self,
                                                   GFile              *file,
                                                   const char         *doc_id,
                                                   const char * const *tags,
                                                   guint              *n_exported,
                                                   GError            **error);
gboolean       gloss_library_import_annotations   (GlossLibrary       *self,
                                                   GFile              *file,
                                                   GlossImportReport  *report,
                                                   GError            **error);
gboolean       gloss_library_take_backup          (GlossLibrary  *self,
                                                   char         **path,
                                                   GError       **error);

G_END_DECLS
