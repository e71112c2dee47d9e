/* gloss-note-row.c: one highlight or note in the notes pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A row follows its note: an edit elsewhere (the editor, Undo, another
 * process) shows at once.  Its buttons activate the pane's
 * notes.reattach and notes.delete actions with the note's id, so the
 * row needs to know nothing about the pane. */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-note-markup.h"
#include "gloss-note-row.h"

struct _GlossNoteRow
{
  GtkWidget  parent_instance;

  /* Template children */
  GtkWidget *box;
  GtkWidget *swatch;
  GtkLabel  *document_label;
  GtkLabel  *quote_label;
  GtkLabel  *text_label;
  GtkLabel  *tags_label;
  GtkWidget *attention_box;
  GtkLabel  *attention_label;
  GtkWidget *reattach_button;
  GtkWidget *delete_button;

  GlossNote *note;
  char      *color_class;
};

G_DEFINE_FINAL_TYPE (GlossNoteRow, gloss_note_row, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------ */

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
update_color (GlossNoteRow *self)
{
  if (self->color_class != NULL)
    gtk_widget_remove_css_class (self->swatch, self->color_class);
  g_free (self->color_class);
  self->color_class = g_strdup_printf ("highlight-%s", gloss_note_get_color (self->note));
  gtk_widget_add_css_class (self->swatch, self->color_class);
}

static void
update_tags (GlossNoteRow *self)
{
  const char * const *tags = gloss_note_get_tags (self->note);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; tags[i] != NULL; i++)
    g_string_append_printf (text, "%s#%s", i ? "  " : "", tags[i]);

  set_label (self->tags_label, text->str);
}

static void
update_attention (GlossNoteRow *self)
{
  GlossAnchorStatus status = gloss_note_get_status (self->note);
  const char *message = NULL;

  if (status == GLOSS_ANCHOR_ORPHANED)
    message = _("Not found in the current text");
  else if (status == GLOSS_ANCHOR_FUZZY)
    message = _("The passage changed slightly");

  gtk_label_set_text (self->attention_label, message ? message : "");
  gtk_widget_set_visible (self->attention_box, message != NULL);
  gtk_widget_set_visible (self->reattach_button, status == GLOSS_ANCHOR_ORPHANED);
}

static void
update_accessible_label (GlossNoteRow *self)
{
  const char *quote = gloss_note_get_quote (self->note);
  const char *text = gloss_note_get_text (self->note);
  g_autofree char *label = NULL;

  if (gloss_note_get_has_range (self->note))
    /* Translators: accessible label of a notes-list row: the quoted passage, then the note */
    label = g_strdup_printf (_("Highlight: %s. Note: %s"), quote, text);
  else
    /* Translators: accessible label of a note on a whole document */
    label = g_strdup_printf (_("Document note: %s"), text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update (GlossNoteRow *self)
{
  g_autofree char *markup = NULL;
  g_autoptr(GVariant) target = NULL;

  if (self->note == NULL)
    return;

  update_color (self);

  if (gloss_note_get_has_range (self->note))
    {
      set_label (self->quote_label, gloss_note_get_quote (self->note));
      gtk_widget_remove_css_class (GTK_WIDGET (self->quote_label), "document-note");
    }
  else
    {
      set_label (self->quote_label, _("Note on the whole document"));
      gtk_widget_add_css_class (GTK_WIDGET (self->quote_label), "document-note");
    }

  markup = gloss_note_markup_from_markdown (gloss_note_get_text (self->note));
  gtk_label_set_markup (self->text_label, markup);
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), markup[0] != '\0');

  update_tags (self);
  update_attention (self);
  update_accessible_label (self);

  target = g_variant_ref_sink (g_variant_new_string (gloss_note_get_id (self->note)));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->reattach_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button), target);
}

/* ------------------------------------------------------------------ */

static void
gloss_note_row_dispose (GObject *object)
{
  GlossNoteRow *self = GLOSS_NOTE_ROW (object);

  gloss_note_row_set_note (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_NOTE_ROW);

  G_OBJECT_CLASS (gloss_note_row_parent_class)->dispose (object);
}

static void
gloss_note_row_finalize (GObject *object)
{
  GlossNoteRow *self = GLOSS_NOTE_ROW (object);

  g_free (self->color_class);

  G_OBJECT_CLASS (gloss_note_row_parent_class)->finalize (object);
}

static void
gloss_note_row_class_init (GlossNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_note_row_dispose;
  object_class->finalize = gloss_note_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossNoteRow, box);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteRow, document_label);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteRow, tags_label);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteRow, attention_box);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteRow, attention_label);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteRow, reattach_button);
  gtk_widget_class_bind_template_child (widget_class, GlossNoteRow, delete_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "noterow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gloss_note_row_init (GlossNoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* the target first: an action with a parameter refuses to go without */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->reattach_button), "s", "");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->reattach_button), "notes.reattach");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "notes.delete");
}

/* ------------------------------------------------------------------ */

GtkWidget *
gloss_note_row_new (void)
{
  return g_object_new (GLOSS_TYPE_NOTE_ROW, NULL);
}

/**
 * gloss_note_row_get_note:
 *
 * Returns: (transfer none) (nullable): the note shown
 */
GlossNote *
gloss_note_row_get_note (GlossNoteRow *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTE_ROW (self), NULL);

  return self->note;
}

/**
 * gloss_note_row_set_note:
 * @note: (nullable): the note to show
 * @document_title: (nullable): the title of its document, shown when
 *   the list spans the library
 */
void
gloss_note_row_set_note (GlossNoteRow *self,
                         GlossNote    *note,
                         const char   *document_title)
{
  g_return_if_fail (GLOSS_IS_NOTE_ROW (self));
  g_return_if_fail (note == NULL || GLOSS_IS_NOTE (note));

  if (self->note != note)
    {
      if (self->note != NULL)
        g_signal_handlers_disconnect_by_func (self->note, update, self);
      g_set_object (&self->note, note);
      if (note != NULL)
        g_signal_connect_swapped (note, "notify", G_CALLBACK (update), self);
    }

  set_label (self->document_label, document_title);
  update (self);
}
