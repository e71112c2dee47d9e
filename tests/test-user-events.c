/* test-user-events.c: the user's own timeline events in user.db
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-knowledge-base.h"
#include "gloss-user-events.h"
#include "test-util.h"

static const GlossUserEventFields seminar = {
  .date = "2016-03-15",
  .date_precision = "day",
  .lane = "other",
  .title_zh = "网络规范研讨会",
  .title_en = "Seminar on cyber norms",
  .summary = "A seminar the user attended.",
  .source_url = "https://example.org/seminar",
  .source_title = "Seminar page",
};

static GlossLibrary *
reopen (GlossLibrary *library,
        const char   *dir)
{
  g_autoptr(GError) error = NULL;
  GlossLibrary *again;

  g_assert_finalize_object (library);
  again = gloss_library_open (dir, &error);
  g_assert_no_error (error);
  return again;
}

static GlossKnowledgeBase *
bundled (void)
{
  g_autoptr(GError) error = NULL;
  GlossKnowledgeBase *knowledge = gloss_knowledge_base_new_bundled (&error);

  g_assert_no_error (error);
  return knowledge;
}

static guint
count_events (GlossLibrary *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = gloss_user_events_list (library, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (events);
}

/* ------------------------------------------------------------------ */

/* Add, edit, delete: each survives closing and opening the library,
 * and the knowledge base follows. */
static void
test_add_update_remove (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  GlossLibrary *library = test_open_library (&dir);
  g_autoptr(GlossKnowledgeBase) knowledge = bundled ();
  g_autoptr(GlossKnowledgeBase) knowledge2 = NULL;
  g_autoptr(GlossKbItem) item = NULL;
  g_autoptr(GlossKbItem) edited = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GlossKbItem) stored = NULL;
  GlossUserEventFields fields = seminar;
  guint n_bundled = g_list_model_get_n_items (gloss_knowledge_base_get_timeline (knowledge));
  g_autofree char *id = NULL;

  item = gloss_user_event_new (NULL, &fields, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_kb_item_get_user_defined (item));
  g_assert_true (g_str_has_prefix (gloss_kb_item_get_id (item), "user-"));
  id = g_strdup (gloss_kb_item_get_id (item));
  g_assert_true (gloss_user_events_add (library, knowledge, item, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_knowledge_base_lookup (knowledge, id) == item);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_knowledge_base_get_timeline (knowledge)), ==,
                    n_bundled + 1);

  /* the same id twice is refused */
  g_assert_false (gloss_user_events_add (library, NULL, item, &error));
  g_assert_error (error, GLOSS_USER_EVENT_ERROR, GLOSS_USER_EVENT_ERROR_DUPLICATE);
  g_clear_error (&error);

  library = reopen (library, dir);
  events = gloss_user_events_list (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  stored = g_list_model_get_item (events, 0);
  g_assert_cmpstr (gloss_kb_item_get_id (stored), ==, id);
  g_assert_cmpstr (gloss_kb_item_get_title_zh (stored), ==, "网络规范研讨会");
  g_assert_cmpstr (gloss_kb_item_get_date (stored), ==, "2016-03-15");
  g_assert_null (gloss_kb_item_get_end_date (stored));
  g_assert_cmpstr (gloss_kb_item_get_source (stored, 0)->url, ==, "https://example.org/seminar");
  g_assert_true (gloss_kb_item_get_user_defined (stored));

  /* edit: a month-long period, with a symbol */
  fields.date = "2016-03";
  fields.date_precision = "month";
  fields.end_date = "2016-05";
  fields.end_date_precision = "month";
  fields.symbol = "A/71/999";
  edited = gloss_user_event_new (id, &fields, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_user_events_update (library, knowledge, edited, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_knowledge_base_lookup (knowledge, id) == edited);

  library = reopen (library, dir);
  knowledge2 = bundled ();
  g_assert_true (gloss_user_events_merge (library, knowledge2, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = g_object_ref (gloss_knowledge_base_lookup (knowledge2, id));
  g_assert_cmpstr (gloss_kb_item_get_date (stored), ==, "2016-03");
  g_assert_cmpstr (gloss_kb_item_get_end_date (stored), ==, "2016-05");
  g_assert_cmpstr (gloss_kb_item_get_symbol (stored), ==, "A/71/999");
  g_assert_cmpstr (gloss_kb_item_get_aliases (stored)[0], ==, "A/71/999");
  g_assert_true (gloss_knowledge_base_validate (knowledge2, &error));
  g_assert_no_error (error);

  /* a bundled item is not the user's to edit or delete */
  g_assert_false (gloss_user_events_remove (library, knowledge2, "gge-2015-report", &error));
  g_assert_error (error, GLOSS_USER_EVENT_ERROR, GLOSS_USER_EVENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_nonnull (gloss_knowledge_base_lookup (knowledge2, "gge-2015-report"));

  g_assert_true (gloss_user_events_remove (library, knowledge2, id, &error));
  g_assert_no_error (error);
  g_assert_null (gloss_knowledge_base_lookup (knowledge2, id));
  library = reopen (library, dir);
  g_assert_cmpuint (count_events (library), ==, 0);

  g_assert_finalize_object (library);
  test_rm_rf (dir);
}

/* Each kind of bad input is refused with its field named and a clear
 * message; nothing is stored. */
static void
test_bad_input (void)
{
  static const struct
  {
    const char          *date, *precision, *end_date, *end_precision, *url, *summary;
    GlossUserEventError  field;
    const char          *words;
  } cases[] = {
    { "2016-13-01", "day", NULL, NULL, "https://example.org", "s", GLOSS_USER_EVENT_ERROR_DATE, "calendar" },
    { "2016/03/01", "day", NULL, NULL, "https://example.org", "s", GLOSS_USER_EVENT_ERROR_DATE, "YYYY" },
    { "2016-03", "day", NULL, NULL, "https://example.org", "s", GLOSS_USER_EVENT_ERROR_DATE, "precision" },
    { "", "day", NULL, NULL, "https://example.org", "s", GLOSS_USER_EVENT_ERROR_DATE, "date" },
    { "2016", "year", "2015", "year", "https://example.org", "s", GLOSS_USER_EVENT_ERROR_END_DATE, "before" },
    { "2016", "year", "20x6", "year", "https://example.org", "s", GLOSS_USER_EVENT_ERROR_END_DATE, "YYYY" },
    { "2016", "year", NULL, NULL, "", "s", GLOSS_USER_EVENT_ERROR_SOURCE, "needs a source" },
    { "2016", "year", NULL, NULL, "   ", "s", GLOSS_USER_EVENT_ERROR_SOURCE, "needs a source" },
    { "2016", "year", NULL, NULL, "example.org", "s", GLOSS_USER_EVENT_ERROR_SOURCE, "web address" },
    { "2016", "year", NULL, NULL, "ftp://example.org/x", "s", GLOSS_USER_EVENT_ERROR_SOURCE, "web address" },
    { "2016", "year", NULL, NULL, "https://example.org", " ", GLOSS_USER_EVENT_ERROR_SUMMARY, "summary" },
  };
  g_autofree char *dir = NULL;
  GlossLibrary *library = test_open_library (&dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossKbItem) item = NULL;
      GlossUserEventFields fields = seminar;

      fields.date = cases[i].date;
      fields.date_precision = cases[i].precision;
      fields.end_date = cases[i].end_date;
      fields.end_date_precision = cases[i].end_precision;
      fields.source_url = cases[i].url;
      fields.summary = cases[i].summary;
      item = gloss_user_event_new (NULL, &fields, &error);
      g_test_message ("case %u: %s", i, error ? error->message : "(accepted)");
      g_assert_null (item);
      g_assert_error (error, GLOSS_USER_EVENT_ERROR, (gint) cases[i].field);
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }

  /* no title at all, and a lane that does not exist */
  {
    g_autoptr(GError) error = NULL;
    GlossUserEventFields fields = seminar;

    fields.title_zh = "";
    fields.title_en = NULL;
    g_assert_null (gloss_user_event_new (NULL, &fields, &error));
    g_assert_error (error, GLOSS_USER_EVENT_ERROR, GLOSS_USER_EVENT_ERROR_TITLE);
    g_clear_error (&error);
    fields = seminar;
    fields.lane = "nato";
    g_assert_null (gloss_user_event_new (NULL, &fields, &error));
    g_assert_error (error, GLOSS_USER_EVENT_ERROR, GLOSS_USER_EVENT_ERROR_LANE);
  }

  /* one title is enough: it serves both languages */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossKbItem) item = NULL;
    GlossUserEventFields fields = seminar;

    fields.title_en = "  ";
    item = gloss_user_event_new (NULL, &fields, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (gloss_kb_item_get_title_en (item), ==, "网络规范研讨会");
  }

  g_assert_cmpuint (count_events (library), ==, 0);
  g_assert_finalize_object (library);
  test_rm_rf (dir);
}

static gint
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint version;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* A library written by schema 3 (no user_events) is upgraded to 4,
 * keeping its documents and notes, and takes events afterwards. */
static void
test_migrate_from_v3 (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossKbItem) item = NULL;
  GlossLibrary *library = test_open_library (&dir);
  guint n_documents = g_list_model_get_n_items (gloss_library_get_documents (library));

  g_assert_cmpuint (n_documents, >, 0);
  g_assert_finalize_object (library);

  /* schema 4 less its step is exactly schema 3 */
  path = g_build_filename (dir, "user.db", NULL);
  test_exec_sql (path,
                 "DROP TABLE user_events;"
                 "INSERT INTO color_names (color, name) VALUES ('red', 'disputed');"
                 "PRAGMA user_version = 3;");
  g_assert_cmpint (user_version (path), ==, 3);

  library = gloss_library_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (user_version (path), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_library_get_documents (library)), ==, n_documents);
  g_assert_cmpuint (count_events (library), ==, 0);

  item = gloss_user_event_new (NULL, &seminar, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_user_events_add (library, NULL, item, &error));
  g_assert_no_error (error);
  library = reopen (library, dir);
  g_assert_cmpuint (count_events (library), ==, 1);

  /* what schema 3 held is still there */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM color_names WHERE color = 'red'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "disputed");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  g_assert_finalize_object (library);
  test_rm_rf (dir);
}

/* A row edited by hand into nonsense is reported, with its id. */
static void
test_invalid_row (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = NULL;
  GlossLibrary *library = test_open_library (&dir);

  path = g_build_filename (dir, "user.db", NULL);
  test_exec_sql (path,
                 "INSERT INTO user_events (id, date, date_precision, lane, type, title_zh,"
                 " title_en, summary, source_url, source_title, created, modified)"
                 " VALUES ('user-x', 'soon', 'day', 'gge', 'meeting', 't', 't', 's',"
                 " 'https://example.org', 'e', 0, 0);");
  events = gloss_user_events_list (library, &error);
  g_assert_null (events);
  g_assert_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "user-x"));

  g_assert_finalize_object (library);
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/user-events/add-update-remove", test_add_update_remove);
  g_test_add_func ("/user-events/bad-input", test_bad_input);
  g_test_add_func ("/user-events/migrate-from-v3", test_migrate_from_v3);
  g_test_add_func ("/user-events/invalid-row", test_invalid_row);

  return g_test_run ();
}
