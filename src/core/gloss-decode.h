/* gloss-decode.h: bytes of a file to UTF-8 text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GLOSS_FORMAT_TEXT,
  GLOSS_FORMAT_MARKDOWN,
  GLOSS_FORMAT_PDF,
} GlossFormat;

GlossFormat  gloss_format_guess     (const char  *name,
                                     GBytes      *bytes);
const char  *gloss_format_to_string (GlossFormat  format);
GlossFormat  gloss_format_from_string (const char *name);

/* Detects UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM) and
 * GB18030/GBK; returns NUL-terminated UTF-8 with \n line ends.
 * name is used in error messages only. */
char        *gloss_decode_text      (GBytes      *bytes,
                                     const char  *name,
                                     char       **encoding,
                                     GError     **error);

/* Text of a PDF, pages separated by \f; page_labels receives the printed
 * number of each page (0 where the label is not a number). */
char        *gloss_pdf_extract_text (GBytes      *bytes,
                                     const char  *name,
                                     GArray     **page_labels,
                                     GError     **error);

G_END_DECLS
