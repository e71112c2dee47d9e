/* gloss-search-hit.c: one occurrence found by a search
 *
 * An immutable object, so that a view can hold hits in a GListStore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-search-hit.h"

#include "gloss-search-private.h"

struct _GlossSearchHit
{
  GObject               parent_instance;

  GlossSearchSourceKind kind;
  char                 *source;
  guint                 start;
  guint                 end;
  gint                  page;
  guint                 block;
  char                 *snippet;
  guint                 snippet_match_start;
  guint                 snippet_match_end;
};

G_DEFINE_FINAL_TYPE (GlossSearchHit, gloss_search_hit, G_TYPE_OBJECT)

static const char *const kind_names[] = { "doc", "note", "card" };

const char *
gloss_search_source_kind_to_string (GlossSearchSourceKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
gloss_search_source_kind_from_string (const char            *name,
                                      GlossSearchSourceKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static void
gloss_search_hit_finalize (GObject *object)
{
  GlossSearchHit *self = GLOSS_SEARCH_HIT (object);

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->snippet, g_free);
  G_OBJECT_CLASS (gloss_search_hit_parent_class)->finalize (object);
}

static void
gloss_search_hit_class_init (GlossSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_search_hit_finalize;
}

static void
gloss_search_hit_init (GlossSearchHit *self)
{
}

/* Takes ownership of snippet. */
GlossSearchHit *
_gloss_search_hit_new (GlossSearchSourceKind kind,
                       const char           *source,
                       guint                 start,
                       guint                 end,
                       gint                  page,
                       guint                 block,
                       char                 *snippet,
                       guint                 snippet_match_start,
                       guint                 snippet_match_end)
{
  GlossSearchHit *self = g_object_new (GLOSS_TYPE_SEARCH_HIT, NULL);

  self->kind = kind;
  self->source = g_strdup (source);
  self->start = start;
  self->end = end;
  self->page = page;
  self->block = block;
  self->snippet = snippet;
  self->snippet_match_start = snippet_match_start;
  self->snippet_match_end = snippet_match_end;
  return self;
}

GlossSearchSourceKind
gloss_search_hit_get_kind (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), 0);
  return self->kind;
}

/* The id of the document (or note, or card). */
const char *
gloss_search_hit_get_source (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), NULL);
  return self->source;
}

guint
gloss_search_hit_get_start (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), 0);
  return self->start;
}

guint
gloss_search_hit_get_end (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), 0);
  return self->end;
}

/* The printed page, or 0 where it is not known. */
gint
gloss_search_hit_get_page (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), 0);
  return self->page;
}

/* The index of the block (paragraph) the match starts in. */
guint
gloss_search_hit_get_block (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), 0);
  return self->block;
}

const char *
gloss_search_hit_get_snippet (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), NULL);
  return self->snippet;
}

guint
gloss_search_hit_get_snippet_match_start (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), 0);
  return self->snippet_match_start;
}

guint
gloss_search_hit_get_snippet_match_end (GlossSearchHit *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_HIT (self), 0);
  return self->snippet_match_end;
}
