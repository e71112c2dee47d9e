/* gloss-search-hit.h: one occurrence found by a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a searchable text is. Only documents are indexed so far; notes
 * and knowledge-base cards go through gloss_search_index_add_text(). */
typedef enum
{
  GLOSS_SEARCH_SOURCE_DOCUMENT,
  GLOSS_SEARCH_SOURCE_NOTE,
  GLOSS_SEARCH_SOURCE_CARD,
} GlossSearchSourceKind;

const char *gloss_search_source_kind_to_string   (GlossSearchSourceKind  kind);
gboolean    gloss_search_source_kind_from_string (const char            *name,
                                                  GlossSearchSourceKind *kind);

#define GLOSS_TYPE_SEARCH_HIT (gloss_search_hit_get_type ())
G_DECLARE_FINAL_TYPE (GlossSearchHit, gloss_search_hit, GLOSS, SEARCH_HIT, GObject)

/* Offsets count code points of the source's original text (for a
 * document, its cleaned text: what `gloss show` prints), end exclusive.
 * The snippet is a piece of the same paragraph around the match, and
 * the match is at [snippet_match_start, snippet_match_end) in it, in
 * code points, so that a view can set it in bold. */
GlossSearchSourceKind gloss_search_hit_get_kind                (GlossSearchHit *self);
const char           *gloss_search_hit_get_source              (GlossSearchHit *self);
guint                 gloss_search_hit_get_start               (GlossSearchHit *self);
guint                 gloss_search_hit_get_end                 (GlossSearchHit *self);
gint                  gloss_search_hit_get_page                (GlossSearchHit *self);
guint                 gloss_search_hit_get_block               (GlossSearchHit *self);
const char           *gloss_search_hit_get_snippet             (GlossSearchHit *self);
guint                 gloss_search_hit_get_snippet_match_start (GlossSearchHit *self);
guint                 gloss_search_hit_get_snippet_match_end   (GlossSearchHit *self);

G_END_DECLS
