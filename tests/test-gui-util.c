/* test-gui-util.c: widget-tree helpers shared by the GUI tests
 *
 * The tests reach into composite widgets (a card's rows, a pane's list)
 * the way a user would see them, by walking the widget tree rather than
 * through private template children.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-gui-util.h"

/**
 * test_find_descendant:
 * @root: where to look, not itself a candidate
 * @type: the type wanted
 * @css_class: (nullable): a style class the widget must have
 *
 * Returns: (transfer none) (nullable): the first descendant of @root of
 *   @type (with @css_class, if given), depth first
 */
GtkWidget *
test_find_descendant (GtkWidget  *root,
                      GType       type,
                      const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (css_class == NULL || gtk_widget_has_css_class (child, css_class)))
        return child;
      if ((found = test_find_descendant (child, type, css_class)) != NULL)
        return found;
    }

  return NULL;
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

/**
 * test_collect_widgets:
 * @root: where to look, itself included
 * @type: the type wanted
 *
 * Returns: (transfer container) (element-type GtkWidget): every widget
 *   of @type in the tree under @root, in depth-first order, also those
 *   nested in one another (hidden ones too: filter them if need be)
 */
GPtrArray *
test_collect_widgets (GtkWidget *root,
                      GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, type, found);

  return found;
}

/**
 * test_passage_activated_cb:
 *
 * A handler for the panels' and cards' "passage-activated" signal that
 * records it in @passage.
 */
void
test_passage_activated_cb (GtkWidget   *panel,
                           const char  *doc_id,
                           guint        start,
                           guint        end,
                           TestPassage *passage)
{
  g_free (passage->doc_id);
  passage->doc_id = g_strdup (doc_id);
  passage->start = start;
  passage->end = end;
  passage->count++;
}
