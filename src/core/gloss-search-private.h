/* gloss-search-private.h: pieces of the search index (core-internal)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "gloss-fold.h"
#include "gloss-search-hit.h"
#include "gloss-search-index.h"

G_BEGIN_DECLS

/* gloss-search-index.c: a paragraph's row id is (source << 24 | paragraph) */
#define GLOSS_SEARCH_UNIT_BITS 24

/* gloss-search-run.c: a term of up to this many times four characters is
 * counted from the places of its grams where they are stored */
#define GLOSS_SEARCH_MAX_COVERING_GRAMS 16

/* The statements a search prepares once per index and keeps (see
 * _gloss_search_index_prepare()): preparing them took about a fifth of
 * a count whose every document has its count stored. */
typedef enum
{
  GLOSS_SEARCH_STMT_BEGIN,
  GLOSS_SEARCH_STMT_COMMIT,
  GLOSS_SEARCH_STMT_CANDIDATES,
  GLOSS_SEARCH_STMT_UNIT,
  GLOSS_SEARCH_STMT_SOURCE,
  GLOSS_SEARCH_STMT_PAGE,
  GLOSS_SEARCH_STMT_SOURCE_IDS,
  GLOSS_SEARCH_STMT_STORED_COUNTS,
  GLOSS_SEARCH_STMT_PLACES,   /* one for each covering gram, from here */
  GLOSS_SEARCH_N_STMTS = GLOSS_SEARCH_STMT_PLACES + GLOSS_SEARCH_MAX_COVERING_GRAMS + 1,
} GlossSearchStmt;

struct _GlossSearchIndex
{
  GObject         parent_instance;

  char           *dir;
  char           *path;
  GlossFoldFlags  flags;

  GMutex          lock;     /* serialises every use of the two connections */
  sqlite3        *db;       /* the index, opened on first use */
  sqlite3        *corpus;   /* corpus.db, only read: original text for snippets */

  /* prepared on first use, finalized before their connection closes */
  sqlite3_stmt   *stmts[GLOSS_SEARCH_N_STMTS];
  sqlite3_stmt   *text_stmt;   /* on corpus: a document's row in texts */
};

/* with the lock held */
gboolean  _gloss_search_index_ensure_open   (GlossSearchIndex  *self,
                                             GError           **error);
sqlite3  *_gloss_search_index_ensure_corpus (GlossSearchIndex  *self);
gboolean  _gloss_search_index_failed        (GlossSearchIndex  *self,
                                             const char        *what,
                                             GError           **error);
sqlite3_stmt *_gloss_search_index_prepare   (GlossSearchIndex  *self,
                                             GlossSearchStmt    which,
                                             const char        *sql);
void      _gloss_search_index_reset_stmts   (GlossSearchIndex  *self);

/* gloss-search-text.c: paragraphs read from corpus.db */
sqlite3_blob *_gloss_search_open_text (GlossSearchIndex *index,
                                       const char       *key,
                                       const char       *checksum,
                                       gint              cleaner);
char         *_gloss_search_read_text (sqlite3_blob     *blob,
                                       gint64            start,
                                       int               length);

/* gloss-search-text.c: per document, the counts of the strings of one
 * to GLOSS_SEARCH_GRAM_MAX characters (no breaks) that occur often in it
 * (table grams): at least GLOSS_SEARCH_GRAM_MIN times for one or two
 * characters, GLOSS_SEARCH_LONG_GRAM_MIN for three or four (there are
 * many more of those: a lower bar would make the table as big as FTS5);
 * rarer ones are counted from the paragraphs. The stored grams of four
 * characters also keep their places, for longer terms. */
#define GLOSS_SEARCH_GRAM_MAX      4
#define GLOSS_SEARCH_GRAM_MIN      16
#define GLOSS_SEARCH_LONG_GRAM_MIN 32

typedef struct _GlossGramCounts GlossGramCounts;
typedef gboolean (*GlossGramFunc) (const char    *gram,
                                   guint          count,
                                   const guint32 *places,
                                   gpointer       user_data);

/* The places of a four-character gram, as stored (grams.places): the
 * gaps between ascending positions, seven bits a byte, low bits first,
 * the high bit set on all bytes of a gap but its last. */
void             _gloss_places_encode       (GByteArray            *out,
                                             const guint32         *places,
                                             guint                  n);

typedef struct
{
  const guint8 *p;
  const guint8 *end;
  guint32       value;   /* the current place */
} GlossPlaces;

/* Moves to the next place; FALSE at the end (or on a truncated gap). */
static inline gboolean
_gloss_places_next (GlossPlaces *places)
{
  guint32 gap = 0;

  for (guint shift = 0; places->p < places->end && shift < 32; shift += 7)
    {
      guint8 byte = *places->p++;

      gap |= (guint32) (byte & 0x7f) << shift;
      if (!(byte & 0x80))
        {
          places->value += gap;
          return TRUE;
        }
    }
  places->p = places->end;
  return FALSE;
}

GlossGramCounts *_gloss_gram_counts_new     (void);
void             _gloss_gram_counts_add     (GlossGramCounts       *self,
                                             const char            *folded);
gboolean         _gloss_gram_counts_foreach (const GlossGramCounts *self,
                                             GlossGramFunc          func,
                                             gpointer               user_data);
void             _gloss_gram_counts_free    (GlossGramCounts       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossGramCounts, _gloss_gram_counts_free)

/* gloss-search-tokenizer.c */
gboolean gloss_search_is_break              (gunichar       c);
gboolean gloss_search_register_tokenizer    (sqlite3       *db);

/* gloss-search-query.c: a query, folded and split into terms */
typedef struct
{
  GPtrArray *terms;   /* of char *: folded; every term must occur in a paragraph */
  char      *match;   /* an FTS5 expression over the index's tokens */
  gboolean   prefix;  /* match has a prefix query (a term of one character) */
} GlossSearchQuery;

GlossSearchQuery *gloss_search_query_parse  (const char     *text,
                                             GlossFoldFlags  flags,
                                             GError        **error);
void              gloss_search_query_free   (GlossSearchQuery *query);
GPtrArray        *_gloss_search_split_terms (const char       *folded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSearchQuery, gloss_search_query_free)

/* gloss-search-hit.c */
GlossSearchHit *_gloss_search_hit_new (GlossSearchSourceKind kind,
                                       const char           *source,
                                       guint                 start,
                                       guint                 end,
                                       gint                  page,
                                       guint                 block,
                                       char                 *snippet,
                                       guint                 snippet_match_start,
                                       guint                 snippet_match_end);

G_END_DECLS
