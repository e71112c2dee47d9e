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

/* The main loop, for the GUI tests: long enough for a slow CI machine,
 * short enough to fail rather than hang. */
#define TEST_WAIT_TIMEOUT_USEC (30 * G_USEC_PER_SEC)

typedef gboolean (*TestDoneFunc) (gpointer data);

void          test_iterate_until_full (TestDoneFunc  done,
                                       gpointer      data,
                                       gint64        timeout_usec);
void          test_iterate_until    (TestDoneFunc  done,
                                     gpointer      data);
void          test_iterate_for      (guint         ms);
gboolean      test_flag_is_set      (gpointer      flag);

G_END_DECLS
