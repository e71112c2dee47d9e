/* gloss-sidebar.c: the library and the contents of the open document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Two pages.  Library lists the documents of the session's library;
 * Contents lists the headings of the open document, indented by level.
 * The sidebar only follows the session: to open a document or to go to
 * a heading it activates the window's actions (win.open-document,
 * win.go-to-offset), so it needs to know nothing about the other panes.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-sidebar.h"
#include "gloss-notes-pane.h"
#include "gloss-search-pane.h"

/* Indentation of each heading level in the contents, in pixels. */
#define TOC_INDENT 14

struct _GlossSidebar
{
  GtkWidget        parent_instance;

  /* Template children */
  GtkWidget       *box;
  AdwViewStack    *stack;
  GtkListBox      *library_list;
  GtkStack        *contents_stack;
  GtkListView     *toc_view;
  GtkSingleSelection *toc_selection;
  GlossSearchPane *search_pane;
  GlossNotesPane  *notes_pane;

  GlossSession    *session;
  GListModel      *documents;
};

G_DEFINE_FINAL_TYPE (GlossSidebar, gloss_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Library                                                            */
/* ------------------------------------------------------------------ */

static char *
format_byline (GlossDocument *document)
{
  const char *authors = gloss_document_get_authors (document);
  gint year = gloss_document_get_year (document);
  gboolean has_authors = authors != NULL && authors[0] != '\0';

  if (has_authors && year > 0)
    /* Translators: authors and year of a document in the library list */
    return g_strdup_printf (_("%s · %d"), authors, year);
  else if (has_authors)
    return g_strdup (authors);
  else if (year > 0)
    return g_strdup_printf ("%d", year);
  else
    return g_strdup (_("Unknown author"));
}

/* Both "authors" and "year" feed the byline; each binding rebuilds it
 * from the document, whichever of the two changed. */
static gboolean
transform_byline (GBinding     *binding,
                  const GValue *from_value,
                  GValue       *to_value,
                  gpointer      user_data)
{
  g_autoptr(GlossDocument) document = GLOSS_DOCUMENT (g_binding_dup_source (binding));

  g_value_take_string (to_value, format_byline (document));

  return TRUE;
}

static GtkWidget *
create_library_row (gpointer item,
                    gpointer user_data)
{
  GlossDocument *document = item;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *title;
  GtkWidget *byline;
  GtkWidget *hint;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  title = g_object_new (GTK_TYPE_LABEL,
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "lines", 3,
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        NULL);
  gtk_widget_add_css_class (title, "document-title");
  g_object_bind_property (document, "title", title, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (document, "title", title, "tooltip-text", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), title);

  byline = g_object_new (GTK_TYPE_LABEL,
                         "xalign", 0.0f,
                         "ellipsize", PANGO_ELLIPSIZE_END,
                         NULL);
  gtk_widget_add_css_class (byline, "caption");
  gtk_widget_add_css_class (byline, "dim-label");
  g_object_bind_property_full (document, "authors", byline, "label",
                               G_BINDING_SYNC_CREATE, transform_byline, NULL, NULL, NULL);
  g_object_bind_property_full (document, "year", byline, "label",
                               G_BINDING_SYNC_CREATE, transform_byline, NULL, NULL, NULL);
  gtk_box_append (GTK_BOX (box), byline);

  hint = g_object_new (GTK_TYPE_LABEL,
                       "label", _("Title inferred"),
                       "tooltip-text", _("The file does not state its title; this one was given to it"),
                       "xalign", 0.0f,
                       NULL);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "inferred-hint");
  g_object_bind_property (document, "title-inferred", hint, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), hint);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* GTK 4.8 gives a row no name: name it by the title, so that assistive
   * technologies can find a document by its title. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);

  return row;
}

static void
select_open_document (GlossSidebar *self)
{
  GlossDocument *open = self->session ? gloss_session_get_document (self->session) : NULL;
  guint n = self->documents ? g_list_model_get_n_items (self->documents) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (self->documents, i);

      if (document == open)
        {
          gtk_list_box_select_row (self->library_list,
                                   gtk_list_box_get_row_at_index (self->library_list, i));
          return;
        }
    }

  gtk_list_box_unselect_all (self->library_list);
}

static void
library_row_activated_cb (GlossSidebar  *self,
                          GtkListBoxRow *row)
{
  g_autoptr(GlossDocument) document = NULL;

  document = g_list_model_get_item (self->documents, gtk_list_box_row_get_index (row));
  if (document == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-document", "s",
                              gloss_document_get_id (document));
}

/* ------------------------------------------------------------------ */
/* Contents                                                           */
/* ------------------------------------------------------------------ */

/* Marks the heading of the section being read, and keeps it in view. */
static void
select_current_section (GlossSidebar *self)
{
  guint index = self->session ? gloss_session_get_section_index (self->session) : G_MAXUINT;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->toc_selection));

  if (index >= n)
    {
      gtk_single_selection_set_selected (self->toc_selection, GTK_INVALID_LIST_POSITION);
      return;
    }

  gtk_single_selection_set_selected (self->toc_selection, index);
  /* GTK 4.8 has no gtk_list_view_scroll_to(); the "list.scroll-to-item"
   * action scrolls without moving the keyboard focus. */
  gtk_widget_activate_action (GTK_WIDGET (self->toc_view), "list.scroll-to-item", "u", index);
}

static void
rebuild_contents (GlossSidebar *self)
{
  g_autoptr(GtkStringList) headings = gtk_string_list_new (NULL);
  GlossContent *content = self->session ? gloss_session_get_content (self->session) : NULL;
  guint n = self->session ? gloss_session_get_n_headings (self->session) : 0;

  for (guint i = 0; i < n; i++)
    {
      guint block = gloss_session_get_heading (self->session, i);
      g_autofree char *text = gloss_content_dup_block_text (content, block);

      gtk_string_list_take (headings, g_strdup (g_strstrip (text)));
    }

  gtk_single_selection_set_model (self->toc_selection, G_LIST_MODEL (headings));
  gtk_stack_set_visible_child_name (self->contents_stack, n > 0 ? "toc" : "empty");
  select_current_section (self);
}

static void
toc_setup_cb (GlossSidebar             *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "lines", 2,
                                   "ellipsize", PANGO_ELLIPSIZE_END,
                                   NULL);

  gtk_list_item_set_child (item, label);
}

static void
toc_bind_cb (GlossSidebar             *self,
             GtkListItem              *item,
             GtkSignalListItemFactory *factory)
{
  static const char * const level_classes[] = { "toc-level-1", "toc-level-2", "toc-level-3" };
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkStringObject *heading = gtk_list_item_get_item (item);
  GlossContent *content = gloss_session_get_content (self->session);
  guint block_index = gloss_session_get_heading (self->session, gtk_list_item_get_position (item));
  const GlossBlock *block = gloss_content_get_block (content, block_index);
  guint level = CLAMP (block->level, 1, 3);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (heading));
  gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (heading));
  gtk_widget_set_margin_start (label, TOC_INDENT * (level - 1));

  for (guint i = 0; i < G_N_ELEMENTS (level_classes); i++)
    gtk_widget_remove_css_class (label, level_classes[i]);
  gtk_widget_add_css_class (label, level_classes[level - 1]);
}

static void
toc_activate_cb (GlossSidebar *self,
                 guint         position,
                 GtkListView  *view)
{
  guint block_index = gloss_session_get_heading (self->session, position);
  const GlossBlock *block = gloss_content_get_block (gloss_session_get_content (self->session),
                                                     block_index);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.go-to-offset", "u", block->start);
}

/* ------------------------------------------------------------------ */
/* Session                                                            */
/* ------------------------------------------------------------------ */

static void
session_document_changed_cb (GlossSidebar *self)
{
  select_open_document (self);
}

static void
session_content_changed_cb (GlossSidebar *self)
{
  rebuild_contents (self);
}

static void
session_section_changed_cb (GlossSidebar *self)
{
  select_current_section (self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_sidebar_dispose (GObject *object)
{
  GlossSidebar *self = GLOSS_SIDEBAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SIDEBAR);

  g_clear_object (&self->session);
  g_clear_object (&self->documents);

  G_OBJECT_CLASS (gloss_sidebar_parent_class)->dispose (object);
}

static void
gloss_sidebar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossSidebar *self = GLOSS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_sidebar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossSidebar *self = GLOSS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      gloss_sidebar_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_sidebar_class_init (GlossSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_sidebar_dispose;
  object_class->get_property = gloss_sidebar_get_property;
  object_class->set_property = gloss_sidebar_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         GLOSS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLOSS_TYPE_SEARCH_PANE);
  g_type_ensure (GLOSS_TYPE_NOTES_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, library_list);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, contents_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, toc_view);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, toc_selection);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, search_pane);
  gtk_widget_class_bind_template_child (widget_class, GlossSidebar, notes_pane);
  gtk_widget_class_bind_template_callback (widget_class, library_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, toc_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, toc_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, toc_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
}

static void
gloss_sidebar_init (GlossSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

/**
 * gloss_sidebar_get_session:
 *
 * Returns: (transfer none) (nullable): the session the sidebar follows
 */
GlossSession *
gloss_sidebar_get_session (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  return self->session;
}

void
gloss_sidebar_set_session (GlossSidebar *self,
                           GlossSession *session)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));
  g_return_if_fail (session == NULL || GLOSS_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  g_set_object (&self->session, session);
  g_clear_object (&self->documents);

  if (session != NULL)
    {
      GlossLibrary *library = gloss_session_get_library (session);

      self->documents = g_object_ref (gloss_library_get_documents (library));
      g_signal_connect_object (session, "notify::document",
                               G_CALLBACK (session_document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::content",
                               G_CALLBACK (session_content_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::section",
                               G_CALLBACK (session_section_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_list_box_bind_model (self->library_list, self->documents,
                           create_library_row, NULL, NULL);
  rebuild_contents (self);
  select_open_document (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * gloss_sidebar_get_contents:
 *
 * Returns: (transfer none): the headings of the open document; the
 *   selected one is the section being read
 */
GtkSelectionModel *
gloss_sidebar_get_contents (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  return GTK_SELECTION_MODEL (self->toc_selection);
}

/**
 * gloss_sidebar_get_search_pane:
 *
 * Returns: (transfer none): the search page
 */
GlossSearchPane *
gloss_sidebar_get_search_pane (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  return self->search_pane;
}

/**
 * gloss_sidebar_show_page:
 * @name: "library", "contents", "search" or "notes"
 */
void
gloss_sidebar_show_page (GlossSidebar *self,
                         const char   *name)
{
  g_return_if_fail (GLOSS_IS_SIDEBAR (self));

  adw_view_stack_set_visible_child_name (self->stack, name);
}

/**
 * gloss_sidebar_get_notes_pane:
 *
 * Returns: (transfer none): the notes page
 */
GlossNotesPane *
gloss_sidebar_get_notes_pane (GlossSidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_SIDEBAR (self), NULL);

  return self->notes_pane;
}
