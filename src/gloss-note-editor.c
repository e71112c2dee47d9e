/* gloss-note-editor.c: edit one highlight's note, tags and colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The editor never holds changes back for long: the note text is
 * committed half a second after the last keystroke, when the text view
 * loses focus, and when the editor is hidden or destroyed; tags and the
 * colour are committed at once.  Every committed change goes through
 * GlossAnnotations and is announced with "changed" and a snapshot of
 * the note before and after, which is what Undo and Redo need.  The
 * editor does not delete: it asks, and the window decides (and offers
 * Undo). */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-highlight-palette.h"
#include "gloss-note-editor.h"

/* Suggestions shown under the tag entry at most. */
#define MAX_SUGGESTIONS 8

struct _GlossNoteEditor
{
  GtkWidget              parent_instance;

  /* Template children */
  GtkWidget             *box;
  GtkLabel              *quote_label;
  GtkLabel              *attention_label;
  GlossHighlightPalette *palette;
  GtkTextView           *text_view;
  GtkFlowBox            *tag_box;
  GtkEntry              *tag_entry;
  GtkPopover            *suggestion_popover;
  GtkListBox            *suggestion_list;

  GlossAnnotations      *annotations;
  GlossNote             *note;

  guint                  save_source;
  guint                  dirty : 1;      /* the buffer has text not yet committed */
  guint                  loading : 1;    /* the buffer is being filled from the note */
  guint                  syncing : 1;    /* the palette is being set from the note */
};

G_DEFINE_FINAL_TYPE (GlossNoteEditor, gloss_note_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANNOTATIONS,
  PROP_NOTE,
  N_PROPS
};

enum {
  CHANGED,
  DELETE_REQUESTED,
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Committing                                                         */
/* ------------------------------------------------------------------ */

/* A note deleted meanwhile (by Undo, or another process) is not edited. */
static gboolean
note_is_live (GlossNoteEditor *self)
{
  return self->note != NULL && self->annotations != NULL &&
         gloss_annotations_lookup (self->annotations, gloss_note_get_id (self->note)) == self->note;
}

/* Announces a change that gloss_annotations_*() made, or its error.
 * Takes @before. */
static gboolean
finish_change (GlossNoteEditor *self,
               GlossNote       *before,
               GError          *error)
{
  g_autoptr(GlossNote) owned_before = before;
  g_autoptr(GlossNote) after = NULL;

  if (owned_before == NULL)
    {
      g_signal_emit (self, signals[ERROR], 0, error);
      return FALSE;
    }

  after = gloss_note_copy (self->note);
  g_signal_emit (self, signals[CHANGED], 0, owned_before, after);

  return TRUE;
}

static char *
dup_buffer_text (GlossNoteEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
save_timeout_cb (gpointer data)
{
  GlossNoteEditor *self = data;

  self->save_source = 0;
  gloss_note_editor_commit (self);

  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (GlossNoteEditor *self,
                   GtkTextBuffer   *buffer)
{
  if (self->loading || self->note == NULL)
    return;

  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (GLOSS_NOTE_EDITOR_SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
text_focus_leave_cb (GlossNoteEditor *self)
{
  gloss_note_editor_commit (self);
}

static gboolean
set_tags (GlossNoteEditor    *self,
          const char * const *tags)
{
  g_autoptr(GError) error = NULL;
  GlossNote *before;

  if (!note_is_live (self))
    return FALSE;

  before = gloss_annotations_set_tags (self->annotations, self->note, tags, &error);

  return finish_change (self, before, error);
}

static void
set_color (GlossNoteEditor     *self,
           const char          *color,
           GlossHighlightStyle  style)
{
  g_autoptr(GError) error = NULL;
  GlossNote *before;

  if (!note_is_live (self) ||
      (g_strcmp0 (color, gloss_note_get_color (self->note)) == 0 &&
       style == gloss_note_get_style (self->note)))
    return;

  before = gloss_annotations_set_color (self->annotations, self->note, color, style, &error);
  finish_change (self, before, error);
}

/* ------------------------------------------------------------------ */
/* Showing the note                                                   */
/* ------------------------------------------------------------------ */

static GtkWidget *
create_tag_pill (const char *tag)
{
  g_autofree char *remove_label = NULL;
  GtkWidget *pill;
  GtkWidget *label;
  GtkWidget *button;

  pill = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_add_css_class (pill, "tag-pill");

  label = gtk_label_new (tag);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_box_append (GTK_BOX (pill), label);

  /* Translators: accessible label of the button that removes a tag from a note */
  remove_label = g_strdup_printf (_("Remove tag “%s”"), tag);
  button = g_object_new (GTK_TYPE_BUTTON,
                         "icon-name", "window-close-symbolic",
                         "tooltip-text", remove_label,
                         "action-name", "editor.remove-tag",
                         "action-target", g_variant_new_string (tag),
                         "valign", GTK_ALIGN_CENTER,
                         NULL);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_box_append (GTK_BOX (pill), button);

  return pill;
}

static void
rebuild_tags (GlossNoteEditor *self)
{
  const char * const *tags = self->note ? gloss_note_get_tags (self->note) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_box))) != NULL)
    gtk_flow_box_remove (self->tag_box, child);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    gtk_flow_box_append (self->tag_box, create_tag_pill (tags[i]));

  gtk_widget_set_visible (GTK_WIDGET (self->tag_box), tags != NULL && tags[0] != NULL);
}

static void
show_status (GlossNoteEditor *self)
{
  GlossAnchorStatus status = self->note ? gloss_note_get_status (self->note) : GLOSS_ANCHOR_OK;
  const char *prior = self->note ? gloss_note_get_prior_quote (self->note) : NULL;
  g_autofree char *message = NULL;

  if (status == GLOSS_ANCHOR_ORPHANED)
    message = g_strdup (_("This passage is no longer in the document’s text. Select where it belongs and re-attach it, or delete it."));
  else if (status == GLOSS_ANCHOR_FUZZY && prior != NULL && prior[0] != '\0')
    /* Translators: %s is the passage as it was when the note was made */
    message = g_strdup_printf (_("The passage changed slightly. It was: “%s”"), prior);
  else if (status == GLOSS_ANCHOR_FUZZY)
    message = g_strdup (_("The passage changed slightly; check that the note still fits."));

  gtk_label_set_text (self->attention_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->attention_label), message != NULL);
}

static void
load_text (GlossNoteEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  /* What the user is typing wins over what is stored. */
  if (self->dirty)
    return;

  self->loading = TRUE;
  gtk_text_buffer_set_text (buffer, self->note ? gloss_note_get_text (self->note) : "", -1);
  self->loading = FALSE;
}

static void
sync_from_note (GlossNoteEditor *self)
{
  gboolean has_range = self->note != NULL && gloss_note_get_has_range (self->note);

  gtk_label_set_text (self->quote_label, has_range ? gloss_note_get_quote (self->note) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->quote_label), has_range);
  gtk_widget_set_visible (GTK_WIDGET (self->palette), has_range);

  self->syncing = TRUE;
  gloss_highlight_palette_set_color (self->palette, self->note ? gloss_note_get_color (self->note) : NULL);
  gloss_highlight_palette_set_style (self->palette,
                                     self->note ? gloss_note_get_style (self->note) : GLOSS_HIGHLIGHT_BACKGROUND);
  self->syncing = FALSE;

  show_status (self);
  load_text (self);
  rebuild_tags (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->box), self->note != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", self->note != NULL);
}

static void
note_notify_cb (GlossNoteEditor *self)
{
  sync_from_note (self);
}

/* ------------------------------------------------------------------ */
/* Tag type-ahead                                                     */
/* ------------------------------------------------------------------ */

static void
hide_suggestions (GlossNoteEditor *self)
{
  gtk_popover_popdown (self->suggestion_popover);
}

static void
clear_suggestions (GlossNoteEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestion_list))) != NULL)
    gtk_list_box_remove (self->suggestion_list, child);
}

static void
update_suggestions (GlossNoteEditor *self)
{
  g_autofree char *prefix = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_entry))));
  g_auto(GStrv) tags = NULL;
  guint shown = 0;

  clear_suggestions (self);

  if (self->annotations != NULL && prefix[0] != '\0')
    tags = gloss_annotations_list_tags (self->annotations, prefix);

  for (guint i = 0; tags != NULL && tags[i] != NULL && shown < MAX_SUGGESTIONS; i++)
    {
      GtkWidget *row;

      if (self->note != NULL && gloss_note_has_tag (self->note, tags[i]))
        continue;

      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                                  g_object_new (GTK_TYPE_LABEL,
                                                "label", tags[i],
                                                "xalign", 0.0f,
                                                "margin-start", 6,
                                                "margin-end", 6,
                                                NULL));
      g_object_set_data_full (G_OBJECT (row), "gloss-tag", g_strdup (tags[i]), g_free);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->suggestion_list, row);
      shown++;
    }

  gtk_list_box_unselect_all (self->suggestion_list);

  if (shown > 0 && gtk_widget_get_mapped (GTK_WIDGET (self->tag_entry)))
    gtk_popover_popup (self->suggestion_popover);
  else
    hide_suggestions (self);
}

static void
tag_entry_changed_cb (GlossNoteEditor *self,
                      GtkEditable     *entry)
{
  update_suggestions (self);
}

static void
add_tag_from_entry (GlossNoteEditor *self,
                    const char      *tag)
{
  gloss_note_editor_add_tag (self, tag);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  hide_suggestions (self);
}

static void
tag_entry_activate_cb (GlossNoteEditor *self,
                       GtkEntry        *entry)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->suggestion_list);
  g_autofree char *typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  if (row != NULL && gtk_widget_get_visible (GTK_WIDGET (self->suggestion_popover)))
    add_tag_from_entry (self, g_object_get_data (G_OBJECT (row), "gloss-tag"));
  else
    add_tag_from_entry (self, typed);
}

static void
suggestion_activated_cb (GlossNoteEditor *self,
                         GtkListBoxRow   *row,
                         GtkListBox      *list)
{
  add_tag_from_entry (self, g_object_get_data (G_OBJECT (row), "gloss-tag"));
}

static void
move_suggestion (GlossNoteEditor *self,
                 gint             step)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->suggestion_list);
  gint index = row ? gtk_list_box_row_get_index (row) + step : (step > 0 ? 0 : -1);
  GtkListBoxRow *next = index >= 0 ? gtk_list_box_get_row_at_index (self->suggestion_list, index) : NULL;

  if (next != NULL)
    gtk_list_box_select_row (self->suggestion_list, next);
  else if (index < 0)
    gtk_list_box_unselect_all (self->suggestion_list);
}

/* Up and Down walk the suggestions while the focus stays in the entry,
 * so typing can go on; Escape closes them. */
static gboolean
tag_entry_key_pressed_cb (GlossNoteEditor       *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkEventControllerKey *controller)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->suggestion_popover)))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_suggestion (self, 1);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_suggestion (self, -1);
      return TRUE;

    case GDK_KEY_Escape:
      hide_suggestions (self);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
tag_entry_focus_leave_cb (GlossNoteEditor *self)
{
  hide_suggestions (self);
}

/* ------------------------------------------------------------------ */
/* Palette and actions                                                */
/* ------------------------------------------------------------------ */

static void
palette_color_chosen_cb (GlossNoteEditor       *self,
                         const char            *color,
                         GlossHighlightStyle    style,
                         GlossHighlightPalette *palette)
{
  set_color (self, color, style);
}

static void
palette_style_changed_cb (GlossNoteEditor       *self,
                          GParamSpec            *pspec,
                          GlossHighlightPalette *palette)
{
  if (self->syncing || self->note == NULL)
    return;

  set_color (self, gloss_note_get_color (self->note), gloss_highlight_palette_get_style (palette));
}

static void
palette_error_cb (GlossNoteEditor       *self,
                  GError                *error,
                  GlossHighlightPalette *palette)
{
  g_signal_emit (self, signals[ERROR], 0, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossNoteEditor *self = GLOSS_NOTE_EDITOR (widget);

  if (self->note != NULL)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->note);
}

static void
remove_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gloss_note_editor_remove_tag (GLOSS_NOTE_EDITOR (widget), g_variant_get_string (parameter, NULL));
}

/* ------------------------------------------------------------------ */
/* GtkWidget                                                          */
/* ------------------------------------------------------------------ */

/* Closing the popover or the pane that shows the editor saves. */
static void
gloss_note_editor_unmap (GtkWidget *widget)
{
  GlossNoteEditor *self = GLOSS_NOTE_EDITOR (widget);

  gloss_note_editor_commit (self);
  hide_suggestions (self);

  GTK_WIDGET_CLASS (gloss_note_editor_parent_class)->unmap (widget);
}

static gboolean
gloss_note_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (GLOSS_NOTE_EDITOR (widget)->text_view));
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_note_editor_dispose (GObject *object)
{
  GlossNoteEditor *self = GLOSS_NOTE_EDITOR (object);

  if (self->box != NULL)
    gloss_note_editor_set_note (self, NULL);   /* commits what is pending */
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->suggestion_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->suggestion_popover));
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_NOTE_EDITOR);

  g_clear_object (&self->annotations);

  G_OBJECT_CLASS (gloss_note_editor_parent_class)->dispose (object);
}

static void
gloss_note_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossNoteEditor *self = GLOSS_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ANNOTATIONS:
      g_value_set_object (value, self->annotations);
      break;

    case PROP_NOTE:
      g_value_set_object (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_note_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossNoteEditor *self = GLOSS_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ANNOTATIONS:
      gloss_note_editor_set_annotations (self, g_value_get_object (value));
      break;

    case PROP_NOTE:
      gloss_note_editor_set_note (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_note_editor_class_init (GlossNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_note_editor_dispose;
  object_class->get_property = gloss_note_editor_get_property;
  object_class->set_property = gloss_note_editor_set_property;

  widget_class->unmap = gloss_note_editor_unmap;
  widget_class->grab_focus = gloss_note_editor_grab_focus;

  properties[PROP_ANNOTATIONS] =
    g_param_spec_object ("annotations", NULL, NULL,
                         GLOSS_TYPE_ANNOTATIONS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL,
                         GLOSS_TYPE_NOTE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossNoteEditor::changed:
   * @before: a snapshot of the note before the change: give it to
   *   gloss_annotations_restore() to undo
   * @after: a snapshot after it, to redo
   *
   * A change was committed to the store.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, GLOSS_TYPE_NOTE, GLOSS_TYPE_NOTE);

  /**
   * GlossNoteEditor::delete-requested:
   * @note: the note shown
   *
   * The user pressed Delete; deleting (and offering Undo) is the
   * window's job.
   */
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_NOTE);

  /**
   * GlossNoteEditor::error:
   * @error: why a change could not be stored
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-tag", "s", remove_tag_action);

  g_type_ensure (GLOSS_TYPE_HIGHLIGHT_PALETTE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossNoteEditor, box);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteEditor, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteEditor, attention_label);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteEditor, palette);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteEditor, tag_box);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteEditor, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteEditor, suggestion_popover);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteEditor, suggestion_list);
  gtk_widget_class_bind_template_callback (widget_class, palette_color_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, palette_style_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, palette_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, suggestion_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "noteeditor");
}

static void
gloss_note_editor_init (GlossNoteEditor *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (text_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (tag_entry_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->tag_entry), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (tag_entry_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->tag_entry), controller);

  /* The suggestions hang under the entry and never take the focus. */
  gtk_widget_set_parent (GTK_WIDGET (self->suggestion_popover), GTK_WIDGET (self->tag_entry));
  gtk_widget_set_can_focus (GTK_WIDGET (self->suggestion_list), FALSE);

  sync_from_note (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

GtkWidget *
gloss_note_editor_new (GlossAnnotations *annotations)
{
  return g_object_new (GLOSS_TYPE_NOTE_EDITOR,
                       "annotations", annotations,
                       NULL);
}

/**
 * gloss_note_editor_get_annotations:
 *
 * Returns: (transfer none) (nullable): where changes are stored
 */
GlossAnnotations *
gloss_note_editor_get_annotations (GlossNoteEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTE_EDITOR (self), NULL);

  return self->annotations;
}

void
gloss_note_editor_set_annotations (GlossNoteEditor  *self,
                                   GlossAnnotations *annotations)
{
  g_return_if_fail (GLOSS_IS_NOTE_EDITOR (self));
  g_return_if_fail (annotations == NULL || GLOSS_IS_ANNOTATIONS (annotations));

  if (self->annotations == annotations)
    return;

  gloss_note_editor_set_note (self, NULL);
  g_set_object (&self->annotations, annotations);
  gloss_highlight_palette_set_annotations (self->palette, annotations);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATIONS]);
}

/**
 * gloss_note_editor_get_note:
 *
 * Returns: (transfer none) (nullable): the note being edited
 */
GlossNote *
gloss_note_editor_get_note (GlossNoteEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTE_EDITOR (self), NULL);

  return self->note;
}

/**
 * gloss_note_editor_set_note:
 * @note: (nullable): a note of the editor's annotations
 *
 * Commits what was typed for the previous note, then shows @note.
 */
void
gloss_note_editor_set_note (GlossNoteEditor *self,
                            GlossNote       *note)
{
  g_return_if_fail (GLOSS_IS_NOTE_EDITOR (self));
  g_return_if_fail (note == NULL || GLOSS_IS_NOTE (note));

  if (self->note == note)
    return;

  gloss_note_editor_commit (self);
  self->dirty = FALSE;

  if (self->note != NULL)
    g_signal_handlers_disconnect_by_func (self->note, note_notify_cb, self);

  g_set_object (&self->note, note);

  if (note != NULL)
    g_signal_connect_swapped (note, "notify", G_CALLBACK (note_notify_cb), self);

  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  hide_suggestions (self);
  sync_from_note (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * gloss_note_editor_commit:
 *
 * Stores the note text typed so far, now rather than after the pause.
 *
 * Returns: %FALSE if it could not be stored ("error" was emitted)
 */
gboolean
gloss_note_editor_commit (GlossNoteEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GlossNote *before;

  g_return_val_if_fail (GLOSS_IS_NOTE_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->dirty || !note_is_live (self))
    {
      self->dirty = FALSE;
      return TRUE;
    }

  text = dup_buffer_text (self);
  if (g_strcmp0 (text, gloss_note_get_text (self->note)) == 0)
    {
      self->dirty = FALSE;
      return TRUE;
    }

  before = gloss_annotations_set_text (self->annotations, self->note, text, &error);
  /* Kept dirty on failure: the next pause or focus change tries again. */
  self->dirty = before == NULL;

  return finish_change (self, before, error);
}

/**
 * gloss_note_editor_add_tag:
 *
 * Adds @tag (normalised as the store does) to the note, at once.
 *
 * Returns: whether the note has @tag now
 */
gboolean
gloss_note_editor_add_tag (GlossNoteEditor *self,
                           const char      *tag)
{
  g_autofree char *clean = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) tags = NULL;

  g_return_val_if_fail (GLOSS_IS_NOTE_EDITOR (self), FALSE);

  clean = gloss_note_normalize_tag (tag ? tag : "");
  if (clean == NULL || clean[0] == '\0' || self->note == NULL)
    return FALSE;
  if (gloss_note_has_tag (self->note, clean))
    return TRUE;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) gloss_note_get_tags (self->note));
  g_strv_builder_add (builder, clean);
  tags = g_strv_builder_end (builder);

  return set_tags (self, (const char * const *) tags);
}

/**
 * gloss_note_editor_remove_tag:
 *
 * Returns: whether @tag was removed from the note
 */
gboolean
gloss_note_editor_remove_tag (GlossNoteEditor *self,
                              const char      *tag)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) tags = NULL;
  const char * const *current;

  g_return_val_if_fail (GLOSS_IS_NOTE_EDITOR (self), FALSE);

  if (self->note == NULL || !gloss_note_has_tag (self->note, tag))
    return FALSE;

  builder = g_strv_builder_new ();
  current = gloss_note_get_tags (self->note);
  for (guint i = 0; current[i] != NULL; i++)
    if (g_strcmp0 (current[i], tag) != 0)
      g_strv_builder_add (builder, current[i]);
  tags = g_strv_builder_end (builder);

  return set_tags (self, (const char * const *) tags);
}

/**
 * gloss_note_editor_get_buffer:
 *
 * Returns: (transfer none): the buffer of the note text
 */
GtkTextBuffer *
gloss_note_editor_get_buffer (GlossNoteEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTE_EDITOR (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}

/**
 * gloss_note_editor_get_tag_entry:
 *
 * Returns: (transfer none): the entry where tags are typed
 */
GtkEditable *
gloss_note_editor_get_tag_entry (GlossNoteEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTE_EDITOR (self), NULL);

  return GTK_EDITABLE (self->tag_entry);
}

/**
 * gloss_note_editor_dup_suggestions:
 *
 * Returns: (transfer full): the tags offered under the tag entry now,
 *   in order; empty when the suggestions are hidden
 */
GStrv
gloss_note_editor_dup_suggestions (GlossNoteEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GLOSS_IS_NOTE_EDITOR (self), NULL);

  if (gtk_widget_get_visible (GTK_WIDGET (self->suggestion_popover)))
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->suggestion_list));
         row != NULL;
         row = gtk_widget_get_next_sibling (row))
      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (row), "gloss-tag"));

  return g_strv_builder_end (builder);
}
