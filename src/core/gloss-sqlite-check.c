/* gloss-sqlite-check.c: does the SQLite we run with have what we need?
 *
 * Search is an FTS5 table. SQLite is linked from the system, or from a
 * Flatpak runtime, and FTS5 is a build option of SQLite: a build without
 * it would open the library and then fail deep inside the first search
 * with "no such module: fts5". Say so plainly, once, at start-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-sqlite-check.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "gloss-error.h"

/**
 * gloss_store_check_fts5:
 *
 * Creates an FTS5 table in a throwaway in-memory database: that works
 * however FTS5 got into SQLite (built in, or a compile option), where
 * sqlite3_compileoption_used() would miss some builds.
 *
 * Returns: %TRUE if this SQLite has FTS5; otherwise %FALSE with
 *   %GLOSS_STORE_ERROR_SQL set
 */
gboolean
gloss_store_check_fts5 (GError **error)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "CREATE VIRTUAL TABLE probe USING fts5 (text)",
                       NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SQL,
                 /* Translators: FTS5 is SQLite's full-text search; then the
                  * version of SQLite and its own message */
                 _("This SQLite was built without FTS5, which search needs "
                   "(SQLite %s: %s)"), sqlite3_libversion (),
                 message != NULL ? message : sqlite3_errstr (rc));
  sqlite3_free (message);
  sqlite3_close (db);
  return rc == SQLITE_OK;
}
