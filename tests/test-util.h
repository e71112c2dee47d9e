/* test-util.h: shared helpers of the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-library.h"

G_BEGIN_DECLS

char         *test_make_tmpdir      (void);
void          test_rm_rf            (const char   *path);
GlossLibrary *test_open_library     (char        **dir);
GlossContent *test_load_bundled     (GlossLibrary *library,
                                     const char   *id);
char         *test_write_file       (const char   *dir,
                                     const char   *name,
                                     const void   *data,
                                     gssize        size);
GBytes       *test_bundled_bytes    (const char   *file);
gint          test_find_char_offset (GlossContent *content,
                                     const char   *needle);
void          test_exec_sql         (const char   *path,
                                     const char   *sql);

G_END_DECLS
