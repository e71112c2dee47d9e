/* gloss-highlight-palette.c: choose a highlight colour and style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A compact palette for a popover over the selection, the header bar
 * menu and the note editor: one round swatch per colour key, with its
 * digit (the keys 1–8 pick it too), the three highlight styles, and a
 * small editor of what each colour means to the user.  The palette
 * stores nothing itself except colour names: choosing emits
 * "color-chosen" and whoever shows it applies the colour. */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-highlight-colors.h"
#include "gloss-highlight-palette.h"

struct _GlossHighlightPalette
{
  GtkWidget           parent_instance;

  /* Template children */
  GtkWidget          *box;
  GtkBox             *swatch_box;
  GtkToggleButton    *background_button;
  GtkToggleButton    *underline_button;
  GtkToggleButton    *strike_button;
  GtkGrid            *names_grid;

  GPtrArray          *swatches;      /* GtkButton, in palette order */
  GPtrArray          *name_entries;  /* GtkEntry, in palette order */

  GlossAnnotations   *annotations;
  GlossHighlightStyle style;
  char               *color;
};

G_DEFINE_FINAL_TYPE (GlossHighlightPalette, gloss_highlight_palette, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANNOTATIONS,
  PROP_STYLE,
  PROP_COLOR,
  N_PROPS
};

enum {
  COLOR_CHOSEN,
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Swatches and names                                                 */
/* ------------------------------------------------------------------ */

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
update_names (GlossHighlightPalette *self)
{
  const char * const *keys = gloss_note_colors ();

  for (guint i = 0; i < self->swatches->len; i++)
    {
      GtkWidget *swatch = g_ptr_array_index (self->swatches, i);
      GtkEditable *entry = g_ptr_array_index (self->name_entries, i);
      g_autofree char *name = gloss_highlight_colors_dup_name (self->annotations, keys[i]);
      g_autofree char *user_name = NULL;
      g_autofree char *tooltip = NULL;
      guint digit = gloss_highlight_colors_get_shortcut (keys[i]);

      /* Translators: a highlight colour's name and the key that picks it */
      tooltip = digit ? g_strdup_printf (_("%s (%u)"), name, digit) : g_strdup (name);
      gtk_widget_set_tooltip_text (swatch, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (swatch),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);

      /* Never overwrite what the user is typing. */
      if (has_focus_within (GTK_WIDGET (entry)))
        continue;

      if (self->annotations != NULL)
        user_name = gloss_annotations_dup_color_name (self->annotations, keys[i]);
      gtk_editable_set_text (entry, user_name ? user_name : "");
    }
}

static void
update_selected_swatch (GlossHighlightPalette *self)
{
  const char * const *keys = gloss_note_colors ();

  for (guint i = 0; i < self->swatches->len; i++)
    {
      GtkWidget *swatch = g_ptr_array_index (self->swatches, i);

      if (g_strcmp0 (keys[i], self->color) == 0)
        gtk_widget_add_css_class (swatch, "selected");
      else
        gtk_widget_remove_css_class (swatch, "selected");
    }
}

static void
commit_name (GlossHighlightPalette *self,
             GtkEditable           *entry)
{
  const char *color = g_object_get_data (G_OBJECT (entry), "gloss-color");

  gloss_highlight_palette_rename (self, color, gtk_editable_get_text (entry));
}

static void
name_entry_activate_cb (GlossHighlightPalette *self,
                        GtkEntry              *entry)
{
  commit_name (self, GTK_EDITABLE (entry));
}

static void
name_entry_leave_cb (GlossHighlightPalette   *self,
                     GtkEventControllerFocus *controller)
{
  commit_name (self, GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static GtkWidget *
create_swatch (const char *color,
               guint       digit)
{
  g_autofree char *color_class = g_strdup_printf ("highlight-%s", color);
  g_autofree char *digit_text = digit ? g_strdup_printf ("%u", digit) : g_strdup ("");
  GtkWidget *button;
  GtkWidget *label;

  label = gtk_label_new (digit_text);
  gtk_widget_add_css_class (label, "caption");

  button = g_object_new (GTK_TYPE_BUTTON,
                         "child", label,
                         "action-name", "palette.choose",
                         "action-target", g_variant_new_string (color),
                         "valign", GTK_ALIGN_CENTER,
                         NULL);
  gtk_widget_add_css_class (button, "highlight-swatch");
  gtk_widget_add_css_class (button, color_class);

  return button;
}

static void
add_name_row (GlossHighlightPalette *self,
              const char            *color,
              guint                  row)
{
  g_autofree char *color_class = g_strdup_printf ("highlight-%s", color);
  g_autofree char *accessible = NULL;
  GtkEventController *focus;
  GtkWidget *swatch;
  GtkWidget *entry;

  swatch = gtk_label_new (NULL);
  gtk_widget_add_css_class (swatch, "highlight-swatch");
  gtk_widget_add_css_class (swatch, "small");
  gtk_widget_add_css_class (swatch, color_class);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_grid_attach (self->names_grid, swatch, 0, row, 1, 1);

  /* Translators: the accessible label of the entry for what a colour means, e.g. "Meaning of Red" */
  accessible = g_strdup_printf (_("Meaning of %s"), gloss_highlight_colors_get_label (color));
  entry = g_object_new (GTK_TYPE_ENTRY,
                        "placeholder-text", gloss_highlight_colors_get_label (color),
                        "hexpand", TRUE,
                        "max-length", 60,
                        NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (entry), "gloss-color", g_strdup (color), g_free);
  g_signal_connect_object (entry, "activate", G_CALLBACK (name_entry_activate_cb), self,
                           G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (name_entry_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, focus);
  gtk_grid_attach (self->names_grid, entry, 1, row, 1, 1);

  g_ptr_array_add (self->name_entries, entry);
}

static void
build_swatches (GlossHighlightPalette *self)
{
  const char * const *keys = gloss_note_colors ();

  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkWidget *swatch = create_swatch (keys[i], gloss_highlight_colors_get_shortcut (keys[i]));

      gtk_box_append (self->swatch_box, swatch);
      g_ptr_array_add (self->swatches, swatch);
      add_name_row (self, keys[i], i);
    }
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                          */
/* ------------------------------------------------------------------ */

static void
style_toggled_cb (GlossHighlightPalette *self,
                  GtkToggleButton       *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->underline_button)
    gloss_highlight_palette_set_style (self, GLOSS_HIGHLIGHT_UNDERLINE);
  else if (button == self->strike_button)
    gloss_highlight_palette_set_style (self, GLOSS_HIGHLIGHT_STRIKE);
  else
    gloss_highlight_palette_set_style (self, GLOSS_HIGHLIGHT_BACKGROUND);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gloss_highlight_palette_choose (GLOSS_HIGHLIGHT_PALETTE (widget),
                                  g_variant_get_string (parameter, NULL));
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_highlight_palette_dispose (GObject *object)
{
  GlossHighlightPalette *self = GLOSS_HIGHLIGHT_PALETTE (object);

  gloss_highlight_palette_set_annotations (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_HIGHLIGHT_PALETTE);
  g_clear_pointer (&self->swatches, g_ptr_array_unref);
  g_clear_pointer (&self->name_entries, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_highlight_palette_parent_class)->dispose (object);
}

static void
gloss_highlight_palette_finalize (GObject *object)
{
  GlossHighlightPalette *self = GLOSS_HIGHLIGHT_PALETTE (object);

  g_free (self->color);

  G_OBJECT_CLASS (gloss_highlight_palette_parent_class)->finalize (object);
}

static void
gloss_highlight_palette_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GlossHighlightPalette *self = GLOSS_HIGHLIGHT_PALETTE (object);

  switch (prop_id)
    {
    case PROP_ANNOTATIONS:
      g_value_set_object (value, self->annotations);
      break;

    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_highlight_palette_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  GlossHighlightPalette *self = GLOSS_HIGHLIGHT_PALETTE (object);

  switch (prop_id)
    {
    case PROP_ANNOTATIONS:
      gloss_highlight_palette_set_annotations (self, g_value_get_object (value));
      break;

    case PROP_STYLE:
      gloss_highlight_palette_set_style (self, g_value_get_enum (value));
      break;

    case PROP_COLOR:
      gloss_highlight_palette_set_color (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_highlight_palette_class_init (GlossHighlightPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char * const *keys = gloss_note_colors ();

  object_class->dispose = gloss_highlight_palette_dispose;
  object_class->finalize = gloss_highlight_palette_finalize;
  object_class->get_property = gloss_highlight_palette_get_property;
  object_class->set_property = gloss_highlight_palette_set_property;

  properties[PROP_ANNOTATIONS] =
    g_param_spec_object ("annotations", NULL, NULL,
                         GLOSS_TYPE_ANNOTATIONS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STYLE] =
    g_param_spec_enum ("style", NULL, NULL,
                       GLOSS_TYPE_HIGHLIGHT_STYLE, GLOSS_HIGHLIGHT_BACKGROUND,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The colour shown as current (the note's, in the editor); NULL for none. */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossHighlightPalette::color-chosen:
   * @color: the colour key
   * @style: the style chosen in the palette
   *
   * The user picked a colour (a click, or its digit).
   */
  signals[COLOR_CHOSEN] =
    g_signal_new ("color-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, GLOSS_TYPE_HIGHLIGHT_STYLE);

  /**
   * GlossHighlightPalette::error:
   * @error: what went wrong renaming a colour
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_install_action (widget_class, "palette.choose", "s", choose_action);
  for (guint i = 0; keys[i] != NULL && i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, 0,
                                         "palette.choose", "s", keys[i]);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-highlight-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossHighlightPalette, box);
  gtk_widget_class_bind_template_child (widget_class, GlossHighlightPalette, swatch_box);
  gtk_widget_class_bind_template_child (widget_class, GlossHighlightPalette, background_button);
  gtk_widget_class_bind_template_child (widget_class, GlossHighlightPalette, underline_button);
  gtk_widget_class_bind_template_child (widget_class, GlossHighlightPalette, strike_button);
  gtk_widget_class_bind_template_child (widget_class, GlossHighlightPalette, names_grid);
  gtk_widget_class_bind_template_callback (widget_class, style_toggled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "highlightpalette");
}

static void
gloss_highlight_palette_init (GlossHighlightPalette *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->swatches = g_ptr_array_new ();
  self->name_entries = g_ptr_array_new ();
  build_swatches (self);
  update_names (self);

  gloss_highlight_colors_install_css (gtk_widget_get_display (GTK_WIDGET (self)));
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

GtkWidget *
gloss_highlight_palette_new (GlossAnnotations *annotations)
{
  return g_object_new (GLOSS_TYPE_HIGHLIGHT_PALETTE,
                       "annotations", annotations,
                       NULL);
}

/**
 * gloss_highlight_palette_get_annotations:
 *
 * Returns: (transfer none) (nullable): where colour names are kept
 */
GlossAnnotations *
gloss_highlight_palette_get_annotations (GlossHighlightPalette *self)
{
  g_return_val_if_fail (GLOSS_IS_HIGHLIGHT_PALETTE (self), NULL);

  return self->annotations;
}

void
gloss_highlight_palette_set_annotations (GlossHighlightPalette *self,
                                         GlossAnnotations      *annotations)
{
  g_return_if_fail (GLOSS_IS_HIGHLIGHT_PALETTE (self));
  g_return_if_fail (annotations == NULL || GLOSS_IS_ANNOTATIONS (annotations));

  if (self->annotations == annotations)
    return;

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);

  g_set_object (&self->annotations, annotations);

  if (annotations != NULL)
    g_signal_connect_swapped (annotations, "color-names-changed", G_CALLBACK (update_names), self);

  /* also called from dispose, after the template is gone */
  if (self->swatches != NULL)
    update_names (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATIONS]);
}

GlossHighlightStyle
gloss_highlight_palette_get_style (GlossHighlightPalette *self)
{
  g_return_val_if_fail (GLOSS_IS_HIGHLIGHT_PALETTE (self), GLOSS_HIGHLIGHT_BACKGROUND);

  return self->style;
}

void
gloss_highlight_palette_set_style (GlossHighlightPalette *self,
                                   GlossHighlightStyle    style)
{
  GtkToggleButton *buttons[] = { self->background_button, self->underline_button, self->strike_button };

  g_return_if_fail (GLOSS_IS_HIGHLIGHT_PALETTE (self));
  g_return_if_fail (style <= GLOSS_HIGHLIGHT_STRIKE);

  if (self->style == style)
    return;

  self->style = style;
  gtk_toggle_button_set_active (buttons[style], TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

/**
 * gloss_highlight_palette_get_color:
 *
 * Returns: (transfer none) (nullable): the colour shown as current
 */
const char *
gloss_highlight_palette_get_color (GlossHighlightPalette *self)
{
  g_return_val_if_fail (GLOSS_IS_HIGHLIGHT_PALETTE (self), NULL);

  return self->color;
}

void
gloss_highlight_palette_set_color (GlossHighlightPalette *self,
                                   const char            *color)
{
  g_return_if_fail (GLOSS_IS_HIGHLIGHT_PALETTE (self));

  if (g_strcmp0 (self->color, color) == 0)
    return;

  g_free (self->color);
  self->color = g_strdup (color);
  update_selected_swatch (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

/**
 * gloss_highlight_palette_choose:
 *
 * Does what a click on @color's swatch does: makes it current and
 * emits #GlossHighlightPalette::color-chosen.
 */
void
gloss_highlight_palette_choose (GlossHighlightPalette *self,
                                const char            *color)
{
  g_return_if_fail (GLOSS_IS_HIGHLIGHT_PALETTE (self));

  if (!gloss_note_color_is_valid (color))
    {
      g_warning ("“%s” is not a highlight colour", color ? color : "(null)");
      return;
    }

  gloss_highlight_palette_set_color (self, color);
  g_signal_emit (self, signals[COLOR_CHOSEN], 0, color, self->style);
}

/**
 * gloss_highlight_palette_rename:
 * @name: (nullable): what @color means; empty to forget
 *
 * Stores the user's name for @color; emits "error" when it cannot.
 *
 * Returns: whether the name is stored
 */
gboolean
gloss_highlight_palette_rename (GlossHighlightPalette *self,
                                const char            *color,
                                const char            *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  g_return_val_if_fail (GLOSS_IS_HIGHLIGHT_PALETTE (self), FALSE);

  if (self->annotations == NULL)
    return FALSE;

  current = gloss_annotations_dup_color_name (self->annotations, color);
  if (g_strcmp0 (current ? current : "", clean) == 0)
    return TRUE;

  if (!gloss_annotations_set_color_name (self->annotations, color, clean, NULL, &error))
    {
      g_signal_emit (self, signals[ERROR], 0, error);
      return FALSE;
    }

  return TRUE;
}
