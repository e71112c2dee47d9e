/* gloss-notes-pane.c: the list of highlights and notes, with filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The notes of the open document, or of the whole library, filtered by
 * colour, tag, text and "needs attention", in the order chosen.
 *
 *   GlossAnnotations → GlossNoteList (scope, colour, tag, search, sort)
 *                    → GtkFilterListModel (needs attention)
 *                    → the list view
 *
 * "Needs attention" is filtered here rather than by GlossNoteList,
 * whose filter keeps only orphaned notes: a passage that changed
 * slightly (fuzzy) deserves a look too.  The pane changes nothing by
 * itself except adding an empty note to the open document; opening,
 * re-attaching and deleting are signals, so that the window can move
 * the reading view and offer Undo. */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-highlight-colors.h"
#include "gloss-note-row.h"
#include "gloss-notes-pane.h"

struct _GlossNotesPane
{
  GtkWidget           parent_instance;

  /* Template children */
  GtkWidget          *box;
  GtkToggleButton    *document_scope_button;
  GtkToggleButton    *library_scope_button;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *color_dropdown;
  GtkDropDown        *tag_dropdown;
  GtkDropDown        *sort_dropdown;
  GtkToggleButton    *attention_button;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkNoSelection     *selection;
  AdwStatusPage      *empty_page;

  GlossLibrary       *library;
  GlossAnnotations   *annotations;
  GlossDocument      *document;
  char               *doc_id;
  gboolean            all_documents;
  gboolean            syncing_scope;   /* the scope buttons are being set from state */

  GlossNoteList      *note_list;
  GtkCustomFilter    *attention_filter;
  GtkFilterListModel *visible;
  GtkStringList      *colors;   /* "" (every colour), then the keys */
  GtkStringList      *tags;     /* "" (every tag), then the tags in use */
  guint               tags_idle;
};

G_DEFINE_FINAL_TYPE (GlossNotesPane, gloss_notes_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_DOCUMENT,
  PROP_DOC_ID,
  PROP_ALL_DOCUMENTS,
  N_PROPS
};

enum {
  NOTE_ACTIVATED,
  NOTE_CREATED,
  REATTACH_REQUESTED,
  DELETE_REQUESTED,
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_page (GlossNotesPane *self);

/* ------------------------------------------------------------------ */
/* Filters                                                            */
/* ------------------------------------------------------------------ */

static gboolean
attention_match (gpointer item,
                 gpointer user_data)
{
  GlossNotesPane *self = user_data;
  GlossAnchorStatus status = gloss_note_get_status (item);

  return !gtk_toggle_button_get_active (self->attention_button) ||
         status == GLOSS_ANCHOR_ORPHANED || status == GLOSS_ANCHOR_FUZZY;
}

static const char *
selected_string (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);
  const char *string = item ? gtk_string_object_get_string (item) : NULL;

  return string != NULL && string[0] != '\0' ? string : NULL;
}

static gboolean
filters_active (GlossNotesPane *self)
{
  return selected_string (self->color_dropdown) != NULL ||
         selected_string (self->tag_dropdown) != NULL ||
         gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0' ||
         gtk_toggle_button_get_active (self->attention_button);
}

static gboolean
document_scope (GlossNotesPane *self)
{
  return !self->all_documents && self->doc_id != NULL;
}

/* Rows show the document's title only across the library; rebinding
 * every row is the simplest way to add or drop it. */
static void
rebind_rows (GlossNotesPane *self)
{
  if (self->visible == NULL)
    return;

  gtk_no_selection_set_model (self->selection, NULL);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->visible));
}

static void
apply_scope (GlossNotesPane *self)
{
  gloss_note_list_set_doc_id (self->note_list, document_scope (self) ? self->doc_id : NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->document_scope_button), self->doc_id != NULL);
  self->syncing_scope = TRUE;
  gtk_toggle_button_set_active (document_scope (self) ? self->document_scope_button
                                                      : self->library_scope_button, TRUE);
  self->syncing_scope = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.add-document-note",
                                 self->document != NULL && self->annotations != NULL);
  rebind_rows (self);
  update_page (self);
}

static void
update_page (GlossNotesPane *self)
{
  guint n;

  if (self->visible == NULL)   /* still building the template */
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->visible));
  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (filters_active (self))
    {
      gtk_stack_set_visible_child_name (self->stack, "filtered");
      return;
    }

  if (document_scope (self))
    {
      adw_status_page_set_title (self->empty_page, _("No Highlights in This Document"));
      adw_status_page_set_description (self->empty_page,
                                       _("Select a passage and pick a colour to highlight it, "
                                         "or add a note on the whole document with +"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Highlights Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Highlights and notes from every document are listed here"));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* ------------------------------------------------------------------ */
/* Colour and tag choices                                             */
/* ------------------------------------------------------------------ */

static void
color_item_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     GlossNotesPane           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (swatch, "highlight-swatch");
  gtk_widget_add_css_class (swatch, "small");
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
color_item_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    GlossNotesPane           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  const char *color = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const char *old_class = g_object_get_data (G_OBJECT (swatch), "gloss-color-class");
  g_autofree char *name = NULL;

  if (old_class != NULL)
    gtk_widget_remove_css_class (swatch, old_class);

  if (color[0] == '\0')
    {
      gtk_widget_set_visible (swatch, FALSE);
      gtk_label_set_text (GTK_LABEL (label), _("All Colours"));
      g_object_set_data (G_OBJECT (swatch), "gloss-color-class", NULL);
      return;
    }

  g_object_set_data_full (G_OBJECT (swatch), "gloss-color-class",
                          g_strdup_printf ("highlight-%s", color), g_free);
  gtk_widget_add_css_class (swatch, g_object_get_data (G_OBJECT (swatch), "gloss-color-class"));
  gtk_widget_set_visible (swatch, TRUE);
  name = gloss_highlight_colors_dup_name (self->annotations, color);
  gtk_label_set_text (GTK_LABEL (label), name);
}

static void
tag_item_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   GlossNotesPane           *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_list_item_set_child (item, label);
}

static void
tag_item_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  GlossNotesPane           *self)
{
  const char *tag = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree char *hashed = g_strdup_printf ("#%s", tag);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      tag[0] == '\0' ? _("All Tags") : hashed);
}

static void
set_dropdown_factory (GtkDropDown *dropdown,
                      GCallback    setup,
                      GCallback    bind,
                      gpointer     data)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", bind, data);
  gtk_drop_down_set_factory (dropdown, factory);
}

static guint
find_string (GtkStringList *list,
             const char    *string)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), string) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* Replaces the choices of @dropdown with "" and @strings, keeping the
 * choice made if it is still there. */
static void
replace_choices (GtkDropDown        *dropdown,
                 GtkStringList      *list,
                 const char * const *strings)
{
  g_autofree char *chosen = g_strdup (selected_string (dropdown));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint position;

  gtk_string_list_splice (list, 1, n - 1, strings);
  position = chosen ? find_string (list, chosen) : 0;
  gtk_drop_down_set_selected (dropdown, position != GTK_INVALID_LIST_POSITION ? position : 0);
}

static gboolean
rebuild_tags_cb (gpointer data)
{
  GlossNotesPane *self = data;
  g_auto(GStrv) tags = NULL;
  g_autoptr(GStrvBuilder) current = g_strv_builder_new ();
  g_auto(GStrv) shown = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tags));

  self->tags_idle = 0;

  tags = self->annotations ? gloss_annotations_list_tags (self->annotations, NULL) : g_new0 (char *, 1);
  for (guint i = 1; i < n; i++)
    g_strv_builder_add (current, gtk_string_list_get_string (self->tags, i));
  shown = g_strv_builder_end (current);

  if (!g_strv_equal ((const char * const *) tags, (const char * const *) shown))
    replace_choices (self->tag_dropdown, self->tags, (const char * const *) tags);

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild_tags (GlossNotesPane *self)
{
  /* the notes' handlers outlive dispose, until finalize */
  if (self->tags_idle == 0 && self->tags != NULL)
    self->tags_idle = g_idle_add (rebuild_tags_cb, self);
}

static void
color_names_changed_cb (GlossNotesPane *self)
{
  replace_choices (self->color_dropdown, self->colors, gloss_note_colors ());
}

/* ------------------------------------------------------------------ */
/* Following the notes                                                */
/* ------------------------------------------------------------------ */

static void
note_status_changed_cb (GlossNotesPane *self)
{
  if (gtk_toggle_button_get_active (self->attention_button))
    gtk_filter_changed (GTK_FILTER (self->attention_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* GlossNoteList follows every note, but only for its own filters: the
 * pane watches status (its own filter) and tags (the tag choices). */
static void
annotations_changed_cb (GlossNotesPane *self,
                        guint           position,
                        guint           removed,
                        guint           added,
                        GListModel     *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GlossNote) note = g_list_model_get_item (model, i);

      if (g_signal_handler_find (note, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                 note_status_changed_cb, self) != 0)
        continue;

      g_signal_connect_object (note, "notify::status", G_CALLBACK (note_status_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (note, "notify::tags", G_CALLBACK (queue_rebuild_tags), self,
                               G_CONNECT_SWAPPED);
    }

  queue_rebuild_tags (self);
}

/* ------------------------------------------------------------------ */
/* Template callbacks                                                 */
/* ------------------------------------------------------------------ */

static void
scope_toggled_cb (GlossNotesPane  *self,
                  GtkToggleButton *button)
{
  if (!self->syncing_scope && gtk_toggle_button_get_active (button))
    gloss_notes_pane_set_all_documents (self, button == self->library_scope_button);
}

static void
search_changed_cb (GlossNotesPane *self,
                   GtkSearchEntry *entry)
{
  gloss_note_list_set_search (self->note_list, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_page (self);
}

static void
color_selected_cb (GlossNotesPane *self,
                   GParamSpec     *pspec,
                   GtkDropDown    *dropdown)
{
  gloss_note_list_set_color (self->note_list, selected_string (dropdown));
  update_page (self);
}

static void
tag_selected_cb (GlossNotesPane *self,
                 GParamSpec     *pspec,
                 GtkDropDown    *dropdown)
{
  gloss_note_list_set_tag (self->note_list, selected_string (dropdown));
  update_page (self);
}

static void
sort_selected_cb (GlossNotesPane *self,
                  GParamSpec     *pspec,
                  GtkDropDown    *dropdown)
{
  static const GlossNoteSort sorts[] = {
    GLOSS_NOTE_SORT_POSITION, GLOSS_NOTE_SORT_CREATED, GLOSS_NOTE_SORT_MODIFIED,
  };
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected < G_N_ELEMENTS (sorts))
    gloss_note_list_set_sort (self->note_list, sorts[selected]);
}

static void
attention_toggled_cb (GlossNotesPane  *self,
                      GtkToggleButton *button)
{
  gtk_filter_changed (GTK_FILTER (self->attention_filter),
                      gtk_toggle_button_get_active (button) ? GTK_FILTER_CHANGE_MORE_STRICT
                                                            : GTK_FILTER_CHANGE_LESS_STRICT);
  update_page (self);
}

static void
list_activate_cb (GlossNotesPane *self,
                  guint           position,
                  GtkListView    *view)
{
  g_autoptr(GlossNote) note = g_list_model_get_item (G_LIST_MODEL (self->visible), position);

  if (note != NULL)
    g_signal_emit (self, signals[NOTE_ACTIVATED], 0, note);
}

static void
row_setup_cb (GlossNotesPane           *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  gtk_list_item_set_child (item, gloss_note_row_new ());
}

static void
row_bind_cb (GlossNotesPane           *self,
             GtkListItem              *item,
             GtkSignalListItemFactory *factory)
{
  GlossNote *note = gtk_list_item_get_item (item);
  g_autoptr(GlossDocument) document = NULL;

  if (!document_scope (self) && self->library != NULL)
    document = gloss_library_lookup (self->library, gloss_note_get_doc_id (note), NULL);

  gloss_note_row_set_note (GLOSS_NOTE_ROW (gtk_list_item_get_child (item)), note,
                           document ? gloss_document_get_title (document) : NULL);
}

static void
row_unbind_cb (GlossNotesPane           *self,
               GtkListItem              *item,
               GtkSignalListItemFactory *factory)
{
  gloss_note_row_set_note (GLOSS_NOTE_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Actions                                                            */
/* ------------------------------------------------------------------ */

static void
add_document_note_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GlossNotesPane *self = GLOSS_NOTES_PANE (widget);
  g_autoptr(GError) error = NULL;
  GlossNote *note;

  if (self->document == NULL || self->annotations == NULL)
    return;

  note = gloss_annotations_add_document_note (self->annotations, self->document, "", NULL, &error);
  if (note == NULL)
    g_signal_emit (self, signals[ERROR], 0, error);
  else
    g_signal_emit (self, signals[NOTE_CREATED], 0, note);
}

static GlossNote *
lookup_note (GlossNotesPane *self,
             GVariant       *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);

  return self->annotations ? gloss_annotations_lookup (self->annotations, id) : NULL;
}

static void
reattach_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GlossNotesPane *self = GLOSS_NOTES_PANE (widget);
  GlossNote *note = lookup_note (self, parameter);

  if (note != NULL)
    g_signal_emit (self, signals[REATTACH_REQUESTED], 0, note);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossNotesPane *self = GLOSS_NOTES_PANE (widget);
  GlossNote *note = lookup_note (self, parameter);

  if (note != NULL)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, note);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gloss_notes_pane_clear_filters (GLOSS_NOTES_PANE (widget));
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_notes_pane_dispose (GObject *object)
{
  GlossNotesPane *self = GLOSS_NOTES_PANE (object);

  if (self->note_list != NULL)
    gloss_notes_pane_set_library (self, NULL);
  g_clear_handle_id (&self->tags_idle, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_NOTES_PANE);

  g_clear_object (&self->visible);
  g_clear_object (&self->note_list);
  g_clear_object (&self->attention_filter);
  g_clear_object (&self->colors);
  g_clear_object (&self->tags);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gloss_notes_pane_parent_class)->dispose (object);
}

static void
gloss_notes_pane_finalize (GObject *object)
{
  GlossNotesPane *self = GLOSS_NOTES_PANE (object);

  g_free (self->doc_id);

  G_OBJECT_CLASS (gloss_notes_pane_parent_class)->finalize (object);
}

static void
gloss_notes_pane_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GlossNotesPane *self = GLOSS_NOTES_PANE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_DOC_ID:
      g_value_set_string (value, self->doc_id);
      break;

    case PROP_ALL_DOCUMENTS:
      g_value_set_boolean (value, self->all_documents);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_notes_pane_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GlossNotesPane *self = GLOSS_NOTES_PANE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      gloss_notes_pane_set_library (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT:
      gloss_notes_pane_set_document (self, g_value_get_object (value));
      break;

    case PROP_DOC_ID:
      gloss_notes_pane_set_doc_id (self, g_value_get_string (value));
      break;

    case PROP_ALL_DOCUMENTS:
      gloss_notes_pane_set_all_documents (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_note_signal (GObjectClass *klass,
                 guint         id,
                 const char   *name)
{
  signals[id] = g_signal_new (name, G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                              0, NULL, NULL, NULL,
                              G_TYPE_NONE, 1, GLOSS_TYPE_NOTE);
}

static void
gloss_notes_pane_class_init (GlossNotesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_notes_pane_dispose;
  object_class->finalize = gloss_notes_pane_finalize;
  object_class->get_property = gloss_notes_pane_get_property;
  object_class->set_property = gloss_notes_pane_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         GLOSS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The open document: "This Document" and new document notes. */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DOC_ID] =
    g_param_spec_string ("doc-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ALL_DOCUMENTS] =
    g_param_spec_boolean ("all-documents", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* GlossNotesPane::note-activated: a row was clicked or Enter pressed on it */
  add_note_signal (object_class, NOTE_ACTIVATED, "note-activated");
  /* GlossNotesPane::note-created: "+" added an empty note on the open document */
  add_note_signal (object_class, NOTE_CREATED, "note-created");
  /* GlossNotesPane::reattach-requested: anchor this orphan to the reading view's selection */
  add_note_signal (object_class, REATTACH_REQUESTED, "reattach-requested");
  /* GlossNotesPane::delete-requested: the window deletes, and offers Undo */
  add_note_signal (object_class, DELETE_REQUESTED, "delete-requested");

  /* GlossNotesPane::error: a note could not be stored */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_install_action (widget_class, "notes.add-document-note", NULL, add_document_note_action);
  gtk_widget_class_install_action (widget_class, "notes.reattach", "s", reattach_action);
  gtk_widget_class_install_action (widget_class, "notes.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "notes.clear-filters", NULL, clear_filters_action);

  g_type_ensure (GLOSS_TYPE_NOTE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-notes-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossNotesPane, box);
  gtk_widget_class_bind_template_child (widget_class, GlossNotesPane, document_scope_button);
  gtk_widget_class_bind_template_child (widget_class, GlossNotesPane, library_scope_button);
  gtk_widget_class_bind_template_child (widget_class, GlossNotesPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossNotesPane, color_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossNotesPane, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossNotesPane, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossNotesPane, attention_button);
  gtk_widget_class_bind_template_child (widget_class, GlossNotesPane, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossNotesPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossNotesPane, selection);
  gtk_widget_class_bind_template_child (widget_class, GlossNotesPane, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, scope_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, color_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, attention_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_unbind_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "notespane");
}

static void
gloss_notes_pane_init (GlossNotesPane *self)
{
  const char *all[] = { "", NULL };
  g_autoptr(GtkExpression) tag_expression = NULL;

  /* Created before the template, whose callbacks use them. */
  self->note_list = gloss_note_list_new (NULL);
  self->attention_filter = gtk_custom_filter_new (attention_match, self, NULL);
  self->colors = gtk_string_list_new (all);
  self->tags = gtk_string_list_new (all);
  gtk_string_list_splice (self->colors, 1, 0, gloss_note_colors ());

  gtk_widget_init_template (GTK_WIDGET (self));

  self->visible = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->note_list)),
                                             GTK_FILTER (g_object_ref (self->attention_filter)));
  g_signal_connect_swapped (self->visible, "items-changed", G_CALLBACK (update_page), self);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->visible));

  set_dropdown_factory (self->color_dropdown, G_CALLBACK (color_item_setup_cb),
                        G_CALLBACK (color_item_bind_cb), self);
  gtk_drop_down_set_model (self->color_dropdown, G_LIST_MODEL (self->colors));

  set_dropdown_factory (self->tag_dropdown, G_CALLBACK (tag_item_setup_cb),
                        G_CALLBACK (tag_item_bind_cb), self);
  tag_expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->tag_dropdown, tag_expression);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tags));

  gloss_highlight_colors_install_css (gtk_widget_get_display (GTK_WIDGET (self)));
  apply_scope (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

GtkWidget *
gloss_notes_pane_new (GlossLibrary *library)
{
  return g_object_new (GLOSS_TYPE_NOTES_PANE,
                       "library", library,
                       NULL);
}

/**
 * gloss_notes_pane_get_library:
 *
 * Returns: (transfer none) (nullable): the library whose notes are listed
 */
GlossLibrary *
gloss_notes_pane_get_library (GlossNotesPane *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTES_PANE (self), NULL);

  return self->library;
}

void
gloss_notes_pane_set_library (GlossNotesPane *self,
                              GlossLibrary   *library)
{
  g_return_if_fail (GLOSS_IS_NOTES_PANE (self));
  g_return_if_fail (library == NULL || GLOSS_IS_LIBRARY (library));

  if (self->library == library)
    return;

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  gloss_notes_pane_set_document (self, NULL);

  g_set_object (&self->library, library);
  g_set_object (&self->annotations, (library ? gloss_library_get_annotations (library) : NULL));

  g_object_set (self->note_list, "model", self->annotations, NULL);
  if (self->annotations != NULL)
    {
      GListModel *model = G_LIST_MODEL (self->annotations);

      g_signal_connect_swapped (self->annotations, "color-names-changed",
                                G_CALLBACK (color_names_changed_cb), self);
      g_signal_connect_swapped (model, "items-changed", G_CALLBACK (annotations_changed_cb), self);
      annotations_changed_cb (self, 0, 0, g_list_model_get_n_items (model), model);
    }

  color_names_changed_cb (self);
  queue_rebuild_tags (self);
  apply_scope (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * gloss_notes_pane_get_document:
 *
 * Returns: (transfer none) (nullable): the open document
 */
GlossDocument *
gloss_notes_pane_get_document (GlossNotesPane *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTES_PANE (self), NULL);

  return self->document;
}

static void
set_doc_id_internal (GlossNotesPane *self,
                     const char     *doc_id)
{
  if (g_strcmp0 (self->doc_id, doc_id) == 0)
    return;

  g_free (self->doc_id);
  self->doc_id = g_strdup (doc_id);
  apply_scope (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOC_ID]);
}

/**
 * gloss_notes_pane_set_document:
 * @document: (nullable): the document open in the reading view
 */
void
gloss_notes_pane_set_document (GlossNotesPane *self,
                               GlossDocument  *document)
{
  g_return_if_fail (GLOSS_IS_NOTES_PANE (self));
  g_return_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  set_doc_id_internal (self, document ? gloss_document_get_id (document) : NULL);
  apply_scope (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * gloss_notes_pane_get_doc_id:
 *
 * Returns: (transfer none) (nullable): the id of the open document
 */
const char *
gloss_notes_pane_get_doc_id (GlossNotesPane *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTES_PANE (self), NULL);

  return self->doc_id;
}

/**
 * gloss_notes_pane_set_doc_id:
 * @doc_id: (nullable): the id of the open document
 *
 * Like gloss_notes_pane_set_document(), by id.
 */
void
gloss_notes_pane_set_doc_id (GlossNotesPane *self,
                             const char     *doc_id)
{
  g_autoptr(GlossDocument) document = NULL;

  g_return_if_fail (GLOSS_IS_NOTES_PANE (self));

  if (g_strcmp0 (self->doc_id, doc_id) == 0)
    return;

  if (doc_id != NULL && self->library != NULL)
    document = gloss_library_lookup (self->library, doc_id, NULL);

  if (document != NULL && g_strcmp0 (gloss_document_get_id (document), doc_id) == 0)
    {
      gloss_notes_pane_set_document (self, document);
      return;
    }

  /* an id the library does not know: list by it, but no new notes */
  if (g_set_object (&self->document, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  set_doc_id_internal (self, doc_id);
}

gboolean
gloss_notes_pane_get_all_documents (GlossNotesPane *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTES_PANE (self), FALSE);

  return self->all_documents;
}

/**
 * gloss_notes_pane_set_all_documents:
 *
 * Lists the notes of the whole library, or of the open document only
 * (when there is one).
 */
void
gloss_notes_pane_set_all_documents (GlossNotesPane *self,
                                    gboolean        all_documents)
{
  g_return_if_fail (GLOSS_IS_NOTES_PANE (self));

  all_documents = !!all_documents;
  if (self->all_documents == all_documents)
    return;

  self->all_documents = all_documents;
  apply_scope (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL_DOCUMENTS]);
}

/**
 * gloss_notes_pane_get_model:
 *
 * Returns: (transfer none): the notes listed now, in order
 */
GListModel *
gloss_notes_pane_get_model (GlossNotesPane *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTES_PANE (self), NULL);

  return G_LIST_MODEL (self->visible);
}

/**
 * gloss_notes_pane_set_filter_color:
 * @color: (nullable): a colour key, or %NULL for every colour
 */
void
gloss_notes_pane_set_filter_color (GlossNotesPane *self,
                                   const char     *color)
{
  guint position;

  g_return_if_fail (GLOSS_IS_NOTES_PANE (self));

  position = find_string (self->colors, color ? color : "");
  g_return_if_fail (position != GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (self->color_dropdown, position);
}

/**
 * gloss_notes_pane_set_filter_tag:
 * @tag: (nullable): a tag in use, or %NULL for every tag
 *
 * Returns: %FALSE if no note has @tag (the filter is unchanged)
 */
gboolean
gloss_notes_pane_set_filter_tag (GlossNotesPane *self,
                                 const char     *tag)
{
  g_autofree char *clean = NULL;
  guint position;

  g_return_val_if_fail (GLOSS_IS_NOTES_PANE (self), FALSE);

  /* The choices may lag a just-added tag by one idle. */
  g_clear_handle_id (&self->tags_idle, g_source_remove);
  rebuild_tags_cb (self);

  clean = tag ? gloss_note_normalize_tag (tag) : g_strdup ("");
  position = find_string (self->tags, clean);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_drop_down_set_selected (self->tag_dropdown, position);

  return TRUE;
}

void
gloss_notes_pane_set_search (GlossNotesPane *self,
                             const char     *search)
{
  g_return_if_fail (GLOSS_IS_NOTES_PANE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search ? search : "");
  /* at once, not after the entry's typing delay */
  search_changed_cb (self, self->search_entry);
}

void
gloss_notes_pane_set_needs_attention (GlossNotesPane *self,
                                      gboolean        needs_attention)
{
  g_return_if_fail (GLOSS_IS_NOTES_PANE (self));

  gtk_toggle_button_set_active (self->attention_button, needs_attention);
}

void
gloss_notes_pane_set_sort (GlossNotesPane *self,
                           GlossNoteSort   sort)
{
  g_return_if_fail (GLOSS_IS_NOTES_PANE (self));
  g_return_if_fail (sort <= GLOSS_NOTE_SORT_MODIFIED);

  gtk_drop_down_set_selected (self->sort_dropdown, sort);
}

void
gloss_notes_pane_clear_filters (GlossNotesPane *self)
{
  g_return_if_fail (GLOSS_IS_NOTES_PANE (self));

  gtk_drop_down_set_selected (self->color_dropdown, 0);
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  gloss_notes_pane_set_search (self, NULL);
  gtk_toggle_button_set_active (self->attention_button, FALSE);
}

/**
 * gloss_notes_pane_get_visible_page:
 *
 * Returns: (transfer none): "list", "empty" (no notes at all) or
 *   "filtered" (the filters hide every note)
 */
const char *
gloss_notes_pane_get_visible_page (GlossNotesPane *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTES_PANE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
