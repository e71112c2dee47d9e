/* test-cli.c: the command line contract, run headless
 *
 * The binary runs with no display at all: DISPLAY and WAYLAND_DISPLAY
 * are removed from its environment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_gloss (Run         *run,
           const char  *library,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("GLOSS_BINARY"));
  g_ptr_array_add (argv, "--library");
  g_ptr_array_add (argv, (char *) library);
  va_start (args, library);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LC_ALL", "C", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (run->status));
  run->status = WEXITSTATUS (run->status);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_list_and_show (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_auto(Run) list = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) plain = { 0 };
  g_auto(Run) show = { 0 };
  g_autoptr(JsonNode) docs = NULL;
  g_autoptr(JsonNode) doc = NULL;
  JsonObject *article;
  JsonArray *blocks;
  const char *text;

  run_gloss (&list, dir, "list", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  docs = parse (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (docs)), ==, 2);
  article = json_array_get_object_element (json_node_get_array (docs), 0);
  g_assert_cmpstr (json_object_get_string_member (article, "id"), ==, "000_19fab0aeb8cf70aa");
  g_assert_cmpstr (json_object_get_string_member (article, "title"), ==,
                   "论联合国信息安全政府专家组在网络空间规范制定进程中的运作机制");
  g_assert_cmpint (json_object_get_int_member (article, "year"), ==, 2020);
  g_assert_cmpstr (json_object_get_string_member (article, "language"), ==, "zh-Hans");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (article, "authors"), 0),
                   ==, "鲁传颖");

  /* UTF-8 on stdout whatever the locale */
  run_gloss (&plain, dir, "list", NULL);
  g_assert_nonnull (strstr (plain.out, "000_19fab0aeb8cf70aa\t论联合国"));

  run_gloss (&show, dir, "show", "000_19fab0aeb8cf70aa", NULL);
  run_gloss (&json, dir, "show", "000_19fab0aeb8cf70aa", "--json", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_cmpint (json.status, ==, 0);
  doc = parse (json.out);
  text = json_object_get_string_member (json_node_get_object (doc), "text");
  g_assert_cmpstr (text, ==, show.out);

  blocks = json_object_get_array_member (json_node_get_object (doc), "blocks");
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *b = json_array_get_object_element (blocks, i);
      gint64 start = json_object_get_int_member (b, "start");
      gint64 end = json_object_get_int_member (b, "end");
      const char *a = g_utf8_offset_to_pointer (text, start);
      const char *z = g_utf8_offset_to_pointer (text, end);

      g_assert_true (json_object_has_member (b, "kind"));
      g_assert_true (json_object_has_member (b, "level"));
      g_assert_true (json_object_has_member (b, "page"));
      /* a block is one line of the text */
      g_assert_null (memchr (a, '\n', z - a));
      g_assert_true (*z == '\n' || *z == '\0');
    }

  test_rm_rf (dir);
}

static void
test_errors (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *empty = test_write_file (dir, "empty.txt", "", 0);
  g_autofree char *good = test_write_file (dir, "good.txt", "一段文字。\n", -1);
  g_autofree char *lib = g_build_filename (dir, "lib", NULL);
  g_auto(Run) import = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) help = { 0 };

  /* a command's --help is the help, not an option missing its value */
  run_gloss (&help, lib, "export", "--format", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "export --format"));
  g_assert_false (g_file_test (lib, G_FILE_TEST_EXISTS));

  run_gloss (&import, lib, "import", empty, good, NULL);
  g_assert_cmpint (import.status, !=, 0);
  g_assert_nonnull (strstr (import.err, "empty.txt"));
  g_assert_nonnull (strstr (import.err, "empty"));
  /* the good file still went in, and said so */
  g_assert_nonnull (strstr (import.out, "good\t"));

  run_gloss (&missing, lib, "show", "no-such-doc", NULL);
  g_assert_cmpint (missing.status, !=, 0);
  g_assert_nonnull (strstr (missing.err, "no-such-doc"));
  g_assert_cmpstr (missing.out, ==, "");

  run_gloss (&unknown, lib, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));

  run_gloss (&list, lib, "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpuint (g_strv_length (g_strsplit (g_strstrip (list.out), "\n", -1)), ==, 3);

  test_rm_rf (dir);
}

/* search --json counts the notes and the knowledge cards that match
 * apart from the text, whose total stays the documents' count. */
static void
test_search_notes_and_cards (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_auto(Run) add = { 0 };
  g_auto(Run) count = { 0 };
  g_auto(Run) search = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *others;
  gboolean found_note = FALSE;

  run_gloss (&add, dir, "note", "add", "000_19fab0aeb8cf70aa", "--quote", "构建网络空间规范的主要国际机制",
             "--text", "一个关于 A/70/174 的批注", NULL);
  g_assert_cmpint (add.status, ==, 0);

  run_gloss (&count, dir, "search", "A/70/174", "--count", NULL);
  run_gloss (&search, dir, "search", "A/70/174", "--json", NULL);
  g_assert_cmpint (search.status, ==, 0);
  root = parse (search.out);
  object = json_node_get_object (root);

  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, g_ascii_strtoll (count.out, NULL, 10));
  g_assert_cmpint (json_object_get_int_member (object, "notes"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "cards"), >=, 1);
  others = json_object_get_array_member (object, "other_hits");
  for (guint i = 0; i < json_array_get_length (others); i++)
    {
      JsonObject *hit = json_array_get_object_element (others, i);

      if (g_str_equal (json_object_get_string_member (hit, "kind"), "note"))
        found_note = strstr (json_object_get_string_member (hit, "snippet"), "A/70/174") != NULL;
    }
  g_assert_true (found_note);

  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/list-and-show", test_list_and_show);
  g_test_add_func ("/cli/errors", test_errors);
  g_test_add_func ("/cli/search-notes-and-cards", test_search_notes_and_cards);

  return g_test_run ();
}
