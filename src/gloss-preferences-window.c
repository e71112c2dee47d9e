/* gloss-preferences-window.c: the reading and search preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every row is bound to a GSettings key, and nothing else: the window
 * keeps no state of its own, so a change shows in the reading view at
 * once (GlossReaderSettings applies it) and there is nothing to apply
 * or save on closing.
 *
 * The font buttons choose families only.  The Chinese one lists only
 * the families that fontconfig says cover Simplified Chinese, since a
 * face without Han characters would leave the text to fallback fonts;
 * the Latin one lists the families that cover English.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <fontconfig/fontconfig.h>

#include "gloss-preferences-window.h"
#include "gloss-reader-settings.h"

struct _GlossPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template children */
  GtkFontButton        *cjk_font_button;
  AdwExpanderRow       *latin_font_expander;
  GtkFontButton        *latin_font_button;
  GtkSpinButton        *text_size_spin;
  GtkSpinButton        *line_spacing_spin;
  GtkSpinButton        *paragraph_spacing_spin;
  GtkSpinButton        *column_width_spin;
  AdwComboRow          *color_scheme_row;
  GtkSwitch            *fold_switch;

  GSettings            *settings;
  GHashTable           *cjk_families;
  GHashTable           *latin_families;
};

G_DEFINE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* In the order of the combo row's items. */
static const char * const color_scheme_nicks[] = { "system", "light", "dark", "sepia" };

/* ------------------------------------------------------------------ */
/* Fonts                                                              */
/* ------------------------------------------------------------------ */

/* The names of the families that cover @lang (an RFC 3066 tag as
 * fontconfig knows it, such as zh-cn), every name a family goes by. */
static GHashTable *
list_families_for_language (const char *lang)
{
  GHashTable *families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  FcPattern *pattern = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, NULL);
  FcLangSet *langs = FcLangSetCreate ();
  FcFontSet *fonts;

  FcLangSetAdd (langs, (const FcChar8 *) lang);
  FcPatternAddLangSet (pattern, FC_LANG, langs);
  fonts = FcFontList (NULL, pattern, objects);

  for (int i = 0; fonts != NULL && i < fonts->nfont; i++)
    {
      FcChar8 *family;

      for (int n = 0; FcPatternGetString (fonts->fonts[i], FC_FAMILY, n, &family) == FcResultMatch; n++)
        g_hash_table_add (families, g_strdup ((const char *) family));
    }

  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcLangSetDestroy (langs);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);

  return families;
}

static gboolean
family_in_set (const PangoFontFamily *family,
               const PangoFontFace   *face,
               gpointer               data)
{
  GHashTable *families = data;

  /* An empty set means fontconfig could not tell: show everything
   * rather than nothing. */
  return g_hash_table_size (families) == 0 ||
         g_hash_table_contains (families, pango_font_family_get_name ((PangoFontFamily *) family));
}

/* A family name in the settings, a font description in the button. */
static gboolean
family_to_font_desc (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, g_variant_get_string (variant, NULL));
  g_value_take_boxed (value, desc);

  return TRUE;
}

static GVariant *
font_desc_to_family (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  const PangoFontDescription *desc = g_value_get_boxed (value);
  const char *family = desc ? pango_font_description_get_family (desc) : NULL;

  if (family == NULL || *family == '\0')
    return NULL;

  return g_variant_new_string (family);
}

/* ------------------------------------------------------------------ */
/* Other mappings                                                     */
/* ------------------------------------------------------------------ */

/* column-width is an integer; a spin button's value is a double. */
static gboolean
int_to_double (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant));
  return TRUE;
}

static GVariant *
double_to_int (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) (g_value_get_double (value) + 0.5));
}

static gboolean
color_scheme_to_position (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_scheme_nicks); i++)
    {
      if (g_str_equal (nick, color_scheme_nicks[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
position_to_color_scheme (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (color_scheme_nicks))
    return NULL;

  return g_variant_new_string (color_scheme_nicks[position]);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_preferences_window_dispose (GObject *object)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->dispose (object);
}

static void
gloss_preferences_window_finalize (GObject *object)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->cjk_families, g_hash_table_unref);
  g_clear_pointer (&self->latin_families, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->finalize (object);
}

static void
gloss_preferences_window_class_init (GlossPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_preferences_window_dispose;
  object_class->finalize = gloss_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, cjk_font_button);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, latin_font_expander);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, latin_font_button);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, text_size_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, line_spacing_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, paragraph_spacing_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, column_width_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, fold_switch);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_preferences_window_init (GlossPreferencesWindow *self)
{
  /* A Chinese sample with some Latin in it, as the texts have; the same
   * in every locale, since the texts are. */
  const char *preview = "联合国信息安全政府专家组（UN GGE）2015年报告 A/70/174";

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  self->cjk_families = list_families_for_language ("zh-cn");
  self->latin_families = list_families_for_language ("en");
  gtk_font_chooser_set_filter_func (GTK_FONT_CHOOSER (self->cjk_font_button),
                                    family_in_set, self->cjk_families, NULL);
  gtk_font_chooser_set_filter_func (GTK_FONT_CHOOSER (self->latin_font_button),
                                    family_in_set, self->latin_families, NULL);
  gtk_font_chooser_set_preview_text (GTK_FONT_CHOOSER (self->cjk_font_button), preview);
  gtk_font_chooser_set_preview_text (GTK_FONT_CHOOSER (self->latin_font_button), preview);

  g_settings_bind_with_mapping (self->settings, "reading-font-cjk",
                                self->cjk_font_button, "font-desc",
                                G_SETTINGS_BIND_DEFAULT,
                                family_to_font_desc, font_desc_to_family, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "reading-font-latin",
                                self->latin_font_button, "font-desc",
                                G_SETTINGS_BIND_DEFAULT,
                                family_to_font_desc, font_desc_to_family, NULL, NULL);
  g_settings_bind (self->settings, "use-latin-font",
                   self->latin_font_expander, "enable-expansion",
                   G_SETTINGS_BIND_DEFAULT);

  g_settings_bind (self->settings, "text-size",
                   self->text_size_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "line-spacing",
                   self->line_spacing_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "paragraph-spacing",
                   self->paragraph_spacing_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "column-width",
                                self->column_width_spin, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                int_to_double, double_to_int, NULL, NULL);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_to_position, position_to_color_scheme, NULL, NULL);

  g_settings_bind (self->settings, "fold-chinese-variants",
                   self->fold_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

/* ------------------------------------------------------------------ */

/**
 * gloss_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new preferences window, not yet shown
 */
GtkWindow *
gloss_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (GLOSS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       /* Not modal: the reader scrolls the text to see
                        * what a change does. */
                       "modal", FALSE,
                       "destroy-with-parent", TRUE,
                       NULL);
}
