/* gloss-highlight-palette.h: choose a highlight colour and style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-annotations.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_HIGHLIGHT_PALETTE (gloss_highlight_palette_get_type ())
G_DECLARE_FINAL_TYPE (GlossHighlightPalette, gloss_highlight_palette, GLOSS, HIGHLIGHT_PALETTE, GtkWidget)

GtkWidget          *gloss_highlight_palette_new             (GlossAnnotations      *annotations);
GlossAnnotations   *gloss_highlight_palette_get_annotations (GlossHighlightPalette *self);
void                gloss_highlight_palette_set_annotations (GlossHighlightPalette *self,
                                                             GlossAnnotations      *annotations);
GlossHighlightStyle gloss_highlight_palette_get_style       (GlossHighlightPalette *self);
void                gloss_highlight_palette_set_style       (GlossHighlightPalette *self,
                                                             GlossHighlightStyle    style);
const char         *gloss_highlight_palette_get_color       (GlossHighlightPalette *self);
void                gloss_highlight_palette_set_color       (GlossHighlightPalette *self,
                                                             const char            *color);
void                gloss_highlight_palette_choose          (GlossHighlightPalette *self,
                                                             const char            *color);
gboolean            gloss_highlight_palette_rename          (GlossHighlightPalette *self,
                                                             const char            *color,
                                                             const char            *name);

G_END_DECLS
