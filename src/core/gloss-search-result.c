/* gloss-search-result.c: one row of a search's results, as a view lists them
 *
 * Results are built in a worker thread and then only read, so a row is
 * immutable and needs no locking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-search-result.h"

#include <string.h>

struct _GlossSearchResult
{
  GObject               parent_instance;

  GlossSearchResultKind kind;
  GlossSearchSourceKind group;
  char                 *id;
  char                 *title;
  guint                 count;
  gboolean              count_is_partial;
  guint                 start;
  guint                 end;
  gint                  page;
  char                 *snippet;
  guint                 snippet_match_start;
  guint                 snippet_match_end;
};

G_DEFINE_FINAL_TYPE (GlossSearchResult, gloss_search_result, G_TYPE_OBJECT)

static void
gloss_search_result_finalize (GObject *object)
{
  GlossSearchResult *self = GLOSS_SEARCH_RESULT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->snippet, g_free);
  G_OBJECT_CLASS (gloss_search_result_parent_class)->finalize (object);
}

static void
gloss_search_result_class_init (GlossSearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_search_result_finalize;
}

static void
gloss_search_result_init (GlossSearchResult *self)
{
}

GlossSearchResult *
gloss_search_result_new_group (GlossSearchSourceKind  group,
                               const char            *id,
                               const char            *title,
                               guint                  count,
                               gboolean               count_is_partial)
{
  GlossSearchResult *self = g_object_new (GLOSS_TYPE_SEARCH_RESULT, NULL);

  self->kind = GLOSS_SEARCH_RESULT_GROUP;
  self->group = group;
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->count = count;
  self->count_is_partial = count_is_partial;
  return self;
}

GlossSearchResult *
gloss_search_result_new_text (GlossSearchHit *hit)
{
  GlossSearchResult *self;

  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (hit), NULL);

  self = g_object_new (GLOSS_TYPE_SEARCH_RESULT, NULL);
  self->kind = GLOSS_SEARCH_RESULT_TEXT;
  self->group = gloss_search_hit_get_kind (hit);
  self->id = g_strdup (gloss_search_hit_get_source (hit));
  self->start = gloss_search_hit_get_start (hit);
  self->end = gloss_search_hit_get_end (hit);
  self->page = gloss_search_hit_get_page (hit);
  self->snippet = g_strdup (gloss_search_hit_get_snippet (hit));
  self->snippet_match_start = gloss_search_hit_get_snippet_match_start (hit);
  self->snippet_match_end = gloss_search_hit_get_snippet_match_end (hit);
  return self;
}

GlossSearchResult *
gloss_search_result_new_match (GlossSearchResultKind  kind,
                               const char            *id,
                               const char            *title,
                               const char            *snippet,
                               guint                  snippet_match_start,
                               guint                  snippet_match_end)
{
  GlossSearchResult *self;

  g_return_val_if_fail (kind == GLOSS_SEARCH_RESULT_NOTE || kind == GLOSS_SEARCH_RESULT_CARD, NULL);

  self = g_object_new (GLOSS_TYPE_SEARCH_RESULT, NULL);
  self->kind = kind;
  self->group = kind == GLOSS_SEARCH_RESULT_NOTE ? GLOSS_SEARCH_SOURCE_NOTE : GLOSS_SEARCH_SOURCE_CARD;
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->snippet = g_strdup (snippet);
  self->snippet_match_start = snippet_match_start;
  self->snippet_match_end = snippet_match_end;
  return self;
}

GlossSearchResultKind
gloss_search_result_get_kind (GlossSearchResult *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULT (self), GLOSS_SEARCH_RESULT_GROUP);
  return self->kind;
}

GlossSearchSourceKind
gloss_search_result_get_group (GlossSearchResult *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULT (self), GLOSS_SEARCH_SOURCE_DOCUMENT);
  return self->group;
}

const char *
gloss_search_result_get_id (GlossSearchResult *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULT (self), NULL);
  return self->id;
}

const char *
gloss_search_result_get_title (GlossSearchResult *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULT (self), NULL);
  return self->title;
}

guint
gloss_search_result_get_count (GlossSearchResult *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULT (self), 0);
  return self->count;
}

gboolean
gloss_search_result_get_count_is_partial (GlossSearchResult *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULT (self), FALSE);
  return self->count_is_partial;
}

guint
gloss_search_result_get_start (GlossSearchResult *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULT (self), 0);
  return self->start;
}

guint
gloss_search_result_get_end (GlossSearchResult *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULT (self), 0);
  return self->end;
}

gint
gloss_search_result_get_page (GlossSearchResult *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULT (self), 0);
  return self->page;
}

const char *
gloss_search_result_get_snippet (GlossSearchResult *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULT (self), NULL);
  return self->snippet;
}

guint
gloss_search_result_get_snippet_match_start (GlossSearchResult *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULT (self), 0);
  return self->snippet_match_start;
}

guint
gloss_search_result_get_snippet_match_end (GlossSearchResult *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULT (self), 0);
  return self->snippet_match_end;
}

static void
append_escaped (GString    *markup,
                const char *start,
                const char *end)
{
  g_autofree char *escaped = g_markup_escape_text (start, end - start);

  g_string_append (markup, escaped);
}

/**
 * gloss_search_result_dup_snippet_markup:
 *
 * The snippet as Pango markup, the match in bold and everything else
 * escaped: a snippet is text from a document or a note, and may hold
 * "<", "&" or what looks like markup.
 *
 * Returns: (transfer full) (nullable): the markup, or %NULL for a group
 */
char *
gloss_search_result_dup_snippet_markup (GlossSearchResult *self)
{
  g_autoptr(GString) markup = NULL;
  const char *text, *end, *match_start, *match_end;
  glong n, first, last;

  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULT (self), NULL);

  if (self->snippet == NULL)
    return NULL;

  /* offsets out of range would be a bug elsewhere: clamp, never crash */
  text = self->snippet;
  end = text + strlen (text);
  n = g_utf8_strlen (text, -1);
  first = MIN ((glong) self->snippet_match_start, n);
  last = CLAMP ((glong) self->snippet_match_end, first, n);
  match_start = g_utf8_offset_to_pointer (text, first);
  match_end = g_utf8_offset_to_pointer (text, last);

  markup = g_string_new (NULL);
  append_escaped (markup, text, match_start);
  g_string_append (markup, "<b>");
  append_escaped (markup, match_start, match_end);
  g_string_append (markup, "</b>");
  append_escaped (markup, match_end, end);
  return g_string_free (g_steal_pointer (&markup), FALSE);
}
