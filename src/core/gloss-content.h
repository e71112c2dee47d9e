/* gloss-content.h: the cleaned text of a document, block by block
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  GLOSS_BLOCK_PARAGRAPH,
  GLOSS_BLOCK_HEADING,      /* level 1..3 */
  GLOSS_BLOCK_TITLE,
  GLOSS_BLOCK_LABEL,        /* a column label such as ·网络空间全球治理· */
  GLOSS_BLOCK_AUTHORS,
  GLOSS_BLOCK_AFFILIATION,
  GLOSS_BLOCK_KEYWORDS,
  GLOSS_BLOCK_META,         /* DOI and similar record lines */
  GLOSS_BLOCK_TOC_ENTRY,    /* a line of a printed table of contents */
  GLOSS_BLOCK_FOOTNOTE,     /* footnote text, moved out of the page flow */
  GLOSS_N_BLOCK_KINDS
} GlossBlockKind;

/* Offsets count Unicode code points of the text, end exclusive.
 * page is the printed page number, or 0 where it is not known. */
typedef struct
{
  GlossBlockKind kind;
  guint          level;
  guint          start;
  guint          end;
  gint           page;
} GlossBlock;

/* A footnote marker in the text and the footnote block it opens. */
typedef struct
{
  guint start;
  guint end;
  guint footnote;           /* index of a GLOSS_BLOCK_FOOTNOTE block */
} GlossFootnoteRef;

/* From offset on, the text is on printed page `page` (0: unknown). */
typedef struct
{
  guint offset;
  gint  page;
} GlossPageStart;

#define GLOSS_TYPE_CONTENT (gloss_content_get_type ())
G_DECLARE_FINAL_TYPE (GlossContent, gloss_content, GLOSS, CONTENT, GObject)

const char             *gloss_content_get_text            (GlossContent *self);
gsize                   gloss_content_get_text_length     (GlossContent *self);
guint                   gloss_content_get_n_chars         (GlossContent *self);
guint                   gloss_content_get_n_blocks        (GlossContent *self);
const GlossBlock       *gloss_content_get_block           (GlossContent *self,
                                                           guint         index);
guint                   gloss_content_get_n_footnote_refs (GlossContent *self);
const GlossFootnoteRef *gloss_content_get_footnote_ref    (GlossContent *self,
                                                           guint         index);
guint                   gloss_content_get_n_page_starts   (GlossContent *self);
const GlossPageStart   *gloss_content_get_page_start      (GlossContent *self,
                                                           guint         index);
gint                    gloss_content_page_at             (GlossContent *self,
                                                           guint         offset);
guint                   gloss_content_block_at            (GlossContent *self,
                                                           guint         offset);
char                   *gloss_content_dup_block_text      (GlossContent *self,
                                                           guint         index);
char                   *gloss_content_dup_range           (GlossContent *self,
                                                           guint         start,
                                                           guint         end);
gsize                   gloss_content_byte_offset         (GlossContent *self,
                                                           guint         offset);
const char             *gloss_block_kind_to_string        (GlossBlockKind kind);
gboolean                gloss_block_kind_from_string      (const char    *name,
                                                           GlossBlockKind *kind);

G_END_DECLS
