/* gloss-annotations.c: the highlights and notes of a library
 *
 * Notes live in user.db (schema version 3), which is written with
 * synchronous=FULL: a change is acknowledged — returned to the caller,
 * shown in the model — only after its COMMIT, so that a crash right
 * after cannot take back what the user saw succeed.
 *
 * The model holds one GlossNote per id and keeps it current; another
 * process (the command line) writing the same library is noticed by
 * polling PRAGMA data_version, which changes only when someone else
 * commits, and costs no I/O.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotations-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-anchor.h"
#include "gloss-cleaner.h"
#include "gloss-error.h"

struct _GlossAnnotations
{
  GObject     parent_instance;

  sqlite3    *db;
  GPtrArray  *notes;        /* of GlossNote, in model order */
  GHashTable *by_id;        /* id (owned copy) → GlossNote (borrowed from notes) */
  GHashTable *color_names;  /* colour key → the user's name for it */
  gint64      data_version;
  guint       watch_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossAnnotations, gloss_annotations, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  COLOR_NAMES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define NOTE_COLUMNS \
  "id, doc_id, start, end, quote, prefix, suffix, prior_quote, text, color, style," \
  " status, doc_checksum, cleaner_version, text_checksum, created, modified"

/* ------------------------------------------------------------------ */
/* GListModel                                                         */

static GType
get_item_type (GListModel *model)
{
  return GLOSS_TYPE_NOTE;
}

static guint
get_n_items (GListModel *model)
{
  return GLOSS_ANNOTATIONS (model)->notes->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GlossAnnotations *self = GLOSS_ANNOTATIONS (model);

  if (position >= self->notes->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->notes, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Document, then whole-document notes before passages, then position,
 * then age: the order of the notes pane when sorted by position. */
static gint
compare_notes (GlossNote *a,
               GlossNote *b)
{
  const GlossNoteData *x = _gloss_note_peek (a);
  const GlossNoteData *y = _gloss_note_peek (b);
  gint c = g_strcmp0 (x->doc_id, y->doc_id);

  if (c == 0)
    c = (gint) x->has_range - (gint) y->has_range;
  if (c == 0 && x->has_range)
    c = x->start != y->start ? (x->start < y->start ? -1 : 1) :
        x->end != y->end ? (x->end < y->end ? -1 : 1) : 0;
  if (c == 0)
    c = x->created != y->created ? (x->created < y->created ? -1 : 1) : 0;
  if (c == 0)
    c = g_strcmp0 (x->id, y->id);
  return c;
}

static guint
insertion_point (GlossAnnotations *self,
                 GlossNote        *note)
{
  guint lo = 0, hi = self->notes->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (compare_notes (g_ptr_array_index (self->notes, mid), note) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
model_insert (GlossAnnotations *self,
              GlossNote        *note)
{
  guint at = insertion_point (self, note);

  g_ptr_array_insert (self->notes, at, g_object_ref (note));
  g_hash_table_insert (self->by_id, g_strdup (gloss_note_get_id (note)), note);
  g_list_model_items_changed (G_LIST_MODEL (self), at, 0, 1);
}

static void
model_remove (GlossAnnotations *self,
              GlossNote        *note)
{
  guint at;

  if (!g_ptr_array_find (self->notes, note, &at))
    return;
  g_hash_table_remove (self->by_id, gloss_note_get_id (note));
  g_ptr_array_remove_index (self->notes, at);
  g_list_model_items_changed (G_LIST_MODEL (self), at, 1, 0);
}

/* The note's new state, in memory, after it was committed. */
static void
model_assign (GlossAnnotations *self,
              GlossNote        *note,
              GlossNoteData    *data)
{
  guint at;

  g_object_ref (note);
  g_ptr_array_find (self->notes, note, &at);
  _gloss_note_assign (note, data);

  /* move the row only if its place in the order changed */
  if ((at > 0 && compare_notes (g_ptr_array_index (self->notes, at - 1), note) > 0) ||
      (at + 1 < self->notes->len && compare_notes (note, g_ptr_array_index (self->notes, at + 1)) > 0))
    {
      model_remove (self, note);
      model_insert (self, note);
    }
  g_object_unref (note);
}

/* ------------------------------------------------------------------ */
/* Reading user.db                                                    */

static void
set_sql_error (GError    **error,
               sqlite3    *db,
               const char *what)
{
  int code = sqlite3_errcode (db);

  g_set_error (error, GLOSS_STORE_ERROR,
               code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? GLOSS_STORE_ERROR_CORRUPT :
               code == SQLITE_BUSY ? GLOSS_STORE_ERROR_BUSY :
               code == SQLITE_FULL || code == SQLITE_IOERR ? GLOSS_STORE_ERROR_IO :
               GLOSS_STORE_ERROR_SQL,
               /* Translators: what failed (such as “cannot store the note”),
                * then SQLite's reason, which is in English */
               _("%s: %s"), what, sqlite3_errmsg (db));
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           i)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);

  return text ? text : "";
}

static void
read_note (sqlite3_stmt  *stmt,
           GlossNoteData *d)
{
  memset (d, 0, sizeof *d);
  d->id = g_strdup (column_text (stmt, 0));
  d->doc_id = g_strdup (column_text (stmt, 1));
  d->has_range = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
  d->start = d->has_range ? sqlite3_column_int (stmt, 2) : 0;
  d->end = d->has_range ? sqlite3_column_int (stmt, 3) : 0;
  d->quote = g_strdup (column_text (stmt, 4));
  d->prefix = g_strdup (column_text (stmt, 5));
  d->suffix = g_strdup (column_text (stmt, 6));
  d->prior_quote = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? NULL : g_strdup (column_text (stmt, 7));
  d->text = g_strdup (column_text (stmt, 8));
  d->color = g_strdup (column_text (stmt, 9));
  if (!gloss_highlight_style_from_string (column_text (stmt, 10), &d->style))
    d->style = GLOSS_HIGHLIGHT_BACKGROUND;
  if (!gloss_anchor_status_from_string (column_text (stmt, 11), &d->status))
    d->status = GLOSS_ANCHOR_ORPHANED;
  d->doc_checksum = g_strdup (column_text (stmt, 12));
  d->cleaner_version = sqlite3_column_int (stmt, 13);
  d->text_checksum = g_strdup (column_text (stmt, 14));
  d->created = sqlite3_column_int64 (stmt, 15);
  d->modified = sqlite3_column_int64 (stmt, 16);
}

static GHashTable *
load_tags (sqlite3 *db)
{
  GHashTable *tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT nt.note_id, t.name FROM note_tags nt"
                          " JOIN tags t ON t.id = nt.tag_id ORDER BY t.name", -1, &stmt, NULL) != SQLITE_OK)
    return tags;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = column_text (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (tags, id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (tags, g_strdup (id), list);
        }
      g_ptr_array_add (list, g_strdup (column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  return tags;
}

static void
data_free (gpointer data)
{
  _gloss_note_data_clear (data);
  g_free (data);
}

/* Every note in user.db, as GlossNoteData, keyed by id. */
static GHashTable *
load_all (sqlite3  *db,
          GError  **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, data_free);
  g_autoptr(GHashTable) tags = load_tags (db);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT " NOTE_COLUMNS " FROM notes", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (error, db, _("cannot read the notes"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GlossNoteData *d = g_new0 (GlossNoteData, 1);
      GPtrArray *list;

      read_note (stmt, d);
      list = g_hash_table_lookup (tags, d->id);
      if (list != NULL)
        {
          g_ptr_array_add (list, NULL);
          d->tags = g_strdupv ((char **) list->pdata);
        }
      else
        d->tags = g_new0 (char *, 1);
      g_hash_table_insert (rows, d->id, d);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sql_error (error, db, _("cannot read the notes"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static GHashTable *
load_color_names (sqlite3 *db)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT color, name FROM color_names", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_hash_table_insert (names, g_strdup (column_text (stmt, 0)), g_strdup (column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  return names;
}

static gint64
data_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* Brings the model in line with user.db: changed notes are updated in
 * place, so that views keep their rows. */
static gboolean
sync_with_db (GlossAnnotations *self,
              GError          **error)
{
  g_autoptr(GHashTable) rows = load_all (self->db, error);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) names = NULL;
  GHashTableIter iter;
  GlossNoteData *d;
  gboolean names_changed;

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < self->notes->len; i++)
    {
      GlossNote *note = g_ptr_array_index (self->notes, i);

      if (!g_hash_table_contains (rows, gloss_note_get_id (note)))
        g_ptr_array_add (gone, g_object_ref (note));
    }
  for (guint i = 0; i < gone->len; i++)
    model_remove (self, g_ptr_array_index (gone, i));

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &d))
    {
      GlossNote *note = g_hash_table_lookup (self->by_id, d->id);

      if (note == NULL)
        {
          g_autoptr(GlossNote) fresh = _gloss_note_new (d);

          model_insert (self, fresh);
        }
      else
        {
          GlossNoteData copy;

          _gloss_note_data_copy (&copy, d);
          model_assign (self, note, &copy);
        }
    }

  names = load_color_names (self->db);
  names_changed = g_hash_table_size (names) != g_hash_table_size (self->color_names);
  g_hash_table_iter_init (&iter, names);
  for (gpointer key, value; !names_changed && g_hash_table_iter_next (&iter, &key, &value);)
    names_changed = g_strcmp0 (value, g_hash_table_lookup (self->color_names, key)) != 0;
  g_clear_pointer (&self->color_names, g_hash_table_unref);
  self->color_names = g_steal_pointer (&names);
  if (names_changed)
    g_signal_emit (self, signals[COLOR_NAMES_CHANGED], 0);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Writing user.db                                                    */

static gboolean
step_done (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
write_tags (sqlite3             *db,
            const GlossNoteData *d)
{
  sqlite3_stmt *clear = NULL, *tag = NULL, *link = NULL;
  gboolean ok;

  ok = sqlite3_prepare_v2 (db, "DELETE FROM note_tags WHERE note_id = ?", -1, &clear, NULL) == SQLITE_OK &&
       sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO tags (name) VALUES (?)", -1, &tag, NULL) == SQLITE_OK &&
       sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO note_tags (note_id, tag_id)"
                           " SELECT ?, id FROM tags WHERE name = ?", -1, &link, NULL) == SQLITE_OK;
  if (ok)
    {
      sqlite3_bind_text (clear, 1, d->id, -1, SQLITE_STATIC);
      ok = step_done (clear);
    }
  for (guint i = 0; ok && d->tags && d->tags[i]; i++)
    {
      sqlite3_bind_text (tag, 1, d->tags[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (link, 1, d->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (link, 2, d->tags[i], -1, SQLITE_STATIC);
      ok = step_done (tag) && step_done (link);
    }
  sqlite3_finalize (clear);
  sqlite3_finalize (tag);
  sqlite3_finalize (link);
  return ok;
}

static gboolean
write_note (sqlite3             *db,
            const GlossNoteData *d,
            GError             **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db,
        "INSERT INTO notes (" NOTE_COLUMNS ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT (id) DO UPDATE SET doc_id = excluded.doc_id, start = excluded.start,"
        " end = excluded.end, quote = excluded.quote, prefix = excluded.prefix,"
        " suffix = excluded.suffix, prior_quote = excluded.prior_quote, text = excluded.text,"
        " color = excluded.color, style = excluded.style, status = excluded.status,"
        " doc_checksum = excluded.doc_checksum, cleaner_version = excluded.cleaner_version,"
        " text_checksum = excluded.text_checksum, created = excluded.created,"
        " modified = excluded.modified", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (error, db, _("cannot store the note"));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, d->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, d->doc_id, -1, SQLITE_STATIC);
  if (d->has_range)
    {
      sqlite3_bind_int64 (stmt, 3, d->start);
      sqlite3_bind_int64 (stmt, 4, d->end);
    }
  sqlite3_bind_text (stmt, 5, d->quote ? d->quote : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, d->prefix ? d->prefix : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, d->suffix ? d->suffix : "", -1, SQLITE_STATIC);
  if (d->prior_quote)
    sqlite3_bind_text (stmt, 8, d->prior_quote, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, d->text ? d->text : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, d->color, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, gloss_highlight_style_to_string (d->style), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, gloss_anchor_status_to_string (d->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, d->doc_checksum ? d->doc_checksum : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 14, d->cleaner_version);
  sqlite3_bind_text (stmt, 15, d->text_checksum ? d->text_checksum : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 16, d->created);
  sqlite3_bind_int64 (stmt, 17, d->modified);

  ok = sqlite3_step (stmt) == SQLITE_DONE && write_tags (db, d);
  if (!ok)
    set_sql_error (error, db, _("cannot store the note"));
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
delete_row (sqlite3    *db,
            const char *id,
            GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, "DELETE FROM notes WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (error, db, _("cannot delete the note"));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    set_sql_error (error, db, _("cannot delete the note"));
  sqlite3_finalize (stmt);
  return ok;
}

/* Stores @d (or deletes note @id when @d is NULL) in a transaction of
 * its own; TRUE only once it is committed. */
static gboolean
commit_one (GlossAnnotations    *self,
            const GlossNoteData *d,
            const char          *id,
            GError             **error)
{
  if (!_gloss_user_db_begin (self->db, error))
    return FALSE;
  if (!(d ? write_note (self->db, d, error) : delete_row (self->db, id, error)))
    {
      _gloss_user_db_rollback (self->db);
      return FALSE;
    }
  return _gloss_user_db_commit (self->db, error);
}

/* Later than @previous even if the clock went back: "newer" must mean
 * newer when imports compare notes. */
static gint64
now_after (gint64 previous)
{
  return MAX (g_get_real_time (), previous + 1);
}

/* ------------------------------------------------------------------ */
/* Validation                                                         */

/* g_ptr_array_sort() passes pointers to the elements */
static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
normalize_tags (const char * const *tags,
                GStrv              *out,
                GError            **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; tags && tags[i]; i++)
    {
      char *tag = gloss_note_normalize_tag (tags[i]);

      if (tag == NULL)
        {
          g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                       /* Translators: %s is the tag as given */
                       _("the tag “%s” is empty or not valid text"), tags[i]);
          return FALSE;
        }
      if (g_ptr_array_find_with_equal_func (list, tag, g_str_equal, NULL))
        g_free (tag);
      else
        g_ptr_array_add (list, tag);
    }
  g_ptr_array_sort (list, compare_strings);
  g_ptr_array_add (list, NULL);
  *out = (GStrv) g_ptr_array_free (g_steal_pointer (&list), FALSE);
  return TRUE;
}

static gboolean
validate_text (const char *text,
               GError    **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   _("the note text is not valid UTF-8"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_color (const char *color,
                GError    **error)
{
  if (!gloss_note_color_is_valid (color))
    {
      g_autofree char *known = g_strjoinv (", ", (GStrv) gloss_note_colors ());

      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   /* Translators: the colour as given, then the names of the
                    * known colours, which are not translated (yellow, green, …) */
                   _("“%s” is not a highlight colour (one of %s)"), color ? color : "", known);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_range (GlossContent *content,
                guint         start,
                guint         end,
                GError      **error)
{
  guint n = gloss_content_get_n_chars (content);

  if (start >= end || end > n)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   /* Translators: the start and end offsets given, then the
                    * length of the text, all in characters */
                   _("the range %u–%u is not a passage of the text (0–%u, end exclusive)"),
                   start, end, n);
      return FALSE;
    }
  return TRUE;
}

char *
_gloss_text_checksum (GlossContent *content)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                      (const guchar *) gloss_content_get_text (content),
                                      gloss_content_get_text_length (content));
}

/* Anchors @d on @content at [start, end): quote, context and the
 * checksums that tell later whether the text changed under it. */
static void
anchor_data (GlossNoteData *d,
             GlossContent  *content,
             const char    *doc_checksum,
             guint          start,
             guint          end)
{
  g_autoptr(GlossAnchorText) text = gloss_anchor_text_new (gloss_content_get_text (content),
                                                           gloss_content_get_text_length (content));

  g_clear_pointer (&d->quote, g_free);
  g_clear_pointer (&d->prefix, g_free);
  g_clear_pointer (&d->suffix, g_free);
  g_clear_pointer (&d->prior_quote, g_free);
  gloss_anchor_text_describe (text, start, end, &d->quote, &d->prefix, &d->suffix);
  d->has_range = TRUE;
  d->start = start;
  d->end = end;
  d->status = GLOSS_ANCHOR_OK;
  g_free (d->doc_checksum);
  d->doc_checksum = g_strdup (doc_checksum);
  d->cleaner_version = GLOSS_CLEANER_VERSION;
  g_free (d->text_checksum);
  d->text_checksum = _gloss_text_checksum (content);
}

/* ------------------------------------------------------------------ */
/* Object                                                             */

static void
gloss_annotations_finalize (GObject *object)
{
  GlossAnnotations *self = GLOSS_ANNOTATIONS (object);

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->color_names, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_annotations_parent_class)->finalize (object);
}

static void
gloss_annotations_class_init (GlossAnnotationsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_annotations_finalize;

  /**
   * GlossAnnotations::color-names-changed:
   *
   * The user's names of the palette colours changed (here or in another
   * process).
   */
  signals[COLOR_NAMES_CHANGED] =
    g_signal_new ("color-names-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gloss_annotations_init (GlossAnnotations *self)
{
  self->notes = g_ptr_array_new_with_free_func (g_object_unref);
  /* keys are copies: a note's own id string is replaced when it changes */
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->color_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GlossAnnotations *
_gloss_annotations_new (sqlite3 *db,
                        GError **error)
{
  g_autoptr(GlossAnnotations) self = g_object_new (GLOSS_TYPE_ANNOTATIONS, NULL);

  self->db = db;
  self->data_version = data_version (db);
  if (!sync_with_db (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */

/**
 * gloss_annotations_lookup:
 *
 * Returns: (transfer none) (nullable): the live note with this id
 */
GlossNote *
gloss_annotations_lookup (GlossAnnotations *self,
                          const char       *id)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (self), NULL);
  return g_hash_table_lookup (self->by_id, id);
}

static GlossNote *
add_data (GlossAnnotations *self,
          GlossNoteData    *d,
          GError          **error)
{
  g_autoptr(GlossNote) note = NULL;

  if (!commit_one (self, d, NULL, error))
    return NULL;
  note = _gloss_note_new (d);
  model_insert (self, note);
  return note;   /* the model holds a reference */
}

/**
 * gloss_annotations_add:
 * @color: (nullable): a palette key; NULL for yellow
 *
 * Highlights [@start, @end) of @content, the current text of @document.
 * To undo, delete the returned note.
 *
 * Returns: (transfer none): the new note, once committed
 */
GlossNote *
gloss_annotations_add (GlossAnnotations    *self,
                       GlossDocument       *document,
                       GlossContent        *content,
                       guint                start,
                       guint                end,
                       const char          *color,
                       GlossHighlightStyle  style,
                       const char          *text,
                       const char * const  *tags,
                       GError             **error)
{
  GlossNoteData d = { 0 };
  GlossNote *note;

  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (self), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GLOSS_IS_CONTENT (content), NULL);

  color = color ? color : "yellow";
  if (!validate_range (content, start, end, error) || !validate_color (color, error) ||
      !validate_text (text, error) || !normalize_tags (tags, &d.tags, error))
    {
      _gloss_note_data_clear (&d);
      return NULL;
    }

  d.id = _gloss_note_new_id ();
  d.doc_id = g_strdup (gloss_document_get_id (document));
  d.text = g_strdup (text ? text : "");
  d.color = g_strdup (color);
  d.style = style;
  d.created = d.modified = g_get_real_time ();
  anchor_data (&d, content, gloss_document_get_checksum (document), start, end);

  note = add_data (self, &d, error);
  _gloss_note_data_clear (&d);
  return note;
}

/**
 * gloss_annotations_add_document_note:
 *
 * A note on the whole document, without a passage.
 *
 * Returns: (transfer none): the new note, once committed
 */
GlossNote *
gloss_annotations_add_document_note (GlossAnnotations   *self,
                                     GlossDocument      *document,
                                     const char         *text,
                                     const char * const *tags,
                                     GError            **error)
{
  GlossNoteData d = { 0 };
  GlossNote *note;

  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (self), NULL);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);

  if (!validate_text (text, error) || !normalize_tags (tags, &d.tags, error))
    {
      _gloss_note_data_clear (&d);
      return NULL;
    }
  d.id = _gloss_note_new_id ();
  d.doc_id = g_strdup (gloss_document_get_id (document));
  d.text = g_strdup (text ? text : "");
  d.color = g_strdup ("yellow");
  d.doc_checksum = g_strdup (gloss_document_get_checksum (document));
  d.cleaner_version = GLOSS_CLEANER_VERSION;
  d.created = d.modified = g_get_real_time ();

  note = add_data (self, &d, error);
  _gloss_note_data_clear (&d);
  return note;
}

/* Stores @d as the new state of @note; returns the state before. */
static GlossNote *
update_note (GlossAnnotations *self,
             GlossNote        *note,
             GlossNoteData    *d,
             GError          **error)
{
  g_autoptr(GlossNote) before = NULL;

  d->modified = now_after (gloss_note_get_modified (note));
  if (!commit_one (self, d, NULL, error))
    {
      _gloss_note_data_clear (d);
      return NULL;
    }
  before = gloss_note_copy (note);
  model_assign (self, note, d);
  return g_steal_pointer (&before);
}

static gboolean
check_live (GlossAnnotations *self,
            GlossNote        *note,
            GError          **error)
{
  if (g_hash_table_lookup (self->by_id, gloss_note_get_id (note)) != note)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a note's id */
                   _("the note %s is no longer in the library"), gloss_note_get_id (note));
      return FALSE;
    }
  return TRUE;
}

/**
 * gloss_annotations_set_text:
 *
 * Returns: (transfer full): the note as it was, for undo
 */
GlossNote *
gloss_annotations_set_text (GlossAnnotations *self,
                            GlossNote        *note,
                            const char       *text,
                            GError          **error)
{
  GlossNoteData d;

  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (self), NULL);
  if (!check_live (self, note, error) || !validate_text (text, error))
    return NULL;
  _gloss_note_data_copy (&d, _gloss_note_peek (note));
  g_free (d.text);
  d.text = g_strdup (text ? text : "");
  return update_note (self, note, &d, error);
}

/**
 * gloss_annotations_set_color:
 *
 * Returns: (transfer full): the note as it was, for undo
 */
GlossNote *
gloss_annotations_set_color (GlossAnnotations   *self,
                             GlossNote          *note,
                             const char         *color,
                             GlossHighlightStyle style,
                             GError            **error)
{
  GlossNoteData d;

  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (self), NULL);
  if (!check_live (self, note, error) || !validate_color (color, error))
    return NULL;
  _gloss_note_data_copy (&d, _gloss_note_peek (note));
  g_free (d.color);
  d.color = g_strdup (color);
  d.style = style;
  return update_note (self, note, &d, error);
}

/**
 * gloss_annotations_set_tags:
 *
 * Returns: (transfer full): the note as it was, for undo
 */
GlossNote *
gloss_annotations_set_tags (GlossAnnotations   *self,
                            GlossNote          *note,
                            const char * const *tags,
                            GError            **error)
{
  GlossNoteData d;
  GStrv normalized = NULL;

  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (self), NULL);
  if (!check_live (self, note, error) || !normalize_tags (tags, &normalized, error))
    return NULL;
  _gloss_note_data_copy (&d, _gloss_note_peek (note));
  g_strfreev (d.tags);
  d.tags = normalized;
  return update_note (self, note, &d, error);
}

/**
 * gloss_annotations_reattach:
 *
 * Attaches a note (typically one that needs attention) to a new passage
 * of @content, the current text of its document.
 *
 * Returns: (transfer full): the note as it was, for undo
 */
GlossNote *
gloss_annotations_reattach (GlossAnnotations *self,
                            GlossNote        *note,
                            GlossContent     *content,
                            guint             start,
                            guint             end,
                            GError          **error)
{
  GlossNoteData d;
  g_autofree char *doc_checksum = NULL;

  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (self), NULL);
  if (!check_live (self, note, error) || !validate_range (content, start, end, error))
    return NULL;
  _gloss_note_data_copy (&d, _gloss_note_peek (note));
  doc_checksum = g_strdup (d.doc_checksum);
  anchor_data (&d, content, doc_checksum, start, end);
  return update_note (self, note, &d, error);
}

/**
 * gloss_annotations_delete:
 *
 * Returns: (transfer full): the deleted note, which
 *   gloss_annotations_restore() puts back with the same id
 */
GlossNote *
gloss_annotations_delete (GlossAnnotations *self,
                          GlossNote        *note,
                          GError          **error)
{
  g_autoptr(GlossNote) before = NULL;

  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (self), NULL);
  if (!check_live (self, note, error) ||
      !commit_one (self, NULL, gloss_note_get_id (note), error))
    return NULL;
  before = gloss_note_copy (note);
  model_remove (self, note);
  return g_steal_pointer (&before);
}

/**
 * gloss_annotations_remove_by_id:
 * @removed: (out) (optional) (transfer full): the note as it was
 */
gboolean
gloss_annotations_remove_by_id (GlossAnnotations *self,
                                const char       *id,
                                GlossNote       **removed,
                                GError          **error)
{
  GlossNote *note = gloss_annotations_lookup (self, id);
  GlossNote *before;

  if (note == NULL)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a note's id */
                   _("no note %s in the library"), id);
      return FALSE;
    }
  before = gloss_annotations_delete (self, note, error);
  if (before == NULL)
    return FALSE;
  if (removed)
    *removed = before;
  else
    g_object_unref (before);
  return TRUE;
}

/**
 * gloss_annotations_restore:
 * @snapshot: a note as a change returned it
 * @replaced: (out) (optional) (transfer full) (nullable): the state it
 *   replaced (NULL if the note did not exist), which redo restores
 *
 * Puts a note back exactly as @snapshot: undo of any change, delete
 * included.
 */
gboolean
gloss_annotations_restore (GlossAnnotations *self,
                           GlossNote        *snapshot,
                           GlossNote       **replaced,
                           GError          **error)
{
  GlossNoteData d;
  GlossNote *live;

  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_NOTE (snapshot), FALSE);

  if (!commit_one (self, _gloss_note_peek (snapshot), NULL, error))
    return FALSE;

  live = g_hash_table_lookup (self->by_id, gloss_note_get_id (snapshot));
  if (replaced)
    *replaced = live ? gloss_note_copy (live) : NULL;
  _gloss_note_data_copy (&d, _gloss_note_peek (snapshot));
  if (live)
    model_assign (self, live, &d);
  else
    {
      g_autoptr(GlossNote) note = _gloss_note_new (&d);

      _gloss_note_data_clear (&d);
      model_insert (self, note);
    }
  return TRUE;
}

/**
 * gloss_annotations_dup_color_name:
 *
 * Returns: (transfer full) (nullable): what the user named @color
 */
char *
gloss_annotations_dup_color_name (GlossAnnotations *self,
                                  const char       *color)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (self), NULL);
  return g_strdup (g_hash_table_lookup (self->color_names, color));
}

/**
 * gloss_annotations_set_color_name:
 * @name: (nullable): the meaning of @color; NULL or empty to forget it
 * @previous: (out) (optional) (transfer full) (nullable): the name
 *   before, for undo
 */
gboolean
gloss_annotations_set_color_name (GlossAnnotations *self,
                                  const char       *color,
                                  const char       *name,
                                  char            **previous,
                                  GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (self), FALSE);
  if (!validate_color (color, error) || !validate_text (clean, error) ||
      !_gloss_user_db_begin (self->db, error))
    return FALSE;

  ok = sqlite3_prepare_v2 (self->db, *clean ?
                           "INSERT INTO color_names (color, name) VALUES (?1, ?2)"
                           " ON CONFLICT (color) DO UPDATE SET name = excluded.name" :
                           "DELETE FROM color_names WHERE color = ?1", -1, &stmt, NULL) == SQLITE_OK;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, color, -1, SQLITE_STATIC);
      if (*clean)
        sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
    }
  if (!ok)
    set_sql_error (error, self->db, _("cannot name the colour"));
  sqlite3_finalize (stmt);
  if (!ok)
    {
      _gloss_user_db_rollback (self->db);
      return FALSE;
    }
  if (!_gloss_user_db_commit (self->db, error))
    return FALSE;

  if (previous)
    *previous = g_strdup (g_hash_table_lookup (self->color_names, color));
  if (*clean)
    g_hash_table_insert (self->color_names, g_strdup (color), g_steal_pointer (&clean));
  else
    g_hash_table_remove (self->color_names, color);
  g_signal_emit (self, signals[COLOR_NAMES_CHANGED], 0);
  return TRUE;
}

/**
 * gloss_annotations_list_tags:
 * @prefix: (nullable): what the user typed so far
 *
 * The tags in use, the most used first: for type-ahead.
 *
 * Returns: (transfer full): the tags
 */
GStrv
gloss_annotations_list_tags (GlossAnnotations *self,
                             const char       *prefix)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *wanted = prefix && *prefix ? gloss_note_normalize_tag (prefix) : NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (self), NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT t.name, count(*) AS uses FROM tags t"
                          " JOIN note_tags nt ON nt.tag_id = t.id GROUP BY t.id"
                          " ORDER BY uses DESC, t.name", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *name = column_text (stmt, 0);

        if (wanted == NULL || g_str_has_prefix (name, wanted))
          g_strv_builder_add (builder, name);
      }
  sqlite3_finalize (stmt);
  return g_strv_builder_end (builder);
}

/**
 * gloss_annotations_dup_notes:
 * @doc_id: (nullable): one document's notes, or all
 *
 * Returns: (transfer container) (element-type GlossNote): the live
 *   notes, in position order
 */
GPtrArray *
gloss_annotations_dup_notes (GlossAnnotations *self,
                             const char       *doc_id)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (self), NULL);
  for (guint i = 0; i < self->notes->len; i++)
    {
      GlossNote *note = g_ptr_array_index (self->notes, i);

      if (doc_id == NULL || g_strcmp0 (gloss_note_get_doc_id (note), doc_id) == 0)
        g_ptr_array_add (notes, g_object_ref (note));
    }
  return notes;
}

/**
 * gloss_annotations_refresh:
 *
 * Takes in what another process (the command line, a second window)
 * committed since the last look. Cheap when nothing changed: call it
 * from a timer or when the window gains focus.
 *
 * Returns: TRUE if it read changes; FALSE if there were none or on
 *   error (then @error is set)
 */
gboolean
gloss_annotations_refresh (GlossAnnotations *self,
                           GError          **error)
{
  gint64 version;

  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (self), FALSE);

  version = data_version (self->db);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  return sync_with_db (self, error);
}

static gboolean
watch_tick (gpointer data)
{
  g_autoptr(GError) error = NULL;

  gloss_annotations_refresh (data, &error);
  if (error != NULL)
    g_warning ("cannot read the notes another process wrote: %s", error->message);
  return G_SOURCE_CONTINUE;
}

/**
 * gloss_annotations_watch:
 * @interval_ms: how often to look for changes by another process; 0
 *   stops looking
 *
 * Polls in the thread-default main context.
 */
void
gloss_annotations_watch (GlossAnnotations *self,
                         guint             interval_ms)
{
  g_return_if_fail (GLOSS_IS_ANNOTATIONS (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (interval_ms > 0)
    self->watch_id = g_timeout_add (interval_ms, watch_tick, self);
}

/* ------------------------------------------------------------------ */
/* Re-anchoring and merging (for GlossLibrary)                        */

/* Documents whose notes were anchored on another original or another
 * cleaning than the current one: one query on user.db, no text read. */
GStrv
_gloss_annotations_stale_documents (GlossAnnotations *self,
                                    GError          **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT DISTINCT n.doc_id FROM notes n"
                          " JOIN documents d ON d.id = n.doc_id"
                          " WHERE n.doc_checksum != d.checksum OR n.cleaner_version != ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (error, self->db, _("cannot read the notes"));
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, GLOSS_CLEANER_VERSION);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sql_error (error, self->db, _("cannot read the notes"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* The new state of every note of @doc_id on @content: placed again
 * where the text changed, only re-stamped where it did not. Nothing is
 * written. */
GPtrArray *
_gloss_annotations_plan_reanchor (GlossAnnotations *self,
                                  const char       *doc_id,
                                  const char       *doc_checksum,
                                  GlossContent     *content)
{
  g_autoptr(GlossAnchorText) text = gloss_anchor_text_new (gloss_content_get_text (content),
                                                           gloss_content_get_text_length (content));
  g_autofree char *text_checksum = _gloss_text_checksum (content);
  GPtrArray *states = g_ptr_array_new_with_free_func (data_free);

  for (guint i = 0; i < self->notes->len; i++)
    {
      GlossNote *note = g_ptr_array_index (self->notes, i);
      const GlossNoteData *old = _gloss_note_peek (note);
      GlossNoteData *d;

      if (g_strcmp0 (old->doc_id, doc_id) != 0)
        continue;
      d = g_new0 (GlossNoteData, 1);
      _gloss_note_data_copy (d, old);

      if (d->has_range && g_strcmp0 (d->text_checksum, text_checksum) != 0)
        {
          GlossAnchorSelector selector = { d->quote, d->prefix, d->suffix, TRUE, d->start, d->end };
          GlossAnchorMatch match;

          gloss_anchor_text_locate (text, &selector, &match);
          if (match.status != GLOSS_ANCHOR_ORPHANED)
            {
              g_autofree char *quote = NULL;
              g_autofree char *prior = g_strdup (d->prior_quote ? d->prior_quote : d->quote);

              g_free (d->quote);
              g_free (d->prefix);
              g_free (d->suffix);
              gloss_anchor_text_describe (text, match.start, match.end, &d->quote, &d->prefix, &d->suffix);
              d->start = match.start;
              d->end = match.end;
              /* keep the words the user highlighted when the text under them changed */
              g_clear_pointer (&d->prior_quote, g_free);
              if (g_strcmp0 (prior, d->quote) != 0)
                d->prior_quote = g_steal_pointer (&prior);
            }
          d->status = match.status;
        }
      g_free (d->doc_checksum);
      d->doc_checksum = g_strdup (doc_checksum);
      d->cleaner_version = GLOSS_CLEANER_VERSION;
      g_free (d->text_checksum);
      d->text_checksum = g_strdup (text_checksum);
      g_ptr_array_add (states, d);
    }
  return states;
}

/* Inside the caller's transaction. */
gboolean
_gloss_annotations_write_states (GlossAnnotations *self,
                                 GPtrArray        *states,
                                 GError          **error)
{
  for (guint i = 0; i < states->len; i++)
    if (!write_note (self->db, g_ptr_array_index (states, i), error))
      return FALSE;
  return TRUE;
}

/* After the caller's COMMIT. */
void
_gloss_annotations_apply_states (GlossAnnotations *self,
                                 GPtrArray        *states)
{
  for (guint i = 0; i < states->len; i++)
    {
      GlossNoteData *d = g_ptr_array_index (states, i);
      GlossNote *live = g_hash_table_lookup (self->by_id, d->id);
      GlossNoteData copy;

      _gloss_note_data_copy (&copy, d);
      if (live)
        model_assign (self, live, &copy);
      else
        {
          g_autoptr(GlossNote) note = _gloss_note_new (&copy);

          _gloss_note_data_clear (&copy);
          model_insert (self, note);
        }
    }
}

static GlossNote *
find_same_passage (GlossAnnotations    *self,
                   const GlossNoteData *d)
{
  for (guint i = 0; i < self->notes->len; i++)
    {
      GlossNote *note = g_ptr_array_index (self->notes, i);
      const GlossNoteData *x = _gloss_note_peek (note);

      if (g_strcmp0 (x->doc_id, d->doc_id) == 0 && x->has_range == d->has_range &&
          (!d->has_range || (x->start == d->start && x->end == d->end)) &&
          g_strcmp0 (x->quote, d->quote) == 0 && g_strcmp0 (x->text, d->text) == 0)
        return note;
    }
  return NULL;
}

/* Merges anchored notes (GlossNoteData) from an import, in one
 * transaction: a note already here (same id and content, or the same
 * passage and text) is left alone; one with the same id is replaced
 * only by a newer version. */
gboolean
_gloss_annotations_merge (GlossAnnotations  *self,
                          GPtrArray         *incoming,
                          GlossImportReport *report,
                          GError           **error)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new ();

  for (guint i = 0; i < incoming->len; i++)
    {
      GlossNoteData *d = g_ptr_array_index (incoming, i);
      GlossNote *same_id = g_hash_table_lookup (self->by_id, d->id);
      g_autoptr(GlossNote) candidate = _gloss_note_new (d);

      if (same_id != NULL)
        {
          if (gloss_note_equal_content (same_id, candidate) ||
              d->modified <= gloss_note_get_modified (same_id))
            {
              report->unchanged++;
              continue;
            }
          report->updated++;
        }
      else if (find_same_passage (self, d) != NULL)
        {
          report->unchanged++;
          continue;
        }
      else
        report->added++;

      if (d->status == GLOSS_ANCHOR_ORPHANED)
        report->unplaced++;
      g_ptr_array_add (states, d);
    }

  if (states->len == 0)
    return TRUE;
  if (!_gloss_user_db_begin (self->db, error))
    return FALSE;
  if (!_gloss_annotations_write_states (self, states, error))
    {
      _gloss_user_db_rollback (self->db);
      return FALSE;
    }
  if (!_gloss_user_db_commit (self->db, error))
    return FALSE;
  _gloss_annotations_apply_states (self, states);
  return TRUE;
}
