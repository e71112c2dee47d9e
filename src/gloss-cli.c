/* gloss-cli.c: the headless command line
 *
 *   gloss [--library DIR] COMMAND [ARGS]
 *
 * The command line is a contract (see DESIGN.md): tests and benchmarks
 * drive Gloss through it, so its output formats are stable. JSON goes to
 * stdout as one document; errors go to stderr as one line naming the file
 * or argument and the reason, with a non-zero exit status.
 *
 * What is meant for people (the help, the errors, summaries) is
 * translated; what is meant for scripts (tab-separated lines, JSON,
 * counts, ids) is not, and neither are the names of commands and options.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-cli.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli-private.h"
#include "gloss-library.h"

typedef int (*CommandFunc) (GlossLibrary *library,
                            Invocation   *inv);

static const char usage[] = N_(
  /* Translators: keep the command names, the options (--json …), the
   * values they take (pdf, md, …) and the upper-case placeholders (DIR,
   * FILE, DOC …) as they are; translate the descriptions, keeping them
   * aligned at the 25th column where they start there. */
  "Usage: gloss [--library DIR] [COMMAND [ARGS]]\n"
  "\n"
  "Without a command, opens the Gloss window.\n"
  "\n"
  "Commands:\n"
  "  import FILE...        add documents (text, Markdown, PDF); prints ID<TAB>TITLE\n"
  "  list [--json]         the documents in the library\n"
  "  show DOC [--json]     the cleaned text of a document, block by block\n"
  "  note add DOC (--quote TEXT | --start N --end N) [--text T] [--color C]\n"
  "                        [--style background|underline|strike] [--tag T]...\n"
  "                        highlight a passage; prints the new note's id\n"
  "  note list [--json] [--doc DOC]\n"
  "                        the highlights and notes, with their anchoring status\n"
  "  note delete ID        delete a note\n"
  "  export --format pdf|md|html|json -o FILE [--doc DOC] [--tag T]...\n"
  "         [--color C]... [--from DATE] [--to DATE] [--order position|tag]\n"
  "         [--paper a4|letter] [--title T] [--handout SPEC.json]\n"
  "                        notes with quotes and citations as PDF, Markdown or\n"
  "                        HTML (json: W3C Web Annotation); --handout makes a\n"
  "                        teaching handout (fields: src/core/gloss-handout.h)\n"
  "  import-annotations FILE\n"
  "                        merge a W3C Web Annotation file; says what it did\n"
  "  search QUERY [--json] [--limit N] [--count] [--traditional]\n"
  "                        occurrences in the corpus, with snippets; words must all\n"
  "                        be in one paragraph, a \"quoted phrase\" is one word\n"
  "  timeline [--json]     milestones, with the passages that mention each\n"
  "  mechanisms [--json]   cooperation mechanisms, likewise\n"
  "\n"
  "Options:\n"
  "  --library DIR         the library directory (default: $XDG_DATA_HOME/gloss)\n"
  "  --help                show this help\n"
  "  --version             show the version\n");

/**
 * gloss_cli_error:
 * @status: the exit status to return: 2 for a usage error, which also
 *   points to the help
 * @command: (nullable): the command, printed before the message
 * @format: the message, translated
 *
 * Prints "gloss: [COMMAND: ]MESSAGE" on standard error.  The command's
 * name is not translated (it is what the user typed), the message is.
 *
 * Returns: @status
 */
int
gloss_cli_error (int         status,
                 const char *command,
                 const char *format,
                 ...)
{
  va_list args;
  g_autofree char *message = NULL;
  g_autofree char *with_hint = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (status == 2)
    /* Translators: an error in how the command line was written, then a
     * pointer to the help; `gloss --help` is a command */
    with_hint = g_strdup_printf (_("%s (see gloss --help)"), message);

  fprintf (stderr, "gloss: %s%s%s\n", command ? command : "", command ? ": " : "",
           with_hint ? with_hint : message);
  return status;
}

/* Splits global options from the command; FALSE when the arguments are
 * malformed (the reason is printed). */
static gboolean
parse_invocation (int         argc,
                  char      **argv,
                  Invocation *inv,
                  int        *status)
{
  int i;

  memset (inv, 0, sizeof *inv);
  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--library"))
        {
          if (i + 1 >= argc)
            {
              *status = gloss_cli_error (2, NULL, "%s", _("--library needs a directory"));
              return FALSE;
            }
          inv->library_dir = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--library="))
        inv->library_dir = arg + strlen ("--library=");
      else if (arg[0] == '-' )
        inv->command = arg;   /* --help, --version, or an unknown option */
      else
        inv->command = arg;

      if (inv->command != NULL)
        break;
    }

  if (inv->command != NULL)
    {
      inv->argc = argc - i - 1;
      inv->argv = argv + i + 1;
    }
  *status = 0;
  return TRUE;
}

gboolean
gloss_cli_wants_command_line (int    argc,
                              char **argv)
{
  Invocation inv;
  int status;

  /* malformed global options are reported by the command line */
  if (!parse_invocation (argc, argv, &inv, &status))
    return TRUE;
  return inv.command != NULL;
}

/* Options of a command: flags (--json), valued options (--limit N) and
 * positional arguments, in any order. */
typedef struct
{
  gboolean   json;
  GPtrArray *positional;
} Args;

static gboolean
parse_args (Invocation *inv,
            gboolean    accepts_json,
            Args       *args,
            int        *status)
{
  args->json = FALSE;
  args->positional = g_ptr_array_new ();

  for (int i = 0; i < inv->argc; i++)
    {
      const char *arg = inv->argv[i];

      if (!g_utf8_validate (arg, -1, NULL))
        {
          /* Translators: %s is a command's name */
          *status = gloss_cli_error (2, NULL, _("%s: an argument is not valid UTF-8"), inv->command);
          return FALSE;
        }
      if (accepts_json && g_str_equal (arg, "--json"))
        args->json = TRUE;
      else if (g_str_equal (arg, "--"))
        {
          for (i++; i < inv->argc; i++)
            g_ptr_array_add (args->positional, inv->argv[i]);
        }
      else if (arg[0] == '-' && arg[1] != '\0')
        {
          /* Translators: a command's name, then the option given */
          *status = gloss_cli_error (2, NULL, _("%s: unknown option %s"), inv->command, arg);
          return FALSE;
        }
      else
        g_ptr_array_add (args->positional, (char *) arg);
    }
  return TRUE;
}

void
gloss_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

static void
add_authors (JsonBuilder *builder,
             const char  *authors)
{
  g_auto(GStrv) names = g_strsplit (authors ? authors : "", ";", -1);

  json_builder_set_member_name (builder, "authors");
  json_builder_begin_array (builder);
  for (guint i = 0; names[i]; i++)
    {
      g_strstrip (names[i]);
      if (*names[i])
        json_builder_add_string_value (builder, names[i]);
    }
  json_builder_end_array (builder);
}

static void
add_page (JsonBuilder *builder,
          const char  *member,
          gint         page)
{
  json_builder_set_member_name (builder, member);
  if (page > 0)
    json_builder_add_int_value (builder, page);
  else
    json_builder_add_null_value (builder);
}

static void
build_document (JsonBuilder   *builder,
                GlossDocument *doc)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, gloss_document_get_id (doc));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, gloss_document_get_title (doc));
  json_builder_set_member_name (builder, "title_inferred");
  json_builder_add_boolean_value (builder, gloss_document_get_title_inferred (doc));
  add_authors (builder, gloss_document_get_authors (doc));
  json_builder_set_member_name (builder, "year");
  if (gloss_document_get_year (doc) > 0)
    json_builder_add_int_value (builder, gloss_document_get_year (doc));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, gloss_document_get_language (doc));
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, gloss_document_get_format (doc));
  json_builder_set_member_name (builder, "encoding");
  json_builder_add_string_value (builder, gloss_document_get_encoding (doc));
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, gloss_document_get_size (doc));
  json_builder_set_member_name (builder, "checksum");
  json_builder_add_string_value (builder, gloss_document_get_checksum (doc));
  json_builder_set_member_name (builder, "bundled");
  json_builder_add_boolean_value (builder, gloss_document_get_bundled (doc));
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, gloss_document_get_source (doc));
  json_builder_set_member_name (builder, "notes");
  json_builder_add_string_value (builder, gloss_document_get_notes (doc));
}

static int
cmd_import (GlossLibrary *library,
            Invocation   *inv)
{
  Args args;
  int status = 0;
  g_autoptr(GPtrArray) positional = NULL;

  if (!parse_args (inv, FALSE, &args, &status))
    return status;
  positional = args.positional;
  if (positional->len == 0)
    return gloss_cli_error (2, NULL, "import: %s", _("give at least one FILE"));

  /* every file is tried; the exit status says whether all went in */
  for (guint i = 0; i < positional->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (positional->pdata[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossDocument) doc = gloss_library_import_file (library, file, &error);

      if (doc == NULL)
        status = gloss_cli_error (1, NULL, "%s", error->message);
      else
        {
          printf ("%s\t%s\n", gloss_document_get_id (doc), gloss_document_get_title (doc));
          fflush (stdout);
        }
    }
  return status;
}

static int
cmd_list (GlossLibrary *library,
          Invocation   *inv)
{
  GListModel *docs = gloss_library_get_documents (library);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) positional = NULL;
  g_autoptr(JsonNode) root = NULL;
  Args args;
  int status;

  if (!parse_args (inv, TRUE, &args, &status))
    return status;
  positional = args.positional;
  if (positional->len > 0)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument %s"),
                                                  (const char *) positional->pdata[0]);

      return gloss_cli_error (2, NULL, "list: %s", message);
    }

  if (!args.json)
    {
      for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
        {
          g_autoptr(GlossDocument) doc = g_list_model_get_item (docs, i);

          printf ("%s\t%s\n", gloss_document_get_id (doc), gloss_document_get_title (doc));
        }
      return 0;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(GlossDocument) doc = g_list_model_get_item (docs, i);

      json_builder_begin_object (builder);
      build_document (builder, doc);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  gloss_cli_print_json (root);
  return 0;
}

static void
build_content (JsonBuilder  *builder,
               GlossContent *content)
{
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, gloss_content_get_text (content));

  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gloss_content_get_n_blocks (content); i++)
    {
      const GlossBlock *b = gloss_content_get_block (content, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, gloss_block_kind_to_string (b->kind));
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, b->level);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, b->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, b->end);
      add_page (builder, "page", b->page);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "footnotes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gloss_content_get_n_footnote_refs (content); i++)
    {
      const GlossFootnoteRef *r = gloss_content_get_footnote_ref (content, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, r->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, r->end);
      json_builder_set_member_name (builder, "block");
      json_builder_add_int_value (builder, r->footnote);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "pages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gloss_content_get_n_page_starts (content); i++)
    {
      const GlossPageStart *p = gloss_content_get_page_start (content, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, p->offset);
      add_page (builder, "page", p->page);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static int
cmd_show (GlossLibrary *library,
          Invocation   *inv)
{
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GlossContent) content = NULL;
  g_autoptr(GPtrArray) positional = NULL;
  g_autoptr(GError) error = NULL;
  Args args;
  int status;

  if (!parse_args (inv, TRUE, &args, &status))
    return status;
  positional = args.positional;
  if (positional->len != 1)
    return gloss_cli_error (2, NULL, "show: %s", _("give exactly one DOC"));

  doc = gloss_library_lookup (library, positional->pdata[0], &error);
  if (doc == NULL)
    return gloss_cli_error (1, NULL, "show: %s", error->message);
  content = gloss_library_load_content (library, doc, &error);
  if (content == NULL)
    return gloss_cli_error (1, NULL, "show: %s", error->message);

  if (args.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      build_document (builder, doc);
      build_content (builder, content);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      gloss_cli_print_json (root);
    }
  else
    /* exactly the text that `show --json` calls "text" and offsets index */
    fwrite (gloss_content_get_text (content), 1, gloss_content_get_text_length (content), stdout);

  return 0;
}

static const struct
{
  const char  *name;
  CommandFunc  func;
} commands[] = {
  { "import", cmd_import },
  { "list",   cmd_list },
  { "show",   cmd_show },
  { "note",   gloss_cli_note },
  { "export", gloss_cli_export },
  { "import-annotations", gloss_cli_import_annotations },
  { "search", gloss_cli_search },
  { "timeline",   gloss_cli_timeline },
  { "mechanisms", gloss_cli_mechanisms },
};

/* `gloss export --help` shows the help, whatever the command's own
 * options would make of it (--help is not a value). */
static gboolean
asks_for_help (const Invocation *inv)
{
  for (int i = 0; i < inv->argc; i++)
    {
      if (g_str_equal (inv->argv[i], "--"))
        return FALSE;
      if (g_str_equal (inv->argv[i], "--help") || g_str_equal (inv->argv[i], "-h"))
        return TRUE;
    }
  return FALSE;
}

int
gloss_cli_run (int    argc,
               char **argv)
{
  g_autoptr(GlossLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_dir = NULL;
  Invocation inv;
  CommandFunc func = NULL;
  int status;

  if (!parse_invocation (argc, argv, &inv, &status))
    return status;

  if (g_str_equal (inv.command, "--help") || g_str_equal (inv.command, "-h") ||
      g_str_equal (inv.command, "help"))
    {
      fputs (_(usage), stdout);
      return 0;
    }
  if (g_str_equal (inv.command, "--version"))
    {
      printf ("gloss %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (inv.command, commands[i].name))
      func = commands[i].func;
  if (func == NULL)
    /* Translators: %s is what was given as a command */
    return gloss_cli_error (2, NULL, _("unknown command or option “%s”"), inv.command);
  if (asks_for_help (&inv))
    {
      fputs (_(usage), stdout);
      return 0;
    }

  if (inv.library_dir == NULL)
    inv.library_dir = default_dir = gloss_library_default_dir ();
  library = gloss_library_open (inv.library_dir, &error);
  if (library == NULL)
    return gloss_cli_error (1, NULL, "%s", error->message);

  status = func (library, &inv);
  fflush (stdout);
  if (ferror (stdout))
    /* Translators: %s is the system's reason */
    return gloss_cli_error (1, NULL, _("cannot write the output: %s"), g_strerror (errno));
  return status;
}
