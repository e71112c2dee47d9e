/* gloss-mention-index.c: the stored mentions of the knowledge base's
 * items in the documents of a library
 *
 * Mentions live in corpus.db (rebuildable data): table mention_runs says,
 * per document, which knowledge base and detection version made its
 * rows in mentions. Both tables hang off the cleaned text, so a document
 * cleaned anew loses its mentions by cascade.
 *
 * Mentions are brought up to date lazily, on the first question asked
 * after something changed (gloss_mention_index_update() runs before every
 * query): a new import, a re-cleaned text or another knowledge base
 * version. That keeps opening the library and importing quick, costs one
 * pass per changed document, and the CLI, which asks once, pays only for
 * what it asks. Which documents are known to be current is remembered
 * in memory, so scrolling queries do not touch the texts.
 *
 * Databases are used from the caller's thread only, as in GlossLibrary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-mention-index.h"

#include <glib/gi18n.h>

#include "gloss-cleaner.h"
#include "gloss-error.h"
#include "gloss-library-private.h"
#include "gloss-mention-group.h"
#include "gloss-mention.h"
#include "gloss-mentions.h"
#include "gloss-snippet.h"

/* Characters of context on each side of a mention in a snippet. */
#define SNIPPET_CONTEXT 40

struct _GlossMentionIndex
{
  GObject              parent_instance;

  GlossLibrary        *library;
  GlossKnowledgeBase  *knowledge;
  GlossMentionMatcher *matcher;       /* NULL until needed, or stale */
  GHashTable          *current;       /* doc id → checksum whose mentions are current */
};

G_DEFINE_FINAL_TYPE (GlossMentionIndex, gloss_mention_index, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LIBRARY,
  PROP_KNOWLEDGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
knowledge_changed (GlossMentionIndex *self)
{
  g_clear_object (&self->matcher);
  g_hash_table_remove_all (self->current);
}

static void
gloss_mention_index_dispose (GObject *object)
{
  GlossMentionIndex *self = GLOSS_MENTION_INDEX (object);

  g_clear_object (&self->matcher);
  g_clear_object (&self->knowledge);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (gloss_mention_index_parent_class)->dispose (object);
}

static void
gloss_mention_index_finalize (GObject *object)
{
  GlossMentionIndex *self = GLOSS_MENTION_INDEX (object);

  g_hash_table_unref (self->current);

  G_OBJECT_CLASS (gloss_mention_index_parent_class)->finalize (object);
}

static void
gloss_mention_index_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossMentionIndex *self = GLOSS_MENTION_INDEX (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:   g_value_set_object (value, self->library); break;
    case PROP_KNOWLEDGE: g_value_set_object (value, self->knowledge); break;
    default:             G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_mention_index_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossMentionIndex *self = GLOSS_MENTION_INDEX (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    case PROP_KNOWLEDGE:
      self->knowledge = g_value_dup_object (value);
      g_signal_connect_object (self->knowledge, "notify::version",
                               G_CALLBACK (knowledge_changed), self, G_CONNECT_SWAPPED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_mention_index_class_init (GlossMentionIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gloss_mention_index_dispose;
  object_class->finalize = gloss_mention_index_finalize;
  object_class->get_property = gloss_mention_index_get_property;
  object_class->set_property = gloss_mention_index_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, GLOSS_TYPE_LIBRARY, flags);
  properties[PROP_KNOWLEDGE] =
    g_param_spec_object ("knowledge", NULL, NULL, GLOSS_TYPE_KNOWLEDGE_BASE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_mention_index_init (GlossMentionIndex *self)
{
  self->current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* ------------------------------------------------------------------ */
/* SQL helpers                                                        */

static sqlite3 *
corpus_db (GlossMentionIndex *self)
{
  return gloss_store_get_corpus_db (_gloss_library_get_store (self->library));
}

static sqlite3_stmt *
prepare (GlossMentionIndex *self,
         const char        *sql,
         GError           **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (corpus_db (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SQL,
                   /* Translators: mentions are the places where the text names a
                    * timeline event or mechanism; %s is SQLite's reason */
                   _("cannot read the mentions: %s"), sqlite3_errmsg (corpus_db (self)));
      return NULL;
    }
  return stmt;
}

static gboolean
step_done (GlossMentionIndex *self,
           sqlite3_stmt      *stmt,
           GError           **error)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SQL,
               /* Translators: %s is SQLite's reason */
               _("cannot store the mentions: %s"), sqlite3_errmsg (corpus_db (self)));
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Keeping mentions current                                           */

static GlossMentionMatcher *
get_matcher (GlossMentionIndex *self)
{
  if (self->matcher == NULL)
    self->matcher = gloss_mention_matcher_new (self->knowledge);
  return self->matcher;
}

/* Whether corpus.db holds mentions made by this matcher from the
 * document's current cleaned text. */
static gboolean
stored_is_current (GlossMentionIndex *self,
                   GlossDocument     *doc)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT r.version FROM mention_runs r"
                                " JOIN texts t ON t.doc_id = r.doc_id"
                                " WHERE r.doc_id = ? AND t.checksum = ? AND t.cleaner_version = ?",
                                NULL);
  gboolean current = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, gloss_document_get_id (doc), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, gloss_document_get_checksum (doc), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, GLOSS_CLEANER_VERSION);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    current = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0),
                         gloss_mention_matcher_get_version (get_matcher (self))) == 0;
  sqlite3_finalize (stmt);
  return current;
}

static gboolean
insert_mentions (GlossMentionIndex *self,
                 const char        *doc_id,
                 GArray            *matches,
                 GError           **error)
{
  sqlite3_stmt *stmt = prepare (self, "INSERT INTO mentions (doc_id, start, end, item_id, kind)"
                                " VALUES (?,?,?,?,?)", error);
  gboolean ok = stmt != NULL;

  for (guint i = 0; ok && i < matches->len; i++)
    {
      const GlossMentionMatch *m = &g_array_index (matches, GlossMentionMatch, i);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, doc_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, m->start);
      sqlite3_bind_int (stmt, 3, m->end);
      sqlite3_bind_text (stmt, 4, m->item_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, gloss_mention_kind_to_string (m->kind), -1, SQLITE_STATIC);
      ok = step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
store_mentions (GlossMentionIndex *self,
                const char        *doc_id,
                GArray            *matches,
                GError           **error)
{
  sqlite3 *db = corpus_db (self);
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!gloss_store_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* the old run's mentions go with it, by cascade */
  ok = (stmt = prepare (self, "DELETE FROM mention_runs WHERE doc_id = ?", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, doc_id, -1, SQLITE_STATIC);
      ok = step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);

  ok = ok && (stmt = prepare (self, "INSERT INTO mention_runs (doc_id, version) VALUES (?, ?)",
                              error)) != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, doc_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, gloss_mention_matcher_get_version (get_matcher (self)), -1,
                         SQLITE_STATIC);
      ok = step_done (self, stmt, error);
      sqlite3_finalize (stmt);
    }

  if (!(ok && insert_mentions (self, doc_id, matches, error)))
    {
      gloss_store_exec (db, "ROLLBACK", NULL);
      return FALSE;
    }
  return gloss_store_exec (db, "COMMIT", error);
}

static gboolean
update_document (GlossMentionIndex *self,
                 GlossDocument     *doc,
                 GError           **error)
{
  g_autoptr(GlossContent) content = NULL;
  g_autoptr(GArray) matches = NULL;

  if (stored_is_current (self, doc))
    return TRUE;

  /* loading may clean the text anew (and so drop the old mentions) */
  content = gloss_library_load_content (self->library, doc, error);
  if (content == NULL)
    return FALSE;
  matches = gloss_mention_matcher_find (get_matcher (self), gloss_content_get_text (content));
  return store_mentions (self, gloss_document_get_id (doc), matches, error);
}

/**
 * gloss_mention_index_update:
 *
 * Finds the mentions in every document whose stored mentions are missing
 * or stale. Every query does this first; call it to choose when the
 * work is done.
 */
gboolean
gloss_mention_index_update (GlossMentionIndex *self,
                            GError           **error)
{
  GListModel *docs;

  g_return_val_if_fail (GLOSS_IS_MENTION_INDEX (self), FALSE);

  docs = gloss_library_get_documents (self->library);
  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(GlossDocument) doc = g_list_model_get_item (docs, i);
      const char *id = gloss_document_get_id (doc);
      const char *checksum = gloss_document_get_checksum (doc);

      if (g_strcmp0 (g_hash_table_lookup (self->current, id), checksum) == 0)
        continue;
      if (!update_document (self, doc, error))
        return FALSE;
      g_hash_table_insert (self->current, g_strdup (id), g_strdup (checksum));
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Queries                                                            */

static GlossMention *
mention_from_row (sqlite3_stmt *stmt,
                  GlossContent *content)
{
  guint start = sqlite3_column_int (stmt, 2), end = sqlite3_column_int (stmt, 3);
  guint match_start, match_end;
  g_autofree char *snippet = content ? gloss_snippet_new_from_content (content, start, end, SNIPPET_CONTEXT,
                                                                      &match_start, &match_end)
                                     : NULL;

  return gloss_mention_new ((const char *) sqlite3_column_text (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1), start, end,
                            (const char *) sqlite3_column_text (stmt, 4),
                            content ? gloss_content_page_at (content, start) : 0, snippet);
}

#define MENTION_COLUMNS "SELECT item_id, doc_id, start, end, kind FROM mentions"

/**
 * gloss_mention_index_list_item_mentions:
 *
 * The passages that mention an item, for its card: one group per
 * document (in the library's order), each with its mentions in text
 * order, with page and snippet.
 *
 * Returns: (transfer full): a list model of #GlossMentionGroup
 */
GListModel *
gloss_mention_index_list_item_mentions (GlossMentionIndex *self,
                                        const char        *item_id,
                                        GError           **error)
{
  GListStore *groups = NULL;
  GListModel *docs;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_MENTION_INDEX (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  if (!gloss_mention_index_update (self, error) ||
      !(stmt = prepare (self, MENTION_COLUMNS " WHERE item_id = ? AND doc_id = ? ORDER BY start",
                        error)))
    return NULL;

  groups = g_list_store_new (GLOSS_TYPE_MENTION_GROUP);
  docs = gloss_library_get_documents (self->library);
  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(GlossDocument) doc = g_list_model_get_item (docs, i);
      g_autoptr(GListStore) mentions = g_list_store_new (GLOSS_TYPE_MENTION);
      g_autoptr(GlossContent) content = NULL;
      g_autoptr(GlossMentionGroup) group = NULL;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, gloss_document_get_id (doc), -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(GlossMention) mention = NULL;

          /* the text only for documents that mention the item */
          if (content == NULL && !(content = gloss_library_load_content (self->library, doc, error)))
            {
              sqlite3_finalize (stmt);
              g_object_unref (groups);
              return NULL;
            }
          mention = mention_from_row (stmt, content);
          g_list_store_append (mentions, mention);
        }
      if (g_list_model_get_n_items (G_LIST_MODEL (mentions)) == 0)
        continue;
      group = gloss_mention_group_new (doc, G_LIST_MODEL (mentions));
      g_list_store_append (groups, group);
    }
  sqlite3_finalize (stmt);
  return G_LIST_MODEL (groups);
}

static GListModel *
list_rows (GlossMentionIndex *self,
           const char        *sql,
           const char        *arg,
           GError           **error)
{
  g_autoptr(GListStore) mentions = NULL;
  sqlite3_stmt *stmt;

  if (!gloss_mention_index_update (self, error) || !(stmt = prepare (self, sql, error)))
    return NULL;
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);

  mentions = g_list_store_new (GLOSS_TYPE_MENTION);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GlossMention) mention = mention_from_row (stmt, NULL);

      g_list_store_append (mentions, mention);
    }
  sqlite3_finalize (stmt);
  return G_LIST_MODEL (g_steal_pointer (&mentions));
}

/**
 * gloss_mention_index_list_document_mentions:
 *
 * Every mention in one document, in text order, for the reading view's
 * mention layer (no snippets: the view has the text).
 *
 * Returns: (transfer full): a list model of #GlossMention
 */
GListModel *
gloss_mention_index_list_document_mentions (GlossMentionIndex *self,
                                            const char        *document_id,
                                            GError           **error)
{
  g_return_val_if_fail (GLOSS_IS_MENTION_INDEX (self), NULL);
  g_return_val_if_fail (document_id != NULL, NULL);
  return list_rows (self, MENTION_COLUMNS " WHERE doc_id = ? ORDER BY start", document_id, error);
}

/**
 * gloss_mention_index_list_all:
 *
 * Every mention in the library, by item, then document, then offset.
 *
 * Returns: (transfer full): a list model of #GlossMention
 */
GListModel *
gloss_mention_index_list_all (GlossMentionIndex *self,
                              GError           **error)
{
  g_return_val_if_fail (GLOSS_IS_MENTION_INDEX (self), NULL);
  return list_rows (self, MENTION_COLUMNS " ORDER BY item_id, doc_id, start", NULL, error);
}

/**
 * gloss_mention_index_items_in_range:
 * @start: first code point of the range
 * @end: end of the range, exclusive
 *
 * The items mentioned in a passage (what the panels light up as the
 * reader scrolls): each item once, in the order of its first mention.
 * A mention that overlaps the range counts.
 *
 * Returns: (transfer container) (element-type GlossKbItem): the items
 */
GPtrArray *
gloss_mention_index_items_in_range (GlossMentionIndex *self,
                                    const char        *document_id,
                                    guint              start,
                                    guint              end,
                                    GError           **error)
{
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_MENTION_INDEX (self), NULL);
  g_return_val_if_fail (document_id != NULL, NULL);

  if (!gloss_mention_index_update (self, error) ||
      !(stmt = prepare (self, "SELECT item_id FROM mentions"
                        " WHERE doc_id = ? AND start < ? AND end > ?"
                        " GROUP BY item_id ORDER BY MIN(start)", error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, document_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, end);
  sqlite3_bind_int (stmt, 3, start);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GlossKbItem *item = gloss_knowledge_base_lookup (self->knowledge,
                                                       (const char *) sqlite3_column_text (stmt, 0));

      if (item != NULL)
        g_ptr_array_add (items, g_object_ref (item));
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&items);
}

/* ------------------------------------------------------------------ */

GlossMentionIndex *
gloss_mention_index_new (GlossLibrary       *library,
                         GlossKnowledgeBase *knowledge)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (GLOSS_IS_KNOWLEDGE_BASE (knowledge), NULL);

  return g_object_new (GLOSS_TYPE_MENTION_INDEX, "library", library, "knowledge", knowledge, NULL);
}

GlossLibrary *
gloss_mention_index_get_library (GlossMentionIndex *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION_INDEX (self), NULL);
  return self->library;
}

GlossKnowledgeBase *
gloss_mention_index_get_knowledge (GlossMentionIndex *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION_INDEX (self), NULL);
  return self->knowledge;
}
