/* gloss-search-text.c: the text behind the search index
 *
 * The index keeps no copy of the documents' text (see the header comment
 * of gloss-search-index.c): a paragraph is read from corpus.db, by byte
 * offset, through incremental blob I/O, and folded when it is needed.
 *
 * It keeps instead, per document, how often each frequent string of one
 * to four characters occurs (GlossGramCounts), so that the count of a
 * query that short needs no paragraph at all where it is frequent, and
 * for the strings of four characters where they occur, so that neither
 * does the count of a longer one (gloss-search-run.c).
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
  sqlite3_stmt *stmt;
  sqlite3_blob *blob = NULL;
  gint64 row = -1;

  if (corpus == NULL || key == NULL || checksum == NULL || cleaner != GLOSS_CLEANER_VERSION)
    return NULL;
  /* kept with the index's statements: a count opens the text of each
   * document it reads paragraphs of */
  if (index->text_stmt == NULL &&
      sqlite3_prepare_v3 (corpus, "SELECT rowid FROM texts WHERE doc_id = ? AND checksum = ?"
                          " AND cleaner_version = ?", -1, SQLITE_PREPARE_PERSISTENT,
                          &index->text_stmt, NULL) != SQLITE_OK)
    g_clear_pointer (&index->text_stmt, sqlite3_finalize);
  stmt = index->text_stmt;
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, checksum, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, cleaner);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        row = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

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
 * 2 MB has about a million characters, each counted four times, so a
 * GHashTable (an allocation per key, a pointer hash) would make indexing
 * several times slower. A gram of up to four characters is packed in two
 * words, two code points (21 bits each) in each; 0 marks no character
 * (a folded text has no U+0000). */
typedef struct
{
  guint64 head;   /* 0: an empty slot; else first << 21 | second */
  guint64 tail;   /* third << 21 | fourth */
} GramKey;

/* A place of a four-character gram: where it starts (in characters
 * from the start of the source's folded text) and which gram it is. */
typedef struct
{
  guint32 position;
  guint32 id;
} Place;

struct _GlossGramCounts
{
  GramKey *keys;
  guint32 *counts;
  guint32 *ids;        /* four characters: 1 + an index into by_id, else 0 */
  guint    bits;
  guint    used;

  guint32  position;   /* characters of the paragraphs added so far */
  GArray  *places;     /* of Place, in text order */
  GArray  *id_counts;  /* of guint32: the places of each four-character gram */
};

#define GRAM_SHIFT 21   /* code points need 21 bits */
#define GRAM_MASK  ((G_GUINT64_CONSTANT (1) << GRAM_SHIFT) - 1)

GlossGramCounts *
_gloss_gram_counts_new (void)
{
  GlossGramCounts *self = g_new0 (GlossGramCounts, 1);

  self->bits = 14;
  self->keys = g_new0 (GramKey, 1u << self->bits);
  self->counts = g_new0 (guint32, 1u << self->bits);
  self->ids = g_new0 (guint32, 1u << self->bits);
  self->places = g_array_new (FALSE, FALSE, sizeof (Place));
  self->id_counts = g_array_new (FALSE, FALSE, sizeof (guint32));
  return self;
}

void
_gloss_gram_counts_free (GlossGramCounts *self)
{
  if (self == NULL)
    return;
  g_free (self->keys);
  g_free (self->counts);
  g_free (self->ids);
  g_array_unref (self->places);
  g_array_unref (self->id_counts);
  g_free (self);
}

static guint
slot_of (const GlossGramCounts *self,
         GramKey                key)
{
  guint mask = (1u << self->bits) - 1;
  guint64 mixed = (key.head ^ (key.tail * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F))) *
                  G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  guint i = (guint) (mixed >> (64 - self->bits));

  while (self->keys[i].head != 0 &&
         (self->keys[i].head != key.head || self->keys[i].tail != key.tail))
    i = (i + 1) & mask;
  return i;
}

static void
grow (GlossGramCounts *self)
{
  GramKey *keys = self->keys;
  guint32 *counts = self->counts;
  guint32 *ids = self->ids;
  guint old_size = 1u << self->bits;

  self->bits++;
  self->keys = g_new0 (GramKey, 1u << self->bits);
  self->counts = g_new0 (guint32, 1u << self->bits);
  self->ids = g_new0 (guint32, 1u << self->bits);
  for (guint i = 0; i < old_size; i++)
    if (keys[i].head != 0)
      {
        guint j = slot_of (self, keys[i]);

        self->keys[j] = keys[i];
        self->counts[j] = counts[i];
        self->ids[j] = ids[i];
      }
  g_free (keys);
  g_free (counts);
  g_free (ids);
}

static guint
add_gram (GlossGramCounts *self,
          GramKey          key)
{
  guint i;

  if (2 * (self->used + 1) > (1u << self->bits))
    grow (self);
  i = slot_of (self, key);
  if (self->keys[i].head == 0)
    {
      self->keys[i] = key;
      self->used++;
    }
  self->counts[i]++;
  return i;
}

/* A four-character gram also has its place recorded: a longer term is
 * counted from the places of the four-character grams that cover it. */
static void
add_long_gram (GlossGramCounts *self,
               GramKey          key,
               guint32          position)
{
  guint i = add_gram (self, key);
  Place place = { position, self->ids[i] };

  if (place.id == 0)
    {
      guint32 zero = 0;

      g_array_append_val (self->id_counts, zero);
      place.id = self->ids[i] = self->id_counts->len;
    }
  g_array_index (self->id_counts, guint32, place.id - 1)++;
  g_array_append_val (self->places, place);
}

/* Counts every run of one to GLOSS_SEARCH_GRAM_MAX characters of a
 * folded paragraph that holds no break: the places of each, overlapping
 * ones included ("aaa" holds "aa" at two places). The paragraphs of a
 * source are added in text order: positions run on from one to the
 * next. */
void
_gloss_gram_counts_add (GlossGramCounts *self,
                        const char      *folded)
{
  gunichar last[GLOSS_SEARCH_GRAM_MAX - 1] = { 0 };   /* the characters before, nearest first */

  for (const char *p = folded; *p; p = g_utf8_next_char (p), self->position++)
    {
      gunichar c = g_utf8_get_char (p);

      if (gloss_search_is_break (c))
        {
          memset (last, 0, sizeof last);
          continue;
        }
      /* the grams that end at c: c, then with 1, 2, 3 characters before */
      add_gram (self, (GramKey) { (guint64) c << GRAM_SHIFT, 0 });
      if (last[0] != 0)
        add_gram (self, (GramKey) { (guint64) last[0] << GRAM_SHIFT | c, 0 });
      if (last[1] != 0)
        add_gram (self, (GramKey) { (guint64) last[1] << GRAM_SHIFT | last[0],
                                    (guint64) c << GRAM_SHIFT });
      if (last[2] != 0)
        add_long_gram (self, (GramKey) { (guint64) last[2] << GRAM_SHIFT | last[1],
                                         (guint64) last[0] << GRAM_SHIFT | c },
                       self->position - 3);
      memmove (last + 1, last, sizeof last - sizeof last[0]);
      last[0] = c;
    }
}

void
_gloss_places_encode (GByteArray    *out,
                      const guint32 *places,
                      guint          n)
{
  guint32 previous = 0;

  for (guint i = 0; i < n; i++)
    {
      guint32 gap = places[i] - previous;

      previous = places[i];
      for (;;)
        {
          guint8 byte = gap & 0x7f;

          gap >>= 7;
          if (gap != 0)
            byte |= 0x80;
          g_byte_array_append (out, &byte, 1);
          if (gap == 0)
            break;
        }
    }
}

typedef struct
{
  char  text[4 * 6 + 1];
  guint slot;
} FrequentGram;

static gint
compare_frequent_grams (gconstpointer a,
                        gconstpointer b)
{
  /* byte order, which is SQLite's for text */
  return strcmp (((const FrequentGram *) a)->text, ((const FrequentGram *) b)->text);
}

/* Calls func for every gram that is frequent enough to be stored:
 * GLOSS_SEARCH_GRAM_MIN times for one or two characters,
 * GLOSS_SEARCH_LONG_GRAM_MIN for three or four; for four, with its
 * places in ascending order (else NULL). In the order of the grams, so
 * that rows keyed by them are appended, which fills the pages of a
 * b-tree where inserts at random would leave a third of them empty. */
gboolean
_gloss_gram_counts_foreach (const GlossGramCounts *self,
                            GlossGramFunc          func,
                            gpointer               user_data)
{
  g_autofree guint32 *starts = g_new (guint32, self->id_counts->len + 1);
  g_autofree guint32 *sorted = g_new (guint32, MAX (self->places->len, 1));
  g_autofree guint32 *filled = g_new0 (guint32, self->id_counts->len + 1);
  g_autoptr(GArray) frequent = g_array_new (FALSE, FALSE, sizeof (FrequentGram));

  /* the places grouped by gram, each group still in text order */
  starts[0] = 0;
  for (guint id = 0; id < self->id_counts->len; id++)
    starts[id + 1] = starts[id] + g_array_index (self->id_counts, guint32, id);
  for (guint i = 0; i < self->places->len; i++)
    {
      const Place *place = &g_array_index (self->places, Place, i);

      sorted[starts[place->id - 1] + filled[place->id - 1]++] = place->position;
    }

  for (guint i = 0; i < (1u << self->bits); i++)
    {
      const GramKey *key = &self->keys[i];
      gunichar chars[4] = {
        key->head >> GRAM_SHIFT, key->head & GRAM_MASK,
        key->tail >> GRAM_SHIFT, key->tail & GRAM_MASK,
      };
      FrequentGram gram = { .slot = i };
      guint n_chars = 0;
      int n = 0;

      if (key->head == 0)
        continue;
      while (n_chars < 4 && chars[n_chars] != 0)
        n += g_unichar_to_utf8 (chars[n_chars++], gram.text + n);
      if (self->counts[i] < (n_chars <= 2 ? GLOSS_SEARCH_GRAM_MIN : GLOSS_SEARCH_LONG_GRAM_MIN))
        continue;
      gram.text[n] = '\0';
      g_array_append_val (frequent, gram);
    }
  g_array_sort (frequent, compare_frequent_grams);

  for (guint i = 0; i < frequent->len; i++)
    {
      const FrequentGram *gram = &g_array_index (frequent, FrequentGram, i);
      guint32 id = self->ids[gram->slot];

      if (!func (gram->text, self->counts[gram->slot], id != 0 ? sorted + starts[id - 1] : NULL,
                 user_data))
        return FALSE;
    }
  return TRUE;
}
