/* test-crash.c: nothing acknowledged is ever lost
 *
 * The command line adds notes one by one, printing each id after its
 * COMMIT; it is killed with SIGKILL at random moments, and every id it
 * printed must be in the library, which must pass integrity_check.
 * Two processes writing at once lose nothing. A damaged user.db is
 * reported, kept aside, and the newest backup restores the notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "gloss-backup.h"
#include "gloss-error.h"
#include "test-util.h"

#define KILLS          200
/* Children that finish before the kill do not count; give up after
 * this many tries rather than loop forever if something is wrong. */
#define MAX_TRIES      (3 * KILLS)

static const char *
gloss_binary (void)
{
  const char *binary = g_getenv ("GLOSS_BINARY");

  if (binary == NULL)
    g_test_skip ("GLOSS_BINARY is not set (run through meson test)");
  return binary;
}

static char *
integrity (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *verdict = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    verdict = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return verdict;
}

static GSubprocess *
spawn_adder (const char *dir,
             guint       n_lines,
             guint       seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) input = g_string_new (NULL);
  GSubprocess *child;
  GOutputStream *in;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                            gloss_binary (), "--library", dir, "note", "add", "000", "--stdin", NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < n_lines; i++)
    {
      guint start = (seed * 131 + i * 17) % 10000;

      g_string_append_printf (input, "%u\t%u\tnote %u of run %u\n", start, start + 2 + i % 40, i, seed);
    }
  in = g_subprocess_get_stdin_pipe (child);
  g_output_stream_write_all (in, input->str, input->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (in, NULL, NULL);
  return child;
}

/* Reads the child's output until its first acknowledgement (or its
 * end), into out: from then on the child is writing notes. */
static void
read_first_ack (GSubprocess *child,
                GByteArray  *out)
{
  g_autoptr(GError) error = NULL;
  GInputStream *stream = g_subprocess_get_stdout_pipe (child);
  guint8 buf[256];
  gssize n;

  while (memchr (out->data, '\n', out->len) == NULL &&
         (n = g_input_stream_read (stream, buf, sizeof buf, NULL, &error)) > 0)
    g_byte_array_append (out, buf, n);
  g_assert_no_error (error);
}

/* The ids the child acknowledged, after what was read of its output
 * already (all): complete lines only. */
static void
collect_ids (GSubprocess *child,
             GByteArray  *all,
             GPtrArray   *ids)
{
  g_autoptr(GError) error = NULL;
  GInputStream *stream = g_subprocess_get_stdout_pipe (child);
  guint8 buf[4096];
  gssize n;
  g_auto(GStrv) lines = NULL;

  while ((n = g_input_stream_read (stream, buf, sizeof buf, NULL, &error)) > 0)
    g_byte_array_append (all, buf, n);
  g_assert_no_error (error);
  g_byte_array_append (all, (const guint8 *) "", 1);
  lines = g_strsplit ((const char *) all->data, "\n", -1);
  /* the last piece has no newline: not acknowledged */
  for (guint i = 0; lines[i] && lines[i + 1]; i++)
    {
      g_assert_true (g_uuid_string_is_valid (lines[i]));
      g_ptr_array_add (ids, g_strdup (lines[i]));
    }
}

static void
assert_all_there (const char *dir,
                  GPtrArray  *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLibrary) library = gloss_library_open (dir, &error);
  g_autofree char *verdict = NULL;
  GlossAnnotations *notes;

  g_assert_no_error (error);
  notes = gloss_library_get_annotations (library);
  for (guint i = 0; i < ids->len; i++)
    if (gloss_annotations_lookup (notes, ids->pdata[i]) == NULL)
      g_error ("acknowledged note %s was lost", (char *) ids->pdata[i]);
  g_clear_object (&library);
  verdict = integrity (dir);
  g_assert_cmpstr (verdict, ==, "ok");
}

static void
test_sigkill (void)
{
  g_autofree char *dir = NULL;
  GlossLibrary *library;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240501);
  gint64 began = g_get_monotonic_time ();
  guint kills = 0, mid_write = 0;

  if (gloss_binary () == NULL)
    return;
  library = test_open_library (&dir);
  g_assert_finalize_object (library);

  /* Half the kills come at a random moment after the start, which may
   * be before the first note (opening the library, or the backup); the
   * other half a random moment after the first acknowledgement, so that
   * however slow the machine, many land while notes are being written.
   * Only the number of kills is required, never a time. */
  for (guint try = 0; kills < KILLS && try < MAX_TRIES; try++)
    {
      g_autoptr(GSubprocess) child = spawn_adder (dir, 400, try);
      g_autoptr(GByteArray) out = g_byte_array_new ();
      guint before = ids->len;

      if (try % 2 == 1)
        read_first_ack (child, out);
      g_usleep (g_rand_int_range (rand, 10, 140) * 1000);
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, NULL);
      collect_ids (child, out, ids);
      kills += g_subprocess_get_if_signaled (child);
      mid_write += ids->len > before && g_subprocess_get_if_signaled (child);
      assert_all_there (dir, ids);
    }

  g_test_message ("%u SIGKILLs (%u while notes were being written), %u acknowledged notes, "
                  "none lost, integrity ok, in %.1f s", kills, mid_write, ids->len,
                  (g_get_monotonic_time () - began) / 1e6);
  g_assert_cmpuint (kills, >=, KILLS);
  g_assert_cmpuint (mid_write, >=, KILLS / 4);
  test_rm_rf (dir);
}

/* Two processes add notes at the same time; every acknowledged one is
 * there. */
static void
test_concurrent_writers (void)
{
  g_autofree char *dir = NULL;
  GlossLibrary *library;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GSubprocess *children[2];

  if (gloss_binary () == NULL)
    return;
  library = test_open_library (&dir);
  g_assert_finalize_object (library);

  for (guint i = 0; i < 2; i++)
    children[i] = spawn_adder (dir, 300, 1000 + i);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GByteArray) out = g_byte_array_new ();

      collect_ids (children[i], out, ids);
      g_subprocess_wait_check (children[i], NULL, &error);
      g_assert_no_error (error);
      g_object_unref (children[i]);
    }
  g_assert_cmpuint (ids->len, ==, 600);
  assert_all_there (dir, ids);
  test_rm_rf (dir);
}

static char *
read_all (const char *path,
          gsize      *size)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, size, &error);
  g_assert_no_error (error);
  return data;
}

static void
test_flipped_bytes_backup (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GlossContent) content = NULL;
  g_autoptr(GlossLibrary) again = NULL;
  g_auto(GStrv) backups = NULL;
  g_autofree char *note_id = NULL;
  GlossLibrary *library = test_open_library (&dir);
  gsize size, kept_size;

  /* the first open took a backup */
  backups = gloss_backup_list (dir);
  g_assert_cmpuint (g_strv_length (backups), ==, 1);
  g_clear_pointer (&backups, g_strfreev);

  doc = gloss_library_lookup (library, "000", &error);
  content = gloss_library_load_content (library, doc, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 50; i++)
    {
      GlossNote *note = gloss_annotations_add (gloss_library_get_annotations (library), doc, content,
                                               i * 10, i * 10 + 5, "orange", GLOSS_HIGHLIGHT_BACKGROUND,
                                               "保存下来", NULL, &error);

      g_assert_no_error (error);
      if (note_id == NULL)
        note_id = g_strdup (gloss_note_get_id (note));
    }
  g_assert_true (gloss_library_take_backup (library, &backup, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&content);
  g_clear_object (&doc);
  g_assert_finalize_object (library);

  /* damage: fold the WAL in, then flip bytes in the table pages */
  path = g_build_filename (dir, "user.db", NULL);
  {
    sqlite3 *db;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    sqlite3_close (db);
  }
  damaged = read_all (path, &size);
  g_assert_cmpuint (size, >, 12288);
  for (gsize page = 4096; page + 4096 <= size; page += 4096)
    {
      damaged[page] ^= 0x5a;
      damaged[page + 1] ^= 0xff;
    }
  g_file_set_contents (path, damaged, size, &error);
  g_assert_no_error (error);

  /* reported, with the backup offered, and the file left as it was */
  again = gloss_library_open (dir, &error);
  g_assert_null (again);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "left untouched"));
  g_assert_nonnull (strstr (error->message, backup));
  g_clear_error (&error);
  backups = gloss_backup_list (dir);
  g_assert_cmpstr (backups[0], ==, backup);

  /* restored: the damaged file is kept aside, byte for byte */
  g_assert_true (gloss_backup_restore (dir, backups[0], &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, path));
  kept = read_all (aside, &kept_size);
  g_assert_cmpmem (kept, kept_size, damaged, size);

  again = gloss_library_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gloss_library_get_annotations (again))), ==, 50);
  g_assert_nonnull (gloss_annotations_lookup (gloss_library_get_annotations (again), note_id));
  g_clear_object (&again);
  {
    g_autofree char *verdict = integrity (dir);

    g_assert_cmpstr (verdict, ==, "ok");
  }
  test_rm_rf (dir);
}

/* Backups roll: no more than GLOSS_BACKUP_KEEP are kept. */
static void
test_backups_roll (void)
{
  g_autofree char *dir = NULL;
  GlossLibrary *library = test_open_library (&dir);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) backups = NULL;

  for (guint i = 0; i < GLOSS_BACKUP_KEEP + 3; i++)
    {
      g_assert_true (gloss_library_take_backup (library, NULL, &error));
      g_assert_no_error (error);
    }
  backups = gloss_backup_list (dir);
  g_assert_cmpuint (g_strv_length (backups), ==, GLOSS_BACKUP_KEEP);
  /* newest first */
  g_assert_cmpstr (backups[0], >, backups[1]);
  g_assert_finalize_object (library);

  /* reopening right away takes none */
  library = gloss_library_open (dir, &error);
  g_assert_no_error (error);
  g_clear_pointer (&backups, g_strfreev);
  backups = gloss_backup_list (dir);
  g_assert_cmpuint (g_strv_length (backups), ==, GLOSS_BACKUP_KEEP);
  g_assert_finalize_object (library);
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/sigkill", test_sigkill);
  g_test_add_func ("/crash/concurrent-writers", test_concurrent_writers);
  g_test_add_func ("/crash/flipped-bytes-backup", test_flipped_bytes_backup);
  g_test_add_func ("/crash/backups-roll", test_backups_roll);

  return g_test_run ();
}
