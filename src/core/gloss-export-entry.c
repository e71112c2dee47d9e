/* gloss-export-entry.c: the notes an export selects, with their citations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-export-private.h"

char *
gloss_export_color_dup_hex (const char *color,
                            gboolean    fill)
{
  /* the light style's colours: paper is white */
  return g_strdup (gloss_note_color_get_hex (color, FALSE, fill, NULL));
}

void
gloss_export_color_get_rgb (const char *color,
                            gboolean    fill,
                            double      rgb[3])
{
  g_autofree char *hex = gloss_export_color_dup_hex (color, fill);
  guint value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);

  rgb[0] = ((value >> 16) & 0xff) / 255.0;
  rgb[1] = ((value >> 8) & 0xff) / 255.0;
  rgb[2] = (value & 0xff) / 255.0;
}

/* The heading the passage at @offset is under, if any. */
static char *
dup_section (GlossContent *content,
             guint         offset)
{
  guint n = gloss_content_get_n_blocks (content);

  if (n == 0)
    return NULL;
  for (gint i = gloss_content_block_at (content, offset); i >= 0; i--)
    if (gloss_content_get_block (content, i)->kind == GLOSS_BLOCK_HEADING)
      {
        g_autofree char *text = gloss_content_dup_block_text (content, i);

        return g_strdup (g_strstrip (text));
      }
  return NULL;
}

GlossExportEntry *
gloss_export_entry_new (GlossLibrary  *library,
                        GlossNote     *note,
                        GlossDocument *document,
                        GlossContent  *content)
{
  GlossAnnotations *annotations = gloss_library_get_annotations (library);
  GlossExportEntry *entry = g_new0 (GlossExportEntry, 1);
  gboolean placed = gloss_note_get_has_range (note) &&
                    gloss_note_get_status (note) != GLOSS_ANCHOR_ORPHANED;

  entry->note_id = g_strdup (gloss_note_get_id (note));
  entry->doc_id = g_strdup (gloss_document_get_id (document));
  entry->doc_title = g_strdup (gloss_document_get_title (document));
  entry->authors = g_strdup (gloss_document_get_authors (document));
  entry->year = gloss_document_get_year (document);
  entry->start = gloss_note_get_has_range (note) ? gloss_note_get_start (note) : 0;
  entry->quote = g_strdup (gloss_note_get_quote (note) ? gloss_note_get_quote (note) : "");
  entry->text = g_strdup (gloss_note_get_text (note) ? gloss_note_get_text (note) : "");
  entry->color = g_strdup (gloss_note_get_color (note));
  entry->color_name = gloss_annotations_dup_color_name (annotations, entry->color);
  if (entry->color_name == NULL || *entry->color_name == '\0')
    {
      g_free (entry->color_name);
      const char *label = gloss_note_color_get_label (entry->color);

      entry->color_name = g_strdup (label ? label : gloss_note_color_get_label ("gray"));
    }
  entry->tags = g_strdupv ((GStrv) gloss_note_get_tags (note));
  /* an orphaned note's offsets point at text that is not its quote */
  if (placed && content != NULL)
    {
      entry->page = gloss_content_page_at (content, entry->start);
      entry->section = dup_section (content, entry->start);
    }
  entry->created = gloss_note_get_created (note);
  return entry;
}

void
gloss_export_entry_free (GlossExportEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->note_id);
  g_free (entry->doc_id);
  g_free (entry->doc_title);
  g_free (entry->authors);
  g_free (entry->quote);
  g_free (entry->text);
  g_free (entry->color);
  g_free (entry->color_name);
  g_strfreev (entry->tags);
  g_free (entry->section);
  g_free (entry);
}

static gboolean
has_cjk (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_iswide (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* "A; B" as a reader writes it: 鲁传颖、杨乐 or Smith, Jones. */
char *
gloss_export_dup_authors (const char *authors)
{
  g_auto(GStrv) names = g_strsplit (authors ? authors : "", ";", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; names[i]; i++)
    if (*g_strstrip (names[i]))
      g_ptr_array_add (kept, names[i]);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (has_cjk (authors ? authors : "") ? "、" : ", ", (GStrv) kept->pdata);
}

/**
 * gloss_export_entry_dup_place:
 *
 * Returns: (transfer full): where the passage is, "p. 401 · 二、…",
 *   or an empty string when neither page nor section is known
 */
char *
gloss_export_entry_dup_place (GlossExportEntry *entry)
{
  GString *s = g_string_new (NULL);

  if (entry->page > 0)
    g_string_append_printf (s, "p. %d", entry->page);
  if (entry->section != NULL)
    g_string_append_printf (s, "%s%s", s->len ? " · " : "", entry->section);
  return g_string_free (s, FALSE);
}

/**
 * gloss_export_entry_dup_citation:
 *
 * A citation a teacher can use as is: authors, 《title》, year, page and
 * the section the passage is under.
 *
 * Returns: (transfer full): the citation, plain text
 */
char *
gloss_export_entry_dup_citation (GlossExportEntry *entry)
{
  g_autofree char *authors = gloss_export_dup_authors (entry->authors);
  GString *s = g_string_new (NULL);

  if (*authors)
    g_string_append_printf (s, "%s. ", authors);
  g_string_append_printf (s, "《%s》", entry->doc_title);
  if (entry->year > 0)
    g_string_append_printf (s, ", %d", entry->year);
  if (entry->page > 0)
    g_string_append_printf (s, ", p. %d", entry->page);
  if (entry->section != NULL)
    g_string_append_printf (s, ", %s", entry->section);
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

static gboolean
any_in (const char * const *wanted,
        const char         *value)
{
  return value != NULL && wanted != NULL && g_strv_contains (wanted, value);
}

static gboolean
has_any_tag (GlossNote          *note,
             const char * const *tags)
{
  for (guint i = 0; tags != NULL && tags[i]; i++)
    {
      g_autofree char *normal = gloss_note_normalize_tag (tags[i]);

      if (gloss_note_has_tag (note, normal ? normal : tags[i]))
        return TRUE;
    }
  return FALSE;
}

/* A handout picks its passages by id or by tag, one match being enough;
 * a notes export narrows by each filter in turn. */
static gboolean
picked (GlossNote                *note,
        const GlossExportOptions *o)
{
  const char *id = gloss_note_get_id (note);

  if (o->handout != NULL)
    return any_in ((const char * const *) o->handout->note_ids, id) ||
           any_in ((const char * const *) o->note_ids, id) ||
           has_any_tag (note, (const char * const *) o->handout->tags) ||
           has_any_tag (note, (const char * const *) o->tags);
  if (o->note_ids != NULL && !any_in ((const char * const *) o->note_ids, id))
    return FALSE;
  return o->tags == NULL || has_any_tag (note, (const char * const *) o->tags);
}

static gboolean
selected (GlossNote                *note,
          const GlossExportOptions *o)
{
  gint64 created = gloss_note_get_created (note);

  if (!picked (note, o))
    return FALSE;
  if (o->colors != NULL && !any_in ((const char * const *) o->colors, gloss_note_get_color (note)))
    return FALSE;
  if (o->created_from != 0 && created < o->created_from)
    return FALSE;
  if (o->created_to != 0 && created >= o->created_to)
    return FALSE;
  return TRUE;
}

/**
 * gloss_export_collect:
 *
 * The notes @options select, as entries in document order (the order of
 * the library's documents, then the place in the text).
 *
 * Returns: (transfer full) (element-type GlossExportEntry): the entries,
 *   or %NULL with @error set (GLOSS_EXPORT_ERROR_NOTHING_SELECTED when
 *   none is selected)
 */
GPtrArray *
gloss_export_collect (GlossLibrary             *library,
                      const GlossExportOptions *options,
                      GCancellable             *cancellable,
                      GError                  **error)
{
  GListModel *documents = gloss_library_get_documents (library);
  GlossAnnotations *annotations = gloss_library_get_annotations (library);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_export_entry_free);
  g_autoptr(GlossDocument) only = NULL;

  if (options->doc_id != NULL && (only = gloss_library_lookup (library, options->doc_id, error)) == NULL)
    return NULL;

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(GlossDocument) doc = g_list_model_get_item (documents, d);
      g_autoptr(GPtrArray) notes = NULL;
      g_autoptr(GlossContent) content = NULL;

      if (only != NULL && doc != only)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      notes = gloss_annotations_dup_notes (annotations, gloss_document_get_id (doc));
      for (guint i = 0; i < notes->len; i++)
        {
          GlossNote *note = g_ptr_array_index (notes, i);

          if (!selected (note, options))
            continue;
          /* the text is loaded only for documents that have a selected note */
          if (content == NULL && (content = gloss_library_load_content (library, doc, error)) == NULL)
            return NULL;
          g_ptr_array_add (entries, gloss_export_entry_new (library, note, doc, content));
        }
    }

  if (entries->len == 0)
    {
      g_set_error_literal (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_NOTHING_SELECTED,
                           _("No notes match the selection: nothing to export"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}
