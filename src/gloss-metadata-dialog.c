/* gloss-metadata-dialog.c: edit a document's title, authors and year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The dialog checks what it can before saving (a title is required; a
 * year, when given, is a plausible year) and says why Save is off.  The
 * library has the last word: whatever it refuses is shown in a toast in
 * the dialog, which stays open so that nothing typed is lost.  Escape
 * and Cancel close it without saving.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-metadata-dialog.h"

#define MIN_YEAR 1000

struct _GlossMetadataDialog
{
  AdwWindow        parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *title_row;
  AdwEntryRow     *authors_row;
  AdwEntryRow     *year_row;
  GtkLabel        *problem_label;

  GlossLibrary    *library;
  GlossDocument   *document;
};

G_DEFINE_FINAL_TYPE (GlossMetadataDialog, gloss_metadata_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */

static int
max_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now) + 1;
}

/* Parses the year field: empty means unknown (0).  Returns FALSE, with
 * a message for the reader, when the text is not a plausible year. */
static gboolean
parse_year (const char  *text,
            gint        *year,
            char       **problem)
{
  guint64 value;

  *year = 0;
  *problem = NULL;

  if (text[0] == '\0')
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, MIN_YEAR, max_year (), &value, NULL))
    {
      *problem = g_strdup_printf (_("The year must be a number from %d to %d, or empty if it is not known"),
                                  MIN_YEAR, max_year ());
      return FALSE;
    }

  *year = (gint) value;

  return TRUE;
}

static char *
dup_stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
validate (GlossMetadataDialog *self)
{
  g_autofree char *title = dup_stripped_text (self->title_row);
  g_autofree char *year_text = dup_stripped_text (self->year_row);
  g_autofree char *year_problem = NULL;
  gboolean title_ok = title[0] != '\0';
  gboolean year_ok;
  gint year;

  year_ok = parse_year (year_text, &year, &year_problem);

  if (title_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");

  if (year_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->year_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->year_row), "error");

  if (!title_ok)
    gtk_label_set_text (self->problem_label, _("A document needs a title"));
  else if (!year_ok)
    gtk_label_set_text (self->problem_label, year_problem);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), !title_ok || !year_ok);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", title_ok && year_ok);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossMetadataDialog *self = GLOSS_METADATA_DIALOG (widget);
  g_autofree char *title = dup_stripped_text (self->title_row);
  g_autofree char *authors = dup_stripped_text (self->authors_row);
  g_autofree char *year_text = dup_stripped_text (self->year_row);
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;
  gint year;

  if (title[0] == '\0' || !parse_year (year_text, &year, &problem))
    return;

  if (!gloss_library_update_metadata (self->library, self->document,
                                      title, authors, year, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
fill_in (GlossMetadataDialog *self)
{
  gint year = gloss_document_get_year (self->document);
  g_autofree char *year_text = year > 0 ? g_strdup_printf ("%d", year) : g_strdup ("");
  const char *authors = gloss_document_get_authors (self->document);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         gloss_document_get_title (self->document));
  gtk_editable_set_text (GTK_EDITABLE (self->authors_row), authors ? authors : "");
  gtk_editable_set_text (GTK_EDITABLE (self->year_row), year_text);

  validate (self);
}

/* ------------------------------------------------------------------ */

static void
gloss_metadata_dialog_constructed (GObject *object)
{
  GlossMetadataDialog *self = GLOSS_METADATA_DIALOG (object);

  G_OBJECT_CLASS (gloss_metadata_dialog_parent_class)->constructed (object);

  g_assert (GLOSS_IS_LIBRARY (self->library));
  g_assert (GLOSS_IS_DOCUMENT (self->document));

  fill_in (self);
}

static void
gloss_metadata_dialog_dispose (GObject *object)
{
  GlossMetadataDialog *self = GLOSS_METADATA_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_METADATA_DIALOG);

  g_clear_object (&self->library);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gloss_metadata_dialog_parent_class)->dispose (object);
}

static void
gloss_metadata_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossMetadataDialog *self = GLOSS_METADATA_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_metadata_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GlossMetadataDialog *self = GLOSS_METADATA_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_metadata_dialog_class_init (GlossMetadataDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_metadata_dialog_constructed;
  object_class->dispose = gloss_metadata_dialog_dispose;
  object_class->get_property = gloss_metadata_dialog_get_property;
  object_class->set_property = gloss_metadata_dialog_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         GLOSS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-metadata-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossMetadataDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossMetadataDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, GlossMetadataDialog, authors_row);
  gtk_widget_class_bind_template_child (widget_class, GlossMetadataDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, GlossMetadataDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, validate);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_metadata_dialog_init (GlossMetadataDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gloss_metadata_dialog_new:
 * @parent: the window the dialog belongs to
 * @library: the library that stores the changes
 * @document: the document to edit
 *
 * Returns: (transfer none): a new modal dialog, not yet shown
 */
GtkWindow *
gloss_metadata_dialog_new (GtkWindow     *parent,
                           GlossLibrary  *library,
                           GlossDocument *document)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  return g_object_new (GLOSS_TYPE_METADATA_DIALOG,
                       "transient-for", parent,
                       "library", library,
                       "document", document,
                       NULL);
}
