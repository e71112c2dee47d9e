/* gloss-cli-search.c: `gloss search QUERY [--json] [--limit N] [--count]`
 *
 * The search index is brought up to date before the query (the app does
 * this in the background; the command line may as well wait).
 *
 *   plain:    one line per hit: DOC<TAB>p.PAGE<TAB>START-END<TAB>SNIPPET
 *             (p.? where the page is not known)
 *   --count:  the number of hits alone (all of them; --limit is ignored)
 *   --json:   {query, total, hits: [{kind, doc, start, end, page, block,
 *             snippet, snippet_match_start, snippet_match_end}]}, where
 *             total counts every hit and hits holds the first --limit
 *   --traditional: fold Traditional Chinese to Simplified as well
 *
 * A query of only spaces or punctuation finds nothing: the result is
 * empty and stderr says why; the exit status is 0.
 *
 * The output on stdout is for scripts and stays as it is; the messages
 * on stderr are translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-cli-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-knowledge-base.h"
#include "gloss-search-index.h"
#include "gloss-search-result.h"
#include "gloss-search-results.h"
#include "gloss-user-events.h"

typedef struct
{
  gboolean  json;
  gboolean  count;
  gboolean  traditional;
  guint     limit;
  GString  *query;
} SearchArgs;

static gboolean
parse_limit (const char *text,
             guint      *limit)
{
  char *end = NULL;
  guint64 value;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  value = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || value > G_MAXUINT)
    return FALSE;
  *limit = value;
  return TRUE;
}

/* Several words on the command line are one query, as if quoted together. */
static int
parse_search_args (int         argc,
                   char      **argv,
                   SearchArgs *args)
{
  gboolean options = TRUE;

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];

      if (!g_utf8_validate (arg, -1, NULL))
        return gloss_cli_error (2, "search", "%s", _("an argument is not valid UTF-8 text"));
      if (options && g_str_equal (arg, "--"))
        options = FALSE;
      else if (options && g_str_equal (arg, "--json"))
        args->json = TRUE;
      else if (options && g_str_equal (arg, "--count"))
        args->count = TRUE;
      else if (options && g_str_equal (arg, "--traditional"))
        args->traditional = TRUE;
      else if (options && (g_str_equal (arg, "--limit") || g_str_has_prefix (arg, "--limit=")))
        {
          const char *value = arg[7] == '=' ? arg + 8 : (i + 1 < argc ? argv[++i] : NULL);

          if (!parse_limit (value, &args->limit))
            {
              if (value == NULL)
                return gloss_cli_error (2, "search", "%s", _("--limit needs a number of hits, not nothing"));
              /* Translators: %s is what was given instead of a number */
              return gloss_cli_error (2, "search", _("--limit needs a number of hits, not %s"), value);
            }
        }
      else if (options && arg[0] == '-' && arg[1] == '-')
        return gloss_cli_error (2, "search", _("unknown option %s"), arg);
      else
        {
          if (args->query->len > 0)
            g_string_append_c (args->query, ' ');
          g_string_append (args->query, arg);
        }
    }
  if (argc == 0)
    return gloss_cli_error (2, "search", "%s", _("give a QUERY"));
  return 0;
}

static void
print_plain (GPtrArray *hits)
{
  for (guint i = 0; i < hits->len; i++)
    {
      GlossSearchHit *hit = hits->pdata[i];
      g_autofree char *page = gloss_search_hit_get_page (hit) > 0 ?
        g_strdup_printf ("%d", gloss_search_hit_get_page (hit)) : g_strdup ("?");

      printf ("%s\tp.%s\t%u-%u\t%s\n", gloss_search_hit_get_source (hit), page,
              gloss_search_hit_get_start (hit), gloss_search_hit_get_end (hit),
              gloss_search_hit_get_snippet (hit));
    }
}

static void
add_uint (JsonBuilder *builder,
          const char  *name,
          guint64      value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* The notes and the timeline or mechanism cards that match, counted
 * apart from the documents' text: "notes" and "cards" in --json. */
static void
add_other_results (JsonBuilder        *builder,
                   GlossSearchResults *others)
{
  GListModel *rows = others ? gloss_search_results_get_rows (others) : NULL;
  guint n = rows ? g_list_model_get_n_items (rows) : 0;

  add_uint (builder, "notes", others ? gloss_search_results_get_n_notes (others) : 0);
  add_uint (builder, "cards", others ? gloss_search_results_get_n_cards (others) : 0);
  json_builder_set_member_name (builder, "other_hits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossSearchResult) row = g_list_model_get_item (rows, i);
      GlossSearchResultKind kind = gloss_search_result_get_kind (row);

      if (kind != GLOSS_SEARCH_RESULT_NOTE && kind != GLOSS_SEARCH_RESULT_CARD)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind == GLOSS_SEARCH_RESULT_NOTE ? "note" : "card");
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, gloss_search_result_get_id (row));
      json_builder_set_member_name (builder, "snippet");
      json_builder_add_string_value (builder, gloss_search_result_get_snippet (row));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_json (const char         *query,
            guint64             total,
            GPtrArray          *hits,
            GlossSearchResults *others)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "query");
  json_builder_add_string_value (builder, query);
  add_uint (builder, "total", total);
  json_builder_set_member_name (builder, "hits");
  json_builder_begin_array (builder);
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      GlossSearchHit *hit = hits->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder,
        gloss_search_source_kind_to_string (gloss_search_hit_get_kind (hit)));
      json_builder_set_member_name (builder, "doc");
      json_builder_add_string_value (builder, gloss_search_hit_get_source (hit));
      add_uint (builder, "start", gloss_search_hit_get_start (hit));
      add_uint (builder, "end", gloss_search_hit_get_end (hit));
      json_builder_set_member_name (builder, "page");
      if (gloss_search_hit_get_page (hit) > 0)
        json_builder_add_int_value (builder, gloss_search_hit_get_page (hit));
      else
        json_builder_add_null_value (builder);
      add_uint (builder, "block", gloss_search_hit_get_block (hit));
      json_builder_set_member_name (builder, "snippet");
      json_builder_add_string_value (builder, gloss_search_hit_get_snippet (hit));
      add_uint (builder, "snippet_match_start", gloss_search_hit_get_snippet_match_start (hit));
      add_uint (builder, "snippet_match_end", gloss_search_hit_get_snippet_match_end (hit));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_other_results (builder, others);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  gloss_cli_print_json (root);
}

/* What an empty query prints: no hits, and why on stderr. */
static int
print_nothing (const SearchArgs *args,
               const GError     *error)
{
  fprintf (stderr, "gloss: search: %s\n", error->message);
  if (args->json)
    print_json (args->query->str, 0, NULL, NULL);
  else if (args->count)
    printf ("0\n");
  return 0;
}

/* Notes and cards are matched outside the text index, as the search
 * pane does; a failure there leaves the text hits standing. */
static GlossSearchResults *
collect_others (GlossSearchIndex *index,
                GlossLibrary     *library,
                const char       *query)
{
  g_autoptr(GlossKnowledgeBase) knowledge = gloss_knowledge_base_new_bundled (NULL);
  g_autoptr(GError) error = NULL;
  GlossSearchResults *results;

  if (knowledge != NULL && !gloss_user_events_merge (library, knowledge, &error))
    {
      fprintf (stderr, "gloss: search: ");
      /* Translators: %s is why the user's own events could not be read */
      fprintf (stderr, _("your own timeline events: %s"), error->message);
      fputc ('\n', stderr);
      g_clear_error (&error);
    }
  results = gloss_search_results_collect (index, library, knowledge, query, G_MAXUINT, NULL, &error);
  if (results == NULL)
    {
      fprintf (stderr, "gloss: search: ");
      /* Translators: %s is why notes and cards could not be searched */
      fprintf (stderr, _("notes and cards: %s"), error->message);
      fputc ('\n', stderr);
    }

  return results;
}

int
gloss_cli_search (GlossLibrary *library,
                  Invocation   *inv)
{
  g_autoptr(GString) query = g_string_new (NULL);
  SearchArgs args = { .query = query };
  g_autoptr(GlossSearchIndex) index = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint64 total = 0;
  int status;

  if ((status = parse_search_args (inv->argc, inv->argv, &args)) != 0)
    return status;

  index = gloss_search_index_new (gloss_library_get_dir (library),
                                  args.traditional ? GLOSS_FOLD_TRADITIONAL : GLOSS_FOLD_DEFAULT);
  if (!gloss_search_index_update (index, library, NULL, &error))
    {
      fprintf (stderr, "gloss: search: %s\n", error->message);
      return 1;
    }

  if ((args.count || args.json) &&
      !gloss_search_index_count (index, query->str, &total, NULL, &error))
    {
      if (g_error_matches (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_EMPTY_QUERY))
        return print_nothing (&args, error);
      fprintf (stderr, "gloss: search: %s\n", error->message);
      return g_error_matches (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INVALID_QUERY) ? 2 : 1;
    }
  if (args.count)
    {
      printf ("%" G_GUINT64_FORMAT "\n", total);
      return 0;
    }

  hits = gloss_search_index_search (index, query->str, args.limit, NULL, &error);
  if (hits == NULL)
    {
      if (g_error_matches (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_EMPTY_QUERY))
        return print_nothing (&args, error);
      fprintf (stderr, "gloss: search: %s\n", error->message);
      return g_error_matches (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INVALID_QUERY) ? 2 : 1;
    }

  if (args.json)
    {
      g_autoptr(GlossSearchResults) others = collect_others (index, library, query->str);

      print_json (query->str, total, hits, others);
    }
  else
    print_plain (hits);
  return 0;
}
