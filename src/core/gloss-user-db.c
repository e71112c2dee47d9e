/* gloss-user-db.c: write transactions on user.db that wait their turn
 *
 * The app and the command line may write the same library at once.
 * Every write is one BEGIN IMMEDIATE … COMMIT: IMMEDIATE takes the write
 * lock up front, so the busy handler (busy_timeout) waits for the other
 * process instead of failing half way through a deferred transaction.
 * Should the wait run out under a long burst of writes, the whole
 * attempt is tried again a few times before giving up with an error:
 * a write is either acknowledged after its COMMIT, or reported as
 * failed — never silently lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotations-private.h"

#include <glib/gi18n.h>

#include "gloss-error.h"

#define ATTEMPTS 8

static gboolean
exec_retrying (sqlite3    *db,
               const char *sql,
               GError    **error)
{
  int rc = SQLITE_BUSY;

  for (guint attempt = 0; attempt < ATTEMPTS; attempt++)
    {
      rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
      if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
        break;
      g_usleep ((attempt + 1) * 20 * 1000);
    }
  if (rc == SQLITE_OK)
    return TRUE;

  g_set_error (error, GLOSS_STORE_ERROR,
               rc == SQLITE_BUSY ? GLOSS_STORE_ERROR_BUSY :
               (rc == SQLITE_FULL || rc == SQLITE_IOERR) ? GLOSS_STORE_ERROR_IO :
               GLOSS_STORE_ERROR_SQL,
               /* Translators: the SQL statement that failed, then SQLite's
                * reason, which is in English */
               _("cannot write to the library (%s): %s"), sql, sqlite3_errmsg (db));
  return FALSE;
}

gboolean
_gloss_user_db_begin (sqlite3 *db,
                      GError **error)
{
  return exec_retrying (db, "BEGIN IMMEDIATE", error);
}

gboolean
_gloss_user_db_commit (sqlite3 *db,
                       GError **error)
{
  if (exec_retrying (db, "COMMIT", error))
    return TRUE;
  _gloss_user_db_rollback (db);
  return FALSE;
}

void
_gloss_user_db_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}
