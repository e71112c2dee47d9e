/* test-store.c: the library on disk — reopening, migrations, damage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-sqlite-check.h"
#include "test-util.h"

static char *
read_all (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

/* What the user set survives closing and opening the library again. */
static void
test_reopen (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  GlossLibrary *library = test_open_library (&dir);
  g_autoptr(GlossDocument) doc = gloss_library_lookup (library, "002", &error);
  g_autoptr(GlossContent) content = NULL;

  g_assert_no_error (error);
  g_assert_true (gloss_document_get_title_inferred (doc));
  g_assert_true (gloss_library_update_metadata (library, doc, "  中俄网络安全合作研究  ",
                                                "某作者", 2023, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_library_set_position (library, doc, 1234, &error));
  g_assert_no_error (error);
  g_clear_object (&doc);
  g_assert_finalize_object (library);

  library = gloss_library_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_library_get_documents (library)), ==, 2);
  doc = gloss_library_lookup (library, "002_ba12018ce53e1c1f", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_title (doc), ==, "中俄网络安全合作研究");
  g_assert_cmpstr (gloss_document_get_authors (doc), ==, "某作者");
  g_assert_cmpint (gloss_document_get_year (doc), ==, 2023);
  g_assert_false (gloss_document_get_title_inferred (doc));
  g_assert_cmpuint (gloss_library_get_position (library, doc), ==, 1234);
  content = gloss_library_load_content (library, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_content_get_n_blocks (content), >, 100);

  /* bad values are refused with a reason */
  g_assert_false (gloss_library_update_metadata (library, doc, "  ", "", 2023, &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&content);
  g_clear_object (&doc);
  g_assert_finalize_object (library);
  test_rm_rf (dir);
}

static void
test_lookup (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  GlossLibrary *library = test_open_library (&dir);
  g_autoptr(GlossDocument) doc = NULL;

  g_assert_null (gloss_library_lookup (library, "00", &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_AMBIGUOUS);
  g_clear_error (&error);
  g_assert_null (gloss_library_lookup (library, "nothing", &error));
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nothing"));
  g_clear_error (&error);
  doc = gloss_library_lookup (library, "000", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_id (doc), ==, "000_19fab0aeb8cf70aa");
  g_assert_cmpstr (gloss_document_get_authors (doc), ==, "鲁传颖; 杨乐");
  g_assert_cmpint (gloss_document_get_year (doc), ==, 2020);

  g_clear_object (&doc);
  g_assert_finalize_object (library);
  test_rm_rf (dir);
}

/* A damaged user.db is reported and left byte for byte as it was. */
static void
test_damaged_user_db (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLibrary) library = NULL;
  GString *garbage = g_string_new ("SQLite format 3");

  for (guint i = 0; i < 4096; i++)
    g_string_append_c (garbage, (char) (i * 7 + 3));
  g_free (test_write_file (dir, "user.db", garbage->str, garbage->len));
  g_string_free (garbage, TRUE);
  before = read_all (path);

  library = gloss_library_open (dir, &error);
  g_assert_null (library);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "user.db"));
  g_assert_nonnull (strstr (error->message, "left untouched"));
  after = read_all (path);
  g_assert_cmpmem (before, 4096, after, 4096);
  g_assert_false (g_file_test (g_build_filename (dir, "corpus.db", NULL), G_FILE_TEST_EXISTS));
  test_rm_rf (dir);
}

/* Pages of a real library with a few bytes flipped in its tables. */
static void
test_flipped_bytes (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GlossLibrary *library = test_open_library (&dir);
  g_autoptr(GlossLibrary) again = NULL;
  char *data;
  gsize size;

  g_assert_finalize_object (library);
  path = g_build_filename (dir, "user.db", NULL);
  /* fold the WAL into the main file so that the damage is seen */
  test_exec_sql (path, "PRAGMA wal_checkpoint(TRUNCATE);");
  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, 8192);
  /* the b-tree page headers of the second and third pages */
  data[4096] ^= 0x5a;
  data[4097] ^= 0xff;
  data[8192] ^= 0x5a;
  data[8193] ^= 0xff;
  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
  g_free (data);

  again = gloss_library_open (dir, &error);
  g_assert_null (again);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_CORRUPT);
  test_rm_rf (dir);
}

static void
test_too_new (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GlossLibrary *library = test_open_library (&dir);
  g_autoptr(GlossLibrary) again = NULL;

  g_assert_finalize_object (library);
  path = g_build_filename (dir, "user.db", NULL);
  test_exec_sql (path, "PRAGMA user_version = 99;");

  again = gloss_library_open (dir, &error);
  g_assert_null (again);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
  test_rm_rf (dir);
}

/* corpus.db can be rebuilt: damage there costs nothing. */
static void
test_damaged_corpus_db (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  GlossLibrary *library = test_open_library (&dir);
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GlossContent) content = NULL;
  g_autofree char *corpus = NULL;

  g_assert_finalize_object (library);
  corpus = g_build_filename (dir, "corpus.db", NULL);
  g_unlink (g_strconcat (corpus, "-wal", NULL));
  g_unlink (g_strconcat (corpus, "-shm", NULL));
  g_free (test_write_file (dir, "corpus.db", "this is not a database at all, not even close", -1));

  g_test_expect_message ("Gloss", G_LOG_LEVEL_WARNING, "*corpus.db*rebuilt*");
  library = gloss_library_open (dir, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  doc = gloss_library_lookup (library, "000", &error);
  content = gloss_library_load_content (library, doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (gloss_content_get_text (content), "主要国际机制"));

  g_clear_object (&content);
  g_clear_object (&doc);
  g_assert_finalize_object (library);
  test_rm_rf (dir);
}

/* A library written by the first schema (reading positions kept in the
 * documents table) is upgraded without losing anything. */
static void
test_migrate_from_v1 (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLibrary) library = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GlossContent) content = NULL;
  g_autoptr(GBytes) original = test_bundled_bytes ("000_19fab0aeb8cf70aa.txt");
  g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, original);
  g_autofree char *hex = NULL;
  g_autofree char *sql = NULL;
  GString *h = g_string_new (NULL);
  const guint8 *bytes;
  gsize n;

  bytes = g_bytes_get_data (original, &n);
  for (gsize i = 0; i < n; i++)
    g_string_append_printf (h, "%02x", bytes[i]);
  hex = g_string_free (h, FALSE);

  sql = g_strdup_printf (
    "CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT NOT NULL,"
    " authors TEXT NOT NULL DEFAULT '', year INTEGER NOT NULL DEFAULT 0,"
    " language TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '',"
    " notes TEXT NOT NULL DEFAULT '', title_inferred INTEGER NOT NULL DEFAULT 0,"
    " filename TEXT NOT NULL DEFAULT '', format TEXT NOT NULL, encoding TEXT NOT NULL,"
    " checksum TEXT NOT NULL UNIQUE, size INTEGER NOT NULL, bundled INTEGER NOT NULL DEFAULT 0,"
    " added INTEGER NOT NULL, position INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE originals (doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,"
    " bytes BLOB NOT NULL);"
    "INSERT INTO documents VALUES ('article', '我的标题', '鲁传颖', 2020, 'zh-Hans', '', '',"
    " 0, 'a.txt', 'text', 'UTF-8', '%s', %" G_GSIZE_FORMAT ", 0, 1600000000, 777);"
    "INSERT INTO originals VALUES ('article', x'%s');"
    "PRAGMA user_version = 1;", checksum, n, hex);
  test_exec_sql (path, sql);

  library = gloss_library_open (dir, &error);
  g_assert_no_error (error);
  /* an existing library gets no bundled documents added behind its back */
  g_assert_cmpuint (g_list_model_get_n_items (gloss_library_get_documents (library)), ==, 1);
  doc = gloss_library_lookup (library, "article", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_title (doc), ==, "我的标题");
  g_assert_cmpuint (gloss_library_get_position (library, doc), ==, 777);
  /* the original moved out to a file, and is what the text is cleaned from */
  {
    g_autofree char *file = g_build_filename (dir, "originals", checksum, NULL);

    g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  }
  content = gloss_library_load_content (library, doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (gloss_content_get_text (content), "主要国际机制"));

  {
    sqlite3 *db;
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 4);
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'originals'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  g_clear_object (&content);
  g_clear_object (&doc);
  g_clear_object (&library);
  test_rm_rf (dir);
}

/* The original files are the source of truth: a changed one is refused. */
static void
test_damaged_original (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  GlossLibrary *library = test_open_library (&dir);
  g_autoptr(GlossDocument) doc = gloss_library_lookup (library, "000", &error);
  g_autofree char *original = g_build_filename (dir, "originals", gloss_document_get_checksum (doc), NULL);
  g_autofree char *corpus = g_build_filename (dir, "corpus.db", NULL);
  g_autoptr(GlossContent) content = NULL;

  g_assert_true (g_file_test (original, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&doc);
  g_assert_finalize_object (library);

  /* without the cached text, the original must be read again */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strconcat (corpus, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_unlink (path);
    }

  library = gloss_library_open (dir, &error);
  g_assert_no_error (error);
  doc = gloss_library_lookup (library, "000", &error);
  g_assert_no_error (error);
  {
    g_autoptr(GError) write_error = NULL;

    g_file_set_contents (original, "tampered", -1, &write_error);
    g_assert_no_error (write_error);
  }
  content = gloss_library_load_content (library, doc, &error);
  g_assert_null (content);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));

  g_clear_object (&doc);
  g_assert_finalize_object (library);
  test_rm_rf (dir);
}

/* The SQLite we are linked with has FTS5: the library opens only then. */
static void
test_fts5 (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_store_check_fts5 (&error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/fts5", test_fts5);
  g_test_add_func ("/store/reopen", test_reopen);
  g_test_add_func ("/store/lookup", test_lookup);
  g_test_add_func ("/store/damaged-user-db", test_damaged_user_db);
  g_test_add_func ("/store/flipped-bytes", test_flipped_bytes);
  g_test_add_func ("/store/too-new", test_too_new);
  g_test_add_func ("/store/damaged-corpus-db", test_damaged_corpus_db);
  g_test_add_func ("/store/migrate-from-v1", test_migrate_from_v1);
  g_test_add_func ("/store/damaged-original", test_damaged_original);

  return g_test_run ();
}
