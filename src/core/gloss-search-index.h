/* gloss-search-index.h: search over the library, exact for Chinese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-fold.h"
#include "gloss-library.h"
#include "gloss-search-hit.h"

G_BEGIN_DECLS

/* Bumped whenever what the index stores or how it tokenizes changes:
 * an index of another format is thrown away and rebuilt. */
#define GLOSS_SEARCH_INDEX_FORMAT 4

#define GLOSS_TYPE_SEARCH_INDEX (gloss_search_index_get_type ())
G_DECLARE_FINAL_TYPE (GlossSearchIndex, gloss_search_index, GLOSS, SEARCH_INDEX, GObject)

GlossSearchIndex *gloss_search_index_new           (const char        *library_dir,
                                                    GlossFoldFlags     flags);
const char       *gloss_search_index_get_path      (GlossSearchIndex  *self);
GlossFoldFlags    gloss_search_index_get_flags     (GlossSearchIndex  *self);

/* Bringing the index up to date with the library's documents. */
gboolean          gloss_search_index_update        (GlossSearchIndex  *self,
                                                    GlossLibrary      *library,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
void              gloss_search_index_update_async  (GlossSearchIndex  *self,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
gboolean          gloss_search_index_update_finish (GlossSearchIndex  *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);

/* Other searchable texts: notes and cards (issues 4 and 5). */
gboolean          gloss_search_index_add_text      (GlossSearchIndex  *self,
                                                    GlossSearchSourceKind kind,
                                                    const char        *id,
                                                    const char        *stamp,
                                                    const char        *text,
                                                    GError           **error);
gboolean          gloss_search_index_remove        (GlossSearchIndex  *self,
                                                    GlossSearchSourceKind kind,
                                                    const char        *id,
                                                    GError           **error);
char             *gloss_search_index_dup_stamp     (GlossSearchIndex  *self,
                                                    GlossSearchSourceKind kind,
                                                    const char        *id);

/* Searching. limit 0: every hit. */
GPtrArray        *gloss_search_index_search        (GlossSearchIndex  *self,
                                                    const char        *query,
                                                    guint              limit,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
gboolean          gloss_search_index_count         (GlossSearchIndex  *self,
                                                    const char        *query,
                                                    guint64           *total,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
void              gloss_search_index_search_async  (GlossSearchIndex  *self,
                                                    const char        *query,
                                                    guint              limit,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
GPtrArray        *gloss_search_index_search_finish (GlossSearchIndex  *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);
void              gloss_search_index_count_async   (GlossSearchIndex  *self,
                                                    const char        *query,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
gboolean          gloss_search_index_count_finish  (GlossSearchIndex  *self,
                                                    GAsyncResult      *result,
                                                    guint64           *total,
                                                    GError           **error);

G_END_DECLS
