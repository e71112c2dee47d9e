/* gloss-search-run.c: running a query against the search index
 *
 * FTS5 gives the candidate paragraphs in row id order, which is the
 * order of sources and, within one, of the text. Each candidate is read
 * (from corpus.db for documents) and folded, and its folded text is
 * checked for every term with memmem() (UTF-8 is self-
 * synchronising, so a byte match is a character match), occurrences are
 * counted left to right without overlap, and only then mapped back to
 * original offsets. Only one paragraph is in memory at a time: searching
 * never loads the corpus.
 *
 * What counts: a paragraph counts only if it contains every term; then
 * each term's non-overlapping occurrences in it are hits (and counted).
 * For a one-term query this is exactly the number of non-overlapping
 * occurrences of the folded query in the folded text of each source.
 *
 * Counts of one term need no paragraph in the documents where its
 * strings are frequent: a term of up to four characters adds the counts
 * those documents store, a longer one is found from the places of the
 * four-character grams that cover it (see gloss-search-index.c). Only
 * the other documents are asked of FTS5 and checked.
 *
 * A paragraph whose document changed in corpus.db since it was indexed
 * cannot be read: it is skipped (it neither counts nor is found) until
 * update() indexes the document again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include "gloss-search-index.h"

#include <string.h>

#include "gloss-cleaner.h"
#include "gloss-error.h"
#include "gloss-search-private.h"
#include "gloss-snippet.h"

#define CANCEL_CHECK    64

/* a term of up to this many times four characters is counted from the
 * places of its grams where they are stored: the longer ones are rare,
 * and have few paragraphs to check */
#define MAX_COVERING_GRAMS GLOSS_SEARCH_MAX_COVERING_GRAMS

typedef struct
{
  gsize start;   /* bytes into the folded paragraph */
  gsize end;
} Occurrence;

typedef struct
{
  GlossSearchIndex     *index;
  GlossSearchQuery     *query;
  GPtrArray            *hits;      /* NULL: only counting */
  guint                 limit;
  guint64               total;

  sqlite3_stmt         *unit_stmt;   /* kept by the index, like every statement here */

  /* the source of the current paragraph */
  gint64                source;
  GlossSearchSourceKind kind;
  char                 *key;
  sqlite3_blob         *blob;      /* its original text in corpus.db, if found */
} Run;

static void
run_clear (Run *run)
{
  _gloss_search_index_reset_stmts (run->index);
  run->unit_stmt = NULL;
  g_clear_pointer (&run->blob, sqlite3_blob_close);
  g_clear_pointer (&run->key, g_free);
}

static void
enter_source (Run    *run,
              gint64  source)
{
  sqlite3_stmt *stmt;

  if (run->source == source)
    return;
  run->source = source;
  g_clear_pointer (&run->key, g_free);
  g_clear_pointer (&run->blob, sqlite3_blob_close);
  run->kind = GLOSS_SEARCH_SOURCE_DOCUMENT;

  stmt = _gloss_search_index_prepare (run->index, GLOSS_SEARCH_STMT_SOURCE,
                                      "SELECT kind, key, checksum, cleaner FROM sources"
                                      " WHERE id = ?");
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, source);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gloss_search_source_kind_from_string ((const char *) sqlite3_column_text (stmt, 0),
                                                &run->kind);
          run->key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          if (run->kind == GLOSS_SEARCH_SOURCE_DOCUMENT)
            run->blob = _gloss_search_open_text (run->index, run->key,
                                                 (const char *) sqlite3_column_text (stmt, 2),
                                                 sqlite3_column_int (stmt, 3));
        }
      sqlite3_reset (stmt);
    }
  if (run->key == NULL)
    run->key = g_strdup ("");
}

/* Every term's non-overlapping occurrences, in order of position; FALSE
 * if a term does not occur. */
static gboolean
find_terms (Run        *run,
            const char *text,
            gsize       length,
            GArray     *found)
{
  for (guint t = 0; t < run->query->terms->len; t++)
    {
      const char *term = run->query->terms->pdata[t];
      gsize term_length = strlen (term);
      gsize from = 0;
      guint before = found->len;
      const char *p;

      while (from < length &&
             (p = memmem (text + from, length - from, term, term_length)) != NULL)
        {
          Occurrence o = { p - text, p - text + term_length };

          g_array_append_val (found, o);
          from = o.end;
        }
      if (found->len == before)
        return FALSE;
    }
  return TRUE;
}

static gint
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  const Occurrence *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

static gint
page_at (Run   *run,
         guint  offset)
{
  sqlite3_stmt *stmt;
  gint page = 0;

  stmt = _gloss_search_index_prepare (run->index, GLOSS_SEARCH_STMT_PAGE,
                                      "SELECT page FROM pages WHERE source = ?1"
                                      " AND offset <= ?2 ORDER BY offset DESC LIMIT 1");
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, run->source);
  sqlite3_bind_int (stmt, 2, offset);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    page = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return page;
}

/* The paragraph's original text: kept in the index for notes and cards,
 * read from corpus.db for documents. NULL if it cannot be had: corpus.db
 * holds another version of the document than the one indexed, which
 * update() is about to index again. */
static char *
original_text (Run          *run,
               sqlite3_stmt *unit)
{
  if (sqlite3_column_type (unit, 4) != SQLITE_NULL)
    return g_strdup ((const char *) sqlite3_column_text (unit, 4));
  return _gloss_search_read_text (run->blob, sqlite3_column_int64 (unit, 2),
                                  sqlite3_column_int (unit, 3));
}

static void
add_hits (Run                *run,
          sqlite3_stmt       *unit,
          const char         *original,
          const char         *text,
          const GlossFoldMap *map,
          GArray             *found)
{
  guint block = sqlite3_column_int (unit, 0);
  guint unit_start = sqlite3_column_int (unit, 1);
  gsize cursor_byte = 0;
  guint cursor_char = 0;

  g_array_sort (found, compare_occurrences);

  for (guint i = 0; i < found->len; i++)
    {
      const Occurrence *o = &g_array_index (found, Occurrence, i);
      guint folded_start, folded_end, start, end, match_start = 0, match_end = 0;
      char *snippet;

      if (run->limit > 0 && run->hits->len >= run->limit)
        return;

      /* occurrences are sorted, so the walk over the text goes forward */
      cursor_char += g_utf8_strlen (text + cursor_byte, o->start - cursor_byte);
      cursor_byte = o->start;
      folded_start = cursor_char;
      folded_end = folded_start + g_utf8_strlen (text + o->start, o->end - o->start);
      gloss_fold_map_to_original (map, folded_start, folded_end, &start, &end);

      snippet = gloss_snippet_new (original, start, end, GLOSS_SNIPPET_CONTEXT,
                                   &match_start, &match_end);

      g_ptr_array_add (run->hits,
                       _gloss_search_hit_new (run->kind, run->key, unit_start + start,
                                              unit_start + end,
                                              run->kind == GLOSS_SEARCH_SOURCE_DOCUMENT ?
                                                page_at (run, unit_start + start) : 0,
                                              block, snippet, match_start, match_end));
    }
}

static gboolean
visit_unit (Run     *run,
            gint64   id,
            GError **error)
{
  sqlite3_stmt *unit = run->unit_stmt;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  g_autoptr(GlossFoldMap) map = NULL;
  g_autofree char *original = NULL;
  g_autofree char *text = NULL;
  int rc;

  sqlite3_bind_int64 (unit, 1, id);
  rc = sqlite3_step (unit);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (unit);
      /* a stale row of FTS5 (see gloss-search-index.c) */
      return rc == SQLITE_DONE ? TRUE : _gloss_search_index_failed (run->index, "unit", error);
    }

  enter_source (run, id >> GLOSS_SEARCH_UNIT_BITS);
  original = original_text (run, unit);
  if (original != NULL)
    {
      /* the map back to the original is only needed for hits */
      text = gloss_fold (original, -1, run->index->flags, run->hits != NULL ? &map : NULL);
      if (find_terms (run, text, strlen (text), found))
        {
          run->total += found->len;
          if (run->hits != NULL)
            add_hits (run, unit, original, text, map, found);
        }
    }
  sqlite3_reset (unit);
  return TRUE;
}

/* Whether the count of the term is a sum of stored counts (table
 * grams): at most GLOSS_SEARCH_GRAM_MAX characters, no break, and no
 * border, that is no proper start of it that is also its end ("aa",
 * "aba", "abab", "网网网"). Stored counts are of places, and only the
 * places of a term without a border never overlap, so only then is the
 * number of places the number of non-overlapping occurrences. */
static gboolean
is_gram (const char *term)
{
  gunichar chars[GLOSS_SEARCH_GRAM_MAX];
  guint n = 0;

  for (const char *p = term; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n == GLOSS_SEARCH_GRAM_MAX || gloss_search_is_break (c))
        return FALSE;
      chars[n++] = c;
    }
  for (guint k = 1; k < n; k++)
    if (memcmp (chars, chars + n - k, k * sizeof (gunichar)) == 0)
      return FALSE;
  return n > 0;
}

/* For a count of a term of up to four characters, adds the counts the
 * documents store (only the ones where it is frequent), and returns
 * those documents, whose paragraphs need not be read; NULL if the query
 * is of another kind. */
static GHashTable *
add_stored_counts (Run *run)
{
  g_autoptr(GHashTable) counted = NULL;
  const char *term = run->query->terms->pdata[0];
  sqlite3_stmt *stmt;

  if (run->hits != NULL || run->query->terms->len != 1 || !is_gram (term))
    return NULL;
  /* source by source: grams is keyed by (source, gram), so each is one
   * seek, where a search by gram alone would read the whole table */
  stmt = _gloss_search_index_prepare (run->index, GLOSS_SEARCH_STMT_STORED_COUNTS,
                                      "SELECT s.id, g.n FROM sources AS s CROSS JOIN grams AS g"
                                      " ON g.source = s.id AND g.gram = ?2 WHERE s.kind = ?1");
  if (stmt == NULL)
    return NULL;

  counted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_bind_text (stmt, 1, gloss_search_source_kind_to_string (GLOSS_SEARCH_SOURCE_DOCUMENT),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, term, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 source = sqlite3_column_int64 (stmt, 0);

      run->total += sqlite3_column_int64 (stmt, 1);
      g_hash_table_add (counted, g_memdup2 (&source, sizeof source));
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&counted);
}

/* The offsets in the term (in characters) of the four-character grams
 * whose places give its places: every fourth, and the last one, so that
 * together they cover it. NULL if the term is not made of at least four
 * characters without a break, or is so long that the paragraphs of its
 * few places are quicker to check. */
static GPtrArray *
covering_grams (const char *term,
                GArray     *offsets)
{
  g_autoptr(GPtrArray) grams = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (const char *));
  guint n;

  for (const char *p = term; *p; p = g_utf8_next_char (p))
    {
      if (gloss_search_is_break (g_utf8_get_char (p)))
        return NULL;
      g_array_append_val (starts, p);
    }
  n = starts->len;
  if (n < GLOSS_SEARCH_GRAM_MAX || n > GLOSS_SEARCH_GRAM_MAX * MAX_COVERING_GRAMS)
    return NULL;

  for (guint offset = 0;; offset += GLOSS_SEARCH_GRAM_MAX)
    {
      const char *start, *end;

      offset = MIN (offset, n - GLOSS_SEARCH_GRAM_MAX);
      start = g_array_index (starts, const char *, offset);
      end = offset + GLOSS_SEARCH_GRAM_MAX < n ?
            g_array_index (starts, const char *, offset + GLOSS_SEARCH_GRAM_MAX) :
            term + strlen (term);
      g_ptr_array_add (grams, g_strndup (start, end - start));
      g_array_append_val (offsets, offset);
      if (offset + GLOSS_SEARCH_GRAM_MAX >= n)
        break;
    }
  return g_steal_pointer (&grams);
}

/* How often the term occurs in a source, without overlap, from the
 * places of its covering grams: it starts at p exactly where each of
 * them is at p + its offset. Places are in text order, so the first
 * match is taken and the ones that overlap it skipped, like the
 * left-to-right search of the paragraphs (a term holds no break, so it
 * never runs from one paragraph into the next). */
static guint64
count_from_places (GlossPlaces *places,
                   const guint *offsets,
                   guint        n_grams,
                   guint        term_chars)
{
  guint64 count = 0;
  guint64 free_from = 0;   /* where a new occurrence may start */

  for (guint k = 0; k < n_grams; k++)
    {
      places[k].value = 0;
      if (!_gloss_places_next (&places[k]))
        return 0;
    }

  for (;;)
    {
      guint64 start = places[0].value;
      gboolean all = TRUE;

      for (guint k = 1; k < n_grams; k++)
        {
          guint64 want = start + offsets[k];

          while (places[k].value < want)
            if (!_gloss_places_next (&places[k]))
              return count;
          all &= places[k].value == want;
        }
      if (all && start >= free_from)
        {
          count++;
          free_from = start + term_chars;
        }
      if (!_gloss_places_next (&places[0]))
        return count;
    }
}

/* Moves the statement of a covering gram to its next document; FALSE
 * at the end. */
static gboolean
next_gram_row (sqlite3_stmt *stmt,
               gint64       *source,
               GlossPlaces  *places)
{
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *source = sqlite3_column_int64 (stmt, 0);
  /* the blob stays valid until the statement moves on */
  places->p = sqlite3_column_blob (stmt, 1);
  places->end = places->p + sqlite3_column_bytes (stmt, 1);
  return TRUE;
}

/* For a count of a term longer than four characters, or of four with a
 * border: adds the counts of the documents that store the places of all
 * its covering grams, and returns those documents; NULL if the query is
 * of another kind. Each gram has a statement that walks the documents
 * storing it, in id order, and the walks go in step: that costs one
 * statement step per document and gram, where a lookup for each pair
 * (reset, bind, step: cursors opened and closed) cost twice as much. */
static GHashTable *
add_counts_from_places (Run *run)
{
  g_autoptr(GHashTable) counted = NULL;
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) grams = NULL;
  const char *term = run->query->terms->pdata[0];
  sqlite3_stmt *stmts[MAX_COVERING_GRAMS + 1] = { NULL, };
  GlossPlaces places[MAX_COVERING_GRAMS + 1];
  gint64 at[MAX_COVERING_GRAMS + 1];   /* the document each walk is at */
  guint n, term_chars;
  gboolean more = TRUE;

  if (run->hits != NULL || run->query->terms->len != 1 ||
      (grams = covering_grams (term, offsets)) == NULL)
    return NULL;
  n = grams->len;
  term_chars = g_utf8_strlen (term, -1);

  for (guint k = 0; k < n; k++)
    {
      stmts[k] = _gloss_search_index_prepare (run->index, GLOSS_SEARCH_STMT_PLACES + k,
                                              "SELECT g.source, p.list FROM sources AS s NOT INDEXED"
                                              " CROSS JOIN grams AS g"
                                              " ON g.source = s.id AND g.gram = ?2"
                                              " CROSS JOIN places AS p ON p.id = g.places"
                                              " WHERE s.kind = ?1 ORDER BY s.id");
      if (stmts[k] == NULL)
        return NULL;
      sqlite3_bind_text (stmts[k], 1,
                         gloss_search_source_kind_to_string (GLOSS_SEARCH_SOURCE_DOCUMENT),
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (stmts[k], 2, grams->pdata[k], -1, SQLITE_STATIC);
      more &= next_gram_row (stmts[k], &at[k], &places[k]);
    }

  counted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while (more)
    {
      gint64 source = at[0];
      gboolean all = TRUE;

      for (guint k = 1; k < n; k++)
        source = MAX (source, at[k]);
      /* a document some gram skips is one where it is rare: its
       * paragraphs are checked */
      for (guint k = 0; more && k < n; k++)
        {
          while (more && at[k] < source)
            more = next_gram_row (stmts[k], &at[k], &places[k]);
          all &= more && at[k] == source;
        }
      if (!more || !all)
        continue;

      run->total += count_from_places (places, (const guint *) offsets->data, n, term_chars);
      g_hash_table_add (counted, g_memdup2 (&source, sizeof source));
      for (guint k = 0; more && k < n; k++)
        more = next_gram_row (stmts[k], &at[k], &places[k]);
    }

  /* the grams bound are freed with this function */
  for (guint k = 0; k < n; k++)
    {
      sqlite3_reset (stmts[k]);
      sqlite3_clear_bindings (stmts[k]);
    }
  return g_steal_pointer (&counted);
}

/* The ranges of row ids [start, end) that FTS5 must be asked about:
 * those of the sources whose count is not stored, runs of them in id
 * order, so that the documents counted already cost no FTS5 query at
 * all (a common word is frequent in every document). Everything, in one
 * range, when nothing is counted, or when the query is for a prefix,
 * whose every new start merges all its terms' lists again: then the
 * loop skips the counted sources' rows instead. */
static GArray *
ranges_to_check (Run        *run,
                 GHashTable *counted)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  gint64 start = -1, end = G_MAXINT64;

  if (counted != NULL && !run->query->prefix)
    stmt = _gloss_search_index_prepare (run->index, GLOSS_SEARCH_STMT_SOURCE_IDS,
                                        "SELECT id FROM sources ORDER BY id");
  if (stmt == NULL)
    {
      start = 0;
      g_array_append_val (ranges, start);
      g_array_append_val (ranges, end);
      return ranges;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 source = sqlite3_column_int64 (stmt, 0);

      if (g_hash_table_contains (counted, &source))
        {
          if (start >= 0)
            {
              end = source << GLOSS_SEARCH_UNIT_BITS;
              g_array_append_val (ranges, start);
              g_array_append_val (ranges, end);
            }
          start = -1;
        }
      else if (start < 0)
        start = source << GLOSS_SEARCH_UNIT_BITS;
    }
  sqlite3_reset (stmt);
  if (start >= 0)
    {
      end = G_MAXINT64;
      g_array_append_val (ranges, start);
      g_array_append_val (ranges, end);
    }
  return ranges;
}

/* Ends the read transaction; every statement of the run is reset. */
static void
end_transaction (GlossSearchIndex *index)
{
  sqlite3_stmt *commit = _gloss_search_index_prepare (index, GLOSS_SEARCH_STMT_COMMIT, "COMMIT");

  if (commit == NULL)
    {
      sqlite3_exec (index->db, "COMMIT", NULL, NULL, NULL);
      return;
    }
  sqlite3_step (commit);
  sqlite3_reset (commit);
}

static gboolean
run_query (Run           *run,
           GCancellable  *cancellable,
           GError       **error)
{
  GlossSearchIndex *index = run->index;
  sqlite3_stmt *begin, *candidates;
  g_autoptr(GHashTable) counted = NULL;
  g_autoptr(GArray) ranges = NULL;
  gboolean ok = TRUE, done = FALSE;
  guint n = 0;
  int rc = SQLITE_DONE;

  if (!_gloss_search_index_ensure_open (index, error))
    return FALSE;

  /* one read transaction: the paragraphs agree with FTS5's answer even
   * while an update writes */
  begin = _gloss_search_index_prepare (index, GLOSS_SEARCH_STMT_BEGIN, "BEGIN");
  if (begin == NULL || sqlite3_step (begin) != SQLITE_DONE)
    {
      if (begin != NULL)
        sqlite3_reset (begin);
      return _gloss_search_index_failed (index, "begin", error);
    }
  sqlite3_reset (begin);

  candidates = _gloss_search_index_prepare (index, GLOSS_SEARCH_STMT_CANDIDATES,
                                            "SELECT rowid FROM fts WHERE fts MATCH ?1"
                                            " AND rowid >= ?2 AND rowid < ?3 ORDER BY rowid");
  run->unit_stmt = _gloss_search_index_prepare (index, GLOSS_SEARCH_STMT_UNIT,
                                                "SELECT block, start, byte_start, byte_length,"
                                                " original FROM units WHERE id = ?1");
  if (candidates == NULL || run->unit_stmt == NULL)
    ok = _gloss_search_index_failed (index, "prepare", error);
  else
    {
      counted = add_stored_counts (run);
      if (counted == NULL)
        counted = add_counts_from_places (run);
      ranges = ranges_to_check (run, counted);
      sqlite3_bind_text (candidates, 1, run->query->match, -1, SQLITE_STATIC);
      for (guint r = 0; ok && !done && r < ranges->len; r += 2)
        {
          sqlite3_reset (candidates);
          sqlite3_bind_int64 (candidates, 2, g_array_index (ranges, gint64, r));
          sqlite3_bind_int64 (candidates, 3, g_array_index (ranges, gint64, r + 1));
          while (ok && (rc = sqlite3_step (candidates)) == SQLITE_ROW)
            {
              gint64 id = sqlite3_column_int64 (candidates, 0);
              gint64 source = id >> GLOSS_SEARCH_UNIT_BITS;

              if (++n % CANCEL_CHECK == 0 &&
                  g_cancellable_set_error_if_cancelled (cancellable, error))
                ok = FALSE;
              else if (counted == NULL || !g_hash_table_contains (counted, &source))
                ok = visit_unit (run, id, error);
              if (run->hits != NULL && run->limit > 0 && run->hits->len >= run->limit)
                {
                  done = TRUE;
                  break;
                }
            }
          if (ok && !done && rc != SQLITE_DONE)
            ok = _gloss_search_index_failed (index, "match", error);
        }
    }

  run_clear (run);
  if (index->db != NULL)
    end_transaction (index);
  return ok;
}

static gboolean
search (GlossSearchIndex  *self,
        const char        *text,
        GPtrArray         *hits,
        guint              limit,
        guint64           *total,
        GCancellable      *cancellable,
        GError           **error)
{
  g_autoptr(GlossSearchQuery) query = gloss_search_query_parse (text, self->flags, error);
  Run run = { self, query, hits, limit, 0, NULL, -1, 0, NULL, NULL };
  gboolean ok;

  if (query == NULL)
    return FALSE;

  g_mutex_lock (&self->lock);
  ok = run_query (&run, cancellable, error);
  g_mutex_unlock (&self->lock);
  if (total != NULL)
    *total = run.total;
  return ok;
}

/**
 * gloss_search_index_search:
 * @query: what the user typed: words (all in one paragraph) and "phrases"
 * @limit: at most this many hits (the first ones), or 0 for all
 *
 * Searches what is indexed (see gloss_search_index_update()). An
 * empty query, or one of only spaces and punctuation, is
 * %GLOSS_SEARCH_ERROR_EMPTY_QUERY.
 *
 * Returns: (transfer full) (element-type GlossSearchHit): the hits, by
 *   source, then by position
 */
GPtrArray *
gloss_search_index_search (GlossSearchIndex  *self,
                           const char        *query,
                           guint              limit,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (GLOSS_IS_SEARCH_INDEX (self), NULL);

  if (!search (self, query, hits, limit, NULL, cancellable, error))
    return NULL;
  return g_steal_pointer (&hits);
}

/**
 * gloss_search_index_count:
 * @total: (out): the number of hits gloss_search_index_search() would
 *   return without a limit
 *
 * Counts without building hits: no snippets, no offsets mapped.
 */
gboolean
gloss_search_index_count (GlossSearchIndex  *self,
                          const char        *query,
                          guint64           *total,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_INDEX (self), FALSE);
  g_return_val_if_fail (total != NULL, FALSE);

  *total = 0;
  return search (self, query, NULL, 0, total, cancellable, error);
}

/* ------------------------------------------------------------------ */
/* Asynchronously                                                     */

typedef struct
{
  char  *query;
  guint  limit;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_free (data->query);
  g_free (data);
}

static void
search_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SearchData *data = task_data;
  GError *error = NULL;
  GPtrArray *hits = gloss_search_index_search (source_object, data->query, data->limit,
                                               cancellable, &error);

  if (hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

static void
count_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SearchData *data = task_data;
  GError *error = NULL;
  guint64 total = 0;

  if (!gloss_search_index_count (source_object, data->query, &total, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_memdup2 (&total, sizeof total), g_free);
}

static void
start_task (GlossSearchIndex   *self,
            const char         *query,
            guint               limit,
            gpointer            source_tag,
            GTaskThreadFunc     func,
            GCancellable       *cancellable,
            GAsyncReadyCallback callback,
            gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  SearchData *data = g_new0 (SearchData, 1);

  data->query = g_strdup (query);
  data->limit = limit;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  /* a query typed over by a newer one is not worth finishing */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, func);
}

/**
 * gloss_search_index_search_async:
 *
 * Searches in a thread. For search-as-you-type, cancel the previous
 * search's @cancellable when the query changes: a cancelled search stops
 * within a few dozen paragraphs and finishes with %G_IO_ERROR_CANCELLED.
 */
void
gloss_search_index_search_async (GlossSearchIndex   *self,
                                 const char         *query,
                                 guint               limit,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_return_if_fail (GLOSS_IS_SEARCH_INDEX (self));
  start_task (self, query, limit, gloss_search_index_search_async, search_in_thread,
              cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type GlossSearchHit): the hits */
GPtrArray *
gloss_search_index_search_finish (GlossSearchIndex *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
gloss_search_index_count_async (GlossSearchIndex   *self,
                                const char         *query,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_return_if_fail (GLOSS_IS_SEARCH_INDEX (self));
  start_task (self, query, 0, gloss_search_index_count_async, count_in_thread,
              cancellable, callback, user_data);
}

gboolean
gloss_search_index_count_finish (GlossSearchIndex *self,
                                 GAsyncResult     *result,
                                 guint64          *total,
                                 GError          **error)
{
  g_autofree guint64 *value = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_pointer (G_TASK (result), error);
  if (value == NULL)
    return FALSE;
  if (total != NULL)
    *total = *value;
  return TRUE;
}
