/* gloss-export-layout.c: an export set in pages, drawn on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How it works. The plan's blocks become paragraphs (markup, a face, a
 * width, decorations such as a quote's tint and colour bar), and each
 * paragraph is broken into lines once, with PangoLayoutIter. Lines,
 * spaces and drawings (the timeline strip) are "pieces" that are poured
 * into pages: a piece may ask to be kept with the next one (a heading
 * with the first lines of its quote, the last two lines of a paragraph),
 * so a page never ends on a heading, and an entry that does go on over a
 * page break starts the next page with a "(continued)" line.
 *
 * Only line breaks are kept, not the layouts: drawing a page lays out its
 * paragraphs again, which costs little and keeps 10 000 notes in a few
 * megabytes. Measuring and drawing share one PangoContext, with unhinted
 * metrics and unrounded positions, so lines break the same way on the
 * PDF surface, in the print dialog and in a preview at any zoom.
 *
 * Web links are marked in a paragraph's markup (Pango has no <a>), and
 * where their text is in the layout is kept with the paragraph; each
 * line drawn puts a link annotation over its part of each link. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-export-private.h"
#include "gloss-note-markup.h"

#define SERIF "Noto Serif CJK SC"
#define SANS  "Noto Sans CJK SC"

#define MARGIN_X      62.0
#define MARGIN_TOP    70.0
#define MARGIN_BOTTOM 66.0

#define QUOTE_INSET   12.0   /* text of a quote, from its colour bar */
#define BAR_WIDTH     3.0
#define NOTE_INSET    12.0
#define CARD_INSET    12.0
#define TOC_NUMBER_W  36.0

typedef struct
{
  double r, g, b;
} Rgb;

static const Rgb ink = { 0.12, 0.12, 0.12 };
static const Rgb grey = { 0.40, 0.40, 0.40 };
static const Rgb accent = { 0.10, 0.37, 0.71 };
static const Rgb card_fill = { 0.965, 0.961, 0.957 };
static const Rgb card_bar = { 0.24, 0.22, 0.27 };

typedef struct
{
  char      *markup;
  const char *font;
  double     x;          /* from the left of the text area */
  double     width;
  double     indent;     /* negative: a hanging indent */
  gboolean   justify;
  double     tabs[2];    /* tab stops, when set */
  Rgb        color;
  gboolean   has_fill;   /* a band behind every line */
  Rgb        fill;
  double     fill_x;
  double     fill_width;
  gboolean   has_bar;    /* a bar left of every line */
  Rgb        bar;
  double     bar_x;
  char      *dest;       /* a link target, at the first line */
  char      *link;       /* the target the paragraph links to (contents) */
  GPtrArray *targets;    /* the web addresses its text links to; nullable */
  GArray    *links;      /* of LinkSpan: where in the text those links are */
  guint      outline;    /* outline level; 0: not in the outline */
  char      *title;      /* the outline's text */
  guint      page;       /* where the first line went */
} Para;

/* A web link in a paragraph's text. */
typedef struct
{
  guint start;    /* byte range in the text of the paragraph's layout */
  guint end;
  guint target;   /* index in the paragraph's targets */
} LinkSpan;

typedef enum
{
  PIECE_LINE,
  PIECE_SPACE,
  PIECE_BREAK,
  PIECE_STRIP,
} PieceKind;

typedef struct
{
  PieceKind kind;
  guint     keep : 1;    /* do not end a page after this piece */
  guint     skipped : 1; /* a space at the top of a page */
  guint     para;        /* LINE (and a decorated SPACE): the paragraph; STRIP: the strip */
  guint     line;
  gint      group;       /* the entry or card it belongs to; -1 */
  double    height;
  double    baseline;
  double    line_x;
  double    y;           /* from the top of the text area */
} Piece;

#define NO_PARA G_MAXUINT

struct _GlossExportLayout
{
  GObject          parent_instance;

  GlossExportPlan *plan;
  GlossExportPlan *owned_plan;   /* when the layout made the plan itself */
  double           paper_width;
  double           paper_height;
  double           text_width;
  double           text_height;

  PangoContext    *context;
  GHashTable      *fonts;        /* face string → PangoFontDescription */
  PangoAttrList   *language;

  GArray          *paras;        /* of Para */
  GArray          *pieces;       /* of Piece */
  GPtrArray       *strips;       /* of GlossTimelineStrip */
  GPtrArray       *groups;       /* markup of each group's "(continued)" line */
  GHashTable      *dests;        /* link target → its Para's index + 1 */
  GArray          *page_starts;  /* index of the first piece of each page */
  GArray          *page_groups;  /* the group a page continues, or -1 */
  double           continued_height;
};

G_DEFINE_FINAL_TYPE (GlossExportLayout, gloss_export_layout, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */
/* Paragraphs and lines                                               */

static PangoFontDescription *
get_font (GlossExportLayout *self,
          const char        *face)
{
  PangoFontDescription *font = g_hash_table_lookup (self->fonts, face);

  if (font == NULL)
    {
      font = pango_font_description_from_string (face);
      g_hash_table_insert (self->fonts, (gpointer) face, font);
    }
  return font;
}

/* Takes a link mark (see gloss_note_markup_open_print_link()) out of
 * the attributes, so a link is shaped and broken like the text around
 * it, and keeps where it was in @data, an array of LinkSpan, if any. */
static gboolean
take_link_mark (PangoAttribute *attribute,
                gpointer        data)
{
  GArray *spans = data;
  PangoAttrLanguage *language = pango_attribute_as_language (attribute);
  LinkSpan span;

  if (language == NULL ||
      !gloss_note_markup_parse_print_link (pango_language_to_string (language->value), &span.target))
    return FALSE;
  span.start = attribute->start_index;
  span.end = attribute->end_index;
  if (spans != NULL)
    g_array_append_val (spans, span);
  return TRUE;
}

/* @spans: (nullable): where to add the paragraph's links */
static PangoLayout *
make_layout (GlossExportLayout *self,
             const Para        *para,
             GArray            *spans)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoAttrList *attrs;
  PangoAttrList *marks;

  pango_layout_set_font_description (layout, get_font (self, para->font));
  pango_layout_set_width (layout, pango_units_from_double (para->width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent (layout, pango_units_from_double (para->indent));
  pango_layout_set_justify (layout, para->justify);
  if (para->tabs[0] > 0)
    {
      PangoTabArray *tabs = pango_tab_array_new_with_positions (2, TRUE,
                                                                PANGO_TAB_LEFT, (int) para->tabs[0],
                                                                PANGO_TAB_LEFT, (int) para->tabs[1]);

      pango_layout_set_tabs (layout, tabs);
      pango_tab_array_free (tabs);
    }
  pango_layout_set_markup (layout, para->markup, -1);

  /* zh-Hans for every run, also one the markup gives attributes of its
   * own: it picks the Simplified Chinese forms and line-breaking rules */
  attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));
  if (attrs == NULL)
    attrs = pango_attr_list_new ();
  marks = pango_attr_list_filter (attrs, take_link_mark, spans);
  if (marks != NULL)
    pango_attr_list_unref (marks);
  pango_attr_list_insert_before (attrs, pango_attr_language_new (pango_language_from_string ("zh-hans")));
  /* No hyphen where a line breaks inside a word: a quote must read as
   * written, and the article's full-width Latin has no hyphens to add */
  pango_attr_list_insert_before (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static Para *
para_new (GlossExportLayout *self,
          const char        *font,
          char              *markup)
{
  Para para = { 0 };

  para.markup = markup;
  para.font = font;
  para.width = self->text_width;
  para.color = ink;
  g_array_append_val (self->paras, para);
  return &g_array_index (self->paras, Para, self->paras->len - 1);
}

/* A paragraph of light Markdown, with the addresses it links to. */
static Para *
para_new_note (GlossExportLayout *self,
               const char        *font,
               const char        *text)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
  char *markup = gloss_note_markup_for_print (text, targets);
  Para *para = para_new (self, font, markup);

  if (targets->len > 0)
    para->targets = g_steal_pointer (&targets);
  return para;
}

static void
add_piece (GlossExportLayout *self,
           Piece             *piece)
{
  g_array_append_val (self->pieces, *piece);
}

static void
add_space (GlossExportLayout *self,
           double             height,
           guint              deco_para,
           gboolean           keep,
           gint               group)
{
  Piece piece = { .kind = PIECE_SPACE, .height = height, .para = deco_para,
                  .keep = keep, .group = group };

  add_piece (self, &piece);
}

typedef enum
{
  KEEP_NONE,      /* orphan and widow control only */
  KEEP_NEXT,      /* that, and the last line stays with what follows */
  KEEP_ALL,       /* the paragraph is not broken, and stays with what follows */
  KEEP_WHOLE,     /* the paragraph is not broken */
} Keep;

/* Breaks the last paragraph added into lines, as pieces. */
static void
add_lines (GlossExportLayout *self,
           Keep               keep,
           gint               group)
{
  guint index = self->paras->len - 1;
  Para *para = &g_array_index (self->paras, Para, index);
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  guint n;
  guint line = 0;

  if (para->targets != NULL && para->targets->len > 0)
    para->links = g_array_new (FALSE, FALSE, sizeof (LinkSpan));
  layout = make_layout (self, para, para->links);
  iter = pango_layout_get_iter (layout);
  n = pango_layout_get_line_count (layout);
  do
    {
      PangoRectangle logical;
      Piece piece = { .kind = PIECE_LINE, .para = index, .line = line, .group = group };

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      piece.height = pango_units_to_double (logical.height);
      piece.baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter) - logical.y);
      piece.line_x = pango_units_to_double (logical.x);
      /* never one line alone at the foot or the head of a page */
      piece.keep = (line == 0 && n > 1) || (n > 2 && line == n - 2);
      if (keep == KEEP_ALL || keep == KEEP_WHOLE)
        piece.keep = piece.keep || line + 1 < n || keep == KEEP_ALL;
      else if (keep == KEEP_NEXT && line + 1 == n)
        piece.keep = TRUE;
      add_piece (self, &piece);
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

/* ------------------------------------------------------------------ */
/* From blocks to paragraphs                                          */

static void
add_title (GlossExportLayout *self,
           GlossPlanBlock    *block)
{
  Para *para;

  add_space (self, 90, NO_PARA, FALSE, -1);
  para_new (self, SANS " Bold 24", escape (block->text));
  add_lines (self, KEEP_NEXT, -1);
  if (block->detail)
    {
      add_space (self, 8, NO_PARA, TRUE, -1);
      para = para_new (self, SANS " 12", escape (block->detail));
      para->color = grey;
      add_lines (self, KEEP_NEXT, -1);
    }
  if (block->extra)
    {
      add_space (self, 4, NO_PARA, TRUE, -1);
      para = para_new (self, SANS " 10", escape (block->extra));
      para->color = grey;
      add_lines (self, KEEP_NONE, -1);
    }
  add_space (self, 28, NO_PARA, FALSE, -1);
}

static void
add_toc (GlossExportLayout *self,
         GlossPlanBlock    *block)
{
  para_new (self, SANS " Bold 13", escape (block->text));
  add_lines (self, KEEP_NEXT, -1);
  add_space (self, 8, NO_PARA, TRUE, -1);

  for (guint i = 0; i < self->plan->blocks->len; i++)
    {
      GlossPlanBlock *heading = g_ptr_array_index (self->plan->blocks, i);
      Para *para;

      if (heading->kind != GLOSS_PLAN_HEADING || heading->level > 2)
        continue;
      if (heading->level == 1)
        add_space (self, 4, NO_PARA, FALSE, -1);
      para = para_new (self, heading->level == 1 ? SANS " 10.5" : SANS " 9.5", escape (heading->text));
      para->x = (heading->level - 1) * 16.0;
      para->width = self->text_width - para->x - TOC_NUMBER_W;
      para->indent = -12;   /* a long title's next lines hang */
      para->link = g_strdup (heading->anchor);
      add_lines (self, KEEP_NONE, -1);
    }
}

static void
add_heading (GlossExportLayout *self,
             GlossPlanBlock    *block)
{
  static const char * const faces[] = { SANS " Bold 15", SANS " Bold 12", SANS " Bold 10.5" };
  guint level = CLAMP (block->level, 1, 3);
  Para *para;

  add_space (self, level == 1 ? 22 : 12, NO_PARA, FALSE, -1);
  para = para_new (self, faces[level - 1], escape (block->text));
  para->dest = g_strdup (block->anchor);
  para->outline = level;
  para->title = g_strdup (block->text);
  if (level == 1)
    para->color = (Rgb) { 0.08, 0.20, 0.40 };
  add_lines (self, KEEP_ALL, -1);
  if (block->detail && *block->detail)
    {
      add_space (self, 2, NO_PARA, TRUE, -1);
      para = para_new (self, SANS " 9", escape (block->detail));
      para->color = grey;
      add_lines (self, KEEP_ALL, -1);
    }
  add_space (self, level == 1 ? 8 : 5, NO_PARA, TRUE, -1);
}

static void
add_paragraph (GlossExportLayout *self,
               GlossPlanBlock    *block)
{
  /* not justified: a line with a long address would be all gaps */
  para_new_note (self, SERIF " 11", block->text);
  add_lines (self, KEEP_NONE, -1);
  add_space (self, 8, NO_PARA, FALSE, -1);
}

static char *
entry_head_markup (GlossExportEntry *entry)
{
  g_autofree char *line = gloss_export_color_dup_hex (entry->color, FALSE);
  g_autofree char *name = escape (entry->color_name);
  g_autofree char *place = gloss_export_entry_dup_place (entry);
  g_autofree char *place_markup = escape (place);

  return g_strdup_printf ("<span foreground=\"%s\">■</span> <b>%s</b>%s%s", line, name,
                          *place ? "  ·  " : "", place_markup);
}

static Rgb
mix_white (const double rgb[3],
           double       amount)
{
  return (Rgb) { rgb[0] + (1 - rgb[0]) * amount, rgb[1] + (1 - rgb[1]) * amount,
                 rgb[2] + (1 - rgb[2]) * amount };
}

static void
add_entry (GlossExportLayout *self,
           GlossExportEntry  *entry)
{
  gint group = self->groups->len;
  double fill[3], line[3];
  Para *para;

  g_ptr_array_add (self->groups, entry_head_markup (entry));
  gloss_export_color_get_rgb (entry->color, TRUE, fill);
  gloss_export_color_get_rgb (entry->color, FALSE, line);

  add_space (self, 10, NO_PARA, FALSE, group);
  para = para_new (self, SANS " 8.5", entry_head_markup (entry));
  para->color = grey;
  add_lines (self, KEEP_ALL, group);
  add_space (self, 3, NO_PARA, TRUE, group);

  if (*entry->quote)
    {
      guint first;

      para = para_new (self, SERIF " 10.5", escape (entry->quote));
      para->x = QUOTE_INSET;
      para->width = self->text_width - QUOTE_INSET - 6;
      /* not justified: stretching would space out full-width Latin */
      para->justify = FALSE;
      para->has_fill = TRUE;
      para->fill = mix_white (fill, 0.45);
      para->fill_x = 0;
      para->fill_width = self->text_width;
      para->has_bar = TRUE;
      para->bar = (Rgb) { line[0], line[1], line[2] };
      first = self->pieces->len;
      add_space (self, 3, self->paras->len - 1, TRUE, group);
      add_lines (self, KEEP_NONE, group);
      /* the heading goes with at least two lines of its quote */
      for (guint i = first; i < MIN (first + 3, self->pieces->len - 1); i++)
        g_array_index (self->pieces, Piece, i).keep = TRUE;
      add_space (self, 3, self->paras->len - 1, FALSE, group);
    }
  if (*entry->text)
    {
      add_space (self, 5, NO_PARA, TRUE, group);
      para = para_new_note (self, SERIF " 10.5", entry->text);
      para->x = NOTE_INSET;
      para->width = self->text_width - NOTE_INSET;
      add_lines (self, KEEP_NONE, group);
    }
  add_space (self, 3, NO_PARA, TRUE, group);
  if (entry->tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("  #", entry->tags);
      g_autofree char *tags = g_strconcat ("#", joined, NULL);

      para = para_new (self, SANS " 8", escape (tags));
      para->x = NOTE_INSET;
      para->width = self->text_width - NOTE_INSET;
      para->color = accent;
      add_lines (self, KEEP_NEXT, group);
    }
  {
    g_autofree char *citation = gloss_export_entry_dup_citation (entry);
    g_autofree char *markup = escape (citation);

    para = para_new (self, SANS " 8", g_strconcat ("— ", markup, NULL));
    para->x = NOTE_INSET;
    para->width = self->text_width - NOTE_INSET;
    para->indent = -8;
    para->color = grey;
    add_lines (self, KEEP_NONE, group);
  }
}

static void
add_strip (GlossExportLayout *self,
           GlossPlanBlock    *block)
{
  GlossTimelineStrip *strip = gloss_timeline_strip_new (block, self->context, self->text_width);
  Piece piece = { .kind = PIECE_STRIP, .para = self->strips->len, .group = -1,
                  .height = gloss_timeline_strip_get_height (strip) };

  g_ptr_array_add (self->strips, strip);
  add_space (self, 4, NO_PARA, FALSE, -1);
  add_piece (self, &piece);
  add_space (self, 12, NO_PARA, FALSE, -1);
}

static void
add_event (GlossExportLayout *self,
           GlossPlanBlock    *block)
{
  g_autofree char *title = escape (block->text);
  g_autofree char *title_en = escape (gloss_kb_item_get_title_en (block->item));
  g_autofree char *symbol = escape (block->extra);
  Para *para;

  para = para_new (self, SANS " 8.5",
                   g_strdup_printf ("<b>%u</b>\t%s\t%s <span foreground=\"#555555\">%s</span>%s%s%s",
                                    block->number, block->detail, title, title_en,
                                    block->extra ? "  <b>" : "", symbol, block->extra ? "</b>" : ""));
  /* number, dates, then the event; its next lines hang under the event */
  para->tabs[0] = 18;
  para->tabs[1] = 124;
  para->indent = -124;
  add_lines (self, KEEP_NONE, -1);
  add_space (self, 2.5, NO_PARA, FALSE, -1);
}

static void
add_card (GlossExportLayout *self,
          GlossPlanBlock    *block)
{
  GlossKbItem *item = block->item;
  gint group = self->groups->len;
  g_autofree char *dates = gloss_export_dup_item_dates (item);
  const char * const *members = gloss_kb_item_get_members (item);
  g_autoptr(GString) meta = g_string_new (NULL);
  guint frame;
  struct { const char *font; char *markup; Rgb color; } lines[5];
  guint n = 0;

  g_ptr_array_add (self->groups, escape (gloss_kb_item_get_title_zh (item)));
  g_string_append_printf (meta, "%s  ·  %s", dates, gloss_kb_item_get_kind (item));
  if (gloss_kb_item_get_symbol (item))
    g_string_append_printf (meta, "  ·  <b>%s</b>", gloss_kb_item_get_symbol (item));
  if (members != NULL && members[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (GStrv) members);
      g_autofree char *escaped = escape (joined);

      g_string_append_printf (meta, "  ·  %s", escaped);
    }

  lines[n++] = (typeof (lines[0])) { SANS " Bold 10.5", escape (gloss_kb_item_get_title_zh (item)), ink };
  lines[n++] = (typeof (lines[0])) { SERIF " Italic 9", escape (gloss_kb_item_get_title_en (item)), grey };
  lines[n++] = (typeof (lines[0])) { SANS " 8", g_strdup (meta->str), grey };
  if (gloss_kb_item_get_summary_zh (item))
    lines[n++] = (typeof (lines[0])) { SERIF " 9.5", escape (gloss_kb_item_get_summary_zh (item)), ink };
  if (gloss_kb_item_get_summary_en (item))
    lines[n++] = (typeof (lines[0])) { SERIF " 9", escape (gloss_kb_item_get_summary_en (item)), ink };

  add_space (self, 10, NO_PARA, FALSE, group);
  frame = self->paras->len;
  for (guint i = 0; i < n; i++)
    {
      Para *para = para_new (self, lines[i].font, lines[i].markup);

      para->x = CARD_INSET;
      para->width = self->text_width - 2 * CARD_INSET;
      para->color = lines[i].color;
      para->has_fill = TRUE;
      para->fill = card_fill;
      para->fill_width = self->text_width;
      para->has_bar = TRUE;
      para->bar = card_bar;
      if (i == 0)
        add_space (self, 7, frame, TRUE, group);
      else if (i >= 3)
        add_space (self, 3, self->paras->len - 1, TRUE, group);
      /* a card is not broken unless it is longer than a page */
      add_lines (self, i + 1 < n ? KEEP_ALL : KEEP_WHOLE, group);
    }
  g_array_index (self->pieces, Piece, self->pieces->len - 1).keep = TRUE;
  add_space (self, 7, self->paras->len - 1, FALSE, group);
}

/* A source: its UN symbol, its title and its address, which links to
 * it. The address is printed short (see gloss_note_markup_dup_print_url()),
 * so a list of sources reads as titles, not as a wall of addresses. */
static void
add_source (GlossExportLayout *self,
            GlossPlanBlock    *block)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *title = escape (block->text);
  Para *para;

  if (block->detail)
    {
      g_autofree char *symbol = escape (block->detail);

      g_string_append_printf (markup, "<span font=\"" SANS " Bold\">%s</span>  ", symbol);
    }
  g_string_append (markup, title);
  if (block->extra)
    {
      g_autofree char *open = gloss_note_markup_open_print_link (0);
      g_autofree char *url = gloss_note_markup_for_print_url (block->extra);

      g_string_append_printf (markup, "  %s<span font=\"" SANS " 7.5\" foreground=\"#1a5fb4\">%s</span></span>",
                              open, url);
    }
  para = para_new (self, SERIF " 9", g_string_free (g_steal_pointer (&markup), FALSE));
  if (block->extra)
    {
      para->targets = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (para->targets, g_strdup (block->extra));
    }
  para->indent = -14;
  add_lines (self, KEEP_NONE, -1);
  add_space (self, 3, NO_PARA, FALSE, -1);
}

static void
add_block (GlossExportLayout *self,
           GlossPlanBlock    *block)
{
  Piece page_break = { .kind = PIECE_BREAK, .group = -1 };

  switch (block->kind)
    {
    case GLOSS_PLAN_TITLE:
      add_title (self, block);
      break;
    case GLOSS_PLAN_TOC:
      add_toc (self, block);
      break;
    case GLOSS_PLAN_PAGE_BREAK:
      add_piece (self, &page_break);
      break;
    case GLOSS_PLAN_HEADING:
      add_heading (self, block);
      break;
    case GLOSS_PLAN_PARAGRAPH:
      add_paragraph (self, block);
      break;
    case GLOSS_PLAN_ENTRY:
      add_entry (self, block->entry);
      break;
    case GLOSS_PLAN_TIMELINE:
      add_strip (self, block);
      break;
    case GLOSS_PLAN_EVENT:
      add_event (self, block);
      break;
    case GLOSS_PLAN_CARD:
      add_card (self, block);
      break;
    case GLOSS_PLAN_SOURCE:
      add_source (self, block);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------ */
/* Pages                                                              */

/* How much must go on the page together with piece @i. */
static double
kept_height (GlossExportLayout *self,
             guint              i)
{
  double height = 0;

  for (; i < self->pieces->len; i++)
    {
      Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (piece->kind == PIECE_BREAK)
        break;
      height += piece->height;
      if (!piece->keep)
        break;
    }
  return height;
}

static void
start_page (GlossExportLayout *self,
            guint              first,
            gint               group)
{
  g_array_append_val (self->page_starts, first);
  g_array_append_val (self->page_groups, group);
}

static void
paginate (GlossExportLayout *self)
{
  double y = 0;
  gint last_group = -1;

  start_page (self, 0, -1);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = &g_array_index (self->pieces, Piece, i);
      double need = kept_height (self, i);

      if (piece->kind == PIECE_BREAK)
        {
          if (y > 0)
            {
              start_page (self, i + 1, -1);
              y = 0;
            }
          last_group = -1;
          continue;
        }
      /* what cannot fit on any page is broken where it must */
      if (need > self->text_height - self->continued_height)
        need = piece->height;
      if (y > 0 && y + need > self->text_height)
        {
          gint continued = (piece->group >= 0 && piece->group == last_group) ? piece->group : -1;

          start_page (self, i, continued);
          y = continued >= 0 ? self->continued_height : 0;
        }
      piece->skipped = piece->kind == PIECE_SPACE && y == 0;
      piece->y = y;
      if (!piece->skipped)
        y += piece->height;
      if (piece->kind == PIECE_LINE && piece->line == 0)
        g_array_index (self->paras, Para, piece->para).page = self->page_starts->len - 1;
      if (piece->kind != PIECE_SPACE)
        last_group = piece->group;
    }
}

/* ------------------------------------------------------------------ */
/* Drawing                                                            */

static void
set_rgb (cairo_t   *cr,
         const Rgb *rgb)
{
  cairo_set_source_rgb (cr, rgb->r, rgb->g, rgb->b);
}

static void
draw_decoration (cairo_t    *cr,
                 const Para *para,
                 double      x,
                 double      y,
                 double      height)
{
  if (para->has_fill)
    {
      set_rgb (cr, &para->fill);
      cairo_rectangle (cr, x + para->fill_x, y, para->fill_width, height);
      cairo_fill (cr);
    }
  if (para->has_bar)
    {
      set_rgb (cr, &para->bar);
      cairo_rectangle (cr, x + para->bar_x, y, BAR_WIDTH, height);
      cairo_fill (cr);
    }
}

/* A single line of text outside the flow: header, footer, page numbers. */
static void
draw_text (GlossExportLayout *self,
           cairo_t           *cr,
           const char        *font,
           const char        *markup,
           double             x,
           double             y,
           double             width,
           PangoAlignment     alignment)
{
  Para para = { .markup = (char *) markup, .font = font, .width = width };
  g_autoptr(PangoLayout) layout = make_layout (self, &para, NULL);

  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_frame (GlossExportLayout *self,
            cairo_t           *cr,
            guint              page)
{
  guint n_pages = self->page_starts->len;
  g_autofree char *title = escape (self->plan->title);
  g_autofree char *folio = g_strdup_printf ("%u / %u", page + 1, n_pages);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* the title page has the title itself */
  if (page > 0)
    {
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      draw_text (self, cr, SANS " 8", title, MARGIN_X, MARGIN_TOP - 34, self->text_width,
                 PANGO_ALIGN_LEFT);
      cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
      cairo_rectangle (cr, MARGIN_X, MARGIN_TOP - 18, self->text_width, 0.5);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  draw_text (self, cr, SANS " 8.5", folio, MARGIN_X, self->paper_height - MARGIN_BOTTOM + 26,
             self->text_width, PANGO_ALIGN_CENTER);
}

static void
draw_continued (GlossExportLayout *self,
                cairo_t           *cr,
                gint               group)
{
  g_autofree char *markup = g_strdup_printf ("<i>%s</i>  %s", _("(continued)"),
                                             (char *) g_ptr_array_index (self->groups, group));

  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  draw_text (self, cr, SANS " 8", markup, MARGIN_X, MARGIN_TOP, self->text_width, PANGO_ALIGN_LEFT);
}

static void
draw_toc_number (GlossExportLayout *self,
                 cairo_t           *cr,
                 const Para        *para,
                 double             baseline_y)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->dests, para->link));
  g_autofree char *number = NULL;

  if (index == 0)
    return;
  number = g_strdup_printf ("%u", g_array_index (self->paras, Para, index - 1).page + 1);
  set_rgb (cr, &grey);
  draw_text (self, cr, SANS " 9.5", number, MARGIN_X, baseline_y - 11.5, self->text_width,
             PANGO_ALIGN_RIGHT);
}

/* A web address as a cairo tag attribute, uri='…'. A PDF wants the
 * address in ASCII, so other characters are percent-escaped (the same
 * address, as a browser sends it); cairo 1.16 writes it into a PDF
 * string as is, so a lone bracket or backslash is escaped too; and in
 * cairo's attribute syntax a quote or backslash takes a backslash. */
static void
append_uri_attribute (GString    *attributes,
                      const char *url)
{
  g_autofree char *uri = g_uri_escape_string (url, "!#$%&'*+,/:;=?@[]~", FALSE);

  g_string_append (attributes, "uri='");
  for (const char *p = uri; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *p);
    }
  g_string_append (attributes, "' ");
}

static void
append_number (GString *attributes,
               double   value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  /* a dot, whatever the locale */
  g_string_append_printf (attributes, "%s ", g_ascii_formatd (number, sizeof number, "%.2f", value));
}

/* Link annotations over the text of the links on one line, from the top
 * to the foot of the line: a link that wraps is clickable on each of its
 * lines, also when a page break comes between them. @x is the left of
 * the paragraph's layout. */
static void
tag_links (cairo_t         *cr,
           const Para      *para,
           PangoLayoutLine *line,
           double           x,
           double           top,
           double           height)
{
  int line_end = line->start_index + line->length;

  for (guint i = 0; i < para->links->len; i++)
    {
      const LinkSpan *span = &g_array_index (para->links, LinkSpan, i);
      g_autoptr(GString) attributes = NULL;
      g_autofree int *ranges = NULL;
      int n_ranges = 0;
      guint n_rects = 0;

      if ((int) span->end <= line->start_index || (int) span->start >= line_end)
        continue;
      pango_layout_line_get_x_ranges (line, MAX ((int) span->start, line->start_index),
                                      MIN ((int) span->end, line_end), &ranges, &n_ranges);
      attributes = g_string_new (NULL);
      append_uri_attribute (attributes, g_ptr_array_index (para->targets, span->target));
      g_string_append (attributes, "rect=[ ");
      for (int r = 0; r < n_ranges; r++)
        {
          double left = pango_units_to_double (ranges[2 * r]);
          double right = pango_units_to_double (ranges[2 * r + 1]);

          if (right - left < 0.5)
            continue;
          append_number (attributes, x + left);
          append_number (attributes, top);
          append_number (attributes, right - left);
          append_number (attributes, height);
          n_rects++;
        }
      g_string_append_c (attributes, ']');
      if (n_rects == 0)
        continue;
      /* with a rect, the tag covers no drawing: begin and end at once */
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes->str);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
    }
}

static void
draw_line (GlossExportLayout *self,
           cairo_t           *cr,
           const Piece       *piece,
           PangoLayout       *layout)
{
  const Para *para = &g_array_index (self->paras, Para, piece->para);
  double top = MARGIN_TOP + piece->y;
  double baseline = top + piece->baseline;
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, piece->line);
  g_autofree char *attributes = NULL;

  draw_decoration (cr, para, MARGIN_X, top, piece->height);

  if (para->dest != NULL && piece->line == 0)
    {
      attributes = g_strdup_printf ("name='%s'", para->dest);
      cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
    }
  if (para->link != NULL)
    {
      g_free (attributes);
      attributes = g_strdup_printf ("dest='%s'", para->link);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
    }

  set_rgb (cr, &para->color);
  cairo_move_to (cr, MARGIN_X + para->x + piece->line_x, baseline);
  pango_cairo_show_layout_line (cr, line);
  if (para->links != NULL)
    tag_links (cr, para, line, MARGIN_X + para->x, top, piece->height);

  if (para->link != NULL)
    {
      if (piece->line + 1 == (guint) pango_layout_get_line_count (layout))
        draw_toc_number (self, cr, para, baseline);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
    }
  if (para->dest != NULL && piece->line == 0)
    cairo_tag_end (cr, CAIRO_TAG_DEST);
}

/**
 * gloss_export_layout_draw_page:
 * @cr: a cairo context whose user space is the page, in points
 *
 * Draws page @page (from 0), header and footer included. Links and
 * link targets are cairo tags: a PDF surface keeps them, others skip
 * them.
 */
void
gloss_export_layout_draw_page (GlossExportLayout *self,
                               cairo_t           *cr,
                               guint              page)
{
  g_autoptr(PangoLayout) layout = NULL;
  guint cached = NO_PARA;
  guint first, last;
  gint continued;

  g_return_if_fail (GLOSS_IS_EXPORT_LAYOUT (self));
  g_return_if_fail (page < self->page_starts->len);

  first = g_array_index (self->page_starts, guint, page);
  last = page + 1 < self->page_starts->len ? g_array_index (self->page_starts, guint, page + 1)
                                           : self->pieces->len;
  continued = g_array_index (self->page_groups, gint, page);

  cairo_save (cr);
  draw_frame (self, cr, page);
  if (continued >= 0)
    draw_continued (self, cr, continued);

  for (guint i = first; i < last; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (piece->skipped || piece->kind == PIECE_BREAK)
        continue;
      if (piece->kind == PIECE_SPACE && piece->para != NO_PARA)
        draw_decoration (cr, &g_array_index (self->paras, Para, piece->para), MARGIN_X,
                         MARGIN_TOP + piece->y, piece->height);
      else if (piece->kind == PIECE_STRIP)
        gloss_timeline_strip_draw (g_ptr_array_index (self->strips, piece->para), cr,
                                   MARGIN_X, MARGIN_TOP + piece->y);
      else if (piece->kind == PIECE_LINE)
        {
          if (piece->para != cached)
            {
              g_clear_object (&layout);
              layout = make_layout (self, &g_array_index (self->paras, Para, piece->para), NULL);
              cached = piece->para;
            }
          draw_line (self, cr, piece, layout);
        }
    }
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* The object                                                         */

static void
para_clear (gpointer data)
{
  Para *para = data;

  g_free (para->markup);
  g_free (para->dest);
  g_free (para->link);
  g_free (para->title);
  g_clear_pointer (&para->targets, g_ptr_array_unref);
  g_clear_pointer (&para->links, g_array_unref);
}

static void
gloss_export_layout_finalize (GObject *object)
{
  GlossExportLayout *self = GLOSS_EXPORT_LAYOUT (object);

  g_clear_pointer (&self->owned_plan, gloss_export_plan_free);
  g_clear_object (&self->context);
  g_clear_pointer (&self->fonts, g_hash_table_unref);
  g_clear_pointer (&self->paras, g_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_pointer (&self->strips, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->dests, g_hash_table_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_clear_pointer (&self->page_groups, g_array_unref);

  G_OBJECT_CLASS (gloss_export_layout_parent_class)->finalize (object);
}

static void
gloss_export_layout_class_init (GlossExportLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_export_layout_finalize;
}

static void
gloss_export_layout_init (GlossExportLayout *self)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  self->context = pango_font_map_create_context (font_map);
  /* points, like the PDF's user space; metrics that do not depend on
   * the device, so a page breaks the same way wherever it is drawn */
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string ("zh-hans"));

  self->fonts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) pango_font_description_free);
  self->paras = g_array_new (FALSE, FALSE, sizeof (Para));
  g_array_set_clear_func (self->paras, para_clear);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  self->strips = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_timeline_strip_free);
  self->groups = g_ptr_array_new_with_free_func (g_free);
  self->dests = g_hash_table_new (g_str_hash, g_str_equal);
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->page_groups = g_array_new (FALSE, FALSE, sizeof (gint));
}

/**
 * gloss_export_layout_new_for_plan:
 * @plan: (transfer none): what to set; it must outlive the layout
 *
 * Returns: (transfer full): the plan set in pages, or %NULL when
 *   cancelled
 */
GlossExportLayout *
gloss_export_layout_new_for_plan (GlossExportPlan *plan,
                                  double           paper_width,
                                  double           paper_height,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(GlossExportLayout) self = g_object_new (GLOSS_TYPE_EXPORT_LAYOUT, NULL);

  self->plan = plan;
  self->paper_width = paper_width;
  self->paper_height = paper_height;
  self->text_width = paper_width - 2 * MARGIN_X;
  self->text_height = paper_height - MARGIN_TOP - MARGIN_BOTTOM;
  self->continued_height = 18;

  for (guint i = 0; i < plan->blocks->len; i++)
    {
      /* checked now and then: a block costs microseconds */
      if ((i & 255) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      add_block (self, g_ptr_array_index (plan->blocks, i));
    }
  for (guint i = 0; i < self->paras->len; i++)
    {
      const Para *para = &g_array_index (self->paras, Para, i);

      if (para->dest != NULL)
        g_hash_table_insert (self->dests, para->dest, GUINT_TO_POINTER (i + 1));
    }
  paginate (self);
  return g_steal_pointer (&self);
}

/**
 * gloss_export_layout_new:
 * @knowledge: (nullable): for a handout's timeline and cards
 * @paper_width: in points
 * @paper_height: in points
 *
 * Sets the notes (or the handout) @options select in pages of the given
 * size, for a preview or a GtkPrintOperation; @options' format and paper
 * are not used.
 *
 * Returns: (transfer full): the layout, or %NULL with @error set
 */
GlossExportLayout *
gloss_export_layout_new (const GlossExportOptions *options,
                         GlossLibrary             *library,
                         GlossKnowledgeBase       *knowledge,
                         double                    paper_width,
                         double                    paper_height,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  GlossExportPlan *plan;
  GlossExportLayout *self;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (paper_width > 4 * MARGIN_X && paper_height > 4 * MARGIN_TOP, NULL);

  plan = gloss_export_plan_new (library, knowledge, options, cancellable, error);
  if (plan == NULL)
    return NULL;
  self = gloss_export_layout_new_for_plan (plan, paper_width, paper_height, cancellable, error);
  if (self == NULL)
    {
      gloss_export_plan_free (plan);
      return NULL;
    }
  self->owned_plan = plan;
  return self;
}

guint
gloss_export_layout_get_n_pages (GlossExportLayout *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_LAYOUT (self), 0);
  return self->page_starts->len;
}

const char *
gloss_export_layout_get_title (GlossExportLayout *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_LAYOUT (self), NULL);
  return self->plan->title;
}

void
gloss_export_layout_get_size (GlossExportLayout *self,
                              double            *width,
                              double            *height)
{
  g_return_if_fail (GLOSS_IS_EXPORT_LAYOUT (self));
  *width = self->paper_width;
  *height = self->paper_height;
}

/**
 * gloss_export_layout_get_outline:
 *
 * Returns: (transfer full) (element-type GlossOutlineItem): the headings
 *   in the outline, in order, with their pages; the strings belong to
 *   @self
 */
GArray *
gloss_export_layout_get_outline (GlossExportLayout *self)
{
  GArray *outline = g_array_new (FALSE, FALSE, sizeof (GlossOutlineItem));

  for (guint i = 0; i < self->paras->len; i++)
    {
      const Para *para = &g_array_index (self->paras, Para, i);
      GlossOutlineItem item = { para->outline, para->title, para->dest, para->page };

      if (para->outline > 0)
        g_array_append_val (outline, item);
    }
  return outline;
}
