/* gloss-library.c: the user's library of documents
 *
 * The library is a directory: user.db (what the user made, never
 * recreated) and corpus.db (cleaned text, rebuilt from the originals
 * whenever it is missing, stale or damaged). The app, the command line
 * and the tests all go through this object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-library.h"
#include "gloss-library-private.h"
#include "gloss-backup-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gloss-cleaner.h"
#include "gloss-core-resources.h"
#include "gloss-decode.h"
#include "gloss-document-private.h"
#include "gloss-error.h"
#include "gloss-sqlite-check.h"
#include "gloss-store.h"

#define CORPUS_RESOURCE "/io/github/glossreader/Gloss/corpus/"

struct _GlossLibrary
{
  GObject     parent_instance;

  char       *dir;
  GlossStore *store;
  GListStore *documents;
  GlossAnnotations *annotations;
};

G_DEFINE_FINAL_TYPE (GlossLibrary, gloss_library, G_TYPE_OBJECT)

/* What importing a file produces before anything is stored: all the slow
 * work (reading, decoding, cleaning) happens here, off the main thread. */
typedef struct
{
  GBytes            *bytes;
  char              *filename;
  GlossDocumentInfo  info;
  GlossContent      *content;
} Prepared;

static void
prepared_free (Prepared *prepared)
{
  g_clear_pointer (&prepared->bytes, g_bytes_unref);
  g_clear_pointer (&prepared->filename, g_free);
  _gloss_document_info_clear (&prepared->info);
  g_clear_object (&prepared->content);
  g_free (prepared);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Prepared, prepared_free)

static void
gloss_library_finalize (GObject *object)
{
  GlossLibrary *self = GLOSS_LIBRARY (object);

  g_clear_object (&self->documents);
  g_clear_object (&self->annotations);   /* before the database it reads */
  g_clear_pointer (&self->store, gloss_store_free);
  g_clear_pointer (&self->dir, g_free);

  G_OBJECT_CLASS (gloss_library_parent_class)->finalize (object);
}

static void
gloss_library_class_init (GlossLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_library_finalize;

  /* The bundled corpus is a resource of this static library; a linker
   * keeps the resource's object file (whose constructor registers it)
   * only if something refers to it. */
  (void) gloss_core_get_resource ();
}

static void
gloss_library_init (GlossLibrary *self)
{
  self->documents = g_list_store_new (GLOSS_TYPE_DOCUMENT);
}

char *
gloss_library_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "gloss", NULL);
}

/* ------------------------------------------------------------------ */
/* Preparing a document                                               */

static GlossContent *
clean (GBytes      *bytes,
       GlossFormat  format,
       const char  *name,
       char       **encoding,
       GError     **error)
{
  g_autofree char *text = NULL;

  if (format == GLOSS_FORMAT_PDF)
    {
      g_autoptr(GArray) labels = NULL;

      text = gloss_pdf_extract_text (bytes, name, &labels, error);
      if (text == NULL)
        return NULL;
      *encoding = g_strdup ("PDF");
      return gloss_clean_plain_text (text, (const gint *) labels->data, labels->len);
    }

  text = gloss_decode_text (bytes, name, encoding, error);
  if (text == NULL)
    return NULL;
  if (format == GLOSS_FORMAT_MARKDOWN)
    return gloss_clean_markdown (text);
  return gloss_clean_plain_text (text, NULL, 0);
}

/* The title a document shows until the user edits it: its TITLE block,
 * else its first heading, else the file name. */
static char *
infer_title (GlossContent *content,
             const char   *filename)
{
  g_autofree char *heading = NULL;
  char *dot;

  for (guint i = 0; i < gloss_content_get_n_blocks (content); i++)
    {
      const GlossBlock *b = gloss_content_get_block (content, i);

      if (b->kind == GLOSS_BLOCK_TITLE)
        return gloss_content_dup_block_text (content, i);
      if (b->kind == GLOSS_BLOCK_HEADING && heading == NULL && b->end - b->start <= 80)
        heading = gloss_content_dup_block_text (content, i);
    }
  if (heading != NULL)
    return g_steal_pointer (&heading);

  heading = g_strdup (filename);
  if ((dot = strrchr (heading, '.')) != NULL && dot != heading)
    *dot = '\0';
  return g_steal_pointer (&heading);
}

static Prepared *
prepare_bytes (GBytes      *bytes,
               const char  *filename,
               const char  *display_name,
               GError     **error)
{
  g_autoptr(Prepared) prepared = g_new0 (Prepared, 1);
  GlossFormat format;
  gsize size = g_bytes_get_size (bytes);

  if (size > GLOSS_IMPORT_SIZE_LIMIT)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: the file's name, its size and the largest
                    * size Gloss imports, both in megabytes */
                   _("%s: the file is %.1f MB, over Gloss's limit of %d MB"),
                   display_name, size / 1048576.0, GLOSS_IMPORT_SIZE_LIMIT / 1048576);
      return NULL;
    }

  format = gloss_format_guess (filename, bytes);
  prepared->content = clean (bytes, format, display_name, &prepared->info.encoding, error);
  if (prepared->content == NULL)
    return NULL;
  if (gloss_content_get_n_blocks (prepared->content) == 0)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_NO_TEXT,
                   /* Translators: %s is the file's name; cleaning removes page
                    * headers, page numbers and the like */
                   _("%s: no text was left after cleaning"), display_name);
      return NULL;
    }

  prepared->bytes = g_bytes_ref (bytes);
  prepared->filename = g_strdup (filename);
  prepared->info.format = g_strdup (gloss_format_to_string (format));
  prepared->info.checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  prepared->info.size = size;
  prepared->info.title = infer_title (prepared->content, filename);
  prepared->info.title_inferred = TRUE;
  prepared->info.language = g_strdup ("zh-Hans");
  prepared->info.added = g_get_real_time () / G_USEC_PER_SEC;
  prepared->info.n_chars = gloss_content_get_n_chars (prepared->content);
  return g_steal_pointer (&prepared);
}

static Prepared *
prepare_file (GFile        *file,
              GCancellable *cancellable,
              GError      **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_file_get_parse_name (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_UNREADABLE,
                   /* Translators: a file's name (or what failed), then why */
                   _("%s: %s"), display, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_UNREADABLE,
                   /* Translators: %s is the name of what was to be imported */
                   _("%s: is a folder, not a file"), display);
      return NULL;
    }
  /* refuse a huge file before reading it into memory */
  if (g_file_info_get_size (info) > GLOSS_IMPORT_SIZE_LIMIT)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the file is %.1f MB, over Gloss's limit of %d MB"), display,
                   g_file_info_get_size (info) / 1048576.0, GLOSS_IMPORT_SIZE_LIMIT / 1048576);
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_UNREADABLE,
                   /* Translators: a file's name (or what failed), then why */
                   _("%s: %s"), display, local_error->message);
      return NULL;
    }

  return prepare_bytes (bytes, name, display, error);
}

/* ------------------------------------------------------------------ */
/* Storing a document                                                 */

/* A short id that can be typed on the command line: the file name
 * without its extension, in ASCII, made unique. */
static char *
make_id (GlossLibrary *self,
         const char   *filename,
         const char   *checksum)
{
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *base = g_strdup (filename);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (const char *p = base; *p && id->len < 40; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append_printf (id, "doc-%.8s", checksum);

  if (gloss_store_id_exists (self->store, id->str))
    {
      g_autofree char *stem = g_strdup (id->str);

      for (guint n = 2; gloss_store_id_exists (self->store, id->str); n++)
        {
          g_string_truncate (id, 0);
          g_string_append_printf (id, "%s-%u", stem, n);
        }
    }
  return g_string_free (g_steal_pointer (&id), FALSE);
}

static GlossDocument *
store_prepared (GlossLibrary *self,
                Prepared     *prepared,
                const char   *display_name,
                GError      **error)
{
  g_autofree char *existing = gloss_store_find_checksum (self->store, prepared->info.checksum);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;

  if (existing != NULL)
    {
      g_autoptr(GlossDocument) other = gloss_library_lookup (self, existing, NULL);

      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_DUPLICATE,
                   /* Translators: the file's name, then the title and the id of
                    * the document already imported from the same file */
                   _("%s: this file is already in the library as “%s” (%s)"), display_name,
                   other ? gloss_document_get_title (other) : existing, existing);
      return NULL;
    }

  if (prepared->info.id == NULL)
    prepared->info.id = make_id (self, prepared->filename, prepared->info.checksum);

  if (!gloss_store_insert_document (self->store, &prepared->info, prepared->filename,
                                    prepared->bytes, error))
    return NULL;

  /* The cleaned text can be rebuilt, so failing to cache it is no reason
   * to fail the import that the user just saw succeed. */
  if (!gloss_store_save_content (self->store, prepared->info.id, prepared->info.checksum,
                                 prepared->content, &local_error))
    g_warning ("%s: %s", prepared->info.id, local_error->message);

  document = _gloss_document_new (&prepared->info);
  g_list_store_append (self->documents, document);
  return g_steal_pointer (&document);
}

/* ------------------------------------------------------------------ */
/* The bundled corpus                                                 */

static char *
json_string (JsonObject *object,
             const char *member)
{
  return g_strdup (json_object_get_string_member_with_default (object, member, ""));
}

static gboolean
import_bundled (GlossLibrary *self,
                GError      **error)
{
  g_autoptr(GBytes) manifest = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *docs;

  manifest = g_resources_lookup_data (CORPUS_RESOURCE "corpus.json", 0, error);
  if (manifest == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (manifest, NULL),
                                   g_bytes_get_size (manifest), error))
    return FALSE;

  docs = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                       "documents");
  for (guint i = 0; i < json_array_get_length (docs); i++)
    {
      JsonObject *meta = json_array_get_object_element (docs, i);
      const char *file = json_object_get_string_member (meta, "file");
      g_autofree char *path = g_strconcat (CORPUS_RESOURCE, file, NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
      g_autoptr(Prepared) prepared = NULL;
      g_autoptr(GlossDocument) document = NULL;

      if (bytes == NULL || !(prepared = prepare_bytes (bytes, file, file, error)))
        return FALSE;

      g_free (prepared->info.title);
      g_free (prepared->info.language);
      prepared->info.id = json_string (meta, "id");
      prepared->info.title = json_string (meta, "title");
      prepared->info.authors = json_string (meta, "authors");
      prepared->info.year = json_object_get_int_member_with_default (meta, "year", 0);
      prepared->info.language = json_string (meta, "language");
      prepared->info.source = json_string (meta, "source");
      prepared->info.notes = json_string (meta, "notes");
      prepared->info.title_inferred = json_object_get_boolean_member_with_default (meta, "title_inferred", FALSE);
      prepared->info.bundled = TRUE;

      document = store_prepared (self, prepared, file, error);
      if (document == NULL)
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */

GlossLibrary *
gloss_library_open (const char *dir,
                    GError    **error)
{
  g_autoptr(GlossLibrary) self = g_object_new (GLOSS_TYPE_LIBRARY, NULL);
  g_autoptr(GPtrArray) docs = NULL;
  gboolean created = FALSE;

  g_return_val_if_fail (dir != NULL, NULL);

  /* Before touching the files: without FTS5 nothing would work anyway. */
  if (!gloss_store_check_fts5 (error))
    return NULL;

  self->dir = g_strdup (dir);
  self->store = gloss_store_open (dir, &created, error);
  if (self->store == NULL)
    {
      _gloss_backup_offer (dir, error);
      return NULL;
    }

  docs = gloss_store_list_documents (self->store, error);
  if (docs == NULL)
    return NULL;
  g_list_store_splice (self->documents, 0, 0, docs->pdata, docs->len);

  if (created && !import_bundled (self, error))
    return NULL;

  self->annotations = _gloss_library_open_annotations (self, error);
  if (self->annotations == NULL)
    return NULL;
  _gloss_library_reanchor_stale (self);

  return g_steal_pointer (&self);
}

const char *
gloss_library_get_dir (GlossLibrary *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  return self->dir;
}

/**
 * gloss_library_get_documents:
 *
 * Returns: (transfer none): a list model of #GlossDocument, updated as
 *   documents are imported
 */
GListModel *
gloss_library_get_documents (GlossLibrary *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->documents);
}

/**
 * gloss_library_lookup:
 * @id_or_prefix: a document id, or a prefix of exactly one id
 *
 * Returns: (transfer full): the document
 */
GlossDocument *
gloss_library_lookup (GlossLibrary *self,
                      const char   *id_or_prefix,
                      GError      **error)
{
  GListModel *model = G_LIST_MODEL (self->documents);
  g_autoptr(GlossDocument) found = NULL;
  guint matches = 0;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossDocument) doc = g_list_model_get_item (model, i);
      const char *id = gloss_document_get_id (doc);

      if (g_strcmp0 (id, id_or_prefix) == 0)
        return g_steal_pointer (&doc);
      if (*id_or_prefix && g_str_has_prefix (id, id_or_prefix))
        {
          matches++;
          g_set_object (&found, doc);
        }
    }

  if (matches == 1)
    return g_steal_pointer (&found);

  g_set_error (error, GLOSS_STORE_ERROR,
               matches ? GLOSS_STORE_ERROR_AMBIGUOUS : GLOSS_STORE_ERROR_NOT_FOUND,
               matches
               /* Translators: %s is the start of a document id, as typed; %u
                * how many documents have an id starting with it (always 2
                * or more) */
               ? g_dngettext (GETTEXT_PACKAGE, "“%s” matches %u document; give more of the id",
                              "“%s” matches %u documents; give more of the id", matches)
               /* Translators: %s is a document id, as typed; `gloss list` is a
                * command, not to be translated */
               : _("no document “%s” in the library (see `gloss list`)"),
               id_or_prefix, matches);
  return NULL;
}

GlossDocument *
gloss_library_import_file (GlossLibrary *self,
                           GFile        *file,
                           GError      **error)
{
  g_autoptr(Prepared) prepared = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  prepared = prepare_file (file, NULL, error);
  if (prepared == NULL)
    return NULL;
  display = g_file_get_parse_name (file);
  return store_prepared (self, prepared, display, error);
}

static void
prepare_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  Prepared *prepared = prepare_file (task_data, cancellable, &error);

  if (prepared == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, prepared, (GDestroyNotify) prepared_free);
}

/* Reading, decoding and cleaning run in a thread; storing, which is
 * quick, runs back on the caller's thread, so that the databases are
 * only ever used from one thread. */
void
gloss_library_import_file_async (GlossLibrary       *self,
                                 GFile              *file,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSS_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_library_import_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, prepare_in_thread);
}

GlossDocument *
gloss_library_import_file_finish (GlossLibrary *self,
                                  GAsyncResult *result,
                                  GError      **error)
{
  g_autoptr(Prepared) prepared = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  prepared = g_task_propagate_pointer (G_TASK (result), error);
  if (prepared == NULL)
    return NULL;
  display = g_file_get_parse_name (g_task_get_task_data (G_TASK (result)));
  return store_prepared (self, prepared, display, error);
}

/**
 * gloss_library_load_content:
 *
 * The cleaned text, from corpus.db, or cleaned anew from the original
 * bytes when corpus.db lacks it or holds an outdated cleaning.
 *
 * Returns: (transfer full): the content
 */
GlossContent *
gloss_library_load_content (GlossLibrary  *self,
                            GlossDocument *document,
                            GError       **error)
{
  const char *id = gloss_document_get_id (document);
  const char *checksum = gloss_document_get_checksum (document);
  g_autoptr(GlossContent) content = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *encoding = NULL;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  content = gloss_store_load_content (self->store, id, checksum);
  if (content == NULL)
    {
      original = gloss_store_load_original (self->store, id, error);
      if (original == NULL)
        return NULL;
      content = clean (original, gloss_format_from_string (gloss_document_get_format (document)),
                       id, &encoding, error);
      if (content == NULL)
        return NULL;
      if (!gloss_store_save_content (self->store, id, checksum, content, &local_error))
        g_warning ("%s: %s", id, local_error->message);
    }

  _gloss_document_set_n_chars (document, gloss_content_get_n_chars (content));
  return g_steal_pointer (&content);
}

gboolean
gloss_library_update_metadata (GlossLibrary  *self,
                               GlossDocument *document,
                               const char    *title,
                               const char    *authors,
                               gint           year,
                               GError       **error)
{
  g_autofree char *clean_title = NULL;
  g_autofree char *clean_authors = NULL;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);

  clean_title = g_strstrip (g_strdup (title ? title : ""));
  clean_authors = g_strstrip (g_strdup (authors ? authors : ""));
  if (*clean_title == '\0')
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("the title cannot be empty"));
      return FALSE;
    }
  if (year < 0 || year > 9999)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   /* Translators: %d is the number given as the year */
                   _("the year %d is not a year"), year);
      return FALSE;
    }

  if (!gloss_store_update_metadata (self->store, gloss_document_get_id (document),
                                    clean_title, clean_authors, year, error))
    return FALSE;
  _gloss_document_update (document, clean_title, clean_authors, year);
  return TRUE;
}

guint
gloss_library_get_position (GlossLibrary  *self,
                            GlossDocument *document)
{
  guint offset = 0;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), 0);
  gloss_store_get_position (self->store, gloss_document_get_id (document), &offset);
  return offset;
}

gboolean
gloss_library_set_position (GlossLibrary  *self,
                            GlossDocument *document,
                            guint          offset,
                            GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), FALSE);
  return gloss_store_set_position (self->store, gloss_document_get_id (document), offset, error);
}

GlossStore *
_gloss_library_get_store (GlossLibrary *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  return self->store;
}

/**
 * gloss_library_get_annotations:
 *
 * Returns: (transfer none): the highlights and notes of the library
 */
GlossAnnotations *
gloss_library_get_annotations (GlossLibrary *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  return self->annotations;
}

/**
 * gloss_library_replace_original:
 * @file: the corrected file
 *
 * Re-imports @document from @file, keeping its id, metadata and notes;
 * the notes are re-anchored on the new text in the same transaction.
 *
 * Returns: (transfer container) (element-type GlossNote): the notes that
 *   could not be placed (orphaned, needing attention), or NULL on error
 */
GPtrArray *
gloss_library_replace_original (GlossLibrary  *self,
                                GlossDocument *document,
                                GFile         *file,
                                GError       **error)
{
  g_autoptr(Prepared) prepared = NULL;
  g_autofree char *display = NULL;
  g_autofree char *existing = NULL;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  prepared = prepare_file (file, NULL, error);
  if (prepared == NULL)
    return NULL;
  display = g_file_get_parse_name (file);
  existing = gloss_store_find_checksum (self->store, prepared->info.checksum);
  if (existing != NULL && g_strcmp0 (existing, gloss_document_get_id (document)) != 0)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_DUPLICATE,
                   /* Translators: the file's name, then the id of the document
                    * already imported from the same file */
                   _("%s: this file is already in the library as %s"), display, existing);
      return NULL;
    }
  return _gloss_library_commit_replacement (self, document, &prepared->info, prepared->filename,
                                            prepared->bytes, prepared->content, error);
}
