/* gloss-backup-private.h: taking backups (library only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "gloss-backup.h"

G_BEGIN_DECLS

gboolean _gloss_backup_take  (sqlite3     *db,
                              const char  *library_dir,
                              gboolean     force,
                              char       **path,
                              GError     **error);
void     _gloss_backup_offer (const char  *library_dir,
                              GError     **error);

G_END_DECLS
