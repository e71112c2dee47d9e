/* gloss-backup.h: rolling backups of user.db
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How many backups are kept in DIR/backups/, and how often at most one
 * is taken at start-up (the command line opens the library often). */
#define GLOSS_BACKUP_KEEP             5
#define GLOSS_BACKUP_MIN_INTERVAL_SEC (10 * 60)

GStrv    gloss_backup_list    (const char  *library_dir);
gboolean gloss_backup_restore (const char  *library_dir,
                               const char  *backup,
                               char       **aside,
                               GError     **error);

G_END_DECLS
