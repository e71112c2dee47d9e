/* gloss-sqlite-check.h: does the SQLite we run with have what we need?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean gloss_store_check_fts5 (GError **error);

G_END_DECLS
