/* gloss-reader-settings.c: the reading view follows the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Applies the reading keys of the GSettings schema (fonts, text size,
 * line and paragraph spacing, column width, colour scheme) to one
 * reading view and the window around it, at once and whenever they
 * change, from the preferences window or from outside (gsettings set).
 *
 * The colour scheme has two parts.  Light and dark are libadwaita's,
 * set on the app-wide style manager.  Sepia is a light app with warm
 * paper colours in the reading view: the "sepia" style class on the
 * themed widget (the window), which style.css gives its colours.
 *
 * The object holds its widgets weakly: the window owns it and drops it
 * in its dispose, and the view may go first.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include "gloss-reader-settings.h"

struct _GlossReaderSettings
{
  GObject          parent_instance;

  GSettings       *settings;
  GlossReaderView *view;    /* weak */
  GtkWidget       *themed;  /* weak */
};

G_DEFINE_FINAL_TYPE (GlossReaderSettings, gloss_reader_settings, G_TYPE_OBJECT)

static const char * const typography_keys[] = {
  "reading-font-cjk",
  "use-latin-font",
  "reading-font-latin",
  "text-size",
  "line-spacing",
  "paragraph-spacing",
  "column-width",
  NULL
};

/* ------------------------------------------------------------------ */

static void
apply_typography (GlossReaderSettings *self)
{
  GlossReaderStyle *style;
  g_autofree char *cjk = NULL;
  g_autofree char *latin = NULL;

  if (self->view == NULL)
    return;

  style = gloss_reader_view_get_style (self->view);
  cjk = g_settings_get_string (self->settings, "reading-font-cjk");
  if (g_settings_get_boolean (self->settings, "use-latin-font"))
    latin = g_settings_get_string (self->settings, "reading-font-latin");

  gloss_reader_style_set_fonts (style, cjk, latin);
  gloss_reader_style_set_text_size (style, g_settings_get_double (self->settings, "text-size"));
  gloss_reader_style_set_line_height (style, g_settings_get_double (self->settings, "line-spacing"));
  gloss_reader_style_set_paragraph_spacing (style, g_settings_get_double (self->settings, "paragraph-spacing"));
  gloss_reader_style_set_column_width (style, g_settings_get_int (self->settings, "column-width"));

  /* The em, which every spacing and the column are counted in, comes
   * from the body font as laid out in the view; the margins follow at
   * the next allocation. */
  gloss_reader_style_measure (style, gtk_widget_get_pango_context (GTK_WIDGET (self->view)));
  gtk_widget_queue_resize (GTK_WIDGET (self->view));
}

static void
apply_color_scheme (GlossReaderSettings *self)
{
  GlossColorScheme scheme = g_settings_get_enum (self->settings, "color-scheme");
  AdwColorScheme adw_scheme;

  switch (scheme)
    {
    case GLOSS_COLOR_SCHEME_LIGHT:
    case GLOSS_COLOR_SCHEME_SEPIA:
      adw_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      break;
    case GLOSS_COLOR_SCHEME_DARK:
      adw_scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      break;
    case GLOSS_COLOR_SCHEME_SYSTEM:
    default:
      /* Light, unless the desktop prefers dark. */
      adw_scheme = ADW_COLOR_SCHEME_DEFAULT;
      break;
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), adw_scheme);

  if (self->themed == NULL)
    return;

  if (scheme == GLOSS_COLOR_SCHEME_SEPIA)
    gtk_widget_add_css_class (self->themed, "sepia");
  else
    gtk_widget_remove_css_class (self->themed, "sepia");
}

static void
settings_changed_cb (GlossReaderSettings *self,
                     const char          *key,
                     GSettings           *settings)
{
  if (g_str_equal (key, "color-scheme"))
    {
      apply_color_scheme (self);
      return;
    }

  if (g_strv_contains (typography_keys, key))
    apply_typography (self);
}

/* ------------------------------------------------------------------ */

static void
gloss_reader_settings_dispose (GObject *object)
{
  GlossReaderSettings *self = GLOSS_READER_SETTINGS (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->view);
  g_clear_weak_pointer (&self->themed);

  G_OBJECT_CLASS (gloss_reader_settings_parent_class)->dispose (object);
}

static void
gloss_reader_settings_class_init (GlossReaderSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_reader_settings_dispose;
}

static void
gloss_reader_settings_init (GlossReaderSettings *self)
{
  self->settings = g_settings_new (APP_ID);
}

/* ------------------------------------------------------------------ */

/**
 * gloss_reader_settings_new:
 * @view: the reading view whose typography follows the settings
 * @themed: (nullable): the widget that takes the "sepia" style class,
 *   usually the window around @view
 *
 * Applies the settings at once, then whenever they change, for as long
 * as the returned object lives.
 *
 * Returns: (transfer full): a new #GlossReaderSettings
 */
GlossReaderSettings *
gloss_reader_settings_new (GlossReaderView *view,
                           GtkWidget       *themed)
{
  GlossReaderSettings *self;

  g_return_val_if_fail (GLOSS_IS_READER_VIEW (view), NULL);
  g_return_val_if_fail (themed == NULL || GTK_IS_WIDGET (themed), NULL);

  self = g_object_new (GLOSS_TYPE_READER_SETTINGS, NULL);
  g_set_weak_pointer (&self->view, view);
  g_set_weak_pointer (&self->themed, themed);

  g_signal_connect_swapped (self->settings, "changed",
                            G_CALLBACK (settings_changed_cb), self);
  apply_typography (self);
  apply_color_scheme (self);

  return self;
}
