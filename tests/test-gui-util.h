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

/* What the last "passage-activated" of a panel named, and how many
 * there were; free doc_id when done. */
typedef struct
{
  char  *doc_id;
  guint  start;
  guint  end;
  guint  count;
} TestPassage;

void       test_passage_activated_cb (GtkWidget   *panel,
                                      const char  *doc_id,
                                      guint        start,
                                      guint        end,
                                      TestPassage *passage);

G_END_DECLS
