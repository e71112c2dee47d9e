/* gloss-search-pane.h: search the whole library, as you type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-knowledge-base.h"
#include "gloss-library.h"
#include "gloss-search-results.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SEARCH_PANE (gloss_search_pane_get_type ())
G_DECLARE_FINAL_TYPE (GlossSearchPane, gloss_search_pane, GLOSS, SEARCH_PANE, GtkWidget)

/* Properties: "library", "knowledge-base", "fold-chinese-variants",
 * "query" (read-write), "state" (the page shown: "start", "indexing",
 * "message", "results"), "busy", "results".
 * Signals: "result-activated" (doc_id, start, end), "note-activated"
 * (note_id), "item-activated" (item_id). */

GtkWidget          *gloss_search_pane_new                       (void);
GlossLibrary       *gloss_search_pane_get_library               (GlossSearchPane    *self);
void                gloss_search_pane_set_library               (GlossSearchPane    *self,
                                                                 GlossLibrary       *library);
GlossKnowledgeBase *gloss_search_pane_get_knowledge_base        (GlossSearchPane    *self);
void                gloss_search_pane_set_knowledge_base        (GlossSearchPane    *self,
                                                                 GlossKnowledgeBase *knowledge);
gboolean            gloss_search_pane_get_fold_chinese_variants (GlossSearchPane    *self);
void                gloss_search_pane_set_fold_chinese_variants (GlossSearchPane    *self,
                                                                 gboolean            fold);
const char         *gloss_search_pane_get_query                 (GlossSearchPane    *self);
void                gloss_search_pane_set_query                 (GlossSearchPane    *self,
                                                                 const char         *query);
const char         *gloss_search_pane_get_state                 (GlossSearchPane    *self);
gboolean            gloss_search_pane_get_busy                  (GlossSearchPane    *self);
GlossSearchResults *gloss_search_pane_get_results               (GlossSearchPane    *self);
const char         *gloss_search_pane_get_count_text            (GlossSearchPane    *self);
gboolean            gloss_search_pane_activate_result           (GlossSearchPane    *self,
                                                                 guint               position);
void                gloss_search_pane_focus_entry               (GlossSearchPane    *self);
void                gloss_search_pane_reindex                   (GlossSearchPane    *self);

G_END_DECLS
