/* gloss-content.c: the cleaned text of a document, block by block
 *
 * The text is what `gloss show` prints; block boundaries, footnote
 * markers and page starts are offsets into it, in code points, because
 * every later layer (highlights, search hits, citations) speaks code
 * points. A small index of byte offsets at block starts keeps the
 * code-point to byte conversion cheap on multi-megabyte texts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-content-private.h"

struct _GlossContent
{
  GObject  parent_instance;

  char    *text;
  gsize    length;
  guint    n_chars;
  GArray  *blocks;         /* GlossBlock */
  GArray  *block_bytes;    /* gsize: byte offset of each block start */
  GArray  *footnote_refs;  /* GlossFootnoteRef */
  GArray  *page_starts;    /* GlossPageStart, sorted by offset */
};

G_DEFINE_FINAL_TYPE (GlossContent, gloss_content, G_TYPE_OBJECT)

static const char * const kind_names[GLOSS_N_BLOCK_KINDS] = {
  [GLOSS_BLOCK_PARAGRAPH]   = "paragraph",
  [GLOSS_BLOCK_HEADING]     = "heading",
  [GLOSS_BLOCK_TITLE]       = "title",
  [GLOSS_BLOCK_LABEL]       = "label",
  [GLOSS_BLOCK_AUTHORS]     = "authors",
  [GLOSS_BLOCK_AFFILIATION] = "affiliation",
  [GLOSS_BLOCK_KEYWORDS]    = "keywords",
  [GLOSS_BLOCK_META]        = "meta",
  [GLOSS_BLOCK_TOC_ENTRY]   = "toc",
  [GLOSS_BLOCK_FOOTNOTE]    = "footnote",
};

const char *
gloss_block_kind_to_string (GlossBlockKind kind)
{
  g_return_val_if_fail (kind < GLOSS_N_BLOCK_KINDS, "paragraph");
  return kind_names[kind];
}

gboolean
gloss_block_kind_from_string (const char     *name,
                              GlossBlockKind *kind)
{
  for (guint i = 0; i < GLOSS_N_BLOCK_KINDS; i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static void
gloss_content_finalize (GObject *object)
{
  GlossContent *self = GLOSS_CONTENT (object);

  g_free (self->text);
  g_array_unref (self->blocks);
  g_array_unref (self->block_bytes);
  g_array_unref (self->footnote_refs);
  g_array_unref (self->page_starts);

  G_OBJECT_CLASS (gloss_content_parent_class)->finalize (object);
}

static void
gloss_content_class_init (GlossContentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_content_finalize;
}

static void
gloss_content_init (GlossContent *self)
{
}

GlossContent *
_gloss_content_new (char   *text,
                    GArray *blocks,
                    GArray *footnote_refs,
                    GArray *page_starts)
{
  GlossContent *self = g_object_new (GLOSS_TYPE_CONTENT, NULL);
  const char *p;
  guint chars = 0;

  self->text = text;
  self->length = strlen (text);
  self->n_chars = g_utf8_strlen (text, -1);
  self->blocks = blocks;
  self->footnote_refs = footnote_refs;
  self->page_starts = page_starts;
  self->block_bytes = g_array_sized_new (FALSE, FALSE, sizeof (gsize), blocks->len);

  /* One walk over the text records where each block starts in bytes. */
  p = text;
  for (guint i = 0; i < blocks->len; i++)
    {
      const GlossBlock *b = &g_array_index (blocks, GlossBlock, i);
      gsize byte;

      g_assert (b->start >= chars);
      while (chars < b->start)
        {
          p = g_utf8_next_char (p);
          chars++;
        }
      byte = p - text;
      g_array_append_val (self->block_bytes, byte);
    }

  return self;
}

const char *
gloss_content_get_text (GlossContent *self)
{
  g_return_val_if_fail (GLOSS_IS_CONTENT (self), NULL);
  return self->text;
}

gsize
gloss_content_get_text_length (GlossContent *self)
{
  g_return_val_if_fail (GLOSS_IS_CONTENT (self), 0);
  return self->length;
}

guint
gloss_content_get_n_chars (GlossContent *self)
{
  g_return_val_if_fail (GLOSS_IS_CONTENT (self), 0);
  return self->n_chars;
}

guint
gloss_content_get_n_blocks (GlossContent *self)
{
  g_return_val_if_fail (GLOSS_IS_CONTENT (self), 0);
  return self->blocks->len;
}

const GlossBlock *
gloss_content_get_block (GlossContent *self,
                         guint         index)
{
  g_return_val_if_fail (GLOSS_IS_CONTENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return &g_array_index (self->blocks, GlossBlock, index);
}

guint
gloss_content_get_n_footnote_refs (GlossContent *self)
{
  g_return_val_if_fail (GLOSS_IS_CONTENT (self), 0);
  return self->footnote_refs->len;
}

const GlossFootnoteRef *
gloss_content_get_footnote_ref (GlossContent *self,
                                guint         index)
{
  g_return_val_if_fail (GLOSS_IS_CONTENT (self), NULL);
  g_return_val_if_fail (index < self->footnote_refs->len, NULL);
  return &g_array_index (self->footnote_refs, GlossFootnoteRef, index);
}

guint
gloss_content_get_n_page_starts (GlossContent *self)
{
  g_return_val_if_fail (GLOSS_IS_CONTENT (self), 0);
  return self->page_starts->len;
}

const GlossPageStart *
gloss_content_get_page_start (GlossContent *self,
                              guint         index)
{
  g_return_val_if_fail (GLOSS_IS_CONTENT (self), NULL);
  g_return_val_if_fail (index < self->page_starts->len, NULL);
  return &g_array_index (self->page_starts, GlossPageStart, index);
}

/* The printed page that the character at offset is on (0: unknown). */
gint
gloss_content_page_at (GlossContent *self,
                       guint         offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (GLOSS_IS_CONTENT (self), 0);

  hi = self->page_starts->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->page_starts, GlossPageStart, mid).offset <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo == 0 ? 0 : g_array_index (self->page_starts, GlossPageStart, lo - 1).page;
}

/* The index of the block containing offset (the last block at or before it). */
guint
gloss_content_block_at (GlossContent *self,
                        guint         offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (GLOSS_IS_CONTENT (self), 0);

  hi = self->blocks->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->blocks, GlossBlock, mid).start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo == 0 ? 0 : lo - 1;
}

gsize
gloss_content_byte_offset (GlossContent *self,
                           guint         offset)
{
  guint block;
  const char *p;
  guint chars;

  g_return_val_if_fail (GLOSS_IS_CONTENT (self), 0);

  if (offset >= self->n_chars)
    return self->length;
  if (self->blocks->len == 0)
    return g_utf8_offset_to_pointer (self->text, offset) - self->text;

  block = gloss_content_block_at (self, offset);
  p = self->text + g_array_index (self->block_bytes, gsize, block);
  chars = g_array_index (self->blocks, GlossBlock, block).start;
  if (chars > offset)
    {
      p = self->text;
      chars = 0;
    }
  return g_utf8_offset_to_pointer (p, offset - chars) - self->text;
}

char *
gloss_content_dup_range (GlossContent *self,
                         guint         start,
                         guint         end)
{
  gsize a, b;

  g_return_val_if_fail (GLOSS_IS_CONTENT (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  a = gloss_content_byte_offset (self, start);
  b = gloss_content_byte_offset (self, end);
  return g_strndup (self->text + a, b - a);
}

char *
gloss_content_dup_block_text (GlossContent *self,
                              guint         index)
{
  const GlossBlock *b = gloss_content_get_block (self, index);

  g_return_val_if_fail (b != NULL, NULL);
  return gloss_content_dup_range (self, b->start, b->end);
}
