/* gloss-reader-view.h: the reading view of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-content.h"
#include "gloss-reader-style.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_READER_VIEW (gloss_reader_view_get_type ())
typedef enum
{
  GLOSS_REVEAL_NONE   = 0,
  GLOSS_REVEAL_SELECT = 1 << 0,  /* select the passage */
  GLOSS_REVEAL_FLASH  = 1 << 1,  /* mark it briefly */
} GlossRevealFlags;

G_DECLARE_FINAL_TYPE (GlossReaderView, gloss_reader_view, GLOSS, READER_VIEW, GtkWidget)

GtkWidget     *gloss_reader_view_new                  (void);
GlossContent  *gloss_reader_view_get_content          (GlossReaderView *self);
void           gloss_reader_view_set_content          (GlossReaderView *self,
                                                       GlossContent    *content);
void           gloss_reader_view_load                 (GlossReaderView *self,
                                                       GlossContent    *content,
                                                       guint            offset);
gboolean       gloss_reader_view_get_loading          (GlossReaderView *self);
GtkTextBuffer *gloss_reader_view_get_buffer           (GlossReaderView *self);
guint          gloss_reader_view_get_top_offset       (GlossReaderView *self);
void           gloss_reader_view_get_visible_range    (GlossReaderView *self,
                                                       guint           *start,
                                                       guint           *end);
void           gloss_reader_view_scroll_to_offset     (GlossReaderView *self,
                                                       guint            offset);
void           gloss_reader_view_reveal_range         (GlossReaderView *self,
                                                       guint            start,
                                                       guint            end,
                                                       GlossRevealFlags flags);
gboolean       gloss_reader_view_get_selection        (GlossReaderView *self,
                                                       guint           *start,
                                                       guint           *end);
void           gloss_reader_view_select_range         (GlossReaderView *self,
                                                       guint            start,
                                                       guint            end);
void           gloss_reader_view_popup                (GlossReaderView *self,
                                                       GtkWidget       *child,
                                                       guint            start,
                                                       guint            end);
void           gloss_reader_view_popdown              (GlossReaderView *self);
GtkWidget     *gloss_reader_view_get_popup_child      (GlossReaderView *self);
gboolean       gloss_reader_view_open_footnote        (GlossReaderView *self,
                                                       guint            ref_index);
const char    *gloss_reader_view_get_footnote_text    (GlossReaderView *self);
guint          gloss_reader_view_count_unknown_glyphs (GlossReaderView *self);
GlossReaderStyle *gloss_reader_view_get_style         (GlossReaderView *self);

G_END_DECLS
