/* test-gui-util.h: widget-tree helpers shared by the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *test_find_descendant  (GtkWidget  *root,
                                  GType       type,
                                  const char *css_class);
GPtrArray *test_collect_widgets  (GtkWidget  *root,
                                  GType       type);

G_END_DECLS
