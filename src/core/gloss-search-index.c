/* gloss-search-index.c: search over the library, exact for Chinese
 *
 * Why this design
 * ---------------
 * Readers search mostly for two-character words (中俄, 主权), document
 * symbols (A/70/174) and full-width abbreviations (ＵＮＧＧＥ), and expect
 * exact substring matching with correct counts. FTS5's own tokenizers do
 * not fit: unicode61 makes a run of Chinese one token, and trigram finds
 * nothing under three characters and is about twice the size of the text.
 *
 * So the index is an FTS5 table with a tokenizer of our own (see
 * gloss-search-tokenizer.c): overlapping bigrams of the folded text,
 * Latin and digits included, plus the last character of each run between
 * spaces. A query of n ≥ 2 characters asks for (a sample of) its bigrams,
 * a one-character query for the prefix "c"*. FTS5 only narrows the search
 * down to candidate paragraphs; every candidate is then checked with
 * memmem() against the folded text of the paragraph, so the results and
 * counts are exact by construction, whatever the tokens.
 *
 * The unit of indexing is the paragraph: one row per block of the cleaned
 * text, from the block's start to the next block's start (the line break
 * between them included). A term never contains a line break, so no
 * occurrence is lost at a paragraph boundary, "all words in the same
 * paragraph" is a per-row test, and a match across two raw lines is found
 * because the cleaner already joined them. Rows have the id
 * (source << 24 | paragraph), so FTS5's rowid order is document order.
 *
 * Size (issue 6: at most the size of the text). The index stores no text
 * of documents: a paragraph is read from corpus.db by byte offset
 * (incremental blob I/O, gloss-search-text.c) and folded when a query
 * needs it, which costs about as much as reading a stored folded copy
 * did, and that copy was 0.94× the text. FTS5 is contentless, with
 * detail=none and columnsize=0: lists of row ids per bigram, 0.35× the
 * text; positions (detail=full) would have cost about as much again as
 * the text. On 100 MB of text search.db is 0.87× (see bench/README.md).
 *
 * Deleting from a contentless table takes the text the row was given.
 * Notes and cards keep their original (they are small), and a document's
 * text is still in corpus.db when it is removed; when it changed there,
 * its old rows stay in FTS5 ("stale"). They are harmless, since every
 * candidate is checked against the paragraph that has its id now, and
 * counted: once they are as many as half the live rows, update() fills
 * FTS5 again from the paragraphs (rebuild_fts()).
 *
 * Counting (gloss_search_index_count()) has to look at every occurrence,
 * and a common word occurs in most paragraphs: 网络 in 116 000 of 193 000,
 * 网络空间 in 67 000. So each document also stores how often each string
 * of one to four characters occurs in it, when it does often enough
 * (table grams: GLOSS_SEARCH_GRAM_MIN times for one or two characters,
 * GLOSS_SEARCH_LONG_GRAM_MIN for three or four, 0.16× the text; the rare
 * ones would make it bigger than FTS5, and are quick to count from their
 * few paragraphs anyway). The count of a one-term query of up to four
 * characters whose places cannot overlap (no start of it is also its
 * end, unlike "aa" in "aaa" or "abab" in "ababab") is the sum of the
 * stored counts plus the checked count of the paragraphs of the other
 * sources, which alone FTS5 is asked about (gloss-search-run.c).
 *
 * Longer terms are counted from places: the stored grams of four
 * characters also keep where they occur in the document (table places,
 * lists of gaps between positions, 0.29× the text), and a term occurs
 * at p exactly where the four-character grams that cover it (every
 * fourth one, and the last) occur at p plus their offsets in the term.
 * Places give the overlapping occurrences too, so taking them left to
 * right without overlap gives the count of bordered terms ("哈哈哈哈哈")
 * as well. Where one of those grams is not stored, the term is rare in
 * that document, and its few paragraphs are checked. Positions in FTS5
 * (detail=full on every bigram) would have cost about as much again as
 * the text; the places of the frequent four-character grams are about
 * a third of the characters, and none of the rare strings.
 *
 * The index lives in search.db in the library directory (search-t2s.db
 * when Traditional Chinese is folded too, so that switching the option
 * never throws away the other index). It can always be rebuilt: a file of
 * another format, or one SQLite finds damaged, is deleted and rebuilt.
 * Each source records the checksum and cleaner version it was indexed
 * from, so an update only indexes what is new or changed. All use of the
 * connection is serialised by a mutex, and the work runs in threads
 * (update_async, search_async), never on the caller's connection to
 * user.db or corpus.db.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include "gloss-search-index.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "gloss-cleaner.h"
#include "gloss-error.h"
#include "gloss-search-private.h"

#define MAX_UNITS (G_GINT64_CONSTANT (1) << GLOSS_SEARCH_UNIT_BITS)


G_DEFINE_FINAL_TYPE (GlossSearchIndex, gloss_search_index, G_TYPE_OBJECT)

static const char schema[] =
  "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  /* a searchable text: kind 'doc', 'note' or 'card', and its id */
  "CREATE TABLE sources ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  key TEXT NOT NULL,"
  "  stamp TEXT NOT NULL,"          /* what it was indexed from */
  "  checksum TEXT,"                /* documents: where corpus.db holds the original */
  "  cleaner INTEGER,"
  "  UNIQUE (kind, key));"
  /* a paragraph: where it is in the original */
  "CREATE TABLE units ("
  "  id INTEGER PRIMARY KEY,"       /* source << 24 | paragraph */
  "  block INTEGER NOT NULL,"
  "  start INTEGER NOT NULL,"       /* code points into the original */
  "  byte_start INTEGER NOT NULL,"  /* bytes into the original */
  "  byte_length INTEGER NOT NULL,"
  "  original TEXT);"               /* notes and cards; NULL: read it from corpus.db */
  "CREATE TABLE pages ("
  "  source INTEGER NOT NULL, offset INTEGER NOT NULL, page INTEGER NOT NULL,"
  "  PRIMARY KEY (source, offset)) WITHOUT ROWID;"
  /* a document's frequent characters and pairs: how often each occurs */
  "CREATE TABLE grams ("
  "  source INTEGER NOT NULL, gram TEXT NOT NULL, n INTEGER NOT NULL,"
  "  places INTEGER,"               /* four characters: its row in places */
  "  PRIMARY KEY (source, gram)) WITHOUT ROWID;"
  /* where a frequent gram of four characters occurs (see
   * gloss-search-text.c): a table of its own, since a b-tree keyed by
   * (source, gram) keeps no more than a quarter of a page of a row in
   * place, and SQLite reads the rest past its cache on every use */
  "CREATE TABLE places (id INTEGER PRIMARY KEY, list BLOB NOT NULL);"
  "CREATE VIRTUAL TABLE fts USING fts5 (text, content='',"
  "  tokenize='gloss', detail='none', columnsize=0);";

/* ------------------------------------------------------------------ */
/* Opening                                                            */

/* A connection does not close while it has statements: the kept ones
 * go first.  A search that finds the index damaged discards it while
 * its own statements are still open, so the connections are closed
 * with sqlite3_close_v2(), which lets them go when the last of those is
 * finalized, where sqlite3_close() would fail and leak them. */
static void
close_connections (GlossSearchIndex *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->stmts); i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->text_stmt, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->corpus, sqlite3_close_v2);
}

static void
gloss_search_index_finalize (GObject *object)
{
  GlossSearchIndex *self = GLOSS_SEARCH_INDEX (object);

  close_connections (self);
  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->path, g_free);
  G_OBJECT_CLASS (gloss_search_index_parent_class)->finalize (object);
}

static void
gloss_search_index_class_init (GlossSearchIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_search_index_finalize;
}

static void
gloss_search_index_init (GlossSearchIndex *self)
{
  g_mutex_init (&self->lock);
}

static gboolean
exec (sqlite3    *db,
      const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           gint64      fallback)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
is_damage (int code)
{
  code &= 0xff;
  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

/* TRUE when db is an index this object can use, creating it in an empty
 * file; FALSE when the file must be thrown away. */
static gboolean
prepare_index (sqlite3        *db,
               GlossFoldFlags  flags)
{
  g_autofree char *create = NULL;
  gint64 version;

  /* before anything is written (and a no-op after): FTS5 frees pages
   * when it merges segments and when it is rebuilt */
  if (!exec (db, "PRAGMA auto_vacuum = INCREMENTAL;"
                 "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"))
    return FALSE;
  /* a count of a long term reads the grams and places of each of its
   * four-character grams in every document (over 400 pages for 52
   * documents): in SQLite's default 2 MB they would push each other out
   * of the cache, and be read from the file again by the next count */
  if (!exec (db, "PRAGMA cache_size = -8192"))
    return FALSE;
  version = query_int (db, "PRAGMA user_version", -1);
  if (version == GLOSS_SEARCH_INDEX_FORMAT)
    return query_int (db, "SELECT value FROM settings WHERE key = 'fold'", -1) == flags &&
           query_int (db, "SELECT count(*) FROM sources", -1) >= 0;
  if (version != 0 || query_int (db, "SELECT count(*) FROM sqlite_master", -1) != 0)
    return FALSE;

  create = g_strdup_printf ("BEGIN IMMEDIATE; %s"
                            "INSERT INTO settings VALUES ('fold', %d);"
                            "PRAGMA user_version = %d; COMMIT;",
                            schema, flags, GLOSS_SEARCH_INDEX_FORMAT);
  if (exec (db, create))
    return TRUE;
  exec (db, "ROLLBACK");
  return FALSE;
}

static void
discard_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* Forgets the connections and the file: the next use rebuilds it. */
static void
discard_index (GlossSearchIndex *self)
{
  close_connections (self);
  discard_files (self->path);
}

/**
 * _gloss_search_index_prepare:
 * @which: the slot of the statement; one slot always holds the same @sql
 *
 * The statement of the index connection in slot @which, prepared the
 * first time: a count of a common term is a few b-tree seeks, and
 * preparing its half-dozen statements each time cost as much. With the
 * lock held and the index open; reset the statement after use (or call
 * _gloss_search_index_reset_stmts()), so that it holds no read
 * transaction.
 *
 * Returns: (transfer none) (nullable): the statement, or %NULL if it
 *   cannot be prepared
 */
sqlite3_stmt *
_gloss_search_index_prepare (GlossSearchIndex *self,
                             GlossSearchStmt   which,
                             const char       *sql)
{
  g_assert (which < GLOSS_SEARCH_N_STMTS);

  if (self->stmts[which] == NULL &&
      sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &self->stmts[which],
                          NULL) != SQLITE_OK)
    g_clear_pointer (&self->stmts[which], sqlite3_finalize);
  return self->stmts[which];
}

/* Resets every kept statement: at the end of a search, so that none of
 * them keeps the read transaction open. */
void
_gloss_search_index_reset_stmts (GlossSearchIndex *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->stmts); i++)
    if (self->stmts[i] != NULL)
      {
        sqlite3_reset (self->stmts[i]);
        sqlite3_clear_bindings (self->stmts[i]);   /* they may point into the query */
      }
}

gboolean
_gloss_search_index_ensure_open (GlossSearchIndex  *self,
             GError           **error)
{
  if (self->db != NULL)
    return TRUE;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                           NULL) == SQLITE_OK)
        {
          sqlite3_busy_timeout (db, 5000);
          if (gloss_search_register_tokenizer (db) && prepare_index (db, self->flags))
            {
              self->db = db;
              return TRUE;
            }
        }
      sqlite3_close (db);
      /* the index holds nothing that cannot be rebuilt */
      if (attempt == 0)
        {
          g_debug ("%s is damaged or of another format; rebuilding it", self->path);
          discard_files (self->path);
        }
    }

  g_set_error (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INDEX,
               /* Translators: %s is the path of the search index file */
               _("the search index %s cannot be created (is the library folder writable?)"),
               self->path);
  return FALSE;
}

/* corpus.db, for the original text of snippets; NULL if it cannot be
 * read, and then snippets show the folded text. */
sqlite3 *
_gloss_search_index_ensure_corpus (GlossSearchIndex *self)
{
  g_autofree char *path = NULL;

  if (self->corpus != NULL)
    return self->corpus;
  path = g_build_filename (self->dir, "corpus.db", NULL);
  if (sqlite3_open_v2 (path, &self->corpus, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_clear_pointer (&self->corpus, sqlite3_close);
      return NULL;
    }
  sqlite3_busy_timeout (self->corpus, 5000);
  return self->corpus;
}

/* An SQL failure as the user may see it: never SQLite's own words. */
gboolean
_gloss_search_index_failed (GlossSearchIndex  *self,
              const char        *what,
              GError           **error)
{
  int code = self->db ? sqlite3_errcode (self->db) : SQLITE_ERROR;

  g_debug ("%s: %s", what, self->db ? sqlite3_errmsg (self->db) : "no database");
  if (is_damage (code))
    {
      discard_index (self);
      g_set_error (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INDEX,
                   _("the search index was damaged; it has been removed and will be rebuilt"));
    }
  else
    g_set_error (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INDEX,
                 (code & 0xff) == SQLITE_FULL
                 /* Translators: %s is the path of the search index file */
                 ? _("%s: the search index could not be written, the disk is full")
                 /* Translators: %s is the path of the search index file */
                 : _("%s: the search index could not be used"),
                 self->path);
  return FALSE;
}

/**
 * gloss_search_index_new:
 * @library_dir: the library directory, where the index file lives
 * @flags: how text is folded; %GLOSS_FOLD_TRADITIONAL uses an index of
 *   its own
 *
 * Does no I/O: the index is opened (and created, or rebuilt) on first use.
 */
GlossSearchIndex *
gloss_search_index_new (const char     *library_dir,
                        GlossFoldFlags  flags)
{
  GlossSearchIndex *self;

  g_return_val_if_fail (library_dir != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_SEARCH_INDEX, NULL);
  self->dir = g_strdup (library_dir);
  self->flags = flags;
  self->path = g_build_filename (library_dir,
                                 flags & GLOSS_FOLD_TRADITIONAL ? "search-t2s.db" : "search.db",
                                 NULL);
  return self;
}

const char *
gloss_search_index_get_path (GlossSearchIndex *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_INDEX (self), NULL);
  return self->path;
}

GlossFoldFlags
gloss_search_index_get_flags (GlossSearchIndex *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_INDEX (self), 0);
  return self->flags;
}

/* ------------------------------------------------------------------ */
/* Writing                                                            */

/* Where a paragraph starts (code points) and which block it is. */
typedef struct
{
  guint start;
  guint block;
} Unit;

typedef struct
{
  GlossSearchSourceKind kind;
  const char           *key;
  const char           *stamp;
  const char           *checksum;    /* documents only */
  const char           *text;
  gsize                 length;
  GArray               *units;       /* of Unit, by start; the first starts at 0 */
  GlossContent         *content;     /* documents: the pages; NULL for others */
  gboolean              keep_original;
} Source;

static gboolean
run_stmt (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

static gboolean
add_stale (sqlite3 *db,
           gint64   n)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (n == 0)
    return TRUE;
  if (sqlite3_prepare_v2 (db, "INSERT INTO settings VALUES ('stale', ?1) ON CONFLICT (key)"
                          " DO UPDATE SET value = value + ?1", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, n);
  ok = run_stmt (stmt);
  sqlite3_finalize (stmt);
  return ok;
}

/* Runs stmt (?1 the row id, ?2 the folded text) for every paragraph of
 * the source whose text can still be had: notes and cards keep their
 * original, documents read theirs from corpus.db, if it did not change
 * since. *missing: how many paragraphs could not be had. */
static gboolean
feed_fts (GlossSearchIndex *self,
          gint64            source,
          sqlite3_stmt     *stmt,
          gint64           *missing)
{
  sqlite3_stmt *info = NULL, *units = NULL;
  sqlite3_blob *blob = NULL;
  gboolean ok, is_document = FALSE;
  int rc = SQLITE_DONE;

  *missing = 0;
  ok = sqlite3_prepare_v2 (self->db, "SELECT kind, key, checksum, cleaner FROM sources WHERE id = ?",
                           -1, &info, NULL) == SQLITE_OK &&
       sqlite3_prepare_v2 (self->db, "SELECT id, byte_start, byte_length, original FROM units"
                           " WHERE id >= ?1 AND id < ?2", -1, &units, NULL) == SQLITE_OK;
  if (ok)
    {
      sqlite3_bind_int64 (info, 1, source);
      if (sqlite3_step (info) == SQLITE_ROW &&
          g_strcmp0 ((const char *) sqlite3_column_text (info, 0), "doc") == 0)
        {
          is_document = TRUE;
          blob = _gloss_search_open_text (self, (const char *) sqlite3_column_text (info, 1),
                                          (const char *) sqlite3_column_text (info, 2),
                                          sqlite3_column_int (info, 3));
        }
      sqlite3_bind_int64 (units, 1, source << GLOSS_SEARCH_UNIT_BITS);
      sqlite3_bind_int64 (units, 2, (source + 1) << GLOSS_SEARCH_UNIT_BITS);
    }

  while (ok && (rc = sqlite3_step (units)) == SQLITE_ROW)
    {
      g_autofree char *original = NULL;
      g_autofree char *folded = NULL;

      if (!is_document)
        original = g_strdup ((const char *) sqlite3_column_text (units, 3));
      else
        original = _gloss_search_read_text (blob, sqlite3_column_int64 (units, 1),
                                            sqlite3_column_int (units, 2));
      if (original == NULL)
        {
          (*missing)++;
          continue;
        }
      folded = gloss_fold (original, -1, self->flags, NULL);
      sqlite3_bind_int64 (stmt, 1, sqlite3_column_int64 (units, 0));
      sqlite3_bind_text (stmt, 2, folded, -1, SQLITE_STATIC);
      ok = run_stmt (stmt);
    }

  g_clear_pointer (&blob, sqlite3_blob_close);
  sqlite3_finalize (info);
  sqlite3_finalize (units);
  return ok && rc == SQLITE_DONE;
}

/* Takes the source's paragraphs out of FTS5. A contentless table needs
 * the text it was given to delete a row. When a document's text changed
 * in corpus.db, its old rows stay in FTS5 ("stale"): harmless, since
 * every candidate is checked against the paragraph, and counted, so that
 * update() rebuilds FTS5 when they take too much room. */
static gboolean
delete_fts_rows (GlossSearchIndex *self,
                 gint64            source)
{
  sqlite3_stmt *stmt = NULL;
  gint64 stale = 0;
  gboolean ok;

  ok = sqlite3_prepare_v2 (self->db, "INSERT INTO fts (fts, rowid, text) VALUES ('delete', ?1, ?2)",
                           -1, &stmt, NULL) == SQLITE_OK &&
       feed_fts (self, source, stmt, &stale) &&
       add_stale (self->db, stale);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
delete_rows (sqlite3 *db,
             gint64   source)
{
  static const char *const sql[] = {
    "DELETE FROM units WHERE id >= ?1 AND id < ?2",
    "DELETE FROM pages WHERE source = ?3",
    "DELETE FROM places WHERE id IN (SELECT places FROM grams WHERE source = ?3)",
    "DELETE FROM grams WHERE source = ?3",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = NULL;
      gboolean ok;

      if (sqlite3_prepare_v2 (db, sql[i], -1, &stmt, NULL) != SQLITE_OK)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, source << GLOSS_SEARCH_UNIT_BITS);
      sqlite3_bind_int64 (stmt, 2, (source + 1) << GLOSS_SEARCH_UNIT_BITS);
      sqlite3_bind_int64 (stmt, 3, source);
      ok = run_stmt (stmt);
      sqlite3_finalize (stmt);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Forgets everything the index holds for a source but its id. */
static gboolean
forget_source (GlossSearchIndex *self,
               gint64            source)
{
  return delete_fts_rows (self, source) && delete_rows (self->db, source);
}

/* The id of a source, or -1 if the index does not hold it. */
static gint64
lookup_source (sqlite3               *db,
               GlossSearchSourceKind  kind,
               const char            *key)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = -1;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM sources WHERE kind = ? AND key = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, gloss_search_source_kind_to_string (kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return id;
}

static gint64
upsert_source (sqlite3      *db,
               const Source *source)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = -1;

  /* a source keeps its id, and so its place in the order of results */
  if (sqlite3_prepare_v2 (db, "INSERT INTO sources (kind, key, stamp, checksum, cleaner)"
                          " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (kind, key) DO UPDATE"
                          " SET stamp = excluded.stamp, checksum = excluded.checksum,"
                          " cleaner = excluded.cleaner RETURNING id", -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  sqlite3_bind_text (stmt, 1, gloss_search_source_kind_to_string (source->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, source->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, source->stamp, -1, SQLITE_STATIC);
  if (source->checksum != NULL)
    {
      sqlite3_bind_text (stmt, 4, source->checksum, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, GLOSS_CLEANER_VERSION);
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

typedef struct
{
  sqlite3_stmt    *unit;
  sqlite3_stmt    *fts;
  GlossGramCounts *grams;   /* documents only */
  GlossFoldFlags   flags;
  gboolean         keep_original;
} Writer;

static gboolean
insert_unit (Writer     *writer,
             gint64      id,
             const Unit *unit,
             const char *text,
             gsize       byte_start,
             gsize       byte_end)
{
  g_autofree char *folded = gloss_fold (text + byte_start, byte_end - byte_start,
                                        writer->flags, NULL);

  sqlite3_bind_int64 (writer->unit, 1, id);
  sqlite3_bind_int (writer->unit, 2, unit->block);
  sqlite3_bind_int (writer->unit, 3, unit->start);
  sqlite3_bind_int64 (writer->unit, 4, byte_start);
  sqlite3_bind_int64 (writer->unit, 5, byte_end - byte_start);
  if (writer->keep_original)
    sqlite3_bind_text (writer->unit, 6, text + byte_start, byte_end - byte_start, SQLITE_STATIC);
  else
    sqlite3_bind_null (writer->unit, 6);
  if (writer->grams != NULL)
    _gloss_gram_counts_add (writer->grams, folded);

  sqlite3_bind_int64 (writer->fts, 1, id);
  sqlite3_bind_text (writer->fts, 2, folded, -1, SQLITE_STATIC);
  return run_stmt (writer->unit) && run_stmt (writer->fts);
}

static gboolean
insert_units (sqlite3         *db,
              gint64           source_id,
              const Source    *source,
              GlossFoldFlags   flags,
              GlossGramCounts *grams)
{
  Writer writer = { NULL, NULL, grams, flags, source->keep_original };
  const char *p = source->text, *end = source->text + source->length;
  gboolean ok;
  guint offset = 0;

  ok = sqlite3_prepare_v2 (db, "INSERT INTO units (id, block, start, byte_start, byte_length,"
                           " original) VALUES (?,?,?,?,?,?)", -1, &writer.unit, NULL) == SQLITE_OK &&
       sqlite3_prepare_v2 (db, "INSERT INTO fts (rowid, text) VALUES (?, ?)", -1,
                           &writer.fts, NULL) == SQLITE_OK;

  for (guint i = 0; ok && i < source->units->len; i++)
    {
      const Unit *unit = &g_array_index (source->units, Unit, i);
      const char *unit_start;

      /* one walk over the text from unit to unit */
      for (; p < end && offset < unit->start; offset++)
        p = g_utf8_next_char (p);
      unit_start = p;
      if (i + 1 < source->units->len)
        for (; p < end && offset < g_array_index (source->units, Unit, i + 1).start; offset++)
          p = g_utf8_next_char (p);
      else
        p = end;
      ok = insert_unit (&writer, (source_id << GLOSS_SEARCH_UNIT_BITS) | i, unit,
                        source->text, unit_start - source->text, p - source->text);
    }
  sqlite3_finalize (writer.unit);
  sqlite3_finalize (writer.fts);
  return ok;
}

typedef struct
{
  sqlite3_stmt *stmt;
  sqlite3_stmt *places_stmt;
  gint64        source;
  GByteArray   *places;
} GramWriter;

static gboolean
insert_gram (const char    *gram,
             guint          count,
             const guint32 *places,
             gpointer       user_data)
{
  GramWriter *writer = user_data;

  sqlite3_bind_int64 (writer->stmt, 1, writer->source);
  sqlite3_bind_text (writer->stmt, 2, gram, -1, SQLITE_STATIC);
  sqlite3_bind_int (writer->stmt, 3, count);
  if (places != NULL)
    {
      sqlite3_int64 row;

      g_byte_array_set_size (writer->places, 0);
      _gloss_places_encode (writer->places, places, count);
      sqlite3_bind_blob (writer->places_stmt, 1, writer->places->data, writer->places->len,
                         SQLITE_STATIC);
      if (sqlite3_step (writer->places_stmt) != SQLITE_ROW)
        {
          sqlite3_reset (writer->places_stmt);
          return FALSE;
        }
      row = sqlite3_column_int64 (writer->places_stmt, 0);
      sqlite3_reset (writer->places_stmt);
      sqlite3_bind_int64 (writer->stmt, 4, row);
    }
  else
    sqlite3_bind_null (writer->stmt, 4);
  return run_stmt (writer->stmt);
}

/* Only the frequent ones: they are what makes counting slow, and the
 * rare ones would make the table as big as the index. */
static gboolean
insert_grams (sqlite3               *db,
              gint64                 source_id,
              const GlossGramCounts *grams)
{
  g_autoptr(GByteArray) places = g_byte_array_new ();
  GramWriter writer = { NULL, NULL, source_id, places };
  gboolean ok;

  if (grams == NULL)
    return TRUE;
  ok = sqlite3_prepare_v2 (db, "INSERT INTO grams (source, gram, n, places) VALUES (?,?,?,?)", -1,
                           &writer.stmt, NULL) == SQLITE_OK &&
       sqlite3_prepare_v2 (db, "INSERT INTO places (list) VALUES (?) RETURNING id", -1,
                           &writer.places_stmt, NULL) == SQLITE_OK &&
       _gloss_gram_counts_foreach (grams, insert_gram, &writer);
  sqlite3_finalize (writer.stmt);
  sqlite3_finalize (writer.places_stmt);
  return ok;
}

static gboolean
insert_pages (sqlite3      *db,
              gint64        source_id,
              GlossContent *content)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (content == NULL)
    return TRUE;
  if (sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO pages (source, offset, page) VALUES (?,?,?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  for (guint i = 0; ok && i < gloss_content_get_n_page_starts (content); i++)
    {
      const GlossPageStart *start = gloss_content_get_page_start (content, i);

      sqlite3_bind_int64 (stmt, 1, source_id);
      sqlite3_bind_int (stmt, 2, start->offset);
      sqlite3_bind_int (stmt, 3, start->page);
      ok = run_stmt (stmt);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Replaces whatever the index held for the source, in one transaction. */
static gboolean
write_source (GlossSearchIndex  *self,
              const Source      *source,
              GError           **error)
{
  g_autoptr(GlossGramCounts) grams = NULL;
  gint64 id;

  if (!_gloss_search_index_ensure_open (self, error))
    return FALSE;
  if (!exec (self->db, "BEGIN IMMEDIATE"))
    return _gloss_search_index_failed (self, "begin", error);

  if (source->kind == GLOSS_SEARCH_SOURCE_DOCUMENT)
    grams = _gloss_gram_counts_new ();
  id = lookup_source (self->db, source->kind, source->key);
  if ((id >= 0 && !forget_source (self, id)) ||
      (id = upsert_source (self->db, source)) < 0 ||
      !insert_units (self->db, id, source, self->flags, grams) ||
      !insert_grams (self->db, id, grams) ||
      !insert_pages (self->db, id, source->content) ||
      !exec (self->db, "COMMIT"))
    {
      _gloss_search_index_failed (self, "write", error);
      if (self->db != NULL)
        exec (self->db, "ROLLBACK");
      return FALSE;
    }
  return TRUE;
}

static gboolean
remove_source (GlossSearchIndex  *self,
               GlossSearchSourceKind kind,
               const char        *key,
               GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id;
  gboolean ok;

  if (!_gloss_search_index_ensure_open (self, error))
    return FALSE;
  id = lookup_source (self->db, kind, key);
  if (id < 0)
    return TRUE;

  ok = exec (self->db, "BEGIN IMMEDIATE") && forget_source (self, id) &&
       sqlite3_prepare_v2 (self->db, "DELETE FROM sources WHERE id = ?", -1, &stmt, NULL) == SQLITE_OK;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = run_stmt (stmt);
    }
  sqlite3_finalize (stmt);
  if (!ok || !exec (self->db, "COMMIT"))
    {
      _gloss_search_index_failed (self, "remove", error);
      if (self->db != NULL)
        exec (self->db, "ROLLBACK");
      return FALSE;
    }
  return TRUE;
}

/* The paragraphs of a document: one per block, in text order, the first
 * from offset 0, so that together they cover the whole text. */
static GArray *
document_units (GlossContent *content)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (Unit));
  Unit first = { 0, 0 };

  g_array_append_val (units, first);
  for (guint i = 1; i < gloss_content_get_n_blocks (content); i++)
    {
      Unit unit = { gloss_content_get_block (content, i)->start, i };

      /* blocks out of text order, or very many of them, join the paragraph before */
      if (unit.start > g_array_index (units, Unit, units->len - 1).start && units->len < MAX_UNITS)
        g_array_append_val (units, unit);
    }
  return units;
}

/* Lines are the paragraphs of a note or a card. */
static GArray *
text_units (const char *text)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (Unit));
  Unit unit = { 0, 0 };
  guint offset = 0;

  g_array_append_val (units, unit);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      offset++;
      if (*p == '\n' && p[1] != '\0' && units->len < MAX_UNITS)
        {
          unit.start = offset;
          unit.block++;
          g_array_append_val (units, unit);
        }
    }
  return units;
}

static char *
document_stamp (GlossDocument *document)
{
  return g_strdup_printf ("%s:%d", gloss_document_get_checksum (document), GLOSS_CLEANER_VERSION);
}

static gboolean
index_document (GlossSearchIndex  *self,
                GlossDocument     *document,
                GlossContent      *content,
                GError           **error)
{
  g_autofree char *stamp = document_stamp (document);
  g_autoptr(GArray) units = document_units (content);
  Source source = {
    .kind = GLOSS_SEARCH_SOURCE_DOCUMENT,
    .key = gloss_document_get_id (document),
    .stamp = stamp,
    .checksum = gloss_document_get_checksum (document),
    .text = gloss_content_get_text (content),
    .length = gloss_content_get_text_length (content),
    .units = units,
    .content = content,
    .keep_original = FALSE,
  };

  return write_source (self, &source, error);
}

/**
 * gloss_search_index_add_text:
 * @kind: what the text is (a note, a card)
 * @id: its id, unique within @kind
 * @stamp: what the caller needs to tell whether the text changed since
 *   (say, a modification time); gloss_search_index_dup_stamp() returns it
 * @text: the text as the user sees it; offsets in hits count its code points
 *
 * Indexes (or indexes again) a searchable text other than a document:
 * the entry point for notes and knowledge-base cards. Each line of the
 * text is a paragraph. Unlike documents, the original text is kept in
 * the index, for snippets.
 */
gboolean
gloss_search_index_add_text (GlossSearchIndex      *self,
                             GlossSearchSourceKind  kind,
                             const char            *id,
                             const char            *stamp,
                             const char            *text,
                             GError               **error)
{
  g_autoptr(GArray) units = NULL;
  Source source = { 0 };
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_SEARCH_INDEX (self), FALSE);
  g_return_val_if_fail (id != NULL && stamp != NULL && text != NULL, FALSE);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), FALSE);

  units = text_units (text);
  source.kind = kind;
  source.key = id;
  source.stamp = stamp;
  source.text = text;
  source.length = strlen (text);
  source.units = units;
  source.keep_original = TRUE;

  g_mutex_lock (&self->lock);
  ok = write_source (self, &source, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

gboolean
gloss_search_index_remove (GlossSearchIndex      *self,
                           GlossSearchSourceKind  kind,
                           const char            *id,
                           GError               **error)
{
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_SEARCH_INDEX (self), FALSE);

  g_mutex_lock (&self->lock);
  ok = remove_source (self, kind, id, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

/* Returns: (transfer full) (nullable): the stamp the source was indexed
 * with, or %NULL if it is not in the index */
char *
gloss_search_index_dup_stamp (GlossSearchIndex      *self,
                              GlossSearchSourceKind  kind,
                              const char            *id)
{
  sqlite3_stmt *stmt = NULL;
  char *stamp = NULL;

  g_return_val_if_fail (GLOSS_IS_SEARCH_INDEX (self), NULL);

  g_mutex_lock (&self->lock);
  if (_gloss_search_index_ensure_open (self, NULL) &&
      sqlite3_prepare_v2 (self->db, "SELECT stamp FROM sources WHERE kind = ? AND key = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, gloss_search_source_kind_to_string (kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        stamp = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  g_mutex_unlock (&self->lock);
  return stamp;
}

/* ------------------------------------------------------------------ */
/* Updating from the library                                          */

/* key → stamp of the indexed documents */
static GHashTable *
load_document_stamps (GlossSearchIndex  *self,
                      GError           **error)
{
  g_autoptr(GHashTable) stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!_gloss_search_index_ensure_open (self, error))
    return NULL;
  if (sqlite3_prepare_v2 (self->db, "SELECT key, stamp FROM sources WHERE kind = 'doc'",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _gloss_search_index_failed (self, "stamps", error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (stamps, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _gloss_search_index_failed (self, "stamps", error);
      return NULL;
    }
  return g_steal_pointer (&stamps);
}

/* Whether corpus.db still holds the cleaned text that the index points
 * into (it is rebuilt from the originals when damaged). */
static gboolean
corpus_has_text (GlossSearchIndex *self,
                 GlossDocument    *document)
{
  sqlite3 *corpus = _gloss_search_index_ensure_corpus (self);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (corpus != NULL &&
      sqlite3_prepare_v2 (corpus, "SELECT 1 FROM texts WHERE doc_id = ? AND checksum = ?"
                          " AND cleaner_version = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, gloss_document_get_id (document), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, gloss_document_get_checksum (document), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, GLOSS_CLEANER_VERSION);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* Fills FTS5 again from the paragraphs, leaving the stale rows out. A
 * document whose text corpus.db no longer has is dropped, for update()
 * to index it again. */
static gboolean
rebuild_fts (GlossSearchIndex *self)
{
  sqlite3_stmt *sources = NULL, *insert = NULL, *drop = NULL;
  gboolean ok;
  int rc = SQLITE_DONE;

  ok = exec (self->db, "INSERT INTO fts (fts) VALUES ('delete-all')") &&
       sqlite3_prepare_v2 (self->db, "SELECT id FROM sources", -1, &sources, NULL) == SQLITE_OK &&
       sqlite3_prepare_v2 (self->db, "INSERT INTO fts (rowid, text) VALUES (?1, ?2)", -1,
                           &insert, NULL) == SQLITE_OK &&
       sqlite3_prepare_v2 (self->db, "DELETE FROM sources WHERE id = ?", -1, &drop, NULL) == SQLITE_OK;
  while (ok && (rc = sqlite3_step (sources)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (sources, 0);
      gint64 missing = 0;

      ok = feed_fts (self, id, insert, &missing);
      if (ok && missing > 0)
        {
          sqlite3_bind_int64 (drop, 1, id);
          ok = delete_rows (self->db, id) && run_stmt (drop);
        }
    }
  sqlite3_finalize (sources);
  sqlite3_finalize (insert);
  sqlite3_finalize (drop);
  return ok && rc == SQLITE_DONE &&
         exec (self->db, "UPDATE settings SET value = 0 WHERE key = 'stale'");
}

/* Once the stale rows of FTS5 are as many as half the live ones. */
static gboolean
compact_if_needed (GlossSearchIndex  *self,
                   GError           **error)
{
  gint64 stale, live;
  gboolean ok = TRUE;

  g_mutex_lock (&self->lock);
  if (!_gloss_search_index_ensure_open (self, error))
    ok = FALSE;
  else
    {
      stale = query_int (self->db, "SELECT value FROM settings WHERE key = 'stale'", 0);
      live = query_int (self->db, "SELECT count(*) FROM units", 0);
      if (stale > 0 && stale * 2 >= live)
        {
          g_debug ("%s: %" G_GINT64_FORMAT " stale rows; rebuilding", self->path, stale);
          if (!exec (self->db, "BEGIN IMMEDIATE") || !rebuild_fts (self) ||
              !exec (self->db, "COMMIT"))
            {
              ok = _gloss_search_index_failed (self, "compact", error);
              if (self->db != NULL)
                exec (self->db, "ROLLBACK");
            }
          else
            exec (self->db, "PRAGMA incremental_vacuum");
        }
    }
  g_mutex_unlock (&self->lock);
  return ok;
}

static gboolean
update_once (GlossSearchIndex  *self,
             GlossLibrary      *library,
             GCancellable      *cancellable,
             GError           **error)
{
  GListModel *documents = gloss_library_get_documents (library);
  g_autoptr(GHashTable) stamps = NULL;
  GHashTableIter iter;
  gpointer key;

  g_mutex_lock (&self->lock);
  stamps = load_document_stamps (self, error);
  g_mutex_unlock (&self->lock);
  if (stamps == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *stamp = document_stamp (document);
      const char *indexed = g_hash_table_lookup (stamps, gloss_document_get_id (document));
      g_autoptr(GlossContent) content = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean current, ok;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      g_mutex_lock (&self->lock);
      current = g_strcmp0 (indexed, stamp) == 0;
      if (current && !corpus_has_text (self, document))
        current = FALSE;   /* loading the content below puts it back */
      g_mutex_unlock (&self->lock);
      g_hash_table_remove (stamps, gloss_document_get_id (document));
      if (current)
        continue;

      /* the slow part (perhaps cleaning the original again) runs unlocked */
      content = gloss_library_load_content (library, document, &local_error);
      if (content == NULL)
        {
          /* one unreadable document must not keep the others out of search */
          g_warning ("not indexed for search: %s", local_error->message);
          continue;
        }
      g_mutex_lock (&self->lock);
      ok = index_document (self, document, content, error);
      g_mutex_unlock (&self->lock);
      if (!ok)
        return FALSE;
    }

  /* what is left was removed from the library */
  g_hash_table_iter_init (&iter, stamps);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!gloss_search_index_remove (self, GLOSS_SEARCH_SOURCE_DOCUMENT, key, error))
      return FALSE;
  return compact_if_needed (self, error);
}

/**
 * gloss_search_index_update:
 * @library: used on this thread only
 *
 * Indexes the documents of @library that the index lacks or holds an
 * older version of, and forgets the ones no longer in the library. A
 * missing or damaged index is rebuilt. Blocks: call it from a thread
 * (gloss_search_index_update_async()) unless, like the command line,
 * the caller has nothing better to do.
 */
gboolean
gloss_search_index_update (GlossSearchIndex  *self,
                           GlossLibrary      *library,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GLOSS_IS_SEARCH_INDEX (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), FALSE);

  if (update_once (self, library, cancellable, &local_error))
    return TRUE;

  /* damage found on the way was thrown away: once more, from scratch */
  if (g_error_matches (local_error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INDEX) &&
      self->db == NULL)
    {
      g_clear_error (&local_error);
      if (update_once (self, library, cancellable, &local_error))
        return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
update_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GlossSearchIndex *self = source_object;
  g_autoptr(GlossLibrary) library = NULL;
  GError *error = NULL;

  /* a library of the thread's own, with its own connections: the
   * caller's library is never touched from here */
  library = gloss_library_open (self->dir, &error);
  if (library == NULL || !gloss_search_index_update (self, library, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * gloss_search_index_update_async:
 *
 * Brings the index up to date in a thread, with connections of its own,
 * so that importing and reading never wait for it. Call it after opening
 * the library and after each import; searches made meanwhile see the
 * documents indexed so far.
 */
void
gloss_search_index_update_async (GlossSearchIndex   *self,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_SEARCH_INDEX (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_search_index_update_async);
  g_task_run_in_thread (task, update_in_thread);
}

gboolean
gloss_search_index_update_finish (GlossSearchIndex *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
