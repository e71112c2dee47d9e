/* gloss-user-events.c: the user's own timeline events, kept in user.db
 *
 * The bundled knowledge base is data of the app and is replaced with
 * every release; what the user adds is theirs, so it lives in user.db
 * (table user_events, schema 4) and is merged into the knowledge base
 * when the library is opened. The items are ordinary GlossKbItems with
 * "user-defined" set, so every view treats them like the bundled ones.
 *
 * An item is immutable: editing an event makes a new item with the
 * same id, which replaces the old one both in user.db and in the
 * knowledge base.
 *
 * Messages are translated, but the editor still puts its own words on
 * each field, chosen by the error code: they say what to write rather
 * than what is wrong. The reasons for a refused date come from
 * gloss_kb_parse_date(), whose words are for the knowledge data's
 * authors, so those two messages stay in English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-user-events.h"

#include <glib/gi18n.h>

#include "gloss-annotations-private.h"
#include "gloss-error.h"
#include "gloss-library-private.h"

G_DEFINE_QUARK (gloss-user-event-error-quark, gloss_user_event_error)

static const char * const lanes[] = { "gge", "oewg", "ga", "other", NULL };
static const char * const item_types[] = { "resolution", "session", "report", "group",
                                           "meeting", "convention", NULL };

#define COLUMNS "id, date, date_precision, end_date, end_date_precision, lane, type," \
                " title_zh, title_en, summary, symbol, source_url, source_title"

static gboolean
is_blank (const char *s)
{
  for (; s != NULL && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/* Blank optional strings are stored and passed on as NULL. */
static const char *
or_null (const char *s)
{
  return is_blank (s) ? NULL : s;
}

/* ------------------------------------------------------------------ */
/* Checking what the user typed                                       */

static GError *
check_dates (const GlossUserEventFields *f,
             GlossUserEventError         field)
{
  const char *why = NULL;
  GDate start, end;

  if (field == GLOSS_USER_EVENT_ERROR_DATE)
    {
      if (!gloss_kb_parse_date (f->date, f->date_precision, NULL, &why))
        return g_error_new (GLOSS_USER_EVENT_ERROR, field, "the date “%s” %s",
                            f->date ? f->date : "", why);
      return NULL;
    }

  if (or_null (f->end_date) == NULL)
    return NULL;
  if (!gloss_kb_parse_date (f->end_date, f->end_date_precision, &end, &why))
    return g_error_new (GLOSS_USER_EVENT_ERROR, field, "the end date “%s” %s", f->end_date, why);
  /* compare at the start of each period, as the bundled data does */
  if (gloss_kb_parse_date (f->date, f->date_precision, &start, NULL) &&
      g_date_compare (&end, &start) < 0)
    /* Translators: the end date and the date, as YYYY-MM-DD, YYYY-MM or YYYY */
    return g_error_new (GLOSS_USER_EVENT_ERROR, field, _("the end date %s is before the date %s"),
                        f->end_date, f->date);
  return NULL;
}

static GError *
check_source (const GlossUserEventFields *f)
{
  g_autoptr(GUri) uri = NULL;
  const char *url = f->source_url;

  if (is_blank (url))
    return g_error_new_literal (GLOSS_USER_EVENT_ERROR, GLOSS_USER_EVENT_ERROR_SOURCE,
                                _("an event needs a source: the address of a page that records it"));
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "http") != 0) ||
      is_blank (g_uri_get_host (uri)))
    return g_error_new (GLOSS_USER_EVENT_ERROR, GLOSS_USER_EVENT_ERROR_SOURCE,
                        /* Translators: %s is the address as given */
                        _("the source “%s” is not a web address (https://…)"), url);
  return NULL;
}

/**
 * gloss_user_event_check_field:
 * @field: which field to check (a field's error code)
 *
 * Checks one field of what the user typed, so that an editor can show
 * every problem at once, each next to its field.
 *
 * Returns: (transfer full) (nullable): why the field is refused, or %NULL
 */
GError *
gloss_user_event_check_field (const GlossUserEventFields *f,
                              GlossUserEventError         field)
{
  g_return_val_if_fail (f != NULL, NULL);

  switch (field)
    {
    case GLOSS_USER_EVENT_ERROR_DATE:
    case GLOSS_USER_EVENT_ERROR_END_DATE:
      return check_dates (f, field);
    case GLOSS_USER_EVENT_ERROR_LANE:
      if (!g_strv_contains (lanes, f->lane ? f->lane : ""))
        return g_error_new (GLOSS_USER_EVENT_ERROR, field,
                            /* Translators: %s is the lane as given; the lanes' names
                             * are codes, not to be translated */
                            _("the lane “%s” is not one of gge, oewg, ga, other"),
                            f->lane ? f->lane : "");
      return NULL;
    case GLOSS_USER_EVENT_ERROR_TYPE:
      if (f->item_type != NULL && !g_strv_contains (item_types, f->item_type))
        /* Translators: %s is the type of event as given, a code such as “meeting” */
        return g_error_new (GLOSS_USER_EVENT_ERROR, field, _("the type “%s” is not known"),
                            f->item_type);
      return NULL;
    case GLOSS_USER_EVENT_ERROR_TITLE:
      if (is_blank (f->title_zh) && is_blank (f->title_en))
        return g_error_new_literal (GLOSS_USER_EVENT_ERROR, field, _("an event needs a title"));
      return NULL;
    case GLOSS_USER_EVENT_ERROR_SUMMARY:
      if (is_blank (f->summary))
        return g_error_new_literal (GLOSS_USER_EVENT_ERROR, field,
                                    _("an event needs a one-sentence summary"));
      return NULL;
    case GLOSS_USER_EVENT_ERROR_SOURCE:
      return check_source (f);
    case GLOSS_USER_EVENT_ERROR_NOT_FOUND:
    case GLOSS_USER_EVENT_ERROR_DUPLICATE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ------------------------------------------------------------------ */
/* Items                                                              */

/* Mentions are found by the aliases: the symbol when there is one,
 * otherwise the titles as typed (a short common word as a title would
 * light up everywhere, but that is the user's choice to make). */
static void
set_aliases (GlossKbItem                *item,
             const GlossUserEventFields *f)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) aliases = NULL;

  if (or_null (f->symbol))
    g_strv_builder_add (builder, f->symbol);
  else
    {
      if (or_null (f->title_zh))
        g_strv_builder_add (builder, f->title_zh);
      if (or_null (f->title_en) && g_strcmp0 (f->title_en, f->title_zh) != 0)
        g_strv_builder_add (builder, f->title_en);
    }
  aliases = g_strv_builder_end (builder);
  gloss_kb_item_set_aliases (item, (const char * const *) aliases);
}

static char *
new_id (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat ("user-", uuid, NULL);
}

/**
 * gloss_user_event_new:
 * @id: (nullable): the id of the event being edited, or %NULL for a new one
 *
 * Makes a user-defined timeline item of what the user typed. A blank
 * title takes the other one; the summary serves both languages; the
 * source's title defaults to its address.
 *
 * Returns: (transfer full) (nullable): the item, or %NULL with @error
 *   (of #GLOSS_USER_EVENT_ERROR, naming the first field refused)
 */
GlossKbItem *
gloss_user_event_new (const char                 *id,
                      const GlossUserEventFields *f,
                      GError                    **error)
{
  g_autofree char *the_id = id ? g_strdup (id) : new_id ();
  g_autofree char *title_zh = NULL, *title_en = NULL, *summary = NULL;
  g_autoptr(GlossKbItem) item = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);

  g_return_val_if_fail (f != NULL, NULL);

  for (guint field = 0; field < GLOSS_USER_EVENT_N_FIELDS; field++)
    {
      GError *problem = gloss_user_event_check_field (f, field);

      if (problem != NULL)
        {
          g_propagate_error (error, problem);
          return NULL;
        }
    }

  title_zh = g_strstrip (g_strdup (or_null (f->title_zh) ? f->title_zh : f->title_en));
  title_en = g_strstrip (g_strdup (or_null (f->title_en) ? f->title_en : f->title_zh));
  summary = g_strstrip (g_strdup (f->summary));
  item = g_object_new (GLOSS_TYPE_KB_ITEM,
                       "category", GLOSS_KB_TIMELINE,
                       "user-defined", TRUE,
                       "id", the_id,
                       "date", f->date,
                       "date-precision", f->date_precision,
                       "end-date", or_null (f->end_date),
                       "end-date-precision", or_null (f->end_date) ? f->end_date_precision : NULL,
                       "lane", f->lane,
                       "item-type", f->item_type ? f->item_type : "meeting",
                       "title-zh", title_zh,
                       "title-en", title_en,
                       "summary-en", summary,
                       "summary-zh", summary,
                       "symbol", or_null (f->symbol),
                       NULL);
  gloss_kb_item_add_source (item, or_null (f->source_title) ? f->source_title : f->source_url,
                            or_null (f->symbol), f->source_url);
  set_aliases (item, f);

  /* the fields passed; this catches anything the knowledge base
   * would refuse that they do not cover (such as an id that is not a slug) */
  if (!gloss_kb_item_check (item, problems))
    {
      g_string_truncate (problems, problems->len - 1);
      g_set_error_literal (error, GLOSS_KNOWLEDGE_ERROR, GLOSS_KNOWLEDGE_ERROR_INVALID, problems->str);
      return NULL;
    }
  return g_steal_pointer (&item);
}

static GlossKbItem *
item_from_row (sqlite3_stmt *stmt,
               GError      **error)
{
#define COL(i) ((const char *) sqlite3_column_text (stmt, i))
  GlossUserEventFields f = {
    .date = COL (1), .date_precision = COL (2), .end_date = COL (3), .end_date_precision = COL (4),
    .lane = COL (5), .item_type = COL (6), .title_zh = COL (7), .title_en = COL (8),
    .summary = COL (9), .symbol = COL (10), .source_url = COL (11), .source_title = COL (12),
  };
  g_autoptr(GError) local_error = NULL;
  GlossKbItem *item = gloss_user_event_new (COL (0), &f, &local_error);

  /* a row edited by hand into something invalid is reported, not dropped silently */
  if (item == NULL)
    g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                 /* Translators: an event's id, then why it is invalid; user.db is
                  * a file name */
                 _("the user event %s in user.db is invalid: %s"), COL (0), local_error->message);
  return item;
#undef COL
}

/* ------------------------------------------------------------------ */
/* user.db                                                            */

static sqlite3 *
user_db (GlossLibrary *library)
{
  return gloss_store_get_user_db (_gloss_library_get_store (library));
}

static gboolean
set_sql_error (GError    **error,
               sqlite3    *db,
               const char *what)
{
  /* Translators: what failed (such as “cannot save the event”), then
   * SQLite's reason, which is in English */
  g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_SQL, _("%s: %s"), what, sqlite3_errmsg (db));
  return FALSE;
}

static void
bind_or_null (sqlite3_stmt *stmt,
              int           index,
              const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_item (sqlite3_stmt *stmt,
           GlossKbItem  *item)
{
  const GlossKbSource *source = gloss_kb_item_get_source (item, 0);

  bind_or_null (stmt, 1, gloss_kb_item_get_id (item));
  bind_or_null (stmt, 2, gloss_kb_item_get_date (item));
  bind_or_null (stmt, 3, gloss_kb_item_get_date_precision (item));
  bind_or_null (stmt, 4, gloss_kb_item_get_end_date (item));
  bind_or_null (stmt, 5, gloss_kb_item_get_end_date_precision (item));
  bind_or_null (stmt, 6, gloss_kb_item_get_lane (item));
  bind_or_null (stmt, 7, gloss_kb_item_get_item_type (item));
  bind_or_null (stmt, 8, gloss_kb_item_get_title_zh (item));
  bind_or_null (stmt, 9, gloss_kb_item_get_title_en (item));
  bind_or_null (stmt, 10, gloss_kb_item_get_summary_en (item));
  bind_or_null (stmt, 11, gloss_kb_item_get_symbol (item));
  bind_or_null (stmt, 12, source->url);
  bind_or_null (stmt, 13, source->title);
  sqlite3_bind_int64 (stmt, 14, g_get_real_time () / G_USEC_PER_SEC);
}

/* Runs one statement about @item in its own write transaction.
 * Returns the number of rows changed, or -1 with @error. */
static gint
write_item (GlossLibrary *library,
            const char   *sql,
            GlossKbItem  *item,
            const char   *id,
            GError      **error)
{
  sqlite3 *db = user_db (library);
  sqlite3_stmt *stmt = NULL;
  gint changed;

  if (!_gloss_user_db_begin (db, error))
    return -1;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (error, db, _("cannot save the event"));
      _gloss_user_db_rollback (db);
      return -1;
    }
  if (item != NULL)
    bind_item (stmt, item);
  else
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_sql_error (error, db, _("cannot save the event"));
      sqlite3_finalize (stmt);
      _gloss_user_db_rollback (db);
      return -1;
    }
  sqlite3_finalize (stmt);
  changed = sqlite3_changes (db);
  if (!_gloss_user_db_commit (db, error))
    return -1;
  return changed;
}

static gboolean
check_user_item (GlossKbItem *item,
                 GError     **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  if (!gloss_kb_item_get_user_defined (item) ||
      gloss_kb_item_get_category (item) != GLOSS_KB_TIMELINE ||
      gloss_kb_item_get_n_sources (item) == 0)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   /* Translators: %s is the id of a timeline event */
                   _("%s: only a user-defined timeline event with a source can be stored"),
                   gloss_kb_item_get_id (item));
      return FALSE;
    }
  if (!gloss_kb_item_check (item, problems))
    {
      g_string_truncate (problems, problems->len - 1);
      g_set_error_literal (error, GLOSS_KNOWLEDGE_ERROR, GLOSS_KNOWLEDGE_ERROR_INVALID, problems->str);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */

/**
 * gloss_user_events_list:
 *
 * Returns: (transfer full) (nullable): the user's events (#GlossKbItem),
 *   by date; %NULL with @error if user.db cannot be read or holds an
 *   invalid row
 */
GListModel *
gloss_user_events_list (GlossLibrary *library,
                        GError      **error)
{
  g_autoptr(GListStore) events = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), NULL);

  db = user_db (library);
  if (sqlite3_prepare_v2 (db, "SELECT " COLUMNS " FROM user_events ORDER BY date, id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (error, db, _("cannot read the user's events"));
      return NULL;
    }
  events = g_list_store_new (GLOSS_TYPE_KB_ITEM);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GlossKbItem) item = item_from_row (stmt, error);

      if (item == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_list_store_append (events, item);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sql_error (error, db, _("cannot read the user's events"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&events));
}

/**
 * gloss_user_events_add:
 * @knowledge: (nullable): a knowledge base to add the item to as well
 * @item: a user-defined item, as gloss_user_event_new() makes
 *
 * Stores a new event; its id must not be taken, in user.db nor in
 * @knowledge.
 */
gboolean
gloss_user_events_add (GlossLibrary       *library,
                       GlossKnowledgeBase *knowledge,
                       GlossKbItem        *item,
                       GError            **error)
{
  gint changed;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (knowledge == NULL || GLOSS_IS_KNOWLEDGE_BASE (knowledge), FALSE);
  g_return_val_if_fail (GLOSS_IS_KB_ITEM (item), FALSE);

  if (!check_user_item (item, error))
    return FALSE;
  if (knowledge != NULL && gloss_knowledge_base_lookup (knowledge, gloss_kb_item_get_id (item)))
    {
      g_set_error (error, GLOSS_USER_EVENT_ERROR, GLOSS_USER_EVENT_ERROR_DUPLICATE,
                   /* Translators: %s is the id of a timeline event or mechanism */
                   _("%s: there is already an item with this id"), gloss_kb_item_get_id (item));
      return FALSE;
    }
  changed = write_item (library, "INSERT OR IGNORE INTO user_events (" COLUMNS ", created, modified)"
                        " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?14)",
                        item, NULL, error);
  if (changed < 0)
    return FALSE;
  if (changed == 0)
    {
      g_set_error (error, GLOSS_USER_EVENT_ERROR, GLOSS_USER_EVENT_ERROR_DUPLICATE,
                   /* Translators: %s is the id of a timeline event */
                   _("%s: there is already an event with this id"), gloss_kb_item_get_id (item));
      return FALSE;
    }
  /* cannot fail: checked above, and the id is free */
  return knowledge == NULL || gloss_knowledge_base_add_item (knowledge, item, error);
}

/**
 * gloss_user_events_update:
 * @knowledge: (nullable): a knowledge base in which to replace the item as well
 * @item: the edited event, with the id of the one it replaces
 */
gboolean
gloss_user_events_update (GlossLibrary       *library,
                          GlossKnowledgeBase *knowledge,
                          GlossKbItem        *item,
                          GError            **error)
{
  const char *id;
  GlossKbItem *old;
  gint changed;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (knowledge == NULL || GLOSS_IS_KNOWLEDGE_BASE (knowledge), FALSE);
  g_return_val_if_fail (GLOSS_IS_KB_ITEM (item), FALSE);

  if (!check_user_item (item, error))
    return FALSE;
  id = gloss_kb_item_get_id (item);
  old = knowledge ? gloss_knowledge_base_lookup (knowledge, id) : NULL;
  if (old != NULL && !gloss_kb_item_get_user_defined (old))
    {
      g_set_error (error, GLOSS_USER_EVENT_ERROR, GLOSS_USER_EVENT_ERROR_NOT_FOUND,
                   /* Translators: %s is the id of an event or mechanism that comes
                    * with Gloss */
                   _("%s: a bundled item cannot be edited"), id);
      return FALSE;
    }
  changed = write_item (library, "UPDATE user_events SET date = ?2, date_precision = ?3,"
                        " end_date = ?4, end_date_precision = ?5, lane = ?6, type = ?7,"
                        " title_zh = ?8, title_en = ?9, summary = ?10, symbol = ?11,"
                        " source_url = ?12, source_title = ?13, modified = ?14 WHERE id = ?1",
                        item, NULL, error);
  if (changed < 0)
    return FALSE;
  if (changed == 0)
    {
      g_set_error (error, GLOSS_USER_EVENT_ERROR, GLOSS_USER_EVENT_ERROR_NOT_FOUND,
                   /* Translators: %s is the id of a timeline event */
                   _("%s: there is no such event of yours"), id);
      return FALSE;
    }
  if (knowledge != NULL)
    {
      gloss_knowledge_base_remove_item (knowledge, id);
      return gloss_knowledge_base_add_item (knowledge, item, error);
    }
  return TRUE;
}

/**
 * gloss_user_events_remove:
 * @knowledge: (nullable): a knowledge base to remove the item from as well
 */
gboolean
gloss_user_events_remove (GlossLibrary       *library,
                          GlossKnowledgeBase *knowledge,
                          const char         *id,
                          GError            **error)
{
  gint changed;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (knowledge == NULL || GLOSS_IS_KNOWLEDGE_BASE (knowledge), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  changed = write_item (library, "DELETE FROM user_events WHERE id = ?", NULL, id, error);
  if (changed < 0)
    return FALSE;
  if (changed == 0)
    {
      g_set_error (error, GLOSS_USER_EVENT_ERROR, GLOSS_USER_EVENT_ERROR_NOT_FOUND,
                   /* Translators: %s is the id of a timeline event */
                   _("%s: there is no such event of yours"), id);
      return FALSE;
    }
  if (knowledge != NULL)
    gloss_knowledge_base_remove_item (knowledge, id);
  return TRUE;
}

/**
 * gloss_user_events_merge:
 *
 * Adds the user's events to @knowledge, at load. An event whose id a
 * bundled item has since taken is reported and not added.
 */
gboolean
gloss_user_events_merge (GlossLibrary       *library,
                         GlossKnowledgeBase *knowledge,
                         GError            **error)
{
  g_autoptr(GListModel) events = NULL;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (GLOSS_IS_KNOWLEDGE_BASE (knowledge), FALSE);

  events = gloss_user_events_list (library, error);
  if (events == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(GlossKbItem) item = g_list_model_get_item (events, i);

      if (!gloss_knowledge_base_add_item (knowledge, item, error))
        return FALSE;
    }
  return TRUE;
}
