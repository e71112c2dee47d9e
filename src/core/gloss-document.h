/* gloss-document.h: a document of the library and its metadata
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT (gloss_document_get_type ())
G_DECLARE_FINAL_TYPE (GlossDocument, gloss_document, GLOSS, DOCUMENT, GObject)

/* Properties (all readable; metadata changes go through GlossLibrary so
 * that they are stored): "id", "title", "authors", "year", "language",
 * "source", "notes", "title-inferred", "format", "encoding", "checksum",
 * "size", "n-chars", "bundled", "added". */

const char *gloss_document_get_id             (GlossDocument *self);
const char *gloss_document_get_title          (GlossDocument *self);
const char *gloss_document_get_authors        (GlossDocument *self);
gint        gloss_document_get_year           (GlossDocument *self);
const char *gloss_document_get_language       (GlossDocument *self);
const char *gloss_document_get_source         (GlossDocument *self);
const char *gloss_document_get_notes          (GlossDocument *self);
gboolean    gloss_document_get_title_inferred (GlossDocument *self);
const char *gloss_document_get_format         (GlossDocument *self);
const char *gloss_document_get_encoding       (GlossDocument *self);
const char *gloss_document_get_checksum       (GlossDocument *self);
guint64     gloss_document_get_size           (GlossDocument *self);
guint       gloss_document_get_n_chars        (GlossDocument *self);
gboolean    gloss_document_get_bundled        (GlossDocument *self);
char       *gloss_document_dup_citation       (GlossDocument *self);

G_END_DECLS
