/* gloss-library-notes.c: what the library does for highlights and notes
 *
 * At open: a rolling backup of user.db, then the notes of any document
 * whose text changed since they were anchored (a corrected original, a
 * better cleaner) are placed again. Also: replacing a document's
 * original, and W3C Web Annotation export and import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-library-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gloss-anchor.h"
#include "gloss-annotation-format.h"
#include "gloss-annotations-private.h"
#include "gloss-backup-private.h"
#include "gloss-cleaner.h"
#include "gloss-error.h"

static sqlite3 *
user_db (GlossLibrary *self)
{
  return gloss_store_get_user_db (_gloss_library_get_store (self));
}

static GPtrArray *
orphans_of (GlossAnnotations *annotations,
            const char       *doc_id)
{
  g_autoptr(GPtrArray) notes = gloss_annotations_dup_notes (annotations, doc_id);
  GPtrArray *orphans = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < notes->len; i++)
    if (gloss_note_get_needs_attention (g_ptr_array_index (notes, i)))
      g_ptr_array_add (orphans, g_object_ref (g_ptr_array_index (notes, i)));
  return orphans;
}

/* Re-anchors @document's notes on @content in one transaction; with
 * @replacement, the document's original is switched in the same one. */
static GPtrArray *
reanchor (GlossLibrary            *self,
          GlossDocument           *document,
          GlossContent            *content,
          const GlossDocumentInfo *replacement,
          const char              *filename,
          GBytes                  *original,
          GError                 **error)
{
  GlossAnnotations *annotations = gloss_library_get_annotations (self);
  const char *id = gloss_document_get_id (document);
  const char *checksum = replacement ? replacement->checksum : gloss_document_get_checksum (document);
  g_autoptr(GPtrArray) states = _gloss_annotations_plan_reanchor (annotations, id, checksum, content);

  if (!_gloss_user_db_begin (user_db (self), error))
    return NULL;
  if ((replacement && !gloss_store_replace_original (_gloss_library_get_store (self), id, replacement,
                                                    filename, original, error)) ||
      !_gloss_annotations_write_states (annotations, states, error))
    {
      _gloss_user_db_rollback (user_db (self));
      return NULL;
    }
  if (!_gloss_user_db_commit (user_db (self), error))
    return NULL;
  _gloss_annotations_apply_states (annotations, states);
  return orphans_of (annotations, id);
}

/**
 * gloss_library_reanchor_document:
 *
 * Places @document's notes again on its current text (normally done by
 * the library itself when the text changed).
 *
 * Returns: (transfer container) (element-type GlossNote): the notes that
 *   need attention, or NULL on error
 */
GPtrArray *
gloss_library_reanchor_document (GlossLibrary  *self,
                                 GlossDocument *document,
                                 GError       **error)
{
  g_autoptr(GlossContent) content = gloss_library_load_content (self, document, error);

  if (content == NULL)
    return NULL;
  return reanchor (self, document, content, NULL, NULL, NULL, error);
}

GPtrArray *
_gloss_library_commit_replacement (GlossLibrary            *self,
                                   GlossDocument           *document,
                                   const GlossDocumentInfo *info,
                                   const char              *filename,
                                   GBytes                  *original,
                                   GlossContent            *content,
                                   GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  GlossDocumentInfo updated = *info;
  GPtrArray *orphans;

  orphans = reanchor (self, document, content, info, filename, original, error);
  if (orphans == NULL)
    return NULL;
  updated.n_chars = gloss_content_get_n_chars (content);
  _gloss_document_replace_original (document, &updated);
  /* the cleaned text is a cache: failing to keep it loses nothing */
  if (!gloss_store_save_content (_gloss_library_get_store (self), gloss_document_get_id (document),
                                 info->checksum, content, &local_error))
    g_warning ("%s: %s", gloss_document_get_id (document), local_error->message);
  return orphans;
}

/* Documents whose text changed since their notes were anchored (a new
 * cleaner, a changed original): their notes are placed again. */
void
_gloss_library_reanchor_stale (GlossLibrary *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) stale = _gloss_annotations_stale_documents (gloss_library_get_annotations (self), &error);

  for (guint i = 0; stale && stale[i]; i++)
    {
      g_autoptr(GlossDocument) document = gloss_library_lookup (self, stale[i], NULL);
      g_autoptr(GPtrArray) orphans = NULL;

      if (document != NULL)
        orphans = gloss_library_reanchor_document (self, document, &error);
      /* the notes stay as they were, and are tried again next time */
      if (error != NULL)
        {
          g_warning ("%s: cannot place the notes on the changed text: %s", stale[i], error->message);
          g_clear_error (&error);
        }
    }
  if (error != NULL)
    g_warning ("%s", error->message);
}

GlossAnnotations *
_gloss_library_open_annotations (GlossLibrary *self,
                                 GError      **error)
{
  g_autoptr(GError) backup_error = NULL;
  GlossAnnotations *annotations = _gloss_annotations_new (user_db (self), error);

  if (annotations == NULL)
    return NULL;
  /* a failed backup is worth a warning, not a refusal to open */
  if (!_gloss_backup_take (user_db (self), gloss_library_get_dir (self), FALSE, NULL, &backup_error))
    g_warning ("%s", backup_error->message);
  return annotations;
}

/**
 * gloss_library_take_backup:
 * @path: (out) (optional): the new backup
 *
 * Takes a backup of user.db now (the app may do so when it quits).
 */
gboolean
gloss_library_take_backup (GlossLibrary *self,
                           char        **path,
                           GError      **error)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), FALSE);
  return _gloss_backup_take (user_db (self), gloss_library_get_dir (self), TRUE, path, error);
}

/* ------------------------------------------------------------------ */
/* Export and import                                                  */

static gboolean
has_any_tag (GlossNote          *note,
             const char * const *tags)
{
  if (tags == NULL || tags[0] == NULL)
    return TRUE;
  for (guint i = 0; tags[i]; i++)
    {
      g_autofree char *tag = gloss_note_normalize_tag (tags[i]);

      if (tag && gloss_note_has_tag (note, tag))
        return TRUE;
    }
  return FALSE;
}

/**
 * gloss_library_export_annotations:
 * @doc_id: (nullable): one document's notes, or all
 * @tags: (nullable): only notes with one of these tags
 *
 * Writes the notes as W3C Web Annotation JSON. The file is written
 * under another name and renamed: it is whole or not there.
 */
gboolean
gloss_library_export_annotations (GlossLibrary       *self,
                                  GFile              *file,
                                  const char         *doc_id,
                                  const char * const *tags,
                                  guint              *n_exported,
                                  GError            **error)
{
  GlossAnnotations *annotations = gloss_library_get_annotations (self);
  g_autoptr(GPtrArray) all = gloss_annotations_dup_notes (annotations, doc_id);
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), FALSE);

  for (guint i = 0; i < all->len; i++)
    if (has_any_tag (g_ptr_array_index (all, i), tags))
      g_ptr_array_add (notes, g_ptr_array_index (all, i));

  root = gloss_annotation_format_build (annotations, notes);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  if (n_exported)
    *n_exported = notes->len;

  if (path != NULL)
    return g_file_set_contents_full (path, text, length,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0644, error);
  return g_file_replace_contents (file, text, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}

static GlossDocument *
find_document (GlossLibrary                *self,
               const GlossParsedAnnotation *parsed)
{
  GListModel *docs = gloss_library_get_documents (self);

  /* the same original first: then the offsets are ours too */
  for (guint i = 0; parsed->source_checksum && i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(GlossDocument) doc = g_list_model_get_item (docs, i);

      if (g_strcmp0 (gloss_document_get_checksum (doc), parsed->source_checksum) == 0)
        return g_steal_pointer (&doc);
    }
  if (parsed->data.doc_id != NULL)
    return gloss_library_lookup (self, parsed->data.doc_id, NULL);
  return NULL;
}

typedef struct
{
  GlossContent    *content;
  GlossAnchorText *text;
  char            *checksum;
} DocText;

static void
doc_text_free (DocText *t)
{
  g_clear_object (&t->content);
  g_clear_pointer (&t->text, gloss_anchor_text_free);
  g_free (t->checksum);
  g_free (t);
}

static DocText *
doc_text_for (GlossLibrary  *self,
              GHashTable    *cache,
              GlossDocument *doc,
              GError       **error)
{
  DocText *t = g_hash_table_lookup (cache, gloss_document_get_id (doc));

  if (t != NULL)
    return t;
  t = g_new0 (DocText, 1);
  t->content = gloss_library_load_content (self, doc, error);
  if (t->content == NULL)
    {
      doc_text_free (t);
      return NULL;
    }
  t->text = gloss_anchor_text_new (gloss_content_get_text (t->content),
                                   gloss_content_get_text_length (t->content));
  t->checksum = _gloss_text_checksum (t->content);
  g_hash_table_insert (cache, g_strdup (gloss_document_get_id (doc)), t);
  return t;
}

/* Places an imported note on the library's text of its document: by its
 * offsets when they still hold its quote, else by quote and context. */
static void
place (GlossParsedAnnotation *parsed,
       DocText               *t)
{
  GlossNoteData *d = &parsed->data;
  guint n = gloss_anchor_text_get_length (t->text);

  if (d->has_range && (d->quote == NULL || *d->quote == '\0'))
    {
      /* only a position: trust it if it fits the text */
      g_clear_pointer (&d->quote, g_free);
      g_clear_pointer (&d->prefix, g_free);
      g_clear_pointer (&d->suffix, g_free);
      if (parsed->has_position && d->end <= n)
        {
          gloss_anchor_text_describe (t->text, d->start, d->end, &d->quote, &d->prefix, &d->suffix);
          d->status = GLOSS_ANCHOR_OK;
        }
      else
        {
          d->quote = g_strdup ("");
          d->status = GLOSS_ANCHOR_ORPHANED;
        }
    }
  else if (d->has_range)
    {
      GlossAnchorSelector selector = { d->quote, d->prefix, d->suffix, parsed->has_position, d->start, d->end };
      GlossAnchorMatch match;

      gloss_anchor_text_locate (t->text, &selector, &match);
      d->status = match.status;
      if (match.status != GLOSS_ANCHOR_ORPHANED)
        {
          g_autofree char *quote = g_strdup (d->quote);

          g_clear_pointer (&d->quote, g_free);
          g_clear_pointer (&d->prefix, g_free);
          g_clear_pointer (&d->suffix, g_free);
          gloss_anchor_text_describe (t->text, match.start, match.end, &d->quote, &d->prefix, &d->suffix);
          d->start = match.start;
          d->end = match.end;
          if (g_strcmp0 (quote, d->quote) != 0 && d->prior_quote == NULL)
            d->prior_quote = g_steal_pointer (&quote);
        }
      else if (!parsed->has_position)
        {
          /* kept with its quote; the range only has to be well formed */
          d->start = 0;
          d->end = MAX (1, g_utf8_strlen (d->quote, -1));
        }
    }
  g_free (d->text_checksum);
  d->text_checksum = g_strdup (t->checksum);
  d->cleaner_version = GLOSS_CLEANER_VERSION;
}

/**
 * gloss_library_import_annotations:
 * @report: (out caller-allocates): what the import did
 *
 * Merges a W3C Web Annotation file into the library, in one
 * transaction: nothing is duplicated (same id, or same passage and
 * text), a note is updated only by a newer version, and what cannot be
 * placed on the text is kept and counted as unplaced.
 */
gboolean
gloss_library_import_annotations (GlossLibrary      *self,
                                  GFile             *file,
                                  GlossImportReport *report,
                                  GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GPtrArray) incoming = g_ptr_array_new ();
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) doc_text_free);
  g_autofree char *display = g_file_get_parse_name (file);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  guint invalid;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), FALSE);
  memset (report, 0, sizeof *report);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error) ||
      !json_parser_load_from_data (parser, contents, length, &local_error) ||
      !(parsed = gloss_annotation_format_parse (json_parser_get_root (parser), &invalid, &local_error)))
    {
      /* Translators: a file's name (or what failed), then why */
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID, _("%s: %s"),
                   display, local_error->message);
      return FALSE;
    }
  report->skipped = invalid;

  for (guint i = 0; i < parsed->len; i++)
    {
      GlossParsedAnnotation *p = g_ptr_array_index (parsed, i);
      g_autoptr(GlossDocument) doc = find_document (self, p);
      DocText *t = doc ? doc_text_for (self, texts, doc, &local_error) : NULL;

      if (doc != NULL && t == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (doc == NULL)
        {
          report->skipped++;
          continue;
        }
      g_free (p->data.doc_id);
      p->data.doc_id = g_strdup (gloss_document_get_id (doc));
      g_free (p->data.doc_checksum);
      p->data.doc_checksum = g_strdup (gloss_document_get_checksum (doc));
      place (p, t);
      if (p->data.quote == NULL)
        p->data.quote = g_strdup ("");
      g_ptr_array_add (incoming, &p->data);
    }
  return _gloss_annotations_merge (gloss_library_get_annotations (self), incoming, report, error);
}
