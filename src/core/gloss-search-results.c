/* gloss-search-results.c: everything one query finds, grouped for a view
 *
 * The search index holds the documents; notes and knowledge-base cards
 * are not indexed yet, so they are searched here, folded the same way
 * (gloss_fold()) and with the same rule: every term of the query must
 * occur in one piece of text (a paragraph there, a field here).
 *
 * What the library and the knowledge base hold is copied on the calling
 * thread (titles, note texts, card texts: small), and the rest runs on
 * a worker thread, which never touches a GlossLibrary or a GlossNote.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include "gloss-search-results.h"

#include <string.h>

#include "gloss-error.h"
#include "gloss-search-private.h"
#include "gloss-snippet.h"

struct _GlossSearchResults
{
  GObject     parent_instance;

  char       *query;
  GListStore *rows;
  guint64     n_matches;
  guint       n_documents;
  guint       n_notes;
  guint       n_cards;
  gboolean    truncated;
};

G_DEFINE_FINAL_TYPE (GlossSearchResults, gloss_search_results, G_TYPE_OBJECT)

/* A note or a card, copied for the worker: where it matches is looked
 * for in each field in turn. */
typedef struct
{
  char  *id;
  char  *title;
  GStrv  fields;
} Entry;

typedef struct
{
  GlossSearchIndex *index;
  char             *query;
  guint             limit;
  GHashTable       *titles;   /* document id → title */
  GPtrArray        *notes;    /* of Entry */
  GPtrArray        *cards;    /* of Entry */
} Request;

static void
entry_free (Entry *entry)
{
  g_free (entry->id);
  g_free (entry->title);
  g_strfreev (entry->fields);
  g_free (entry);
}

static void
request_free (Request *request)
{
  g_clear_object (&request->index);
  g_free (request->query);
  g_clear_pointer (&request->titles, g_hash_table_unref);
  g_clear_pointer (&request->notes, g_ptr_array_unref);
  g_clear_pointer (&request->cards, g_ptr_array_unref);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* ------------------------------------------------------------------ */
/* The copy, on the calling thread                                    */

static void
add_field (GStrvBuilder *fields,
           const char   *text)
{
  if (text != NULL && text[0] != '\0')
    g_strv_builder_add (fields, text);
}

static Entry *
entry_new (const char   *id,
           const char   *title,
           GStrvBuilder *fields)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->id = g_strdup (id);
  entry->title = g_strdup (title);
  entry->fields = g_strv_builder_end (fields);
  return entry;
}

static void
copy_notes (Request      *request,
            GlossLibrary *library)
{
  g_autoptr(GPtrArray) notes = gloss_annotations_dup_notes (gloss_library_get_annotations (library),
                                                            NULL);

  for (guint i = 0; i < notes->len; i++)
    {
      GlossNote *note = g_ptr_array_index (notes, i);
      g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();

      /* what the user wrote first: a note found by its own words reads
       * better than one found by the passage it is on */
      add_field (fields, gloss_note_get_text (note));
      add_field (fields, gloss_note_get_quote (note));
      g_ptr_array_add (request->notes,
                       entry_new (gloss_note_get_id (note),
                                  g_hash_table_lookup (request->titles, gloss_note_get_doc_id (note)),
                                  fields));
    }
}

static void
copy_cards (Request    *request,
            GListModel *items)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GlossKbItem) item = g_list_model_get_item (items, i);
      g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
      const char *title = gloss_kb_item_get_title_zh (item);
      const char * const *aliases = gloss_kb_item_get_aliases (item);

      if (title == NULL || title[0] == '\0')
        title = gloss_kb_item_get_title_en (item);
      add_field (fields, gloss_kb_item_get_title_zh (item));
      add_field (fields, gloss_kb_item_get_title_en (item));
      add_field (fields, gloss_kb_item_get_symbol (item));
      for (guint a = 0; aliases != NULL && aliases[a] != NULL; a++)
        add_field (fields, aliases[a]);
      add_field (fields, gloss_kb_item_get_summary_zh (item));
      add_field (fields, gloss_kb_item_get_summary_en (item));
      g_ptr_array_add (request->cards, entry_new (gloss_kb_item_get_id (item), title, fields));
    }
}

static Request *
request_new (GlossSearchIndex   *index,
             GlossLibrary       *library,
             GlossKnowledgeBase *knowledge,
             const char         *query,
             guint               limit)
{
  Request *request = g_new0 (Request, 1);

  request->index = g_object_ref (index);
  request->query = g_strdup (query);
  request->limit = limit;
  request->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  request->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  request->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  if (library != NULL)
    {
      GListModel *documents = gloss_library_get_documents (library);

      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

          g_hash_table_insert (request->titles, g_strdup (gloss_document_get_id (document)),
                               g_strdup (gloss_document_get_title (document)));
        }
      copy_notes (request, library);
    }
  if (knowledge != NULL)
    {
      copy_cards (request, gloss_knowledge_base_get_timeline (knowledge));
      copy_cards (request, gloss_knowledge_base_get_mechanisms (knowledge));
    }
  return request;
}

/* ------------------------------------------------------------------ */
/* The query                                                          */

/**
 * gloss_search_split_query:
 *
 * Returns: (transfer full) (element-type utf8): the folded terms,
 *   perhaps none
 */
GPtrArray *
gloss_search_split_query (const char     *query,
                          GlossFoldFlags  flags)
{
  g_autofree char *folded = NULL;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return g_ptr_array_new_with_free_func (g_free);

  folded = gloss_fold (query, -1, flags, NULL);
  return _gloss_search_split_terms (folded);
}

/* ------------------------------------------------------------------ */
/* Notes and cards, on the worker                                     */

/* Whether every term occurs in text; if so, where the first
 * occurrence of any term is, in code points of text. */
static gboolean
match_text (const char     *text,
            GPtrArray      *terms,
            GlossFoldFlags  flags,
            guint          *start,
            guint          *end)
{
  g_autoptr(GlossFoldMap) map = NULL;
  g_autofree char *folded = gloss_fold (text, -1, flags, &map);
  gsize length = strlen (folded);
  const char *first = NULL;
  gsize first_length = 0;
  guint folded_start;

  for (guint t = 0; t < terms->len; t++)
    {
      const char *term = terms->pdata[t];
      const char *p = memmem (folded, length, term, strlen (term));

      if (p == NULL)
        return FALSE;
      if (first == NULL || p < first)
        {
          first = p;
          first_length = strlen (term);
        }
    }
  if (first == NULL)
    return FALSE;

  folded_start = g_utf8_strlen (folded, first - folded);
  gloss_fold_map_to_original (map, folded_start,
                              folded_start + g_utf8_strlen (first, first_length), start, end);
  return TRUE;
}

/* One row per matching entry; returns how many. */
static guint
add_entries (GPtrArray             *rows,
             GPtrArray             *entries,
             GlossSearchResultKind  kind,
             GPtrArray             *terms,
             GlossFoldFlags         flags,
             GCancellable          *cancellable)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  for (guint i = 0; i < entries->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      Entry *entry = entries->pdata[i];

      for (guint f = 0; entry->fields[f] != NULL; f++)
        {
          g_autofree char *snippet = NULL;
          guint start, end, match_start, match_end;

          if (!match_text (entry->fields[f], terms, flags, &start, &end))
            continue;
          snippet = gloss_snippet_new (entry->fields[f], start, end, GLOSS_SNIPPET_CONTEXT,
                                       &match_start, &match_end);
          g_ptr_array_add (found, gloss_search_result_new_match (kind, entry->id, entry->title,
                                                                 snippet, match_start, match_end));
          break;
        }
    }

  n = found->len;
  if (n > 0)
    {
      g_ptr_array_add (rows, gloss_search_result_new_group (kind == GLOSS_SEARCH_RESULT_NOTE ?
                                                              GLOSS_SEARCH_SOURCE_NOTE :
                                                              GLOSS_SEARCH_SOURCE_CARD,
                                                            NULL, NULL, n, FALSE));
      g_ptr_array_extend_and_steal (rows, g_steal_pointer (&found));
    }
  return n;
}

/* ------------------------------------------------------------------ */
/* Documents, on the worker                                           */

/* The hits come by document, then by position: a heading before each
 * document's run of hits, with its count. */
static void
add_document_hits (GlossSearchResults *self,
                   GPtrArray          *rows,
                   GPtrArray          *hits,
                   GHashTable         *titles)
{
  guint i = 0;

  while (i < hits->len)
    {
      GlossSearchHit *first = hits->pdata[i];
      const char *id = gloss_search_hit_get_source (first);
      const char *title = g_hash_table_lookup (titles, id);
      guint end = i;

      while (end < hits->len &&
             g_strcmp0 (gloss_search_hit_get_source (hits->pdata[end]), id) == 0)
        end++;

      /* the limit cut this document short if it was reached in it */
      g_ptr_array_add (rows, gloss_search_result_new_group (GLOSS_SEARCH_SOURCE_DOCUMENT, id,
                                                            title ? title : id, end - i,
                                                            self->truncated && end == hits->len));
      for (; i < end; i++)
        g_ptr_array_add (rows, gloss_search_result_new_text (hits->pdata[i]));
      self->n_documents++;
    }
}

static GlossSearchResults *
collect (Request       *request,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GlossSearchResults) self = g_object_new (GLOSS_TYPE_SEARCH_RESULTS, NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) terms = NULL;
  GlossFoldFlags flags = gloss_search_index_get_flags (request->index);

  self->query = g_strdup (request->query);

  /* the index also says whether there is anything to search for */
  hits = gloss_search_index_search (request->index, request->query, request->limit,
                                    cancellable, error);
  if (hits == NULL)
    return NULL;

  /* only documents are indexed so far; should notes or cards ever be,
   * they are found below already */
  for (guint i = 0; i < hits->len; i++)
    if (gloss_search_hit_get_kind (hits->pdata[i]) == GLOSS_SEARCH_SOURCE_DOCUMENT)
      g_ptr_array_add (documents, hits->pdata[i]);

  self->n_matches = documents->len;
  self->truncated = request->limit > 0 && hits->len >= request->limit;
  if (self->truncated &&
      !gloss_search_index_count (request->index, request->query, &self->n_matches,
                                 cancellable, error))
    return NULL;
  add_document_hits (self, rows, documents, request->titles);

  terms = gloss_search_split_query (request->query, flags);
  self->n_notes = add_entries (rows, request->notes, GLOSS_SEARCH_RESULT_NOTE, terms, flags,
                               cancellable);
  self->n_cards = add_entries (rows, request->cards, GLOSS_SEARCH_RESULT_CARD, terms, flags,
                               cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_list_store_splice (self->rows, 0, 0, rows->pdata, rows->len);
  return g_steal_pointer (&self);
}

static void
collect_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  GlossSearchResults *results = collect (task_data, cancellable, &error);

  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, g_object_unref);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */

static void
gloss_search_results_finalize (GObject *object)
{
  GlossSearchResults *self = GLOSS_SEARCH_RESULTS (object);

  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->rows);
  G_OBJECT_CLASS (gloss_search_results_parent_class)->finalize (object);
}

static void
gloss_search_results_class_init (GlossSearchResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_search_results_finalize;
}

static void
gloss_search_results_init (GlossSearchResults *self)
{
  self->rows = g_list_store_new (GLOSS_TYPE_SEARCH_RESULT);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */

/**
 * gloss_search_results_collect:
 * @library: (nullable): for document titles and notes
 * @knowledge: (nullable): for cards
 * @limit: at most this many hits in documents (0: all); the count
 *   (gloss_search_results_get_n_matches()) is exact all the same
 *
 * Searches @index (which should be up to date: see
 * gloss_search_index_update()), the notes of @library and the cards of
 * @knowledge. Blocks; errors are those of gloss_search_index_search(),
 * %GLOSS_SEARCH_ERROR_EMPTY_QUERY above all, or %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full): the results, or %NULL with @error set
 */
GlossSearchResults *
gloss_search_results_collect (GlossSearchIndex    *index,
                              GlossLibrary        *library,
                              GlossKnowledgeBase  *knowledge,
                              const char          *query,
                              guint                limit,
                              GCancellable        *cancellable,
                              GError             **error)
{
  g_autoptr(Request) request = NULL;

  g_return_val_if_fail (GLOSS_IS_SEARCH_INDEX (index), NULL);
  g_return_val_if_fail (library == NULL || GLOSS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (knowledge == NULL || GLOSS_IS_KNOWLEDGE_BASE (knowledge), NULL);

  request = request_new (index, library, knowledge, query ? query : "", limit);
  return collect (request, cancellable, error);
}

/**
 * gloss_search_results_collect_async:
 *
 * Like gloss_search_results_collect(), on a worker thread. What it
 * needs of @library and @knowledge is copied before this returns, so
 * they are never used from the worker. For search-as-you-type, cancel
 * the previous call's @cancellable when the query changes.
 */
void
gloss_search_results_collect_async (GlossSearchIndex    *index,
                                    GlossLibrary        *library,
                                    GlossKnowledgeBase  *knowledge,
                                    const char          *query,
                                    guint                limit,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_SEARCH_INDEX (index));
  g_return_if_fail (library == NULL || GLOSS_IS_LIBRARY (library));
  g_return_if_fail (knowledge == NULL || GLOSS_IS_KNOWLEDGE_BASE (knowledge));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_search_results_collect_async);
  g_task_set_task_data (task, request_new (index, library, knowledge, query ? query : "", limit),
                        (GDestroyNotify) request_free);
  g_task_run_in_thread (task, collect_in_thread);
}

/* Returns: (transfer full): the results, or %NULL with @error set */
GlossSearchResults *
gloss_search_results_collect_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
gloss_search_results_get_query (GlossSearchResults *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULTS (self), NULL);
  return self->query;
}

/* Returns: (transfer none): of #GlossSearchResult: a GROUP row before
 * each document's hits, then notes, then cards */
GListModel *
gloss_search_results_get_rows (GlossSearchResults *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULTS (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/* Every hit in documents, as gloss_search_index_count() counts them,
 * also those past the limit. */
guint64
gloss_search_results_get_n_matches (GlossSearchResults *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULTS (self), 0);
  return self->n_matches;
}

/* The documents among the rows: a lower bound when truncated. */
guint
gloss_search_results_get_n_documents (GlossSearchResults *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULTS (self), 0);
  return self->n_documents;
}

guint
gloss_search_results_get_n_notes (GlossSearchResults *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULTS (self), 0);
  return self->n_notes;
}

guint
gloss_search_results_get_n_cards (GlossSearchResults *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULTS (self), 0);
  return self->n_cards;
}

/* Whether the limit left hits in documents out of the rows. */
gboolean
gloss_search_results_get_truncated (GlossSearchResults *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_RESULTS (self), FALSE);
  return self->truncated;
}
