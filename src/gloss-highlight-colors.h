/* gloss-highlight-colors.h: what each highlight colour key looks like
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-annotations.h"

G_BEGIN_DECLS

/* The colours of a key: a fill that text stays readable on, and a
 * stronger line for underline and strike-through, each for the light
 * and the dark style. Keys are those of gloss_note_colors(). */

gboolean    gloss_highlight_colors_get_fill     (const char       *color,
                                                 gboolean          dark,
                                                 GdkRGBA          *rgba);
gboolean    gloss_highlight_colors_get_line     (const char       *color,
                                                 gboolean          dark,
                                                 GdkRGBA          *rgba);
const char *gloss_highlight_colors_get_label    (const char       *color);
char       *gloss_highlight_colors_dup_name     (GlossAnnotations *annotations,
                                                 const char       *color);
guint       gloss_highlight_colors_get_shortcut (const char       *color);
char       *gloss_highlight_colors_dup_css      (gboolean          dark);
void        gloss_highlight_colors_install_css  (GdkDisplay       *display);

G_END_DECLS
