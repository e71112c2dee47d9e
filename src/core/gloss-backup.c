/* gloss-backup.c: rolling backups of user.db
 *
 * user.db holds what only the user can make, so a copy is taken with
 * SQLite's online backup API (a consistent snapshot, WAL included) when
 * the library opens — after its quick_check passed, so that a damaged
 * file never pushes good backups out. The last GLOSS_BACKUP_KEEP are
 * kept in DIR/backups/ under sortable UTC names. Opening a library whose
 * user.db has not changed since the newest backup, or within minutes of
 * it, takes none: scripts open the library many times a minute.
 *
 * A damaged user.db is never deleted: restoring a backup first moves it
 * (and its -wal, which may hold the latest writes) aside under a new
 * name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-backup-private.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gloss-error.h"

#define BACKUP_PREFIX "user-"
#define BACKUP_SUFFIX ".db"

static gint
newest_first (gconstpointer a,
              gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * gloss_backup_list:
 *
 * Returns: (transfer full): the paths of the backups of @library_dir's
 *   user.db, the newest first
 */
GStrv
gloss_backup_list (const char *library_dir)
{
  g_autofree char *dir_path = g_build_filename (library_dir, "backups", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, BACKUP_PREFIX) && g_str_has_suffix (name, BACKUP_SUFFIX))
      g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (names, newest_first);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static gint64
mtime_of (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_mtime : 0;
}

/* Nothing to back up: user.db (and its WAL) unchanged since the newest
 * backup, or that backup is only minutes old. */
static gboolean
backup_is_fresh (const char *library_dir,
                 const char *newest)
{
  g_autofree char *db = g_build_filename (library_dir, "user.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  gint64 taken = mtime_of (newest);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (mtime_of (db) <= taken && mtime_of (wal) <= taken)
    return TRUE;
  return now - taken < GLOSS_BACKUP_MIN_INTERVAL_SEC;
}

static void
prune (const char *library_dir)
{
  g_auto(GStrv) backups = gloss_backup_list (library_dir);

  for (guint i = GLOSS_BACKUP_KEEP; backups[i]; i++)
    g_unlink (backups[i]);
}

static gboolean
copy_database (sqlite3    *source,
               const char *path,
               GError    **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IO,
                   /* Translators: the backup file's path, then SQLite's reason */
                   _("%s: cannot create the backup: %s"), path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", source, "main");
  rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (dest);
  if (backup)
    sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IO,
                 /* Translators: the backup file's path, then SQLite's reason */
                 _("%s: cannot write the backup: %s"), path, sqlite3_errstr (rc));
  /* a backup in rollback-journal mode: one self-contained file */
  if (rc == SQLITE_DONE)
    sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);
  return rc == SQLITE_DONE;
}

/* Takes a backup of @db (the open user.db) unless a fresh one exists;
 * @force takes one regardless. @path: (out) (optional) the new backup,
 * NULL if none was needed. */
gboolean
_gloss_backup_take (sqlite3     *db,
                    const char  *library_dir,
                    gboolean     force,
                    char       **path,
                    GError     **error)
{
  g_autofree char *dir = g_build_filename (library_dir, "backups", NULL);
  g_auto(GStrv) backups = gloss_backup_list (library_dir);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S.%fZ");
  g_autofree char *final = NULL;
  g_autofree char *partial = NULL;

  if (path)
    *path = NULL;
  if (!force && backups[0] != NULL && backup_is_fresh (library_dir, backups[0]))
    return TRUE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IO,
                   /* Translators: the folder's path, then the system's reason */
                   _("%s: cannot create the backup folder: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  final = g_strdup_printf ("%s/" BACKUP_PREFIX "%s" BACKUP_SUFFIX, dir, stamp);
  partial = g_strconcat (final, ".partial", NULL);
  g_unlink (partial);
  /* written under another name and renamed: a crash leaves no half backup */
  if (!copy_database (db, partial, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, final) != 0)
    {
      int saved = errno;

      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IO,
                   /* Translators: the backup file's path, then the system's reason */
                   _("%s: cannot keep the backup: %s"), final, g_strerror (saved));
      g_unlink (partial);
      return FALSE;
    }
  prune (library_dir);
  if (path)
    *path = g_steal_pointer (&final);
  return TRUE;
}

static gboolean
backup_is_sound (const char *backup,
                 GError    **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (!ok)
    g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_CORRUPT,
                 /* Translators: %s is the backup file's path */
                 _("%s: the backup is damaged too"), backup);
  return ok;
}

static gboolean
move_aside (const char *db_path,
            const char *aside,
            GError    **error)
{
  for (guint i = 0; i < 3; i++)
    {
      const char *ext = (const char *[]) { "", "-wal", "-shm" }[i];
      g_autofree char *from = g_strconcat (db_path, ext, NULL);
      g_autofree char *to = g_strconcat (aside, ext, NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved = errno;

          g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_IO,
                       /* Translators: a file's path, then the system's reason; the
                        * damaged file is renamed to keep it */
                       _("cannot move %s aside: %s"), from, g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * gloss_backup_restore:
 * @backup: one of gloss_backup_list()
 * @aside: (out) (optional): where the damaged user.db now is
 *
 * Replaces @library_dir's user.db with @backup. The current user.db is
 * not deleted: it is moved aside as user.db.damaged-STAMP, with its WAL.
 * Call before opening the library.
 */
gboolean
gloss_backup_restore (const char  *library_dir,
                      const char  *backup,
                      char       **aside,
                      GError     **error)
{
  g_autofree char *db_path = g_build_filename (library_dir, "user.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *aside_path = g_strdup_printf ("%s.damaged-%s", db_path, stamp);
  g_autofree char *contents = NULL;
  gsize size;

  if (!backup_is_sound (backup, error) ||
      !g_file_get_contents (backup, &contents, &size, error))
    return FALSE;
  if (g_file_test (db_path, G_FILE_TEST_EXISTS) && !move_aside (db_path, aside_path, error))
    return FALSE;
  if (!g_file_set_contents_full (db_path, contents, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;
  if (aside)
    *aside = g_file_test (aside_path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&aside_path) : NULL;
  return TRUE;
}

/* Adds to a "damaged user.db" error which backup can be restored. */
void
_gloss_backup_offer (const char *library_dir,
                     GError    **error)
{
  g_auto(GStrv) backups = gloss_backup_list (library_dir);
  g_autoptr(GDateTime) taken = NULL;
  g_autofree char *when = NULL;
  char *old;

  if (error == NULL || *error == NULL ||
      !g_error_matches (*error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_CORRUPT))
    return;
  old = (*error)->message;
  if (backups[0] == NULL)
    (*error)->message = g_strconcat (old, ". There is no backup to restore", NULL);
  else
    {
      taken = g_date_time_new_from_unix_local (mtime_of (backups[0]));
      when = g_date_time_format (taken, "%Y-%m-%d %H:%M");
      (*error)->message = g_strdup_printf ("%s. The newest backup, from %s, is %s",
                                           old, when, backups[0]);
    }
  g_free (old);
}
