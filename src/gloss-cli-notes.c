/* gloss-cli-notes.c: highlights and notes on the command line
 *
 *   gloss note add DOC (--quote TEXT | --start N --end N) [--text T]
 *                      [--color C] [--style S] [--tag T]...
 *   gloss note list [--json] [--doc DOC]
 *   gloss note delete ID
 *   gloss import-annotations FILE [--json]
 *
 * `note add DOC --stdin` (not in the help) adds one note per input line,
 * START<TAB>END[<TAB>TEXT], and prints each id once it is committed: the
 * crash tests kill it at random and check that every printed id survived.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "gloss-anchor.h"
#include "gloss-cli-private.h"

#define MAX_PLACES_LISTED 10

/* The options of the commands here; each accepts a subset. */
typedef struct
{
  GPtrArray  *positional;
  GPtrArray  *tags;
  const char *quote;
  const char *start;
  const char *end;
  const char *text;
  const char *color;
  const char *style;
  const char *doc;
  gboolean    json;
  gboolean    stdin_mode;
} Options;

static void
options_clear (Options *o)
{
  g_clear_pointer (&o->positional, g_ptr_array_unref);
  g_clear_pointer (&o->tags, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* @accepted lists the options this command takes, e.g. "--json --doc". */
static gboolean
parse_options (Invocation *inv,
               const char *name,
               const char *accepted,
               int         first,
               Options    *o,
               int        *status)
{
  struct { const char *flag; const char **value; } valued[] = {
    { "--quote", &o->quote }, { "--start", &o->start }, { "--end", &o->end },
    { "--text", &o->text }, { "--color", &o->color }, { "--style", &o->style },
    { "--doc", &o->doc },
  };

  o->positional = g_ptr_array_new ();
  o->tags = g_ptr_array_new ();
  for (int i = first; i < inv->argc; i++)
    {
      const char *arg = inv->argv[i];
      g_autofree char *pattern = g_strdup_printf (" %s ", arg);
      g_autofree char *known = g_strdup_printf (" %s ", accepted);
      gboolean handled = FALSE;

      if (!g_utf8_validate (arg, -1, NULL))
        {
          *status = gloss_cli_error (1, name, _("an argument is not valid UTF-8"));
          return FALSE;
        }
      if (arg[0] != '-' || arg[1] == '\0')
        {
          g_ptr_array_add (o->positional, (char *) arg);
          continue;
        }
      if (strstr (known, pattern) == NULL)
        {
          *status = gloss_cli_error (2, name, _("unknown option %s"), arg);
          return FALSE;
        }
      if (g_str_equal (arg, "--json"))
        o->json = handled = TRUE;
      else if (g_str_equal (arg, "--stdin"))
        o->stdin_mode = handled = TRUE;
      else if (i + 1 >= inv->argc)
        {
          *status = gloss_cli_error (1, name, _("%s needs a value"), arg);
          return FALSE;
        }
      else if (g_str_equal (arg, "--tag"))
        {
          g_ptr_array_add (o->tags, inv->argv[++i]);
          handled = TRUE;
        }
      for (guint v = 0; !handled && v < G_N_ELEMENTS (valued); v++)
        if (g_str_equal (arg, valued[v].flag))
          {
            *valued[v].value = inv->argv[++i];
            handled = TRUE;
          }
    }
  g_ptr_array_add (o->tags, NULL);
  return TRUE;
}

static gboolean
parse_offset (const char *name,
              const char *value,
              guint      *offset,
              int        *status)
{
  guint64 n;
  g_autoptr(GError) error = NULL;

  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT, &n, &error))
    {
      /* Translators: an option's name (--start, --end) or START or END,
       * then the value given */
      *status = gloss_cli_error (1, "note add", _("%s “%s” is not an offset (a whole number from 0)"),
                           name, value);
      return FALSE;
    }
  *offset = n;
  return TRUE;
}

static char *
describe_place (GlossContent *content,
                guint         start,
                guint         end)
{
  gint page = gloss_content_page_at (content, start);

  if (page > 0)
    /* Translators: a passage's start and end offsets, then its page */
    return g_strdup_printf (_("%u–%u (page %d)"), start, end, page);
  return g_strdup_printf ("%u–%u", start, end);
}

/* The range --quote names: exactly one occurrence, or an error that
 * says how many there are and where. */
static gboolean
find_quote (GlossDocument *doc,
            GlossContent  *content,
            const char    *quote,
            guint         *start,
            guint         *end,
            int           *status)
{
  g_autoptr(GlossAnchorText) text = gloss_anchor_text_new (gloss_content_get_text (content),
                                                           gloss_content_get_text_length (content));
  g_autoptr(GArray) hits = gloss_anchor_text_find_all (text, quote);
  guint length = g_utf8_strlen (quote, -1);
  g_autoptr(GString) places = g_string_new (NULL);

  if (length == 0)
    {
      *status = gloss_cli_error (1, "note add", _("--quote is empty"));
      return FALSE;
    }
  if (hits->len == 0)
    {
      /* Translators: the quote as given, then a document id */
      *status = gloss_cli_error (1, "note add", _("--quote “%s” is not in the text of %s"),
                           quote, gloss_document_get_id (doc));
      return FALSE;
    }
  if (hits->len > 1)
    {
      for (guint i = 0; i < hits->len && i < MAX_PLACES_LISTED; i++)
        {
          guint at = g_array_index (hits, guint, i);
          g_autofree char *place = describe_place (content, at, at + length);

          g_string_append_printf (places, "%s%s", i ? ", " : "", place);
        }
      if (hits->len > MAX_PLACES_LISTED)
        g_string_append (places, ", …");
      *status = gloss_cli_error (1, "note add",
                           g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: the quote as given, how many
                                         * times it occurs (always 2 or more), a
                                         * document id, then a list of places such
                                         * as “120–131 (page 4), 980–991 (page 12)” */
                                        "--quote “%s” occurs %u time in %s, at %s; "
                                        "give a longer quote or --start and --end",
                                        "--quote “%s” occurs %u times in %s, at %s; "
                                        "give a longer quote or --start and --end",
                                        hits->len),
                           quote, hits->len, gloss_document_get_id (doc), places->str);
      return FALSE;
    }
  *start = g_array_index (hits, guint, 0);
  *end = *start + length;
  return TRUE;
}

static gboolean
parse_style (const char          *value,
             GlossHighlightStyle *style,
             int                 *status)
{
  *style = GLOSS_HIGHLIGHT_BACKGROUND;
  if (value != NULL && !gloss_highlight_style_from_string (value, style))
    {
      /* Translators: %s is the style as given; the styles are codes */
      *status = gloss_cli_error (1, "note add", _("--style “%s” is not one of background, underline, strike"),
                           value);
      return FALSE;
    }
  return TRUE;
}

/* The hidden batch mode: one note per line, each acknowledged (its id
 * printed and flushed) only after its COMMIT. */
static int
add_from_stdin (GlossAnnotations *annotations,
                GlossDocument    *doc,
                GlossContent     *content,
                const Options    *o,
                GlossHighlightStyle style)
{
  char line[4096];

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      g_auto(GStrv) fields = g_strsplit (g_strchomp (line), "\t", 3);
      g_autoptr(GError) error = NULL;
      GlossNote *note;
      guint start, end;
      int status;

      if (fields[0] == NULL || fields[1] == NULL)
        /* Translators: <TAB> stands for a tab character */
        return gloss_cli_error (1, "note add --stdin", _("a line is not START<TAB>END[<TAB>TEXT]"));
      if (!parse_offset ("START", fields[0], &start, &status) ||
          !parse_offset ("END", fields[1], &end, &status))
        return status;
      note = gloss_annotations_add (annotations, doc, content, start, end, o->color, style,
                                    fields[2] ? fields[2] : o->text,
                                    (const char * const *) o->tags->pdata, &error);
      if (note == NULL)
        return gloss_cli_error (1, "note add", "%s", error->message);
      printf ("%s\n", gloss_note_get_id (note));
      fflush (stdout);
    }
  return 0;
}

static int
note_add (GlossLibrary *library,
          Invocation   *inv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GlossContent) content = NULL;
  g_autoptr(GError) error = NULL;
  GlossAnnotations *annotations = gloss_library_get_annotations (library);
  GlossHighlightStyle style;
  GlossNote *note;
  guint start = 0, end = 0;
  int status = 0;

  if (!parse_options (inv, "note add", "--quote --start --end --text --color --style --tag --stdin", 1, &o, &status) ||
      !parse_style (o.style, &style, &status))
    return status;
  if (o.positional->len != 1)
    return gloss_cli_error (2, "note add", _("give exactly one DOC"));
  if (o.color != NULL && !gloss_note_color_is_valid (o.color))
    {
      g_autofree char *known = g_strjoinv (", ", (GStrv) gloss_note_colors ());

      /* Translators: the colour as given, then the known colours' codes */
      return gloss_cli_error (1, "note add", _("--color “%s” is not one of %s"), o.color, known);
    }

  doc = gloss_library_lookup (library, o.positional->pdata[0], &error);
  if (doc == NULL)
    return gloss_cli_error (1, "note add", "%s", error->message);
  content = gloss_library_load_content (library, doc, &error);
  if (content == NULL)
    return gloss_cli_error (1, "note add", "%s", error->message);

  if (o.stdin_mode)
    return add_from_stdin (annotations, doc, content, &o, style);

  if (o.quote != NULL && (o.start != NULL || o.end != NULL))
    return gloss_cli_error (1, "note add", _("give either --quote or --start and --end, not both"));
  if (o.quote != NULL)
    {
      if (!find_quote (doc, content, o.quote, &start, &end, &status))
        return status;
    }
  else if (o.start != NULL && o.end != NULL)
    {
      if (!parse_offset ("--start", o.start, &start, &status) ||
          !parse_offset ("--end", o.end, &end, &status))
        return status;
      if (start >= end || end > gloss_content_get_n_chars (content))
        return gloss_cli_error (1, "note add",
                          g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the offsets given, a document
                                        * id, then the length of its text in
                                        * characters */
                                       "--start %u --end %u is not a passage of %s, whose text has "
                                       "%u character (end exclusive, after start)",
                                       "--start %u --end %u is not a passage of %s, whose text has "
                                       "%u characters (end exclusive, after start)",
                                       gloss_content_get_n_chars (content)),
                          start, end, gloss_document_get_id (doc), gloss_content_get_n_chars (content));
    }
  else
    return gloss_cli_error (1, "note add", _("give --quote TEXT, or --start N and --end N"));

  note = gloss_annotations_add (annotations, doc, content, start, end, o.color, style, o.text,
                                (const char * const *) o.tags->pdata, &error);
  if (note == NULL)
    return gloss_cli_error (1, "note add", "%s", error->message);
  printf ("%s\n", gloss_note_get_id (note));
  return 0;
}

static char *
iso_time (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static void
member_string (JsonBuilder *b,
               const char  *name,
               const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
build_note (JsonBuilder      *b,
            GlossAnnotations *annotations,
            GlossNote        *note)
{
  g_autofree char *color_name = gloss_annotations_dup_color_name (annotations, gloss_note_get_color (note));
  g_autofree char *created = iso_time (gloss_note_get_created (note));
  g_autofree char *modified = iso_time (gloss_note_get_modified (note));
  const char * const *tags = gloss_note_get_tags (note);

  json_builder_begin_object (b);
  member_string (b, "id", gloss_note_get_id (note));
  member_string (b, "doc", gloss_note_get_doc_id (note));
  json_builder_set_member_name (b, "start");
  if (gloss_note_get_has_range (note))
    json_builder_add_int_value (b, gloss_note_get_start (note));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "end");
  if (gloss_note_get_has_range (note))
    json_builder_add_int_value (b, gloss_note_get_end (note));
  else
    json_builder_add_null_value (b);
  member_string (b, "quote", gloss_note_get_quote (note));
  member_string (b, "text", gloss_note_get_text (note));
  member_string (b, "color", gloss_note_get_color (note));
  member_string (b, "color_name", color_name);
  member_string (b, "style", gloss_highlight_style_to_string (gloss_note_get_style (note)));
  json_builder_set_member_name (b, "tags");
  json_builder_begin_array (b);
  for (guint i = 0; tags[i]; i++)
    json_builder_add_string_value (b, tags[i]);
  json_builder_end_array (b);
  member_string (b, "created", created);
  member_string (b, "modified", modified);
  member_string (b, "status", gloss_anchor_status_to_string (gloss_note_get_status (note)));
  member_string (b, "prior_quote", gloss_note_get_prior_quote (note));
  json_builder_end_object (b);
}

static int
note_list (GlossLibrary *library,
           Invocation   *inv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  GlossAnnotations *annotations = gloss_library_get_annotations (library);
  int status = 0;

  if (!parse_options (inv, "note list", "--json --doc", 1, &o, &status))
    return status;
  if (o.positional->len > 0)
    return gloss_cli_error (1, "note list", _("unexpected argument %s"), (char *) o.positional->pdata[0]);
  if (o.doc != NULL && (doc = gloss_library_lookup (library, o.doc, &error)) == NULL)
    return gloss_cli_error (1, "note list", "--doc: %s", error->message);

  notes = gloss_annotations_dup_notes (annotations, doc ? gloss_document_get_id (doc) : NULL);
  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < notes->len; i++)
        build_note (b, annotations, g_ptr_array_index (notes, i));
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      gloss_cli_print_json (root);
      return 0;
    }

  for (guint i = 0; i < notes->len; i++)
    {
      GlossNote *note = g_ptr_array_index (notes, i);
      g_autofree char *range = gloss_note_get_has_range (note) ?
        g_strdup_printf ("%u-%u", gloss_note_get_start (note), gloss_note_get_end (note)) : g_strdup ("-");

      printf ("%s\t%s\t%s\t%s\t%s\t%s\n", gloss_note_get_id (note), gloss_note_get_doc_id (note), range,
              gloss_note_get_color (note), gloss_anchor_status_to_string (gloss_note_get_status (note)),
              gloss_note_get_quote (note));
    }
  return 0;
}

static int
note_delete (GlossLibrary *library,
             Invocation   *inv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!parse_options (inv, "note delete", "", 1, &o, &status))
    return status;
  if (o.positional->len != 1)
    return gloss_cli_error (1, "note delete", _("give exactly one note ID"));
  if (!gloss_annotations_remove_by_id (gloss_library_get_annotations (library),
                                       o.positional->pdata[0], NULL, &error))
    return gloss_cli_error (1, "note delete", "%s", error->message);
  return 0;
}

int
gloss_cli_note (GlossLibrary *library,
                Invocation   *inv)
{
  const char *sub = inv->argc > 0 ? inv->argv[0] : NULL;

  if (g_strcmp0 (sub, "add") == 0)
    return note_add (library, inv);
  if (g_strcmp0 (sub, "list") == 0)
    return note_list (library, inv);
  if (g_strcmp0 (sub, "delete") == 0)
    return note_delete (library, inv);
  return gloss_cli_error (2, "note", _("give add, list or delete"));
}

/* ------------------------------------------------------------------ */
/* import (export is in gloss-cli-export.c)                           */

int
gloss_cli_import_annotations (GlossLibrary *library,
                              Invocation   *inv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GlossImportReport report;
  int status = 0;

  if (!parse_options (inv, "import-annotations", "--json", 0, &o, &status))
    return status;
  if (o.positional->len != 1)
    return gloss_cli_error (1, "import-annotations", _("give exactly one FILE"));
  file = g_file_new_for_commandline_arg (o.positional->pdata[0]);
  if (!gloss_library_import_annotations (library, file, &report, &error))
    return gloss_cli_error (1, "import-annotations", "%s", error->message);

  if (o.json)
    printf ("{\"added\": %u, \"updated\": %u, \"unchanged\": %u, \"unplaced\": %u, \"skipped\": %u}\n",
            report.added, report.updated, report.unchanged, report.unplaced, report.skipped);
  else
    /* Translators: how many notes of the file were added, updated, left
     * as they were, could not be placed in their text, and skipped */
    printf (_("added %u, updated %u, unchanged %u, unplaced %u (need attention), "
              "skipped %u (no such document)\n"),
            report.added, report.updated, report.unchanged, report.unplaced, report.skipped);
  return 0;
}
