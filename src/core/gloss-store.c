/* gloss-store.c: the two SQLite databases of a library
 *
 * user.db holds what only the user can make: document metadata, reading
 * positions (and, later, notes). It is written with synchronous=FULL and
 * never recreated: a damaged or newer file is reported and left exactly
 * as it was. It stays small, so that its quick_check at start-up is cheap.
 *
 * originals/ holds the original bytes of every document, one file per
 * checksum, written once (atomically) and never changed: the source of
 * truth from which everything else can be rebuilt.
 *
 * corpus.db holds what can be rebuilt from the originals: the cleaned
 * text and its blocks. If it is damaged it is moved aside and rebuilt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-store.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gloss-cleaner.h"
#include "gloss-content-private.h"
#include "gloss-error.h"

struct _GlossStore
{
  char    *dir;
  sqlite3 *user;
  sqlite3 *corpus;
};

/* Each step takes the schema from version i to i + 1: first its code
 * (if any), then its SQL, in one transaction. Never edit a step that
 * has shipped; add one. */
typedef struct
{
  gboolean  (*code) (GlossStore *self, sqlite3 *db, GError **error);
  const char *sql;
} MigrationStep;

static gboolean move_originals_to_files (GlossStore *self, sqlite3 *db, GError **error);

static const MigrationStep user_migrations[GLOSS_USER_SCHEMA_VERSION] = {
  /* 0 → 1: documents and their original bytes */
  { NULL,
    "CREATE TABLE documents ("
    "  id TEXT PRIMARY KEY,"
    "  title TEXT NOT NULL,"
    "  authors TEXT NOT NULL DEFAULT '',"
    "  year INTEGER NOT NULL DEFAULT 0,"
    "  language TEXT NOT NULL DEFAULT '',"
    "  source TEXT NOT NULL DEFAULT '',"
    "  notes TEXT NOT NULL DEFAULT '',"
    "  title_inferred INTEGER NOT NULL DEFAULT 0,"
    "  filename TEXT NOT NULL DEFAULT '',"
    "  format TEXT NOT NULL,"
    "  encoding TEXT NOT NULL,"
    "  checksum TEXT NOT NULL UNIQUE,"
    "  size INTEGER NOT NULL,"
    "  bundled INTEGER NOT NULL DEFAULT 0,"
    "  added INTEGER NOT NULL,"
    "  position INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE TABLE originals ("
    "  doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,"
    "  bytes BLOB NOT NULL"
    ");" },

  /* 1 → 2: the original bytes move out to files, so that user.db stays
   * small and its check at start-up cheap; reading positions, written
   * every few seconds while the user scrolls, get a table of their own. */
  { move_originals_to_files,
    "CREATE TABLE reading_positions ("
    "  doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,"
    "  offset INTEGER NOT NULL,"
    "  updated INTEGER NOT NULL"
    ");"
    "INSERT INTO reading_positions (doc_id, offset, updated)"
    "  SELECT id, position, strftime('%s','now') FROM documents WHERE position > 0;"
    "ALTER TABLE documents DROP COLUMN position;"
    "DROP TABLE originals;" },

  /* 2 → 3: highlights and notes. A note without a range (start and end
   * NULL) is about the whole document. Each keeps what re-anchoring
   * needs: quote, context, and which original and cleaning its offsets
   * index. Documents with notes cannot be deleted under them. */
  { NULL,
    "CREATE TABLE notes ("
    "  id TEXT PRIMARY KEY,"
    "  doc_id TEXT NOT NULL REFERENCES documents(id),"
    "  start INTEGER, end INTEGER,"
    "  quote TEXT NOT NULL DEFAULT '',"
    "  prefix TEXT NOT NULL DEFAULT '',"
    "  suffix TEXT NOT NULL DEFAULT '',"
    "  prior_quote TEXT,"
    "  text TEXT NOT NULL DEFAULT '',"
    "  color TEXT NOT NULL,"
    "  style TEXT NOT NULL DEFAULT 'background',"
    "  status TEXT NOT NULL DEFAULT 'ok',"
    "  doc_checksum TEXT NOT NULL,"
    "  cleaner_version INTEGER NOT NULL,"
    "  text_checksum TEXT NOT NULL DEFAULT '',"
    "  created INTEGER NOT NULL,"
    "  modified INTEGER NOT NULL,"
    "  CHECK ((start IS NULL) = (end IS NULL)),"
    "  CHECK (start IS NULL OR (start >= 0 AND end > start))"
    ");"
    "CREATE INDEX notes_by_doc ON notes (doc_id, start);"
    "CREATE TABLE tags ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE"
    ");"
    "CREATE TABLE note_tags ("
    "  note_id TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,"
    "  tag_id INTEGER NOT NULL REFERENCES tags(id),"
    "  PRIMARY KEY (note_id, tag_id)) WITHOUT ROWID;"
    "CREATE INDEX note_tags_by_tag ON note_tags (tag_id);"
    "CREATE TABLE color_names ("
    "  color TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL) WITHOUT ROWID;" },

  /* 3 → 4: the user's own timeline events (gloss-user-events.c), kept
   * apart from the bundled knowledge base, which is data of the app.
   * One column per field, so that the rows stay readable by hand. */
  { NULL,
    "CREATE TABLE user_events ("
    "  id TEXT PRIMARY KEY,"
    "  date TEXT NOT NULL,"
    "  date_precision TEXT NOT NULL,"
    "  end_date TEXT,"
    "  end_date_precision TEXT,"
    "  lane TEXT NOT NULL,"
    "  type TEXT NOT NULL,"
    "  title_zh TEXT NOT NULL,"
    "  title_en TEXT NOT NULL,"
    "  summary TEXT NOT NULL,"
    "  symbol TEXT,"
    "  source_url TEXT NOT NULL,"
    "  source_title TEXT NOT NULL,"
    "  created INTEGER NOT NULL,"
    "  modified INTEGER NOT NULL,"
    "  CHECK ((end_date IS NULL) = (end_date_precision IS NULL))"
    ");" },
};

static const MigrationStep corpus_migrations[GLOSS_CORPUS_SCHEMA_VERSION] = {
  /* 0 → 1 */
  { NULL,
  "CREATE TABLE texts ("
  "  doc_id TEXT PRIMARY KEY,"
  "  checksum TEXT NOT NULL,"
  "  cleaner_version INTEGER NOT NULL,"
  "  text TEXT NOT NULL"
  ");"
  "CREATE TABLE blocks ("
  "  doc_id TEXT NOT NULL REFERENCES texts(doc_id) ON DELETE CASCADE,"
  "  idx INTEGER NOT NULL, kind TEXT NOT NULL, level INTEGER NOT NULL,"
  "  start INTEGER NOT NULL, end INTEGER NOT NULL, page INTEGER NOT NULL,"
  "  PRIMARY KEY (doc_id, idx)) WITHOUT ROWID;"
  "CREATE TABLE footnote_refs ("
  "  doc_id TEXT NOT NULL REFERENCES texts(doc_id) ON DELETE CASCADE,"
  "  idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
  "  footnote INTEGER NOT NULL,"
  "  PRIMARY KEY (doc_id, idx)) WITHOUT ROWID;"
  "CREATE TABLE page_starts ("
  "  doc_id TEXT NOT NULL REFERENCES texts(doc_id) ON DELETE CASCADE,"
  "  idx INTEGER NOT NULL, offset INTEGER NOT NULL, page INTEGER NOT NULL,"
  "  PRIMARY KEY (doc_id, idx)) WITHOUT ROWID;" },

  /* 1 → 2: mentions of the knowledge base's items (gloss-mention-index.c).
   * They hang off the cleaned text, so re-cleaning a document drops them;
   * mention_runs says which knowledge base and detection made them. */
  { NULL,
  "CREATE TABLE mention_runs ("
  "  doc_id TEXT PRIMARY KEY REFERENCES texts(doc_id) ON DELETE CASCADE,"
  "  version TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE mentions ("
  "  doc_id TEXT NOT NULL REFERENCES mention_runs(doc_id) ON DELETE CASCADE,"
  "  start INTEGER NOT NULL, end INTEGER NOT NULL,"
  "  item_id TEXT NOT NULL, kind TEXT NOT NULL,"
  "  PRIMARY KEY (doc_id, start)) WITHOUT ROWID;"
  "CREATE INDEX mentions_by_item ON mentions (item_id, doc_id, start);" },
};

static void
set_sql_error (GError    **error,
               sqlite3    *db,
               const char *what)
{
  int code = sqlite3_errcode (db);
  GlossStoreError kind = (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) ?
    GLOSS_STORE_ERROR_CORRUPT : (code == SQLITE_FULL || code == SQLITE_IOERR ||
                                 code == SQLITE_CANTOPEN || code == SQLITE_READONLY ||
                                 code == SQLITE_PERM) ?
    GLOSS_STORE_ERROR_IO : GLOSS_STORE_ERROR_SQL;

  /* Translators: what failed (such as “cannot store the document”),
   * then SQLite's reason, which is in English */
  g_set_error (error, GLOSS_STORE_ERROR, kind, _("%s: %s"), what, sqlite3_errmsg (db));
}

gboolean
gloss_store_exec (sqlite3    *db,
                  const char *sql,
                  GError    **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, GLOSS_STORE_ERROR,
                   sqlite3_errcode (db) == SQLITE_FULL ? GLOSS_STORE_ERROR_IO : GLOSS_STORE_ERROR_SQL,
                   "%s", message ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static gint
get_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* Reads the file before writing anything to it: a file that is not a
 * database, or fails the quick check, is reported and not touched. The
 * quick check reads the whole file, so it is only run on user.db, which
 * stays small; damage in corpus.db shows when it is read, and costs only
 * a rebuild. */
static gboolean
check_database (sqlite3    *db,
                const char *path,
                gboolean    thorough,
                GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *verdict = NULL;

  if (get_user_version (db) < 0)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_CORRUPT,
                   /* Translators: the database file's path, then SQLite's reason */
                   _("%s is damaged or not a Gloss library (%s); it was left untouched"),
                   path, sqlite3_errmsg (db));
      return FALSE;
    }
  if (!thorough)
    return TRUE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    verdict = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (g_strcmp0 (verdict, "ok") != 0)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_CORRUPT,
                   /* Translators: the database file's path, then what SQLite's
                    * check found */
                   _("%s is damaged (%s); it was left untouched"),
                   path, verdict ? verdict : sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (GlossStore          *self,
         sqlite3             *db,
         const char          *path,
         const MigrationStep *steps,
         gint                 target,
         GError             **error)
{
  gint version = get_user_version (db);

  if (version > target)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_TOO_NEW,
                   /* Translators: the database file's path, the version of its
                    * layout (schema), and the newest version this Gloss knows */
                   _("%s was written by a newer version of Gloss (schema %d, this one knows %d); "
                     "it was left untouched"), path, version, target);
      return FALSE;
    }

  for (; version < target; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      g_autoptr(GError) local_error = NULL;

      /* one transaction per step: a crash leaves a consistent version */
      if (!gloss_store_exec (db, "BEGIN IMMEDIATE", &local_error) ||
          (steps[version].code && !steps[version].code (self, db, &local_error)) ||
          !gloss_store_exec (db, steps[version].sql, &local_error) ||
          !gloss_store_exec (db, bump, &local_error) ||
          !gloss_store_exec (db, "COMMIT", &local_error))
        {
          gloss_store_exec (db, "ROLLBACK", NULL);
          g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SQL,
                       /* Translators: the database file's path, the version of its
                        * layout (schema), then the reason */
                       _("%s: cannot upgrade the library from schema %d: %s"),
                       path, version, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static sqlite3 *
open_database (GlossStore          *self,
               const char          *path,
               gboolean             may_create,
               const MigrationStep *steps,
               gint                 target,
               const char          *synchronous,
               GError             **error)
{
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_READWRITE | (may_create ? SQLITE_OPEN_CREATE : 0);
  g_autofree char *pragmas = NULL;

  if (sqlite3_open_v2 (path, &db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IO,
                   /* Translators: the database file's path, then the reason */
                   _("%s cannot be opened: %s"), path, db ? sqlite3_errmsg (db) : _("out of memory"));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);
  sqlite3_extended_result_codes (db, FALSE);

  if (!check_database (db, path, steps == user_migrations, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  pragmas = g_strdup_printf ("PRAGMA journal_mode = WAL;"
                             "PRAGMA synchronous = %s;"
                             "PRAGMA foreign_keys = ON;", synchronous);
  if (!gloss_store_exec (db, pragmas, error) ||
      !migrate (self, db, path, steps, target, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* corpus.db can always be rebuilt: if it is damaged or from another
 * version, it is moved aside (kept for a bug report) and started anew. */
static sqlite3 *
open_corpus (GlossStore *self,
             GError    **error)
{
  g_autofree char *path = g_build_filename (self->dir, "corpus.db", NULL);
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db;

  db = open_database (self, path, TRUE, corpus_migrations, GLOSS_CORPUS_SCHEMA_VERSION,
                      "NORMAL", &local_error);
  if (db != NULL)
    return db;

  if (g_error_matches (local_error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_CORRUPT) ||
      g_error_matches (local_error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_TOO_NEW))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", path, stamp);

      g_warning ("%s; it holds only what can be rebuilt, so it is moved to %s and rebuilt",
                 local_error->message, aside);
      g_rename (path, aside);
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *side = g_strconcat (path, i ? "-shm" : "-wal", NULL);
          g_autofree char *side_aside = g_strconcat (aside, i ? "-shm" : "-wal", NULL);

          g_rename (side, side_aside);
        }
      return open_database (self, path, TRUE, corpus_migrations, GLOSS_CORPUS_SCHEMA_VERSION,
                            "NORMAL", error);
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

GlossStore *
gloss_store_open (const char *dir,
                  gboolean   *created,
                  GError    **error)
{
  g_autoptr(GlossStore) self = g_new0 (GlossStore, 1);
  g_autofree char *user_path = g_build_filename (dir, "user.db", NULL);
  gboolean exists;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IO,
                   /* Translators: the folder's path, then the system's reason */
                   _("%s: cannot create the library directory: %s"), dir, g_strerror (saved));
      return NULL;
    }

  self->dir = g_strdup (dir);
  exists = g_file_test (user_path, G_FILE_TEST_EXISTS);

  /* an existing user.db is opened without CREATE, so that a file that
   * vanished in the meantime is an error rather than a new empty library */
  self->user = open_database (self, user_path, !exists, user_migrations, GLOSS_USER_SCHEMA_VERSION,
                              "FULL", error);
  if (self->user == NULL)
    return NULL;

  self->corpus = open_corpus (self, error);
  if (self->corpus == NULL)
    return NULL;

  if (created != NULL)
    *created = !exists;
  return g_steal_pointer (&self);
}

void
gloss_store_free (GlossStore *self)
{
  if (self == NULL)
    return;
  sqlite3_close (self->user);
  sqlite3_close (self->corpus);
  g_free (self->dir);
  g_free (self);
}

sqlite3 *
gloss_store_get_user_db (GlossStore *self)
{
  return self->user;
}

sqlite3 *
gloss_store_get_corpus_db (GlossStore *self)
{
  return self->corpus;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *s = (const char *) sqlite3_column_text (stmt, col);

  return s ? s : "";
}

GPtrArray *
gloss_store_list_documents (GlossStore *self,
                            GError    **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->user,
                          "SELECT d.id, d.title, d.authors, d.year, d.language, d.source, d.notes,"
                          "       d.title_inferred, d.format, d.encoding, d.checksum, d.size,"
                          "       d.bundled, d.added"
                          "  FROM documents d"
                          " ORDER BY d.bundled DESC, d.added, d.id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (error, self->user, _("cannot list the documents"));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GlossDocumentInfo info = {
        .id = (char *) column_text (stmt, 0),
        .title = (char *) column_text (stmt, 1),
        .authors = (char *) column_text (stmt, 2),
        .year = sqlite3_column_int (stmt, 3),
        .language = (char *) column_text (stmt, 4),
        .source = (char *) column_text (stmt, 5),
        .notes = (char *) column_text (stmt, 6),
        .title_inferred = sqlite3_column_int (stmt, 7),
        .format = (char *) column_text (stmt, 8),
        .encoding = (char *) column_text (stmt, 9),
        .checksum = (char *) column_text (stmt, 10),
        .size = sqlite3_column_int64 (stmt, 11),
        .bundled = sqlite3_column_int (stmt, 12),
        .added = sqlite3_column_int64 (stmt, 13),
      };

      g_ptr_array_add (docs, _gloss_document_new (&info));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sql_error (error, self->user, _("cannot list the documents"));
      return NULL;
    }
  return g_steal_pointer (&docs);
}

static char *
query_string (sqlite3    *db,
              const char *sql,
              const char *arg)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup (column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

char *
gloss_store_find_checksum (GlossStore *self,
                           const char *checksum)
{
  return query_string (self->user, "SELECT id FROM documents WHERE checksum = ?", checksum);
}

gboolean
gloss_store_id_exists (GlossStore *self,
                       const char *id)
{
  g_autofree char *found = query_string (self->user, "SELECT id FROM documents WHERE id = ?", id);

  return found != NULL;
}

static char *
original_path (GlossStore *self,
               const char *checksum)
{
  return g_build_filename (self->dir, "originals", checksum, NULL);
}

/* Written once per checksum, atomically and durably: after a crash the
 * file is either whole or absent, never half written. */
static gboolean
write_original (GlossStore *self,
                const char *checksum,
                const void *data,
                gsize       size,
                GError    **error)
{
  g_autofree char *path = original_path (self, checksum);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) local_error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, data, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IO,
                   /* Translators: %s is the reason */
                   _("cannot keep the original file in the library: %s"),
                   local_error ? local_error->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
move_originals_to_files (GlossStore *self,
                         sqlite3    *db,
                         GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "SELECT d.checksum, o.bytes FROM originals o"
                          " JOIN documents d ON d.id = o.doc_id", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (error, db, _("cannot read the original files"));
      return FALSE;
    }
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    ok = write_original (self, (const char *) sqlite3_column_text (stmt, 0),
                         sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1), error);
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
gloss_store_insert_document (GlossStore              *self,
                             const GlossDocumentInfo *info,
                             const char              *filename,
                             GBytes                  *original,
                             GError                 **error)
{
  sqlite3_stmt *doc = NULL;
  gsize size;
  const void *data = g_bytes_get_data (original, &size);
  gboolean ok;

  /* the original first: a document row never points at nothing */
  if (!write_original (self, info->checksum, data, size, error))
    return FALSE;

  if (sqlite3_prepare_v2 (self->user,
                          "INSERT INTO documents (id, title, authors, year, language, source, notes,"
                          " title_inferred, filename, format, encoding, checksum, size, bundled, added)"
                          " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &doc, NULL) != SQLITE_OK)
    {
      set_sql_error (error, self->user, _("cannot store the document"));
      return FALSE;
    }

  sqlite3_bind_text (doc, 1, info->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (doc, 2, info->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (doc, 3, info->authors ? info->authors : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (doc, 4, info->year);
  sqlite3_bind_text (doc, 5, info->language ? info->language : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (doc, 6, info->source ? info->source : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (doc, 7, info->notes ? info->notes : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (doc, 8, info->title_inferred);
  sqlite3_bind_text (doc, 9, filename, -1, SQLITE_STATIC);
  sqlite3_bind_text (doc, 10, info->format, -1, SQLITE_STATIC);
  sqlite3_bind_text (doc, 11, info->encoding, -1, SQLITE_STATIC);
  sqlite3_bind_text (doc, 12, info->checksum, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (doc, 13, info->size);
  sqlite3_bind_int (doc, 14, info->bundled);
  sqlite3_bind_int64 (doc, 15, info->added);

  ok = sqlite3_step (doc) == SQLITE_DONE;
  if (!ok)
    set_sql_error (error, self->user, _("cannot store the document"));
  sqlite3_finalize (doc);
  return ok;
}

static gboolean run_update (sqlite3 *db, sqlite3_stmt *stmt, const char *what, GError **error);

/* Points document @id at a new original (a corrected file), keeping the
 * id and the metadata. Runs inside the caller's transaction, so that the
 * notes re-anchored on the new text are committed with it; the file is
 * written first, so the row never points at nothing. */
gboolean
gloss_store_replace_original (GlossStore              *self,
                              const char              *id,
                              const GlossDocumentInfo *info,
                              const char              *filename,
                              GBytes                  *original,
                              GError                 **error)
{
  sqlite3_stmt *stmt = NULL;
  gsize size;
  const void *data = g_bytes_get_data (original, &size);

  if (!write_original (self, info->checksum, data, size, error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->user,
                          "UPDATE documents SET checksum = ?, size = ?, format = ?, encoding = ?,"
                          " filename = ? WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (error, self->user, _("cannot replace the original"));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, info->checksum, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, info->size);
  sqlite3_bind_text (stmt, 3, info->format, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, info->encoding, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, filename, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, id, -1, SQLITE_STATIC);
  return run_update (self->user, stmt, _("cannot replace the original"), error);
}

GBytes *
gloss_store_load_original (GlossStore *self,
                           const char *id,
                           GError    **error)
{
  g_autofree char *checksum = query_string (self->user, "SELECT checksum FROM documents WHERE id = ?", id);
  g_autofree char *path = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (checksum == NULL)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a document id */
                   _("no document %s in the library"), id);
      return NULL;
    }

  path = original_path (self, checksum);
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IO,
                   /* Translators: a document id, then the reason */
                   _("the original file of document %s is missing from the library: %s"),
                   id, local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);

  /* the original is the source of truth: never clean a damaged copy */
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (actual, checksum) != 0)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_CORRUPT,
                   /* Translators: a document id, then the path of its original file */
                   _("the original file of document %s (%s) is damaged: its checksum changed"),
                   id, path);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

static gboolean
run_update (sqlite3      *db,
            sqlite3_stmt *stmt,
            const char   *what,
            GError      **error)
{
  gboolean ok = sqlite3_step (stmt) == SQLITE_DONE;

  if (!ok)
    set_sql_error (error, db, what);
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
gloss_store_update_metadata (GlossStore *self,
                             const char *id,
                             const char *title,
                             const char *authors,
                             gint        year,
                             GError    **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->user,
                          "UPDATE documents SET title = ?, authors = ?, year = ?, title_inferred = 0"
                          " WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (error, self->user, _("cannot save the details"));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, authors, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, year);
  sqlite3_bind_text (stmt, 4, id, -1, SQLITE_STATIC);
  return run_update (self->user, stmt, _("cannot save the details"), error);
}

gboolean
gloss_store_get_position (GlossStore *self,
                          const char *id,
                          guint      *offset)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (self->user, "SELECT offset FROM reading_positions WHERE doc_id = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          *offset = sqlite3_column_int (stmt, 0);
          found = TRUE;
        }
    }
  sqlite3_finalize (stmt);
  return found;
}

gboolean
gloss_store_set_position (GlossStore *self,
                          const char *id,
                          guint       offset,
                          GError    **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->user,
                          "INSERT INTO reading_positions (doc_id, offset, updated)"
                          " VALUES (?, ?, strftime('%s','now'))"
                          " ON CONFLICT (doc_id) DO UPDATE SET offset = excluded.offset,"
                          " updated = excluded.updated", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (error, self->user, _("cannot save the reading position"));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, offset);
  return run_update (self->user, stmt, _("cannot save the reading position"), error);
}

/* ------------------------------------------------------------------ */
/* corpus.db                                                          */

static GArray *
load_rows (sqlite3    *db,
           const char *sql,
           const char *id,
           gsize       element,
           void      (*fill) (sqlite3_stmt *, gpointer))
{
  sqlite3_stmt *stmt = NULL;
  GArray *rows = g_array_new (FALSE, TRUE, element);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return rows;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_array_set_size (rows, rows->len + 1);
      fill (stmt, rows->data + (rows->len - 1) * element);
    }
  sqlite3_finalize (stmt);
  return rows;
}

static void
fill_block (sqlite3_stmt *stmt,
            gpointer      data)
{
  GlossBlock *b = data;

  if (!gloss_block_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &b->kind))
    b->kind = GLOSS_BLOCK_PARAGRAPH;
  b->level = sqlite3_column_int (stmt, 1);
  b->start = sqlite3_column_int (stmt, 2);
  b->end = sqlite3_column_int (stmt, 3);
  b->page = sqlite3_column_int (stmt, 4);
}

static void
fill_ref (sqlite3_stmt *stmt,
          gpointer      data)
{
  GlossFootnoteRef *r = data;

  r->start = sqlite3_column_int (stmt, 0);
  r->end = sqlite3_column_int (stmt, 1);
  r->footnote = sqlite3_column_int (stmt, 2);
}

static void
fill_page (sqlite3_stmt *stmt,
           gpointer      data)
{
  GlossPageStart *p = data;

  p->offset = sqlite3_column_int (stmt, 0);
  p->page = sqlite3_column_int (stmt, 1);
}

/* NULL when the stored text is missing or stale (another original, or
 * cleaned by an older cleaner): the caller cleans the original again. */
GlossContent *
gloss_store_load_content (GlossStore *self,
                          const char *id,
                          const char *checksum)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (self->corpus,
                          "SELECT text FROM texts WHERE doc_id = ? AND checksum = ?"
                          " AND cleaner_version = ?", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, checksum, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, GLOSS_CLEANER_VERSION);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup (column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (text == NULL)
    return NULL;

  return _gloss_content_new (text,
    load_rows (self->corpus, "SELECT kind, level, start, end, page FROM blocks"
               " WHERE doc_id = ? ORDER BY idx", id, sizeof (GlossBlock), fill_block),
    load_rows (self->corpus, "SELECT start, end, footnote FROM footnote_refs"
               " WHERE doc_id = ? ORDER BY idx", id, sizeof (GlossFootnoteRef), fill_ref),
    load_rows (self->corpus, "SELECT offset, page FROM page_starts"
               " WHERE doc_id = ? ORDER BY idx", id, sizeof (GlossPageStart), fill_page));
}

static gboolean
insert_rows (sqlite3     *db,
             const char  *sql,
             const char  *id,
             guint        n,
             const gint *(*row) (GlossContent *, guint, gint *),
             GlossContent *content,
             guint        n_values)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  for (guint i = 0; i < n && ok; i++)
    {
      gint values[6];

      row (content, i, values);
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, i);
      for (guint v = 0; v < n_values; v++)
        sqlite3_bind_int (stmt, 3 + v, values[v]);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static const gint *
ref_row (GlossContent *content, guint i, gint *v)
{
  const GlossFootnoteRef *r = gloss_content_get_footnote_ref (content, i);

  v[0] = r->start;
  v[1] = r->end;
  v[2] = r->footnote;
  return v;
}

static const gint *
page_row (GlossContent *content, guint i, gint *v)
{
  const GlossPageStart *p = gloss_content_get_page_start (content, i);

  v[0] = p->offset;
  v[1] = p->page;
  return v;
}

static gboolean
insert_blocks (sqlite3      *db,
               const char   *id,
               GlossContent *content)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "INSERT INTO blocks (doc_id, idx, kind, level, start, end, page)"
                          " VALUES (?,?,?,?,?,?,?)", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  for (guint i = 0; i < gloss_content_get_n_blocks (content) && ok; i++)
    {
      const GlossBlock *b = gloss_content_get_block (content, i);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, gloss_block_kind_to_string (b->kind), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, b->level);
      sqlite3_bind_int (stmt, 5, b->start);
      sqlite3_bind_int (stmt, 6, b->end);
      sqlite3_bind_int (stmt, 7, b->page);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
gloss_store_save_content (GlossStore   *self,
                          const char   *id,
                          const char   *checksum,
                          GlossContent *content,
                          GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!gloss_store_exec (self->corpus, "BEGIN IMMEDIATE", error))
    return FALSE;

  ok = sqlite3_prepare_v2 (self->corpus, "DELETE FROM texts WHERE doc_id = ?", -1, &stmt, NULL) == SQLITE_OK;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  ok = ok && sqlite3_prepare_v2 (self->corpus,
                                 "INSERT INTO texts (doc_id, checksum, cleaner_version, text)"
                                 " VALUES (?,?,?,?)", -1, &stmt, NULL) == SQLITE_OK;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, checksum, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, GLOSS_CLEANER_VERSION);
      sqlite3_bind_text (stmt, 4, gloss_content_get_text (content),
                         gloss_content_get_text_length (content), SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);

  ok = ok && insert_blocks (self->corpus, id, content) &&
       insert_rows (self->corpus, "INSERT INTO footnote_refs (doc_id, idx, start, end, footnote)"
                    " VALUES (?,?,?,?,?)", id, gloss_content_get_n_footnote_refs (content),
                    ref_row, content, 3) &&
       insert_rows (self->corpus, "INSERT INTO page_starts (doc_id, idx, offset, page)"
                    " VALUES (?,?,?,?)", id, gloss_content_get_n_page_starts (content),
                    page_row, content, 2);

  if (!ok)
    {
      set_sql_error (error, self->corpus, _("cannot store the cleaned text"));
      gloss_store_exec (self->corpus, "ROLLBACK", NULL);
      return FALSE;
    }
  return gloss_store_exec (self->corpus, "COMMIT", error);
}
