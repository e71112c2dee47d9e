/* gloss-cli-export.c: exports on the command line
 *
 *   gloss export --format pdf|md|html|json -o FILE [--doc DOC] [--tag T]...
 *                [--color C]... [--from DATE] [--to DATE] [--order position|tag]
 *                [--paper a4|letter] [--title T] [--handout SPEC.json]
 *
 * It prints "N notes<TAB>FILE" once the file is whole (that line is for
 * scripts, and not translated); every error is one
 * line on stderr naming the file or the argument, exit status 1, and no
 * file is left behind. A usage error (an unknown option, a missing
 * value) exits with 2, like the other commands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "gloss-cli-private.h"
#include "gloss-export.h"
#include "gloss-user-events.h"

typedef struct
{
  const char *format;
  const char *output;
  const char *doc;
  const char *from;
  const char *to;
  const char *order;
  const char *paper;
  const char *title;
  const char *handout;
  GPtrArray  *tags;
  GPtrArray  *colors;
} ExportArgs;

static void
export_args_clear (ExportArgs *a)
{
  g_clear_pointer (&a->tags, g_ptr_array_unref);
  g_clear_pointer (&a->colors, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportArgs, export_args_clear)

static gboolean
parse_export_args (Invocation *inv,
                   ExportArgs *a,
                   int        *status)
{
  struct { const char *flag; const char **value; } valued[] = {
    { "--format", &a->format }, { "-o", &a->output }, { "--output", &a->output },
    { "--doc", &a->doc }, { "--from", &a->from }, { "--to", &a->to },
    { "--order", &a->order }, { "--paper", &a->paper }, { "--title", &a->title },
    { "--handout", &a->handout },
  };

  a->tags = g_ptr_array_new ();
  a->colors = g_ptr_array_new ();
  for (int i = 0; i < inv->argc; i++)
    {
      const char *arg = inv->argv[i];
      gboolean known = FALSE;

      if (!g_utf8_validate (arg, -1, NULL))
        {
          *status = gloss_cli_error (2, "export", _("an argument is not valid UTF-8"));
          return FALSE;
        }
      if (arg[0] != '-')
        {
          *status = gloss_cli_error (2, "export", _("unexpected argument %s"), arg);
          return FALSE;
        }
      if (i + 1 >= inv->argc)
        {
          *status = gloss_cli_error (2, "export", _("%s needs a value"), arg);
          return FALSE;
        }
      if (g_str_equal (arg, "--tag") || g_str_equal (arg, "--color"))
        {
          g_ptr_array_add (g_str_equal (arg, "--tag") ? a->tags : a->colors, inv->argv[++i]);
          continue;
        }
      for (guint v = 0; !known && v < G_N_ELEMENTS (valued); v++)
        if (g_str_equal (arg, valued[v].flag))
          {
            *valued[v].value = inv->argv[++i];
            known = TRUE;
          }
      if (!known)
        {
          *status = gloss_cli_error (2, "export", _("unknown option %s"), arg);
          return FALSE;
        }
    }
  g_ptr_array_add (a->tags, NULL);
  g_ptr_array_add (a->colors, NULL);
  return TRUE;
}

static GStrv
dup_list (GPtrArray *list)
{
  return list->len > 1 ? g_strdupv ((GStrv) list->pdata) : NULL;
}

/* The W3C Web Annotation export, which knows tags and one document only. */
static int
export_json (GlossLibrary     *library,
             const ExportArgs *a)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (a->output);
  g_autoptr(GlossDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (a->colors->len > 1 || a->from || a->to || a->order || a->paper || a->title || a->handout)
    return gloss_cli_error (2, "export", _("--format json takes only -o, --doc and --tag"));
  if (a->doc != NULL && (doc = gloss_library_lookup (library, a->doc, &error)) == NULL)
    return gloss_cli_error (1, "export", "--doc: %s", error->message);
  if (!gloss_library_export_annotations (library, file, doc ? gloss_document_get_id (doc) : NULL,
                                         (const char * const *) a->tags->pdata, &n, &error))
    /* Translators: the output file's name, then why */
    return gloss_cli_error (1, "export", _("%s: %s"), a->output, error->message);
  printf ("%u annotations\t%s\n", n, a->output);
  return 0;
}

/* Turns the arguments into options; on failure the message is printed. */
static GlossExportOptions *
make_options (const ExportArgs *a,
              int              *status)
{
  g_autoptr(GlossExportOptions) options = gloss_export_options_new ();
  g_autoptr(GError) error = NULL;

  *status = 2;
  if (!gloss_export_format_from_string (a->format, &options->format))
    {
      /* Translators: %s is the format as given; the formats are codes */
      gloss_cli_error (2, "export", _("--format “%s” is not one of pdf, md, html, json"), a->format);
      return NULL;
    }
  if (a->order != NULL && g_str_equal (a->order, "tag"))
    options->order = GLOSS_EXPORT_ORDER_TAG;
  else if (a->order != NULL && !g_str_equal (a->order, "position"))
    {
      /* Translators: %s is the order as given; position and tag are codes */
      gloss_cli_error (2, "export", _("--order “%s” is not one of position, tag"), a->order);
      return NULL;
    }
  for (guint i = 0; i + 1 < a->colors->len; i++)
    if (!gloss_note_color_is_valid (a->colors->pdata[i]))
      {
        g_autofree char *known = g_strjoinv (", ", (GStrv) gloss_note_colors ());

        /* Translators: the colour as given, then the known colours' codes */
        gloss_cli_error (2, "export", _("--color “%s” is not one of %s"), (char *) a->colors->pdata[i], known);
        return NULL;
      }
  if (!gloss_export_options_set_date_range (options, a->from, a->to, &error))
    {
      gloss_cli_error (2, "export", "--from/--to: %s", error->message);
      return NULL;
    }
  options->title = g_strdup (a->title);
  options->doc_id = g_strdup (a->doc);
  options->tags = dup_list (a->tags);
  options->colors = dup_list (a->colors);
  *status = 0;
  return g_steal_pointer (&options);
}

/* The paper: --paper, else the handout's own, else A4. */
static gboolean
choose_paper (const ExportArgs   *a,
              GlossExportOptions *options,
              int                *status)
{
  const char *paper = a->paper;

  if (paper == NULL && options->handout != NULL)
    paper = options->handout->paper;
  if (paper != NULL && !gloss_paper_from_string (paper, &options->paper))
    {
      /* Translators: --paper or the handout file's name, then the paper
       * as given; a4 and letter are codes */
      *status = gloss_cli_error (a->paper ? 2 : 1, "export", _("%s: paper “%s” is not one of a4, letter"),
                             a->paper ? "--paper" : a->handout, paper);
      return FALSE;
    }
  return TRUE;
}

static GlossKnowledgeBase *
load_knowledge (GlossLibrary *library,
                GError      **error)
{
  g_autoptr(GlossKnowledgeBase) knowledge = gloss_knowledge_base_new_bundled (error);

  /* the user's own events belong on their handouts too */
  if (knowledge == NULL || !gloss_user_events_merge (library, knowledge, error))
    return NULL;
  return g_steal_pointer (&knowledge);
}

int
gloss_cli_export (GlossLibrary *library,
                  Invocation   *inv)
{
  g_auto(ExportArgs) a = { 0 };
  g_autoptr(GlossExportOptions) options = NULL;
  g_autoptr(GlossKnowledgeBase) knowledge = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  int status = 0;

  if (!parse_export_args (inv, &a, &status))
    return status;
  if (a.format == NULL)
    return gloss_cli_error (2, "export", _("give --format (pdf, md, html or json)"));
  if (a.output == NULL)
    return gloss_cli_error (2, "export", _("give -o FILE"));
  if (g_str_equal (a.format, "json"))
    return export_json (library, &a);
  if ((options = make_options (&a, &status)) == NULL)
    return status;

  if (a.handout != NULL)
    {
      g_autoptr(GFile) spec = g_file_new_for_commandline_arg (a.handout);

      options->handout = gloss_handout_new_from_file (spec, &error);
      if (options->handout == NULL)
        return gloss_cli_error (1, "export", "--handout %s", error->message);
      if ((knowledge = load_knowledge (library, &error)) == NULL)
        return gloss_cli_error (1, "export", "%s", error->message);
    }
  if (!choose_paper (&a, options, &status))
    return status;

  file = g_file_new_for_commandline_arg (a.output);
  if (!gloss_export_write (library, knowledge, options, file, NULL, NULL, NULL, &n, &error))
    {
      /* the message already names the file when the file is the reason */
      if (g_error_matches (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_IO))
        return gloss_cli_error (1, "export", "%s", error->message);
      /* Translators: the output file's name, then why */
      return gloss_cli_error (1, "export", _("%s: %s"), a.output, error->message);
    }
  printf ("%u notes\t%s\n", n, a.output);
  return 0;
}
