/* gloss-annotation-format.h: notes as W3C Web Annotation JSON (core-internal)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-annotations.h"
#include "gloss-note-private.h"

G_BEGIN_DECLS

/* An annotation read from a file, before it is placed in the library:
 * data.doc_id is the document id it names (NULL if none), and the
 * offsets are only a hint, valid when has_position. */
typedef struct
{
  GlossNoteData data;
  char         *source_checksum;   /* from a urn:sha256: source, or NULL */
  gboolean      has_position;
} GlossParsedAnnotation;

void       gloss_parsed_annotation_free   (GlossParsedAnnotation *parsed);

JsonNode  *gloss_annotation_format_build  (GlossAnnotations *annotations,
                                           GPtrArray        *notes);
GPtrArray *gloss_annotation_format_parse  (JsonNode         *root,
                                           guint            *n_invalid,
                                           GError          **error);

G_END_DECLS
