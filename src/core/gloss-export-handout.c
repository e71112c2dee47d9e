/* gloss-export-handout.c: what a teaching handout holds, in reading order
 *
 * A title page (title, byline, introduction, contents), then the chosen
 * passages with their notes, a slice of the timeline drawn as a strip
 * and listed under it, the chosen mechanisms as cards, and the sources
 * of every event and mechanism shown, with their UN document symbols.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-export-private.h"

static gboolean
item_date (GlossKbItem *item,
           gboolean     end,
           GDate       *date)
{
  const char *text = end ? gloss_kb_item_get_end_date (item) : gloss_kb_item_get_date (item);
  const char *precision = end ? gloss_kb_item_get_end_date_precision (item)
                              : gloss_kb_item_get_date_precision (item);

  if (text == NULL)
    return FALSE;
  return gloss_kb_parse_date (text, precision, date, NULL);
}

/**
 * gloss_export_dup_item_dates:
 *
 * Returns: (transfer full): "2015-07-22", or "2019-06-03 – 2021-03-12"
 */
char *
gloss_export_dup_item_dates (GlossKbItem *item)
{
  const char *end = gloss_kb_item_get_end_date (item);

  if (end != NULL && g_strcmp0 (end, gloss_kb_item_get_date (item)) != 0)
    return g_strdup_printf ("%s – %s", gloss_kb_item_get_date (item), end);
  return g_strdup (gloss_kb_item_get_date (item));
}

/* An event is shown when it starts, or is under way, in the range. */
static gboolean
in_range (GlossKbItem        *item,
          const GlossHandout *handout)
{
  GDate start, end;

  if (handout->lanes != NULL &&
      !g_strv_contains ((const char * const *) handout->lanes, gloss_kb_item_get_lane (item)))
    return FALSE;
  if (!item_date (item, FALSE, &start))
    return FALSE;
  if (!item_date (item, TRUE, &end))
    end = start;
  return g_date_compare (&start, &handout->timeline_to) <= 0 &&
         g_date_compare (&end, &handout->timeline_from) >= 0;
}

static void
add_sources_of (GPtrArray   *sources,
                GHashTable  *seen,
                GlossKbItem *item)
{
  for (guint i = 0; i < gloss_kb_item_get_n_sources (item); i++)
    {
      const GlossKbSource *source = gloss_kb_item_get_source (item, i);
      const char *key = source->symbol ? source->symbol : source->title;

      if (g_hash_table_add (seen, (gpointer) key))
        g_ptr_array_add (sources, (gpointer) source);
    }
}

static int
compare_item_dates (gconstpointer a,
                    gconstpointer b)
{
  GlossKbItem *x = *(GlossKbItem **) a;
  GlossKbItem *y = *(GlossKbItem **) b;

  return g_strcmp0 (gloss_kb_item_get_date (x), gloss_kb_item_get_date (y));
}

static void
add_timeline (GlossExportPlan    *plan,
              GlossKnowledgeBase *knowledge,
              const GlossHandout *handout,
              GPtrArray          *sources,
              GHashTable         *seen)
{
  GListModel *timeline = gloss_knowledge_base_get_timeline (knowledge);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GlossPlanBlock *block;
  char from[16], to[16];

  for (guint i = 0; i < g_list_model_get_n_items (timeline); i++)
    {
      g_autoptr(GlossKbItem) item = g_list_model_get_item (timeline, i);

      if (in_range (item, handout))
        g_ptr_array_add (items, g_steal_pointer (&item));
    }
  g_ptr_array_sort (items, compare_item_dates);

  g_date_strftime (from, sizeof from, "%Y-%m-%d", &handout->timeline_from);
  g_date_strftime (to, sizeof to, "%Y-%m-%d", &handout->timeline_to);
  block = gloss_export_plan_add (plan, GLOSS_PLAN_HEADING, _("Timeline"));
  block->level = 1;
  block->anchor = g_strdup ("timeline");
  block->detail = g_strdup_printf ("%s – %s", from, to);

  block = gloss_export_plan_add (plan, GLOSS_PLAN_TIMELINE, NULL);
  block->items = g_ptr_array_ref (items);
  block->from = handout->timeline_from;
  block->to = handout->timeline_to;
  block->lanes = g_strdupv (handout->lanes);

  for (guint i = 0; i < items->len; i++)
    {
      GlossKbItem *item = g_ptr_array_index (items, i);

      block = gloss_export_plan_add (plan, GLOSS_PLAN_EVENT, gloss_kb_item_get_title_zh (item));
      block->number = i + 1;
      block->item = g_object_ref (item);
      block->detail = gloss_export_dup_item_dates (item);
      block->extra = g_strdup (gloss_kb_item_get_symbol (item));
      add_sources_of (sources, seen, item);
    }
}

static gboolean
add_mechanisms (GlossExportPlan    *plan,
                GlossKnowledgeBase *knowledge,
                const GlossHandout *handout,
                GPtrArray          *sources,
                GHashTable         *seen,
                GError            **error)
{
  GlossPlanBlock *block = gloss_export_plan_add (plan, GLOSS_PLAN_HEADING,
                                                 _("Cooperation mechanisms"));

  block->level = 1;
  block->anchor = g_strdup ("mechanisms");
  for (guint i = 0; handout->mechanisms[i]; i++)
    {
      GlossKbItem *item = gloss_knowledge_base_lookup (knowledge, handout->mechanisms[i]);

      if (item == NULL)
        {
          g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_INVALID,
                       _("The handout names “%s”, which is not a known mechanism or event"),
                       handout->mechanisms[i]);
          return FALSE;
        }
      block = gloss_export_plan_add (plan, GLOSS_PLAN_CARD, gloss_kb_item_get_title_zh (item));
      block->item = g_object_ref (item);
      add_sources_of (sources, seen, item);
    }
  return TRUE;
}

static void
add_sources (GlossExportPlan *plan,
             GPtrArray       *sources)
{
  GlossPlanBlock *block = gloss_export_plan_add (plan, GLOSS_PLAN_HEADING, _("Sources"));

  block->level = 1;
  block->anchor = g_strdup ("sources");
  for (guint i = 0; i < sources->len; i++)
    {
      const GlossKbSource *source = g_ptr_array_index (sources, i);

      block = gloss_export_plan_add (plan, GLOSS_PLAN_SOURCE, source->title);
      block->detail = g_strdup (source->symbol);
      block->extra = g_strdup (source->url);
    }
}

static void
add_title_page (GlossExportPlan    *plan,
                const GlossHandout *handout)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GlossPlanBlock *block = gloss_export_plan_add (plan, GLOSS_PLAN_TITLE, handout->title);

  block->detail = g_strdup (handout->subtitle);
  block->extra = handout->author ? g_strdup_printf ("%s · %s", handout->author, today)
                                 : g_strdup (today);
  if (handout->introduction != NULL)
    {
      g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", handout->introduction, 0, 0);

      for (guint i = 0; paragraphs[i]; i++)
        if (*g_strstrip (paragraphs[i]))
          gloss_export_plan_add (plan, GLOSS_PLAN_PARAGRAPH, paragraphs[i]);
    }
  gloss_export_plan_add (plan, GLOSS_PLAN_TOC, _("Contents"));
  gloss_export_plan_add (plan, GLOSS_PLAN_PAGE_BREAK, NULL);
}

gboolean
gloss_export_plan_fill_handout (GlossExportPlan          *plan,
                                GlossLibrary             *library,
                                GlossKnowledgeBase       *knowledge,
                                const GlossExportOptions *options,
                                GCancellable             *cancellable,
                                GError                  **error)
{
  const GlossHandout *handout = options->handout;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean wants_notes = handout->note_ids != NULL || handout->tags != NULL ||
                         options->note_ids != NULL || options->tags != NULL;
  gboolean wants_kb = handout->has_timeline || handout->mechanisms != NULL;

  if (wants_kb && knowledge == NULL)
    {
      g_set_error_literal (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_INVALID,
                           _("The handout shows timeline events or mechanisms, but no knowledge base was given"));
      return FALSE;
    }
  if (wants_notes)
    {
      g_ptr_array_unref (plan->entries);
      plan->entries = gloss_export_collect (library, options, cancellable, error);
      if (plan->entries == NULL)
        {
          plan->entries = g_ptr_array_new ();
          return FALSE;
        }
    }

  plan->handout = TRUE;
  plan->title = g_strdup (options->title ? options->title : handout->title);
  plan->subject = g_strdup (handout->subtitle ? handout->subtitle : _("Teaching handout"));
  plan->author = g_strdup (handout->author);
  add_title_page (plan, handout);

  if (plan->entries->len > 0)
    {
      GlossPlanBlock *block = gloss_export_plan_add (plan, GLOSS_PLAN_HEADING, _("Passages"));

      block->level = 1;
      block->anchor = g_strdup ("passages");
      gloss_export_plan_add_entries (plan, plan->entries, options->order, 2);
    }
  if (handout->has_timeline)
    add_timeline (plan, knowledge, handout, sources, seen);
  if (handout->mechanisms != NULL &&
      !add_mechanisms (plan, knowledge, handout, sources, seen, error))
    return FALSE;
  if (sources->len > 0)
    add_sources (plan, sources);
  return TRUE;
}
