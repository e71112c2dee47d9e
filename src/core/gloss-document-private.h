/* gloss-document-private.h: filling a GlossDocument (library only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-document.h"

G_BEGIN_DECLS

typedef struct
{
  char    *id;
  char    *title;
  char    *authors;
  gint     year;
  char    *language;
  char    *source;
  char    *notes;
  gboolean title_inferred;
  char    *format;
  char    *encoding;
  char    *checksum;
  guint64  size;
  guint    n_chars;
  gboolean bundled;
  gint64   added;
} GlossDocumentInfo;

void           _gloss_document_info_clear (GlossDocumentInfo *info);
GlossDocument *_gloss_document_new        (const GlossDocumentInfo *info);
void           _gloss_document_update     (GlossDocument *self,
                                           const char    *title,
                                           const char    *authors,
                                           gint           year);
void           _gloss_document_set_n_chars (GlossDocument *self,
                                            guint          n_chars);
void           _gloss_document_replace_original (GlossDocument *self,
                                                 const GlossDocumentInfo *info);

G_END_DECLS
