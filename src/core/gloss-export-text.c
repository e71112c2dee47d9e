/* gloss-export-text.c: an export plan as Markdown and as one HTML file
 *
 * Both hold what the PDF holds, in the same order. The HTML file stands
 * alone (inline CSS, print styles, no script, no external resource), so
 * it can be mailed or put on a course page as is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-export-private.h"
#include "gloss-note-markup.h"

/* ------------------------------------------------------------------ */
/* Markdown                                                           */

/* Plain text that Markdown must not read as markup. */
static void
md_append_text (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (strchr ("\\*_[]<>`", *p) != NULL ||
          (*p == '#' && (p == text || p[-1] == '\n')))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* A note is already light Markdown; only raw HTML is defused. */
static void
md_append_note (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '\n')
        g_string_append (out, "  \n");
      else
        g_string_append_c (out, *p);
    }
}

static const char *
md_color_mark (const char *color)
{
  static const struct { const char *key, *mark; } marks[] = {
    { "red", "🟥" }, { "orange", "🟧" }, { "yellow", "🟨" }, { "green", "🟩" },
    { "teal", "🟩" }, { "blue", "🟦" }, { "purple", "🟪" }, { "gray", "⬜" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_strcmp0 (marks[i].key, color) == 0)
      return marks[i].mark;
  return "⬜";
}

static void
md_entry (GString          *out,
          GlossExportEntry *entry)
{
  g_autofree char *place = gloss_export_entry_dup_place (entry);
  g_autofree char *citation = gloss_export_entry_dup_citation (entry);

  g_string_append_printf (out, "%s **", md_color_mark (entry->color));
  md_append_text (out, entry->color_name);
  g_string_append (out, "**");
  if (*place)
    {
      g_string_append (out, " · ");
      md_append_text (out, place);
    }
  g_string_append (out, "\n\n");
  if (*entry->quote)
    {
      g_auto(GStrv) lines = g_strsplit (entry->quote, "\n", -1);

      for (guint i = 0; lines[i]; i++)
        {
          g_string_append (out, "> ");
          md_append_text (out, lines[i]);
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }
  if (*entry->text)
    {
      md_append_note (out, entry->text);
      g_string_append (out, "\n\n");
    }
  if (entry->tags[0] != NULL)
    {
      g_string_append (out, _("Tags:"));
      for (guint i = 0; entry->tags[i]; i++)
        {
          g_string_append (out, " \\#");
          md_append_text (out, entry->tags[i]);
        }
      g_string_append (out, "  \n");
    }
  g_string_append (out, "— ");
  md_append_text (out, citation);
  g_string_append (out, "\n\n");
}

static void
md_card (GString     *out,
         GlossKbItem *item)
{
  g_autofree char *dates = gloss_export_dup_item_dates (item);
  const char * const *members = gloss_kb_item_get_members (item);

  g_string_append (out, "### ");
  md_append_text (out, gloss_kb_item_get_title_zh (item));
  g_string_append (out, "\n\n*");
  md_append_text (out, gloss_kb_item_get_title_en (item));
  g_string_append_printf (out, "*\n\n- %s %s\n", _("Date:"), dates);
  if (gloss_kb_item_get_symbol (item))
    g_string_append_printf (out, "- %s %s\n", _("Symbol:"), gloss_kb_item_get_symbol (item));
  if (members != NULL && members[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (GStrv) members);

      g_string_append_printf (out, "- %s ", _("Members:"));
      md_append_text (out, joined);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  if (gloss_kb_item_get_summary_zh (item))
    {
      md_append_text (out, gloss_kb_item_get_summary_zh (item));
      g_string_append (out, "\n\n");
    }
  if (gloss_kb_item_get_summary_en (item))
    {
      md_append_text (out, gloss_kb_item_get_summary_en (item));
      g_string_append (out, "\n\n");
    }
}

static void
md_toc (GString         *out,
        GlossExportPlan *plan)
{
  for (guint i = 0; i < plan->blocks->len; i++)
    {
      GlossPlanBlock *block = g_ptr_array_index (plan->blocks, i);

      if (block->kind != GLOSS_PLAN_HEADING || block->level > 2)
        continue;
      g_string_append_printf (out, "%*s- ", (block->level - 1) * 2, "");
      md_append_text (out, block->text);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

/* Whether the block after @index is not one more row of the same table. */
static gboolean
ends_table (GlossExportPlan *plan,
            guint            index)
{
  return index + 1 >= plan->blocks->len ||
         ((GlossPlanBlock *) plan->blocks->pdata[index + 1])->kind != GLOSS_PLAN_EVENT;
}

static void
md_block (GString         *out,
          GlossExportPlan *plan,
          guint            index)
{
  GlossPlanBlock *block = g_ptr_array_index (plan->blocks, index);

  switch (block->kind)
    {
    case GLOSS_PLAN_TITLE:
      g_string_append (out, "# ");
      md_append_text (out, block->text);
      g_string_append (out, "\n\n");
      if (block->detail)
        {
          g_string_append_c (out, '*');
          md_append_text (out, block->detail);
          g_string_append (out, "*\n\n");
        }
      if (block->extra)
        {
          md_append_text (out, block->extra);
          g_string_append (out, "\n\n");
        }
      break;
    case GLOSS_PLAN_TOC:
      g_string_append_printf (out, "## %s\n\n", block->text);
      md_toc (out, plan);
      break;
    case GLOSS_PLAN_PAGE_BREAK:
      g_string_append (out, "---\n\n");
      break;
    case GLOSS_PLAN_HEADING:
      g_string_append_printf (out, "%.*s ", block->level + 1, "######");
      md_append_text (out, block->text);
      g_string_append (out, "\n\n");
      if (block->detail && *block->detail)
        {
          g_string_append_c (out, '*');
          md_append_text (out, block->detail);
          g_string_append (out, "*\n\n");
        }
      break;
    case GLOSS_PLAN_PARAGRAPH:
      md_append_note (out, block->text);
      g_string_append (out, "\n\n");
      break;
    case GLOSS_PLAN_ENTRY:
      md_entry (out, block->entry);
      break;
    case GLOSS_PLAN_TIMELINE:
      g_string_append_printf (out, "| # | %s | %s | %s |\n| --- | --- | --- | --- |\n",
                              _("Date"), _("Event"), _("Symbol"));
      break;
    case GLOSS_PLAN_EVENT:
      g_string_append_printf (out, "| %u | %s | ", block->number, block->detail);
      md_append_text (out, block->text);
      g_string_append_printf (out, " | %s |\n", block->extra ? block->extra : "");
      if (ends_table (plan, index))
        g_string_append_c (out, '\n');
      break;
    case GLOSS_PLAN_CARD:
      md_card (out, block->item);
      break;
    case GLOSS_PLAN_SOURCE:
      g_string_append (out, "- ");
      if (block->detail)
        g_string_append_printf (out, "**%s** ", block->detail);
      md_append_text (out, block->text);
      if (block->extra)
        g_string_append_printf (out, " <%s>", block->extra);
      g_string_append_c (out, '\n');
      break;
    default:
      g_assert_not_reached ();
    }
}

char *
gloss_export_plan_to_markdown (GlossExportPlan *plan)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < plan->blocks->len; i++)
    md_block (out, plan, i);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* HTML                                                               */

static const char html_style[] =
  "body{font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",serif;line-height:1.7;"
  "max-width:46em;margin:2em auto;padding:0 1em;color:#1e1e1e}"
  "h1,h2,h3,h4,.place,.tags,.cite,nav,.card h3,table,.byline{font-family:\"Noto Sans CJK SC\","
  "\"Source Han Sans SC\",sans-serif}"
  "h1{font-size:1.9em;margin-bottom:.2em}.subtitle{font-size:1.1em;color:#444;margin:0}"
  ".byline{color:#666;font-size:.9em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}"
  ".docline{color:#666;font-size:.9em;margin-top:-.6em}"
  ".entry{margin:1.2em 0;break-inside:avoid-page}"
  ".place{font-size:.85em;color:#555;margin:0 0 .3em}"
  ".swatch{display:inline-block;width:.8em;height:.8em;border-radius:.2em;margin-right:.3em;"
  "vertical-align:-.05em;border:1px solid}"
  "blockquote{margin:0 0 .5em;padding:.3em .8em;border-left:4px solid}"
  "blockquote mark{color:inherit}"
  ".note{margin:.3em 0 .3em .9em}.tags{font-size:.8em;color:#1c71d8;margin:.2em 0 0 1.1em}"
  ".cite{font-size:.8em;color:#555;margin:.2em 0 0 1.1em}"
  ".card{border:1px solid #ccc;border-left:4px solid #3d3846;background:#f6f5f4;padding:.6em 1em;"
  "margin:1em 0;break-inside:avoid}.card h3{margin:.1em 0}.card .en{color:#555;font-style:italic}"
  "table{border-collapse:collapse;font-size:.85em;width:100%}td,th{border-bottom:1px solid #ddd;"
  "padding:.25em .4em;text-align:left;vertical-align:top}"
  "nav ol{list-style:none;padding-left:1em}a{color:#1a5fb4}"
  ".sym{font-family:\"Noto Sans CJK SC\",sans-serif;font-weight:bold}"
  "@page{size:A4;margin:20mm 18mm}"
  "@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}"
  "h2{break-after:avoid-page}.place{break-after:avoid-page}nav{break-after:page}"
  "a{color:inherit;text-decoration:none}"
  "mark,blockquote,.swatch{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

static void
html_text (GString    *out,
           const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* Light Markdown as HTML: Pango's <b>, <i> and <a> are HTML as well. */
static void
html_note (GString    *out,
           const char *text)
{
  g_autofree char *markup = gloss_note_markup_from_markdown (text);
  g_auto(GStrv) lines = g_strsplit (markup, "\n", -1);
  g_autofree char *joined = g_strjoinv ("<br>", lines);

  g_string_append (out, joined);
}

static void
html_entry (GString          *out,
            GlossExportEntry *entry)
{
  g_autofree char *place = gloss_export_entry_dup_place (entry);
  g_autofree char *citation = gloss_export_entry_dup_citation (entry);
  g_autofree char *fill = gloss_export_color_dup_hex (entry->color, TRUE);
  g_autofree char *line = gloss_export_color_dup_hex (entry->color, FALSE);

  g_string_append_printf (out, "<article class=\"entry\" id=\"note-%s\">\n<p class=\"place\">"
                          "<span class=\"swatch\" style=\"background:%s;border-color:%s\"></span>",
                          entry->note_id, fill, line);
  html_text (out, entry->color_name);
  if (*place)
    {
      g_string_append (out, " · ");
      html_text (out, place);
    }
  g_string_append (out, "</p>\n");
  if (*entry->quote)
    {
      g_string_append_printf (out, "<blockquote style=\"border-left-color:%s\"><mark style=\"background:%s\">",
                              line, fill);
      html_text (out, entry->quote);
      g_string_append (out, "</mark></blockquote>\n");
    }
  if (*entry->text)
    {
      g_string_append (out, "<div class=\"note\">");
      html_note (out, entry->text);
      g_string_append (out, "</div>\n");
    }
  if (entry->tags[0] != NULL)
    {
      g_string_append (out, "<p class=\"tags\">");
      for (guint i = 0; entry->tags[i]; i++)
        {
          g_string_append (out, i ? " #" : "#");
          html_text (out, entry->tags[i]);
        }
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<p class=\"cite\">— ");
  html_text (out, citation);
  g_string_append (out, "</p>\n</article>\n");
}

static void
html_card (GString     *out,
           GlossKbItem *item)
{
  g_autofree char *dates = gloss_export_dup_item_dates (item);
  const char * const *members = gloss_kb_item_get_members (item);

  g_string_append (out, "<div class=\"card\"><h3>");
  html_text (out, gloss_kb_item_get_title_zh (item));
  g_string_append (out, "</h3><p class=\"en\">");
  html_text (out, gloss_kb_item_get_title_en (item));
  g_string_append_printf (out, "</p><p>%s %s", _("Date:"), dates);
  if (gloss_kb_item_get_symbol (item))
    g_string_append_printf (out, " · <span class=\"sym\">%s</span>", gloss_kb_item_get_symbol (item));
  g_string_append (out, "</p>");
  if (members != NULL && members[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (GStrv) members);

      g_string_append_printf (out, "<p>%s ", _("Members:"));
      html_text (out, joined);
      g_string_append (out, "</p>");
    }
  if (gloss_kb_item_get_summary_zh (item))
    {
      g_string_append (out, "<p>");
      html_text (out, gloss_kb_item_get_summary_zh (item));
      g_string_append (out, "</p>");
    }
  if (gloss_kb_item_get_summary_en (item))
    {
      g_string_append (out, "<p lang=\"en\">");
      html_text (out, gloss_kb_item_get_summary_en (item));
      g_string_append (out, "</p>");
    }
  g_string_append (out, "</div>\n");
}

static void
html_toc (GString         *out,
          GlossExportPlan *plan,
          const char      *title)
{
  g_string_append (out, "<nav><h2>");
  html_text (out, title);
  g_string_append (out, "</h2><ol>\n");
  for (guint i = 0; i < plan->blocks->len; i++)
    {
      GlossPlanBlock *block = g_ptr_array_index (plan->blocks, i);

      if (block->kind != GLOSS_PLAN_HEADING || block->level > 2)
        continue;
      g_string_append_printf (out, "<li style=\"margin-left:%uem\"><a href=\"#%s\">",
                              block->level - 1, block->anchor);
      html_text (out, block->text);
      g_string_append (out, "</a></li>\n");
    }
  g_string_append (out, "</ol></nav>\n");
}

static void
html_block (GString         *out,
            GlossExportPlan *plan,
            guint            index)
{
  GlossPlanBlock *block = g_ptr_array_index (plan->blocks, index);

  switch (block->kind)
    {
    case GLOSS_PLAN_TITLE:
      g_string_append (out, "<header><h1>");
      html_text (out, block->text);
      g_string_append (out, "</h1>\n");
      if (block->detail)
        {
          g_string_append (out, "<p class=\"subtitle\">");
          html_text (out, block->detail);
          g_string_append (out, "</p>\n");
        }
      if (block->extra)
        {
          g_string_append (out, "<p class=\"byline\">");
          html_text (out, block->extra);
          g_string_append (out, "</p>\n");
        }
      g_string_append (out, "</header>\n");
      break;
    case GLOSS_PLAN_TOC:
      html_toc (out, plan, block->text);
      break;
    case GLOSS_PLAN_PAGE_BREAK:
      break;
    case GLOSS_PLAN_HEADING:
      g_string_append_printf (out, "<h%u id=\"%s\">", block->level + 1, block->anchor);
      html_text (out, block->text);
      g_string_append_printf (out, "</h%u>\n", block->level + 1);
      if (block->detail && *block->detail)
        {
          g_string_append (out, "<p class=\"docline\">");
          html_text (out, block->detail);
          g_string_append (out, "</p>\n");
        }
      break;
    case GLOSS_PLAN_PARAGRAPH:
      g_string_append (out, "<p>");
      html_note (out, block->text);
      g_string_append (out, "</p>\n");
      break;
    case GLOSS_PLAN_ENTRY:
      html_entry (out, block->entry);
      break;
    case GLOSS_PLAN_TIMELINE:
      g_string_append_printf (out, "<table><thead><tr><th>#</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
                              _("Date"), _("Event"), _("Symbol"));
      break;
    case GLOSS_PLAN_EVENT:
      g_string_append_printf (out, "<tr><td>%u</td><td>%s</td><td>", block->number, block->detail);
      html_text (out, block->text);
      g_string_append_printf (out, "</td><td class=\"sym\">%s</td></tr>\n", block->extra ? block->extra : "");
      if (ends_table (plan, index))
        g_string_append (out, "</tbody></table>\n");
      break;
    case GLOSS_PLAN_CARD:
      html_card (out, block->item);
      break;
    case GLOSS_PLAN_SOURCE:
      g_string_append (out, "<p class=\"source\">");
      if (block->detail)
        g_string_append_printf (out, "<span class=\"sym\">%s</span> ", block->detail);
      html_text (out, block->text);
      if (block->extra)
        {
          g_autofree char *url = g_markup_escape_text (block->extra, -1);

          g_string_append_printf (out, " <a href=\"%s\">%s</a>", url, url);
        }
      g_string_append (out, "</p>\n");
      break;
    default:
      g_assert_not_reached ();
    }
}

char *
gloss_export_plan_to_html (GlossExportPlan *plan)
{
  GString *out = g_string_new ("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n");

  g_string_append (out, "<title>");
  html_text (out, plan->title);
  g_string_append (out, "</title>\n<meta name=\"generator\" content=\"Gloss " PACKAGE_VERSION "\">\n");
  if (plan->author)
    {
      g_string_append (out, "<meta name=\"author\" content=\"");
      html_text (out, plan->author);
      g_string_append (out, "\">\n");
    }
  g_string_append_printf (out, "<style>%s</style>\n</head>\n<body>\n", html_style);
  for (guint i = 0; i < plan->blocks->len; i++)
    html_block (out, plan, i);
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
