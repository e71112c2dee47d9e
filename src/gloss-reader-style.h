/* gloss-reader-style.h: the typography of the reading view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-content.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_READER_STYLE (gloss_reader_style_get_type ())
G_DECLARE_FINAL_TYPE (GlossReaderStyle, gloss_reader_style, GLOSS, READER_STYLE, GObject)

GlossReaderStyle           *gloss_reader_style_new                     (void);
GtkTextTagTable            *gloss_reader_style_get_tag_table           (GlossReaderStyle *self);
GtkTextTag                 *gloss_reader_style_get_document_tag        (GlossReaderStyle *self);
GtkTextTag                 *gloss_reader_style_get_block_tag           (GlossReaderStyle *self,
                                                                        const GlossBlock *block,
                                                                        const char       *text);
GtkTextTag                 *gloss_reader_style_get_footnotes_start_tag (GlossReaderStyle *self);
GtkTextTag                 *gloss_reader_style_get_footnote_ref_tag    (GlossReaderStyle *self);
const PangoFontDescription *gloss_reader_style_get_block_font          (GlossReaderStyle *self,
                                                                        const GlossBlock *block,
                                                                        const char       *text);
PangoAttrList              *gloss_reader_style_get_language_attrs      (GlossReaderStyle *self);
void                        gloss_reader_style_measure                 (GlossReaderStyle *self,
                                                                        PangoContext     *context);
gboolean                    gloss_reader_style_set_width               (GlossReaderStyle *self,
                                                                        int               width);
int                         gloss_reader_style_get_margin              (GlossReaderStyle *self);
void                        gloss_reader_style_set_colors              (GlossReaderStyle *self,
                                                                        const GdkRGBA    *foreground,
                                                                        const GdkRGBA    *accent);
void                        gloss_reader_style_set_fonts               (GlossReaderStyle *self,
                                                                        const char       *cjk_family,
                                                                        const char       *latin_family);
const char                 *gloss_reader_style_get_serif_families      (GlossReaderStyle *self);
void                        gloss_reader_style_set_text_size           (GlossReaderStyle *self,
                                                                        double            points);
void                        gloss_reader_style_set_line_height         (GlossReaderStyle *self,
                                                                        double            line_height);
void                        gloss_reader_style_set_paragraph_spacing   (GlossReaderStyle *self,
                                                                        double            ems);
void                        gloss_reader_style_set_column_width        (GlossReaderStyle *self,
                                                                        int               characters);

G_END_DECLS
