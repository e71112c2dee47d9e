/* test-util.c: shared helpers of the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

char *
test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gloss-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        /* a link is removed, never followed out of the test's directory */
        if (!g_file_test (child, G_FILE_TEST_IS_SYMLINK) &&
            g_file_test (child, G_FILE_TEST_IS_DIR))
          test_rm_rf (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

GlossLibrary *
test_open_library (char **dir)
{
  g_autoptr(GError) error = NULL;
  GlossLibrary *library;

  *dir = test_make_tmpdir ();
  library = gloss_library_open (*dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (library);
  return library;
}

GlossContent *
test_load_bundled (GlossLibrary *library,
                   const char   *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = gloss_library_lookup (library, id, &error);
  GlossContent *content;

  g_assert_no_error (error);
  content = gloss_library_load_content (library, doc, &error);
  g_assert_no_error (error);
  return content;
}

char *
test_write_file (const char *dir,
                 const char *name,
                 const void *data,
                 gssize      size)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
  return path;
}

GBytes *
test_bundled_bytes (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat ("/io/github/glossreader/Gloss/corpus/", file, NULL);
  GBytes *bytes = g_resources_lookup_data (path, 0, &error);

  g_assert_no_error (error);
  return bytes;
}

/* The code point offset of needle in the content's text, or -1. */
gint
test_find_char_offset (GlossContent *content,
                       const char   *needle)
{
  const char *text = gloss_content_get_text (content);
  const char *found = strstr (text, needle);

  return found ? (gint) g_utf8_pointer_to_offset (text, found) : -1;
}

/* Runs sql on the database at path, outside Gloss (to build old or
 * damaged libraries); any SQL error ends the test. */
void
test_exec_sql (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until done(data), failing after timeout_usec; a
 * ticking source makes sure the deadline is checked even when nothing
 * else happens. */
void
test_iterate_until_full (TestDoneFunc done,
                         gpointer     data,
                         gint64       timeout_usec)
{
  gint64 deadline = g_get_monotonic_time () + timeout_usec;
  guint ticker = g_timeout_add (50, wake_up_cb, NULL);

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (ticker);
}

void
test_iterate_until (TestDoneFunc done,
                    gpointer     data)
{
  test_iterate_until_full (done, data, TEST_WAIT_TIMEOUT_USEC);
}

/* For test_iterate_until(): whether the gboolean at flag is set. */
gboolean
test_flag_is_set (gpointer flag)
{
  return *(gboolean *) flag;
}

static gboolean
set_flag_cb (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for a while, whatever happens. */
void
test_iterate_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  test_iterate_until (test_flag_is_set, &done);
}
