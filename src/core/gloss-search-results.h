/* gloss-search-results.h: everything one query finds, grouped for a view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-knowledge-base.h"
#include "gloss-library.h"
#include "gloss-search-index.h"
#include "gloss-search-result.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SEARCH_RESULTS (gloss_search_results_get_type ())
G_DECLARE_FINAL_TYPE (GlossSearchResults, gloss_search_results, GLOSS, SEARCH_RESULTS, GObject)

GlossSearchResults *gloss_search_results_collect        (GlossSearchIndex    *index,
                                                         GlossLibrary        *library,
                                                         GlossKnowledgeBase  *knowledge,
                                                         const char          *query,
                                                         guint                limit,
                                                         GCancellable        *cancellable,
                                                         GError             **error);
void                gloss_search_results_collect_async  (GlossSearchIndex    *index,
                                                         GlossLibrary        *library,
                                                         GlossKnowledgeBase  *knowledge,
                                                         const char          *query,
                                                         guint                limit,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GlossSearchResults *gloss_search_results_collect_finish (GAsyncResult        *result,
                                                         GError             **error);

const char         *gloss_search_results_get_query       (GlossSearchResults  *self);
GListModel         *gloss_search_results_get_rows        (GlossSearchResults  *self);
guint64             gloss_search_results_get_n_matches   (GlossSearchResults  *self);
guint               gloss_search_results_get_n_documents (GlossSearchResults  *self);
guint               gloss_search_results_get_n_notes     (GlossSearchResults  *self);
guint               gloss_search_results_get_n_cards     (GlossSearchResults  *self);
gboolean            gloss_search_results_get_truncated   (GlossSearchResults  *self);

/* The terms of a query, folded: words split at white space, and
 * "quoted phrases" whole, as gloss_search_index_search() reads it. */
GPtrArray          *gloss_search_split_query             (const char          *query,
                                                         GlossFoldFlags       flags);

G_END_DECLS
