/* gloss-knowledge-base.c: the timeline events and the cooperation mechanisms
 *
 * The bundled items are data (data/knowledge/, compiled into the core's
 * GResource). The user's own timeline events will be merged in with
 * gloss_knowledge_base_add_item(); ids are unique across everything.
 *
 * The "version" is a digest of what mention detection reads (ids, dates,
 * lanes, types, titles, symbols, aliases): stored mentions computed with
 * another version are stale. Editing a summary does not change it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-knowledge-base.h"

#include <glib/gi18n.h>

#include "gloss-core-resources.h"
#include "gloss-error.h"

struct _GlossKnowledgeBase
{
  GObject     parent_instance;

  GListStore *timeline;
  GListStore *mechanisms;
  GHashTable *by_id;        /* id → GlossKbItem (the first with that id) */
  GString    *problems;     /* found while loading: shapes, duplicate ids */
  char       *version;      /* computed lazily; NULL when stale */
};

G_DEFINE_FINAL_TYPE (GlossKnowledgeBase, gloss_knowledge_base, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_knowledge_base_finalize (GObject *object)
{
  GlossKnowledgeBase *self = GLOSS_KNOWLEDGE_BASE (object);

  g_clear_object (&self->timeline);
  g_clear_object (&self->mechanisms);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_string_free (self->problems, TRUE);
  g_free (self->version);

  G_OBJECT_CLASS (gloss_knowledge_base_parent_class)->finalize (object);
}

static void
gloss_knowledge_base_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossKnowledgeBase *self = GLOSS_KNOWLEDGE_BASE (object);

  switch (prop_id)
    {
    case PROP_VERSION:
      g_value_set_string (value, gloss_knowledge_base_get_version (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_knowledge_base_class_init (GlossKnowledgeBaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_knowledge_base_finalize;
  object_class->get_property = gloss_knowledge_base_get_property;

  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_knowledge_base_init (GlossKnowledgeBase *self)
{
  self->timeline = g_list_store_new (GLOSS_TYPE_KB_ITEM);
  self->mechanisms = g_list_store_new (GLOSS_TYPE_KB_ITEM);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->problems = g_string_new (NULL);
}

static void
changed (GlossKnowledgeBase *self)
{
  g_clear_pointer (&self->version, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

static GListStore *
store_for (GlossKnowledgeBase *self,
           GlossKbCategory     category)
{
  return category == GLOSS_KB_MECHANISM ? self->mechanisms : self->timeline;
}

/* Keeps every item, even one whose id is taken, so that validation can
 * report it; lookups find the first. */
static void
take_item (GlossKnowledgeBase *self,
           GlossKbItem        *item)
{
  const char *id = gloss_kb_item_get_id (item);

  g_list_store_append (store_for (self, gloss_kb_item_get_category (item)), item);
  if (id == NULL)
    ;
  else if (g_hash_table_contains (self->by_id, id))
    g_string_append_printf (self->problems, "%s: the id is used by another item\n", id);
  else
    g_hash_table_insert (self->by_id, g_strdup (id), g_object_ref (item));
  g_object_unref (item);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */

GlossKnowledgeBase *
gloss_knowledge_base_new (void)
{
  return g_object_new (GLOSS_TYPE_KNOWLEDGE_BASE, NULL);
}

/**
 * gloss_knowledge_base_new_bundled:
 *
 * The knowledge base that ships with Gloss. The data is checked by the
 * test suite (gloss_knowledge_base_validate()), not at every start.
 *
 * Returns: (transfer full): the knowledge base, or %NULL if the bundled
 *   files cannot be read
 */
GlossKnowledgeBase *
gloss_knowledge_base_new_bundled (GError **error)
{
  static const struct { const char *file; GlossKbCategory category; } files[] = {
    { "timeline.json", GLOSS_KB_TIMELINE },
    { "mechanisms.json", GLOSS_KB_MECHANISM },
  };
  g_autoptr(GlossKnowledgeBase) self = gloss_knowledge_base_new ();

  /* a linker keeps the resource's object file (whose constructor
   * registers it) only if something refers to it */
  g_assert (gloss_core_get_resource () != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_strconcat (GLOSS_KNOWLEDGE_RESOURCE, files[i].file, NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);

      if (bytes == NULL ||
          !gloss_knowledge_base_load_data (self, files[i].category,
                                           g_bytes_get_data (bytes, NULL),
                                           g_bytes_get_size (bytes), files[i].file, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * gloss_knowledge_base_load_data:
 * @data: a file of the form `{"version": 1, "items": [...]}`
 * @name: the file's name, for messages
 *
 * Adds the items of one data file. Fails only when the file is not of
 * that form; problems of single items are left to validation.
 */
gboolean
gloss_knowledge_base_load_data (GlossKnowledgeBase *self,
                                GlossKbCategory     category,
                                const char         *data,
                                gssize              length,
                                const char         *name,
                                GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root, *items = NULL;
  JsonArray *array;

  g_return_val_if_fail (GLOSS_IS_KNOWLEDGE_BASE (self), FALSE);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, GLOSS_KNOWLEDGE_ERROR, GLOSS_KNOWLEDGE_ERROR_PARSE,
                   /* Translators: a file's name (or what failed), then why */
                   _("%s: %s"), name, local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root))
    items = json_object_get_member (json_node_get_object (root), "items");
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error (error, GLOSS_KNOWLEDGE_ERROR, GLOSS_KNOWLEDGE_ERROR_PARSE,
                   /* Translators: %s is a data file's name; keep the JSON as it is */
                   _("%s: not of the form {\"items\": [...]}"), name);
      return FALSE;
    }

  array = json_node_get_array (items);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        take_item (self, gloss_kb_item_new_from_json (json_node_get_object (node), category));
      else
        g_string_append_printf (self->problems, "%s: item %u is not an object\n", name, i + 1);
    }
  changed (self);
  return TRUE;
}

/**
 * gloss_knowledge_base_validate:
 *
 * Checks every item (see gloss_kb_item_check()) and that ids are unique
 * across both lists.
 *
 * Returns: %TRUE if all is well; else @error lists every problem, one a line
 */
gboolean
gloss_knowledge_base_validate (GlossKnowledgeBase *self,
                               GError            **error)
{
  g_autoptr(GString) problems = NULL;

  g_return_val_if_fail (GLOSS_IS_KNOWLEDGE_BASE (self), FALSE);

  problems = g_string_new (self->problems->str);
  for (guint c = GLOSS_KB_TIMELINE; c <= GLOSS_KB_MECHANISM; c++)
    {
      GListModel *model = G_LIST_MODEL (store_for (self, c));

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GlossKbItem) item = g_list_model_get_item (model, i);

          gloss_kb_item_check (item, problems);
        }
    }
  if (problems->len == 0)
    return TRUE;

  g_string_truncate (problems, problems->len - 1);   /* the last newline */
  g_set_error_literal (error, GLOSS_KNOWLEDGE_ERROR, GLOSS_KNOWLEDGE_ERROR_INVALID, problems->str);
  return FALSE;
}

/**
 * gloss_knowledge_base_get_timeline:
 *
 * Returns: (transfer none): a list model of #GlossKbItem, the timeline
 *   events in the order of the data (sort them for display)
 */
GListModel *
gloss_knowledge_base_get_timeline (GlossKnowledgeBase *self)
{
  g_return_val_if_fail (GLOSS_IS_KNOWLEDGE_BASE (self), NULL);
  return G_LIST_MODEL (self->timeline);
}

/**
 * gloss_knowledge_base_get_mechanisms:
 *
 * Returns: (transfer none): a list model of #GlossKbItem
 */
GListModel *
gloss_knowledge_base_get_mechanisms (GlossKnowledgeBase *self)
{
  g_return_val_if_fail (GLOSS_IS_KNOWLEDGE_BASE (self), NULL);
  return G_LIST_MODEL (self->mechanisms);
}

GListModel *
gloss_knowledge_base_get_items (GlossKnowledgeBase *self,
                                GlossKbCategory     category)
{
  g_return_val_if_fail (GLOSS_IS_KNOWLEDGE_BASE (self), NULL);
  return G_LIST_MODEL (store_for (self, category));
}

/**
 * gloss_knowledge_base_lookup:
 *
 * Returns: (transfer none) (nullable): the item with this id
 */
GlossKbItem *
gloss_knowledge_base_lookup (GlossKnowledgeBase *self,
                             const char         *id)
{
  g_return_val_if_fail (GLOSS_IS_KNOWLEDGE_BASE (self), NULL);
  return id ? g_hash_table_lookup (self->by_id, id) : NULL;
}

/**
 * gloss_knowledge_base_add_item:
 *
 * Adds an item made in code, such as a user's own timeline event. It
 * must pass gloss_kb_item_check() and have an id of its own.
 */
gboolean
gloss_knowledge_base_add_item (GlossKnowledgeBase *self,
                               GlossKbItem        *item,
                               GError            **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  g_return_val_if_fail (GLOSS_IS_KNOWLEDGE_BASE (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_KB_ITEM (item), FALSE);

  if (!gloss_kb_item_check (item, problems))
    {
      g_string_truncate (problems, problems->len - 1);
      g_set_error_literal (error, GLOSS_KNOWLEDGE_ERROR, GLOSS_KNOWLEDGE_ERROR_INVALID,
                           problems->str);
      return FALSE;
    }
  if (g_hash_table_contains (self->by_id, gloss_kb_item_get_id (item)))
    {
      g_set_error (error, GLOSS_KNOWLEDGE_ERROR, GLOSS_KNOWLEDGE_ERROR_DUPLICATE,
                   /* Translators: %s is the id of a timeline event or mechanism */
                   _("%s: there is already an item with this id"), gloss_kb_item_get_id (item));
      return FALSE;
    }
  take_item (self, g_object_ref (item));
  changed (self);
  return TRUE;
}

/* Returns: %TRUE if there was such an item */
gboolean
gloss_knowledge_base_remove_item (GlossKnowledgeBase *self,
                                  const char         *id)
{
  GlossKbItem *item;
  GListStore *store;
  guint position;

  g_return_val_if_fail (GLOSS_IS_KNOWLEDGE_BASE (self), FALSE);

  item = g_hash_table_lookup (self->by_id, id);
  if (item == NULL)
    return FALSE;
  store = store_for (self, gloss_kb_item_get_category (item));
  if (g_list_store_find (store, item, &position))
    g_list_store_remove (store, position);
  g_hash_table_remove (self->by_id, id);
  changed (self);
  return TRUE;
}

static void
digest_item (GChecksum   *checksum,
             GlossKbItem *item)
{
  const char *fields[] = {
    gloss_kb_item_get_id (item), gloss_kb_item_get_date (item),
    gloss_kb_item_get_end_date (item), gloss_kb_item_get_lane (item),
    gloss_kb_item_get_item_type (item), gloss_kb_item_get_title_en (item),
    gloss_kb_item_get_symbol (item),
  };
  const char * const *aliases = gloss_kb_item_get_aliases (item);

  /* each field ends with a byte that no field contains */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_checksum_update (checksum, (const guchar *) (fields[i] ? fields[i] : ""), -1);
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }
  for (guint i = 0; aliases[i]; i++)
    {
      g_checksum_update (checksum, (const guchar *) aliases[i], -1);
      g_checksum_update (checksum, (const guchar *) "\x1e", 1);
    }
  g_checksum_update (checksum, (const guchar *) "\x1d", 1);
}

/**
 * gloss_knowledge_base_get_version:
 *
 * Returns: a digest of everything mention detection depends on
 */
const char *
gloss_knowledge_base_get_version (GlossKnowledgeBase *self)
{
  g_return_val_if_fail (GLOSS_IS_KNOWLEDGE_BASE (self), NULL);

  if (self->version == NULL)
    {
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

      for (guint c = GLOSS_KB_TIMELINE; c <= GLOSS_KB_MECHANISM; c++)
        {
          GListModel *model = G_LIST_MODEL (store_for (self, c));

          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            {
              g_autoptr(GlossKbItem) item = g_list_model_get_item (model, i);

              digest_item (checksum, item);
            }
        }
      self->version = g_strdup (g_checksum_get_string (checksum));
    }
  return self->version;
}
