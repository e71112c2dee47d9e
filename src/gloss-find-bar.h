/* gloss-find-bar.h: find in the open document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-content.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_FIND_BAR (gloss_find_bar_get_type ())
G_DECLARE_FINAL_TYPE (GlossFindBar, gloss_find_bar, GLOSS, FIND_BAR, GtkWidget)

/* Properties: "content", "buffer", "fold-chinese-variants", "active",
 * "query", "origin", "n-matches", "current", "busy".
 * Signal: "match-selected" (start, end), in code points of the content. */

GtkWidget     *gloss_find_bar_new                       (void);
GlossContent  *gloss_find_bar_get_content               (GlossFindBar  *self);
void           gloss_find_bar_set_content               (GlossFindBar  *self,
                                                         GlossContent  *content);
GtkTextBuffer *gloss_find_bar_get_buffer                (GlossFindBar  *self);
void           gloss_find_bar_set_buffer                (GlossFindBar  *self,
                                                         GtkTextBuffer *buffer);
gboolean       gloss_find_bar_get_fold_chinese_variants (GlossFindBar  *self);
void           gloss_find_bar_set_fold_chinese_variants (GlossFindBar  *self,
                                                         gboolean       fold);
gboolean       gloss_find_bar_get_active                (GlossFindBar  *self);
void           gloss_find_bar_set_active                (GlossFindBar  *self,
                                                         gboolean       active);
const char    *gloss_find_bar_get_query                 (GlossFindBar  *self);
void           gloss_find_bar_set_query                 (GlossFindBar  *self,
                                                         const char    *query);
guint          gloss_find_bar_get_origin                (GlossFindBar  *self);
void           gloss_find_bar_set_origin                (GlossFindBar  *self,
                                                         guint          origin);
guint          gloss_find_bar_get_n_matches             (GlossFindBar  *self);
gint           gloss_find_bar_get_current               (GlossFindBar  *self);
gboolean       gloss_find_bar_get_busy                  (GlossFindBar  *self);
gboolean       gloss_find_bar_get_match                 (GlossFindBar  *self,
                                                         guint          index,
                                                         guint         *start,
                                                         guint         *end);
const char    *gloss_find_bar_get_count_text            (GlossFindBar  *self);
void           gloss_find_bar_open                      (GlossFindBar  *self);
void           gloss_find_bar_close                     (GlossFindBar  *self);
void           gloss_find_bar_next                      (GlossFindBar  *self);
void           gloss_find_bar_previous                  (GlossFindBar  *self);
void           gloss_find_bar_buffer_grew               (GlossFindBar  *self);

G_END_DECLS
