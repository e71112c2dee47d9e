/* gloss-highlight-colors.c: what each highlight colour key looks like
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One table for every place that draws a highlight (the palette, the
 * notes pane, the reading view), so that "red" is the same red
 * everywhere.  Fills are pale tints in the light style, where the text
 * is near-black, and deep tints in the dark style, where it is near-
 * white; both keep the text well above WCAG AA contrast (the GUI test
 * checks it).  Lines (underline, strike-through) need to stand out from
 * the page instead, so they are the saturated GNOME palette colours. */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-highlight-colors.h"

typedef struct
{
  const char *key;
  const char *label;
  const char *light_fill;
  const char *dark_fill;
  const char *light_line;
  const char *dark_line;
} ColorEntry;

static const ColorEntry entries[] = {
  { "red",    N_("Red"),    "#ffc9c4", "#7d2b2b", "#e01b24", "#ff7b63" },
  { "orange", N_("Orange"), "#ffd9ad", "#7a4617", "#e66100", "#ffa348" },
  { "yellow", N_("Yellow"), "#fff08c", "#675812", "#c88800", "#f8e45c" },
  { "green",  N_("Green"),  "#c6efc4", "#2b5a30", "#26a269", "#8ff0a4" },
  { "teal",   N_("Teal"),   "#b6ebe6", "#1d5753", "#0f8a7e", "#7adfd3" },
  { "blue",   N_("Blue"),   "#c9dcff", "#27466f", "#1c71d8", "#99c1f1" },
  { "purple", N_("Purple"), "#e5d3ff", "#4e3573", "#9141ac", "#dc8add" },
  { "gray",   N_("Gray"),   "#dedddb", "#4a4a4d", "#77767b", "#c0bfbc" },
};

static const ColorEntry *
find_entry (const char *color)
{
  for (guint i = 0; color != NULL && i < G_N_ELEMENTS (entries); i++)
    if (g_str_equal (entries[i].key, color))
      return &entries[i];

  return NULL;
}

/* An unknown key (a palette grown in a newer core) gets the gray entry,
 * so it is still drawn, only without its own colour. */
static const ColorEntry *
find_entry_or_gray (const char *color,
                    gboolean   *found)
{
  const ColorEntry *entry = find_entry (color);

  *found = entry != NULL;

  return entry ? entry : find_entry ("gray");
}

/**
 * gloss_highlight_colors_get_fill:
 * @dark: whether the dark style is in use
 *
 * The background of a highlight in @color.
 *
 * Returns: %FALSE if @color is not a known key (@rgba is then gray)
 */
gboolean
gloss_highlight_colors_get_fill (const char *color,
                                 gboolean    dark,
                                 GdkRGBA    *rgba)
{
  gboolean found;
  const ColorEntry *entry = find_entry_or_gray (color, &found);

  g_return_val_if_fail (rgba != NULL, FALSE);

  gdk_rgba_parse (rgba, dark ? entry->dark_fill : entry->light_fill);

  return found;
}

/**
 * gloss_highlight_colors_get_line:
 * @dark: whether the dark style is in use
 *
 * The colour of an underline or strike-through in @color.
 *
 * Returns: %FALSE if @color is not a known key (@rgba is then gray)
 */
gboolean
gloss_highlight_colors_get_line (const char *color,
                                 gboolean    dark,
                                 GdkRGBA    *rgba)
{
  gboolean found;
  const ColorEntry *entry = find_entry_or_gray (color, &found);

  g_return_val_if_fail (rgba != NULL, FALSE);

  gdk_rgba_parse (rgba, dark ? entry->dark_line : entry->light_line);

  return found;
}

/**
 * gloss_highlight_colors_get_label:
 *
 * Returns: (transfer none): the translated name of the colour itself
 *   ("Yellow"), or @color when it is not a known key
 */
const char *
gloss_highlight_colors_get_label (const char *color)
{
  const ColorEntry *entry = find_entry (color);

  return entry ? _(entry->label) : color;
}

/**
 * gloss_highlight_colors_dup_name:
 * @annotations: (nullable): where the user's colour names are kept
 *
 * What to call @color in the interface: the meaning the user gave it
 * ("disputed"), else the colour's own name.
 *
 * Returns: (transfer full): the name
 */
char *
gloss_highlight_colors_dup_name (GlossAnnotations *annotations,
                                 const char       *color)
{
  g_autofree char *name = NULL;

  if (annotations != NULL)
    name = gloss_annotations_dup_color_name (annotations, color);

  if (name != NULL && name[0] != '\0')
    return g_steal_pointer (&name);

  return g_strdup (gloss_highlight_colors_get_label (color));
}

/**
 * gloss_highlight_colors_get_shortcut:
 *
 * Returns: the digit (1–9) that picks @color in the palette, or 0
 */
guint
gloss_highlight_colors_get_shortcut (const char *color)
{
  const char * const *keys = gloss_note_colors ();

  for (guint i = 0; keys[i] != NULL && i < 9; i++)
    if (g_strcmp0 (keys[i], color) == 0)
      return i + 1;

  return 0;
}

/**
 * gloss_highlight_colors_dup_css:
 * @dark: whether the dark style is in use
 *
 * Style classes for swatches: `.highlight-swatch.highlight-KEY` gets
 * the fill as its background, `.highlight-strip.highlight-KEY` the
 * line colour (a thin mark that must stand out), `.highlight-line-KEY`
 * the line colour as its text colour.
 *
 * Returns: (transfer full): a style sheet
 */
char *
gloss_highlight_colors_dup_css (gboolean dark)
{
  GString *css = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      const ColorEntry *entry = &entries[i];

      g_string_append_printf (css,
                              ".highlight-swatch.highlight-%s { background-color: %s; }\n"
                              ".highlight-strip.highlight-%s { background-color: %s; }\n"
                              ".highlight-line-%s { color: %s; }\n",
                              entry->key, dark ? entry->dark_fill : entry->light_fill,
                              entry->key, dark ? entry->dark_line : entry->light_line,
                              entry->key, dark ? entry->dark_line : entry->light_line);
    }

  return g_string_free (css, FALSE);
}

static void
reload_css (GtkCssProvider  *provider,
            GParamSpec      *pspec,
            AdwStyleManager *manager)
{
  g_autofree char *css = gloss_highlight_colors_dup_css (adw_style_manager_get_dark (manager));

  gtk_css_provider_load_from_data (provider, css, -1);
}

/**
 * gloss_highlight_colors_install_css:
 *
 * Adds the swatch style classes to @display, once, and keeps them in
 * step with the light or dark style.  Widgets that show swatches call
 * it when they are created.
 */
void
gloss_highlight_colors_install_css (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;
  AdwStyleManager *manager;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "gloss-highlight-css") != NULL)
    return;

  provider = gtk_css_provider_new ();
  manager = adw_style_manager_get_for_display (display);
  reload_css (provider, NULL, manager);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (reload_css), provider,
                           G_CONNECT_SWAPPED);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "gloss-highlight-css",
                          g_steal_pointer (&provider), g_object_unref);
}
