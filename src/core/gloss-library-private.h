/* gloss-library-private.h: the library's store, for core objects that
 * keep their own rebuildable data in corpus.db (the mention index)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-library.h"
#include "gloss-annotations.h"
#include "gloss-document-private.h"
#include "gloss-store.h"

G_BEGIN_DECLS

GlossStore *_gloss_library_get_store (GlossLibrary *self);

/* gloss-library-notes.c */
GlossAnnotations *_gloss_library_open_annotations  (GlossLibrary            *self,
                                                    GError                 **error);
void              _gloss_library_reanchor_stale    (GlossLibrary           *self);
GPtrArray        *_gloss_library_commit_replacement (GlossLibrary           *self,
                                                    GlossDocument           *document,
                                                    const GlossDocumentInfo *info,
                                                    const char              *filename,
                                                    GBytes                  *original,
                                                    GlossContent            *content,
                                                    GError                 **error);

G_END_DECLS
