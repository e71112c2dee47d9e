/* gloss-highlight-colors.c: what each highlight colour key looks like
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The colours themselves are one table in the core (gloss-note.c), for
 * every place that draws a highlight (the palette, the notes pane, the
 * reading view, exports), so that "red" is the same red everywhere; this
 * file turns them into GdkRGBA and CSS.  Fills are pale tints in the light style, where the text
 * is near-black, and deep tints in the dark style, where it is near-
 * white; both keep the text well above WCAG AA contrast (the GUI test
 * checks it).  Lines (underline, strike-through) need to stand out from
 * the page instead, so they are the saturated GNOME palette colours. */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-highlight-colors.h"

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

  g_return_val_if_fail (rgba != NULL, FALSE);

  gdk_rgba_parse (rgba, gloss_note_color_get_hex (color, dark, TRUE, &found));

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

  g_return_val_if_fail (rgba != NULL, FALSE);

  gdk_rgba_parse (rgba, gloss_note_color_get_hex (color, dark, FALSE, &found));

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
  const char *label = gloss_note_color_get_label (color);

  return label ? label : color;
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
  const char * const *keys = gloss_note_colors ();
  GString *css = g_string_new (NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *fill = gloss_note_color_get_hex (keys[i], dark, TRUE, NULL);
      const char *line = gloss_note_color_get_hex (keys[i], dark, FALSE, NULL);

      g_string_append_printf (css,
                              ".highlight-swatch.highlight-%s { background-color: %s; }\n"
                              ".highlight-strip.highlight-%s { background-color: %s; }\n"
                              ".highlight-line-%s { color: %s; }\n",
                              keys[i], fill, keys[i], line, keys[i], line);
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
