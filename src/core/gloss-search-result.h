/* gloss-search-result.h: one row of a search's results, as a view lists them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "gloss-search-hit.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_SEARCH_RESULT_GROUP,   /* a heading: one document, the notes, or the cards */
  GLOSS_SEARCH_RESULT_TEXT,    /* an occurrence in a document's text */
  GLOSS_SEARCH_RESULT_NOTE,    /* a note whose text or quote matches */
  GLOSS_SEARCH_RESULT_CARD,    /* a timeline event or mechanism that matches */
} GlossSearchResultKind;

#define GLOSS_TYPE_SEARCH_RESULT (gloss_search_result_get_type ())
G_DECLARE_FINAL_TYPE (GlossSearchResult, gloss_search_result, GLOSS, SEARCH_RESULT, GObject)

/* An immutable row. What each getter means per kind:
 *
 *   id:      GROUP of documents and TEXT: the document id; NOTE: the
 *            note id; CARD: the item id; GROUP of notes or cards: NULL
 *   title:   GROUP: the document title (NULL for notes and cards);
 *            NOTE: the title of the note's document; CARD: its title
 *   group:   what a GROUP heads (and what the other rows are in)
 *   count:   GROUP: how many rows follow it; count_is_partial when the
 *            search stopped at its limit inside this group
 *   start, end, page: TEXT: where in the document (page 0: not known)
 *   snippet: TEXT, NOTE, CARD: a line around the match, which is at
 *            [snippet_match_start, snippet_match_end) in code points */

GlossSearchResult    *gloss_search_result_new_group       (GlossSearchSourceKind  group,
                                                           const char            *id,
                                                           const char            *title,
                                                           guint                  count,
                                                           gboolean               count_is_partial);
GlossSearchResult    *gloss_search_result_new_text        (GlossSearchHit        *hit);
GlossSearchResult    *gloss_search_result_new_match       (GlossSearchResultKind  kind,
                                                           const char            *id,
                                                           const char            *title,
                                                           const char            *snippet,
                                                           guint                  snippet_match_start,
                                                           guint                  snippet_match_end);

GlossSearchResultKind gloss_search_result_get_kind        (GlossSearchResult     *self);
GlossSearchSourceKind gloss_search_result_get_group       (GlossSearchResult     *self);
const char           *gloss_search_result_get_id          (GlossSearchResult     *self);
const char           *gloss_search_result_get_title       (GlossSearchResult     *self);
guint                 gloss_search_result_get_count       (GlossSearchResult     *self);
gboolean              gloss_search_result_get_count_is_partial (GlossSearchResult *self);
guint                 gloss_search_result_get_start       (GlossSearchResult     *self);
guint                 gloss_search_result_get_end         (GlossSearchResult     *self);
gint                  gloss_search_result_get_page        (GlossSearchResult     *self);
const char           *gloss_search_result_get_snippet     (GlossSearchResult     *self);
guint                 gloss_search_result_get_snippet_match_start (GlossSearchResult *self);
guint                 gloss_search_result_get_snippet_match_end   (GlossSearchResult *self);
char                 *gloss_search_result_dup_snippet_markup      (GlossSearchResult *self);

G_END_DECLS
