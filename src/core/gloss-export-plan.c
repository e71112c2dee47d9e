/* gloss-export-plan.c: what an export of notes holds, in reading order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gloss-export-private.h"

static void
block_free (GlossPlanBlock *block)
{
  g_free (block->text);
  g_free (block->detail);
  g_free (block->extra);
  g_free (block->anchor);
  g_clear_object (&block->item);
  g_clear_pointer (&block->items, g_ptr_array_unref);
  g_strfreev (block->lanes);
  g_free (block);
}

void
gloss_export_plan_free (GlossExportPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->title);
  g_free (plan->subject);
  g_free (plan->author);
  g_ptr_array_unref (plan->blocks);
  g_ptr_array_unref (plan->entries);
  g_free (plan);
}

GlossPlanBlock *
gloss_export_plan_add (GlossExportPlan *plan,
                       GlossPlanKind    kind,
                       const char      *text)
{
  GlossPlanBlock *block = g_new0 (GlossPlanBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (plan->blocks, block);
  return block;
}

static GlossPlanBlock *
add_heading (GlossExportPlan *plan,
             guint            level,
             const char      *text,
             const char      *detail)
{
  GlossPlanBlock *block = gloss_export_plan_add (plan, GLOSS_PLAN_HEADING, text);

  block->level = level;
  block->detail = g_strdup (detail);
  block->anchor = g_strdup_printf ("h%u", plan->blocks->len);
  return block;
}

static char *
dup_document_line (GlossExportEntry *entry)
{
  g_autofree char *authors = gloss_export_dup_authors (entry->authors);
  GString *s = g_string_new (authors);

  if (entry->year > 0)
    g_string_append_printf (s, "%s%d", s->len ? " · " : "", entry->year);
  return g_string_free (s, FALSE);
}

/* Entries of one group (all, or one tag's) under a heading per document
 * (at @level) and per section (one level down). */
static void
add_group (GlossExportPlan *plan,
           GPtrArray       *entries,
           guint            level)
{
  const char *doc = NULL;
  const char *section = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      GlossExportEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (doc, entry->doc_id) != 0)
        {
          g_autofree char *line = dup_document_line (entry);

          add_heading (plan, level, entry->doc_title, line);
          doc = entry->doc_id;
          section = NULL;
        }
      if (entry->section != NULL && g_strcmp0 (section, entry->section) != 0 && level < 3)
        {
          add_heading (plan, level + 1, entry->section, NULL);
          section = entry->section;
        }
      gloss_export_plan_add (plan, GLOSS_PLAN_ENTRY, NULL)->entry = entry;
    }
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* The tags to group by: those asked for, in their order, else every tag
 * of the entries, sorted. */
static GPtrArray *
group_tags (GPtrArray  *entries,
            const char * const *wanted)
{
  GPtrArray *tags = g_ptr_array_new_with_free_func (g_free);

  if (wanted != NULL)
    {
      for (guint i = 0; wanted[i]; i++)
        {
          char *normal = gloss_note_normalize_tag (wanted[i]);

          if (normal != NULL)
            g_ptr_array_add (tags, normal);
        }
      return tags;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      GlossExportEntry *entry = g_ptr_array_index (entries, i);

      for (guint t = 0; entry->tags[t]; t++)
        if (!g_ptr_array_find_with_equal_func (tags, entry->tags[t], g_str_equal, NULL))
          g_ptr_array_add (tags, g_strdup (entry->tags[t]));
    }
  g_ptr_array_sort (tags, compare_tags);
  return tags;
}

/**
 * gloss_export_plan_add_entries:
 * @level: the heading level of the documents (or, by tag, of the tags)
 *
 * By tag, a note with several tags is listed under each of them, and
 * notes without a tag come last, under their own heading.
 */
void
gloss_export_plan_add_entries (GlossExportPlan  *plan,
                               GPtrArray        *entries,
                               GlossExportOrder  order,
                               guint             level)
{
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GPtrArray) untagged = g_ptr_array_new ();

  if (order == GLOSS_EXPORT_ORDER_POSITION)
    {
      add_group (plan, entries, level);
      return;
    }

  tags = group_tags (entries, NULL);
  for (guint t = 0; t < tags->len; t++)
    {
      const char *tag = g_ptr_array_index (tags, t);
      g_autoptr(GPtrArray) group = g_ptr_array_new ();
      g_autofree char *heading = g_strdup_printf ("#%s", tag);

      for (guint i = 0; i < entries->len; i++)
        if (g_strv_contains ((const char * const *) ((GlossExportEntry *) entries->pdata[i])->tags, tag))
          g_ptr_array_add (group, entries->pdata[i]);
      if (group->len == 0)
        continue;
      add_heading (plan, level, heading, NULL);
      add_group (plan, group, level + 1);
    }
  for (guint i = 0; i < entries->len; i++)
    if (((GlossExportEntry *) entries->pdata[i])->tags[0] == NULL)
      g_ptr_array_add (untagged, entries->pdata[i]);
  if (untagged->len > 0)
    {
      add_heading (plan, level, _("Untagged"), NULL);
      add_group (plan, untagged, level + 1);
    }
}

static guint
count_documents (GPtrArray *entries)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < entries->len; i++)
    g_hash_table_add (seen, ((GlossExportEntry *) entries->pdata[i])->doc_id);
  return g_hash_table_size (seen);
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
fill_notes (GlossExportPlan          *plan,
            const GlossExportOptions *options)
{
  const char *user = g_get_real_name ();
  guint n = plan->entries->len;
  guint n_docs = count_documents (plan->entries);
  g_autofree char *today = dup_today ();
  g_autofree char *subtitle = NULL;
  g_autofree char *byline = NULL;
  GlossPlanBlock *title;

  plan->title = g_strdup (options->title ? options->title : _("Notes"));
  /* TRANSLATORS: "12 notes from 2 documents" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n), n);
  byline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "from %u document, exported %s",
                                         "from %u documents, exported %s", n_docs), n_docs, today);
  plan->subject = g_strdup_printf ("%s %s", subtitle, byline);
  /* "Unknown" is what GLib says when there is no name to give */
  plan->author = g_str_equal (user, "Unknown") ? NULL : g_strdup (user);

  title = gloss_export_plan_add (plan, GLOSS_PLAN_TITLE, plan->title);
  title->detail = g_strdup_printf ("%s %s", subtitle, byline);
  gloss_export_plan_add (plan, GLOSS_PLAN_TOC, _("Contents"));
  gloss_export_plan_add (plan, GLOSS_PLAN_PAGE_BREAK, NULL);
  gloss_export_plan_add_entries (plan, plan->entries, options->order, 1);
}

/**
 * gloss_export_plan_new:
 * @knowledge: (nullable): needed for a handout with a timeline or cards
 *
 * Returns: (transfer full): the plan of the export @options describe, or
 *   %NULL with @error set (no note selected, a handout naming unknown
 *   items, cancelled)
 */
GlossExportPlan *
gloss_export_plan_new (GlossLibrary             *library,
                       GlossKnowledgeBase       *knowledge,
                       const GlossExportOptions *options,
                       GCancellable             *cancellable,
                       GError                  **error)
{
  g_autoptr(GlossExportPlan) plan = g_new0 (GlossExportPlan, 1);

  plan->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  plan->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_export_entry_free);

  if (options->handout != NULL)
    {
      if (!gloss_export_plan_fill_handout (plan, library, knowledge, options, cancellable, error))
        return NULL;
      return g_steal_pointer (&plan);
    }

  g_ptr_array_unref (plan->entries);
  plan->entries = gloss_export_collect (library, options, cancellable, error);
  if (plan->entries == NULL)
    {
      plan->entries = g_ptr_array_new ();
      return NULL;
    }
  fill_notes (plan, options);
  return g_steal_pointer (&plan);
}
