/* gloss-cli-knowledge.c: `gloss timeline` and `gloss mechanisms`
 *
 *   gloss timeline [--json]     milestones, with the passages that mention each
 *   gloss mechanisms [--json]   cooperation mechanisms, likewise
 *
 * Plain output is one line per item: DATE<TAB>ID<TAB>TITLE_EN<TAB>N mentions,
 * for scripts, so not translated; the errors on stderr are.
 * JSON is an array of items with every field of the data (see
 * data/knowledge/README.md) and `mentions: [{doc, start, end, kind}]`,
 * offsets as `show` counts them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "gloss-cli-private.h"
#include "gloss-knowledge-base.h"
#include "gloss-mention-index.h"
#include "gloss-mention.h"

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i]; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_sources_and_notes (JsonBuilder *builder,
                       GlossKbItem *item)
{
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gloss_kb_item_get_n_sources (item); i++)
    {
      const GlossKbSource *source = gloss_kb_item_get_source (item, i);

      json_builder_begin_object (builder);
      add_string (builder, "title", source->title);
      add_string (builder, "symbol", source->symbol);
      add_string (builder, "url", source->url);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "corpus_notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gloss_kb_item_get_n_notes (item); i++)
    {
      const GlossKbNote *note = gloss_kb_item_get_note (item, i);

      json_builder_begin_object (builder);
      add_string (builder, "quote_zh", note->quote_zh);
      add_string (builder, "note_en", note->note_en);
      add_string (builder, "note_zh", note->note_zh);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_mentions (JsonBuilder *builder,
              GPtrArray   *mentions)
{
  json_builder_set_member_name (builder, "mentions");
  json_builder_begin_array (builder);
  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      GlossMention *mention = mentions->pdata[i];

      json_builder_begin_object (builder);
      add_string (builder, "doc", gloss_mention_get_document_id (mention));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, gloss_mention_get_start (mention));
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, gloss_mention_get_end (mention));
      add_string (builder, "kind", gloss_mention_get_kind (mention));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_item (JsonBuilder *builder,
            GlossKbItem *item,
            GPtrArray   *mentions)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", gloss_kb_item_get_id (item));
  add_string (builder, "date", gloss_kb_item_get_date (item));
  add_string (builder, "date_precision", gloss_kb_item_get_date_precision (item));
  add_string (builder, "end_date", gloss_kb_item_get_end_date (item));
  add_string (builder, "end_date_precision", gloss_kb_item_get_end_date_precision (item));
  if (gloss_kb_item_get_category (item) == GLOSS_KB_TIMELINE)
    {
      add_string (builder, "lane", gloss_kb_item_get_lane (item));
      add_string (builder, "type", gloss_kb_item_get_item_type (item));
    }
  else
    {
      add_string (builder, "kind", gloss_kb_item_get_kind (item));
      add_strv (builder, "members", gloss_kb_item_get_members (item));
    }
  add_string (builder, "title_zh", gloss_kb_item_get_title_zh (item));
  add_string (builder, "title_en", gloss_kb_item_get_title_en (item));
  add_string (builder, "symbol", gloss_kb_item_get_symbol (item));
  add_string (builder, "summary_en", gloss_kb_item_get_summary_en (item));
  add_string (builder, "summary_zh", gloss_kb_item_get_summary_zh (item));
  add_string (builder, "uncertain", gloss_kb_item_get_uncertain (item));
  json_builder_set_member_name (builder, "user_defined");
  json_builder_add_boolean_value (builder, gloss_kb_item_get_user_defined (item));
  add_strv (builder, "aliases", gloss_kb_item_get_aliases (item));
  add_sources_and_notes (builder, item);
  add_mentions (builder, mentions);
  json_builder_end_object (builder);
}

/* item id → GPtrArray of its GlossMention, in document and text order */
static GHashTable *
mentions_by_item (GListModel *all)
{
  GHashTable *by_item = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      GlossMention *mention = g_list_model_get_item (all, i);
      const char *id = gloss_mention_get_item_id (mention);
      GPtrArray *list = g_hash_table_lookup (by_item, id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_item, g_strdup (id), list);
        }
      g_ptr_array_add (list, mention);
    }
  return by_item;
}

static int
list_items (GlossLibrary    *library,
            Invocation      *inv,
            GlossKbCategory  category)
{
  g_autoptr(GlossKnowledgeBase) knowledge = NULL;
  g_autoptr(GlossMentionIndex) index = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GHashTable) by_item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *items;
  gboolean json = FALSE;

  for (int i = 0; i < inv->argc; i++)
    {
      g_autofree char *message = NULL;

      if (g_str_equal (inv->argv[i], "--json"))
        json = TRUE;
      else
        {
          message = g_strdup_printf (inv->argv[i][0] == '-' ? _("unknown option %s")
                                                            : _("unexpected argument %s"),
                                     inv->argv[i]);
          return gloss_cli_error (2, inv->command, "%s", message);
        }
    }

  knowledge = gloss_knowledge_base_new_bundled (&error);
  if (knowledge == NULL)
    return gloss_cli_error (1, inv->command, "%s", error->message);
  index = gloss_mention_index_new (library, knowledge);
  all = gloss_mention_index_list_all (index, &error);
  if (all == NULL)
    return gloss_cli_error (1, inv->command, "%s", error->message);
  by_item = mentions_by_item (all);
  items = gloss_knowledge_base_get_items (knowledge, category);

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GlossKbItem) item = g_list_model_get_item (items, i);
      GPtrArray *mentions = g_hash_table_lookup (by_item, gloss_kb_item_get_id (item));

      if (json)
        build_item (builder, item, mentions);
      else
        printf ("%s\t%s\t%s\t%u mentions\n", gloss_kb_item_get_date (item),
                gloss_kb_item_get_id (item), gloss_kb_item_get_title_en (item),
                mentions ? mentions->len : 0);
    }
  json_builder_end_array (builder);

  if (json)
    {
      root = json_builder_get_root (builder);
      gloss_cli_print_json (root);
    }
  return 0;
}

int
gloss_cli_timeline (GlossLibrary *library,
                    Invocation   *inv)
{
  return list_items (library, inv, GLOSS_KB_TIMELINE);
}

int
gloss_cli_mechanisms (GlossLibrary *library,
                      Invocation   *inv)
{
  return list_items (library, inv, GLOSS_KB_MECHANISM);
}
