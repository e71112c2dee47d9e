/* gloss-search-text.c: the text behind the search index
 *
 * The index keeps no copy of the documents' text (see the header comment
 * of gloss-search-index.c): a paragraph is read from corpus.db, by byte
 * offset, through incremental blob I/O, and folded when it is needed.
 *
 * It keeps instead, per document, how often each frequent character and
 * each frequent pair of characters occurs (GlossGramCounts), so that the
 * count of a one- or two-character query needs no paragraph at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-cleaner.h"
#include "gloss-search-private.h"

/* ------------------------------------------------------------------ */
/* Paragraphs of corpus.db                                            */

/**
 * _gloss_search_open_text:
 *
 * The cleaned text of a document in corpus.db, if it is still the one
 * the index was built from (same checksum, same cleaner), else %NULL.
 * With the index lock held.
 */
sqlite3_blob *
_gloss_search_open_text (GlossSearchIndex *index,
                         const char       *key,
                         const char       *checksum,
                         gint              cleaner)
{
  sqlite3 *corpus = _gloss_search_index_ensure_corpus (index);
  sqlite3_stmt *stmt = NULL;
  sqlite3_blob *blob = NULL;
  gint64 row = -1;

  if (corpus == NULL || key == NULL || checksum == NULL || cleaner != GLOSS_CLEANER_VERSION)
    return NULL;
  if (sqlite3_prepare_v2 (corpus, "SELECT rowid FROM texts WHERE doc_id = ? AND checksum = ?"
                          " AND cleaner_version = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, checksum, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, cleaner);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        row = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);

  if (row >= 0 && sqlite3_blob_open (corpus, "main", "texts", "text", row, 0, &blob) != SQLITE_OK)
    g_clear_pointer (&blob, sqlite3_blob_close);
  return blob;
}

/* The bytes [start, start + length) of the text, or NULL if they are not
 * there or not whole UTF-8 characters (the text is not the indexed one). */
char *
_gloss_search_read_text (sqlite3_blob *blob,
                         gint64        start,
                         int           length)
{
  char *text;

  if (blob == NULL || start < 0 || length < 0 || start + length > sqlite3_blob_bytes (blob))
    return NULL;
  text = g_malloc (length + 1);
  if (sqlite3_blob_read (blob, text, length, start) != SQLITE_OK ||
      !g_utf8_validate (text, length, NULL))
    {
      g_free (text);
      return NULL;
    }
  text[length] = '\0';
  return text;
}

/* ------------------------------------------------------------------ */
/* Counts of characters and pairs                                     */

/* An open-addressing table from a packed gram to its count: a source of
 * 2 MB has about a million characters, each counted twice, so a
 * GHashTable (an allocation per key, a pointer hash) would double the
 * time it takes to index. */
struct _GlossGramCounts
{
  guint64 *keys;     /* 0: empty; else first << 21 | second (0 for one character) */
  guint32 *counts;
  guint    bits;
  guint    used;
};

#define GRAM_SHIFT 21   /* code points need 21 bits */

GlossGramCounts *
_gloss_gram_counts_new (void)
{
  GlossGramCounts *self = g_new0 (GlossGramCounts, 1);

  self->bits = 12;
  self->keys = g_new0 (guint64, 1u << self->bits);
  self->counts = g_new0 (guint32, 1u << self->bits);
  return self;
}

void
_gloss_gram_counts_free (GlossGramCounts *self)
{
  if (self == NULL)
    return;
  g_free (self->keys);
  g_free (self->counts);
  g_free (self);
}

static guint
slot_of (const GlossGramCounts *self,
         guint64                key)
{
  guint mask = (1u << self->bits) - 1;
  guint i = (guint) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - self->bits));

  while (self->keys[i] != 0 && self->keys[i] != key)
    i = (i + 1) & mask;
  return i;
}

static void
grow (GlossGramCounts *self)
{
  guint64 *keys = self->keys;
  guint32 *counts = self->counts;
  guint old_size = 1u << self->bits;

  self->bits++;
  self->keys = g_new0 (guint64, 1u << self->bits);
  self->counts = g_new0 (guint32, 1u << self->bits);
  for (guint i = 0; i < old_size; i++)
    if (keys[i] != 0)
      {
        guint j = slot_of (self, keys[i]);

        self->keys[j] = keys[i];
        self->counts[j] = counts[i];
      }
  g_free (keys);
  g_free (counts);
}

static void
add_gram (GlossGramCounts *self,
          gunichar         first,
          gunichar         second)
{
  guint64 key = (guint64) first << GRAM_SHIFT | second;
  guint i;

  if (first == 0)
    return;
  if (2 * (self->used + 1) > (1u << self->bits))
    grow (self);
  i = slot_of (self, key);
  if (self->keys[i] == 0)
    {
      self->keys[i] = key;
      self->used++;
    }
  self->counts[i]++;
}

/* Counts every character of a folded paragraph that is not a break, and
 * every pair of such characters side by side: the tokenizer's units, so
 * a pair's count is the number of its (possibly overlapping) places. */
void
_gloss_gram_counts_add (GlossGramCounts *self,
                        const char      *folded)
{
  gunichar prev = 0;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (gloss_search_is_break (c))
        {
          prev = 0;
          continue;
        }
      add_gram (self, c, 0);
      if (prev != 0)
        add_gram (self, prev, c);
      prev = c;
    }
}

/* Calls func for every gram counted at least min times. */
gboolean
_gloss_gram_counts_foreach (const GlossGramCounts *self,
                            guint                  min,
                            GlossGramFunc          func,
                            gpointer               user_data)
{
  for (guint i = 0; i < (1u << self->bits); i++)
    if (self->keys[i] != 0 && self->counts[i] >= min)
      {
        char gram[12];
        gunichar second = self->keys[i] & ((1u << GRAM_SHIFT) - 1);
        int n = g_unichar_to_utf8 (self->keys[i] >> GRAM_SHIFT, gram);

        if (second != 0)
          n += g_unichar_to_utf8 (second, gram + n);
        gram[n] = '\0';
        if (!func (gram, self->counts[i], user_data))
          return FALSE;
      }
  return TRUE;
}
