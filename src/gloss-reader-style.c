/* gloss-reader-style.c: the typography of the reading view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How a cleaned text is set, block kind by block kind, as GtkTextTags
 * (for the reading view) and font descriptions (to check that every
 * character has a glyph).  The aim is a Chinese book page: a serif CJK
 * face at about 14 pt, lines at 1.75 times the font size, a column of
 * about 38 characters kept in the middle of the view, paragraphs opened
 * by a two-character indent, and the text tagged zh-Hans so that Han
 * characters take their Simplified Chinese forms.
 *
 * Spacing is given in ems of the body font and turned into pixels by
 * gloss_reader_style_measure() with the view's own Pango context, so it
 * follows the display resolution and the text scaling setting.
 *
 * Those are the defaults.  The reader can change the body fonts, the
 * text size, the line and paragraph spacing and the width of the column
 * (see GlossReaderSettings); the block styles below keep their sizes and
 * spacings in proportion to the body text.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <math.h>

#include "gloss-reader-style.h"

/* Typography.  Sizes are in points; spacings in ems of the body font,
 * so that they follow the font size and the display resolution. */
#define BODY_SIZE           14.0
#define COLUMN_EMS          38      /* CJK characters per line */
#define MIN_MARGIN_EMS      1.2
#define BODY_LINE_HEIGHT    1.75    /* of the font size */
#define DIM_ALPHA           0.62

/* The CJK face first: the Latin of Noto Serif CJK is designed to sit
 * with the Han characters, and punctuation shared by both scripts
 * (“ ” ‘ ’ …) must take the full-width Chinese forms.  The Latin faces
 * after it only fill gaps.  SERIF_FAMILIES is only the default: the
 * body faces are the reader's choice, see build_serif_families(). */
#define DEFAULT_CJK_FAMILY  "Noto Serif CJK SC"
#define SERIF_FALLBACKS     "Noto Serif,serif"
#define SERIF_FAMILIES      DEFAULT_CJK_FAMILY "," SERIF_FALLBACKS
#define SANS_FAMILIES       "Noto Sans CJK SC,Noto Sans,sans-serif"

/* The language of the text.  Without it HarfBuzz and fontconfig may pick
 * Japanese glyph forms for the Han characters. */
#define TEXT_LANGUAGE       "zh-Hans"

typedef enum
{
  STYLE_PARAGRAPH,
  STYLE_TITLE,
  STYLE_LABEL,
  STYLE_AUTHORS,
  STYLE_AFFILIATION,
  STYLE_HEADING_1,
  STYLE_HEADING_2,
  STYLE_HEADING_3,
  STYLE_KEYWORDS,
  STYLE_META,
  STYLE_TOC_1,
  STYLE_TOC_2,
  STYLE_TOC_3,
  STYLE_FOOTNOTE,
  N_STYLES
} Style;

typedef struct
{
  const char       *name;
  const char       *families;
  double            size;          /* points */
  PangoWeight       weight;
  GtkJustification  justification;
  double            line_height;   /* of the font size */
  double            above;         /* ems */
  double            below;         /* ems, after the last line */
  double            indent;        /* ems, first line */
  double            inset;         /* ems, added to the column margin */
  gboolean          dim;
} BlockStyle;

static const BlockStyle block_styles[N_STYLES] = {
  [STYLE_PARAGRAPH]   = { "paragraph",   SERIF_FAMILIES, BODY_SIZE, PANGO_WEIGHT_NORMAL, GTK_JUSTIFY_FILL,   BODY_LINE_HEIGHT, 0.0, 0.45, 2.0, 0.0, FALSE },
  [STYLE_TITLE]       = { "title",       SANS_FAMILIES,  22.0,      PANGO_WEIGHT_BOLD,   GTK_JUSTIFY_CENTER, 1.45,             0.6, 1.0,  0.0, 0.0, FALSE },
  [STYLE_LABEL]       = { "label",       SANS_FAMILIES,  11.0,      PANGO_WEIGHT_NORMAL, GTK_JUSTIFY_CENTER, 1.5,              0.0, 1.2,  0.0, 0.0, TRUE  },
  [STYLE_AUTHORS]     = { "authors",     SERIF_FAMILIES, 14.0,      PANGO_WEIGHT_NORMAL, GTK_JUSTIFY_CENTER, 1.5,              0.0, 1.4,  0.0, 0.0, FALSE },
  [STYLE_AFFILIATION] = { "affiliation", SERIF_FAMILIES, 11.0,      PANGO_WEIGHT_NORMAL, GTK_JUSTIFY_LEFT,   1.55,             0.0, 0.3,  0.0, 0.0, TRUE  },
  [STYLE_HEADING_1]   = { "heading-1",   SANS_FAMILIES,  17.0,      PANGO_WEIGHT_BOLD,   GTK_JUSTIFY_LEFT,   1.45,             1.8, 0.8,  0.0, 0.0, FALSE },
  [STYLE_HEADING_2]   = { "heading-2",   SANS_FAMILIES,  15.5,      PANGO_WEIGHT_BOLD,   GTK_JUSTIFY_LEFT,   1.45,             1.3, 0.6,  0.0, 0.0, FALSE },
  [STYLE_HEADING_3]   = { "heading-3",   SANS_FAMILIES,  14.0,      PANGO_WEIGHT_BOLD,   GTK_JUSTIFY_LEFT,   1.5,              1.0, 0.45, 0.0, 0.0, FALSE },
  [STYLE_KEYWORDS]    = { "keywords",    SERIF_FAMILIES, 12.0,      PANGO_WEIGHT_NORMAL, GTK_JUSTIFY_LEFT,   1.6,              0.2, 0.6,  0.0, 0.0, FALSE },
  [STYLE_META]        = { "meta",        SERIF_FAMILIES, 11.0,      PANGO_WEIGHT_NORMAL, GTK_JUSTIFY_LEFT,   1.5,              0.0, 0.6,  0.0, 0.0, TRUE  },
  [STYLE_TOC_1]       = { "toc-1",       SERIF_FAMILIES, 12.5,      PANGO_WEIGHT_NORMAL, GTK_JUSTIFY_LEFT,   1.5,              0.3, 0.15, 0.0, 0.0, TRUE  },
  [STYLE_TOC_2]       = { "toc-2",       SERIF_FAMILIES, 12.5,      PANGO_WEIGHT_NORMAL, GTK_JUSTIFY_LEFT,   1.5,              0.0, 0.15, 0.0, 2.0, TRUE  },
  [STYLE_TOC_3]       = { "toc-3",       SERIF_FAMILIES, 12.5,      PANGO_WEIGHT_NORMAL, GTK_JUSTIFY_LEFT,   1.5,              0.0, 0.15, 0.0, 4.0, TRUE  },
  [STYLE_FOOTNOTE]    = { "footnote",    SERIF_FAMILIES, 11.5,      PANGO_WEIGHT_NORMAL, GTK_JUSTIFY_LEFT,   1.6,              0.0, 0.5,  0.0, 0.0, TRUE  },
};

/* The footnotes are gathered after the text; a rule of white space
 * sets them apart from it. */
#define FOOTNOTES_ABOVE_EMS 3.0

struct _GlossReaderStyle
{
  GObject               parent_instance;

  GtkTextTagTable      *tag_table;
  GtkTextTag           *document_tag;
  GtkTextTag           *style_tags[N_STYLES];
  GtkTextTag           *footnotes_start_tag;
  GtkTextTag           *footnote_ref_tag;
  PangoFontDescription *fonts[N_STYLES];
  PangoAttrList        *language_attrs;

  /* Width of one CJK character of the body font, in pixels, and the
   * natural line height of the CJK faces as a fraction of their size. */
  double                em;
  double                natural_line_height;

  int                   width;
  int                   margin;

  /* The reader's settings; the defaults are the constants above. */
  char                 *serif_families;
  double                text_size;          /* points, of the body text */
  double                line_height;        /* of the body text's size */
  double                paragraph_spacing;  /* ems, after a paragraph */
  int                   column_ems;
};

G_DEFINE_FINAL_TYPE (GlossReaderStyle, gloss_reader_style, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */

/* The depth of a line of a printed table of contents, from its
 * numbering: 第2章 and unnumbered lines (摘要, 参考文献) are 1, 2.2 is 2,
 * 2.2.1 is 3. */
static guint
toc_depth (const char *text)
{
  guint depth = 0;
  const char *p = text;

  while (g_ascii_isdigit (*p))
    {
      depth++;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p != '.')
        break;
      p++;
    }

  return CLAMP (depth, 1, 3);
}

static Style
style_for_block (const GlossBlock *block,
                 const char       *text)
{
  guint level = CLAMP (block->level, 1, 3);

  switch (block->kind)
    {
    case GLOSS_BLOCK_PARAGRAPH:   return STYLE_PARAGRAPH;
    case GLOSS_BLOCK_HEADING:     return STYLE_HEADING_1 + (level - 1);
    case GLOSS_BLOCK_TITLE:       return STYLE_TITLE;
    case GLOSS_BLOCK_LABEL:       return STYLE_LABEL;
    case GLOSS_BLOCK_AUTHORS:     return STYLE_AUTHORS;
    case GLOSS_BLOCK_AFFILIATION: return STYLE_AFFILIATION;
    case GLOSS_BLOCK_KEYWORDS:    return STYLE_KEYWORDS;
    case GLOSS_BLOCK_META:        return STYLE_META;
    case GLOSS_BLOCK_TOC_ENTRY:   return STYLE_TOC_1 + (toc_depth (text) - 1);
    case GLOSS_BLOCK_FOOTNOTE:    return STYLE_FOOTNOTE;
    case GLOSS_N_BLOCK_KINDS:
    default:                      return STYLE_PARAGRAPH;
    }
}

/* Every block keeps its size relative to the body text. */
static double
scaled_size (GlossReaderStyle *self,
             const BlockStyle *style)
{
  return style->size * self->text_size / BODY_SIZE;
}

static PangoFontDescription *
font_for_style (GlossReaderStyle *self,
                const BlockStyle *style)
{
  PangoFontDescription *font = pango_font_description_new ();
  const char *families = style->families;

  if (g_str_equal (families, SERIF_FAMILIES))
    families = self->serif_families;

  pango_font_description_set_family (font, families);
  pango_font_description_set_size (font, (int) round (scaled_size (self, style) * PANGO_SCALE));
  pango_font_description_set_weight (font, style->weight);

  return font;
}

/* Sets the font of every block from the current families and size. */
static void
update_fonts (GlossReaderStyle *self)
{
  for (guint i = 0; i < N_STYLES; i++)
    {
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      self->fonts[i] = font_for_style (self, &block_styles[i]);
      g_object_set (self->style_tags[i], "font-desc", self->fonts[i], NULL);
    }
}

/* The family list of the body text.  The first family that has a glyph
 * sets it, so a Latin face put first also sets the punctuation shared
 * with Chinese (its narrow quotation marks): that is the price of a
 * Latin face of one's own, and why it is not the default. */
static char *
build_serif_families (const char *cjk_family,
                      const char *latin_family)
{
  if (cjk_family == NULL || *cjk_family == '\0')
    cjk_family = DEFAULT_CJK_FAMILY;

  if (latin_family != NULL && *latin_family != '\0')
    return g_strdup_printf ("%s,%s,%s", latin_family, cjk_family, SERIF_FALLBACKS);

  return g_strdup_printf ("%s,%s", cjk_family, SERIF_FALLBACKS);
}

static void
create_tags (GlossReaderStyle *self)
{
  /* Tags created later take priority, so the document tag, which only
   * sets the language, goes first and the footnote markers last. */
  self->tag_table = gtk_text_tag_table_new ();

  /* No hyphens: Pango would add one where it breaks inside a Latin
   * word, also a full-width one such as Ｎａｔｉｏｎｓ, and the text must
   * read as written. */
  self->document_tag = gtk_text_tag_new ("document");
  g_object_set (self->document_tag,
                "language", TEXT_LANGUAGE,
                "insert-hyphens", FALSE,
                NULL);
  gtk_text_tag_table_add (self->tag_table, self->document_tag);

  for (guint i = 0; i < N_STYLES; i++)
    {
      const BlockStyle *style = &block_styles[i];

      self->fonts[i] = font_for_style (self, style);
      self->style_tags[i] = gtk_text_tag_new (style->name);
      g_object_set (self->style_tags[i],
                    "font-desc", self->fonts[i],
                    "justification", style->justification,
                    NULL);
      gtk_text_tag_table_add (self->tag_table, self->style_tags[i]);
    }

  self->footnotes_start_tag = gtk_text_tag_new ("footnotes-start");
  gtk_text_tag_table_add (self->tag_table, self->footnotes_start_tag);

  self->footnote_ref_tag = gtk_text_tag_new ("footnote-ref");
  g_object_set (self->footnote_ref_tag, "scale", PANGO_SCALE_X_SMALL, NULL);
  gtk_text_tag_table_add (self->tag_table, self->footnote_ref_tag);
}

static void
update_spacing (GlossReaderStyle *self)
{
  /* Other blocks are set a little tighter or looser than paragraphs;
   * they keep that ratio when the reader changes the line spacing. */
  double line_ratio = self->line_height / BODY_LINE_HEIGHT;

  for (guint i = 0; i < N_STYLES; i++)
    {
      const BlockStyle *style = &block_styles[i];
      double size_px = self->em * style->size / BODY_SIZE;
      double line_height = i == STYLE_PARAGRAPH ? self->line_height : style->line_height * line_ratio;
      double below = i == STYLE_PARAGRAPH ? self->paragraph_spacing : style->below;
      int inside = MAX (0, (int) round (size_px * (line_height - self->natural_line_height)));

      g_object_set (self->style_tags[i],
                    "pixels-inside-wrap", inside,
                    "pixels-above-lines", (int) round (style->above * self->em),
                    "pixels-below-lines", inside + (int) round (below * self->em),
                    "indent", (int) round (style->indent * self->em),
                    NULL);
    }

  g_object_set (self->footnotes_start_tag,
                "pixels-above-lines", (int) round (FOOTNOTES_ABOVE_EMS * self->em),
                NULL);

  /* Raised by a third of the body size, the small marker still fits
   * within the ascent of the line, so it does not push lines apart. */
  g_object_set (self->footnote_ref_tag,
                "rise", (int) (self->text_size * PANGO_SCALE / 3),
                NULL);
}

/* Tags that indent (the levels of a printed table of contents) set
 * their own left margin, which replaces the view's, so they follow it. */
static void
update_insets (GlossReaderStyle *self)
{
  for (guint i = STYLE_TOC_1; i <= STYLE_TOC_3; i++)
    {
      int inset = (int) round (block_styles[i].inset * self->em);
      g_autoptr(PangoTabArray) tabs = NULL;

      /* A printed contents line is "title<TAB>page": a right-aligned
       * tab at the end of the column sets the page numbers flush right,
       * as on paper. */
      tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_RIGHT,
                                                 MAX (0, self->width - 2 * self->margin - inset));
      g_object_set (self->style_tags[i],
                    "left-margin", self->margin + inset,
                    "tabs", tabs,
                    NULL);
    }
}

/* ------------------------------------------------------------------ */

static void
gloss_reader_style_dispose (GObject *object)
{
  GlossReaderStyle *self = GLOSS_READER_STYLE (object);

  g_clear_object (&self->tag_table);

  G_OBJECT_CLASS (gloss_reader_style_parent_class)->dispose (object);
}

static void
gloss_reader_style_finalize (GObject *object)
{
  GlossReaderStyle *self = GLOSS_READER_STYLE (object);

  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->language_attrs, pango_attr_list_unref);
  g_clear_pointer (&self->serif_families, g_free);

  G_OBJECT_CLASS (gloss_reader_style_parent_class)->finalize (object);
}

static void
gloss_reader_style_class_init (GlossReaderStyleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_reader_style_dispose;
  object_class->finalize = gloss_reader_style_finalize;
}

static void
gloss_reader_style_init (GlossReaderStyle *self)
{
  /* Until measured: 14 pt at 96 dpi, and the metrics of Noto CJK. */
  self->em = BODY_SIZE * 96.0 / 72.0;
  self->natural_line_height = 1.448;
  self->width = -1;
  self->margin = -1;
  self->serif_families = g_strdup (SERIF_FAMILIES);
  self->text_size = BODY_SIZE;
  self->line_height = BODY_LINE_HEIGHT;
  self->paragraph_spacing = block_styles[STYLE_PARAGRAPH].below;
  self->column_ems = COLUMN_EMS;

  create_tags (self);

  self->language_attrs = pango_attr_list_new ();
  pango_attr_list_insert (self->language_attrs,
                          pango_attr_language_new (pango_language_from_string (TEXT_LANGUAGE)));

  update_spacing (self);
}

/* ------------------------------------------------------------------ */

GlossReaderStyle *
gloss_reader_style_new (void)
{
  return g_object_new (GLOSS_TYPE_READER_STYLE, NULL);
}

/**
 * gloss_reader_style_get_tag_table:
 *
 * Returns: (transfer none): the table holding every tag of the style
 */
GtkTextTagTable *
gloss_reader_style_get_tag_table (GlossReaderStyle *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_STYLE (self), NULL);

  return self->tag_table;
}

/**
 * gloss_reader_style_get_document_tag:
 *
 * Returns: (transfer none): the tag for the whole text: its language
 */
GtkTextTag *
gloss_reader_style_get_document_tag (GlossReaderStyle *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_STYLE (self), NULL);

  return self->document_tag;
}

/**
 * gloss_reader_style_get_block_tag:
 * @self: a #GlossReaderStyle
 * @block: a block of a content
 * @text: the text of the content from the start of @block on
 *
 * Returns: (transfer none): the tag that sets @block
 */
GtkTextTag *
gloss_reader_style_get_block_tag (GlossReaderStyle *self,
                                  const GlossBlock *block,
                                  const char       *text)
{
  g_return_val_if_fail (GLOSS_IS_READER_STYLE (self), NULL);
  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return self->style_tags[style_for_block (block, text)];
}

/**
 * gloss_reader_style_get_footnotes_start_tag:
 *
 * Returns: (transfer none): the tag that sets the first footnote apart
 *   from the text before it
 */
GtkTextTag *
gloss_reader_style_get_footnotes_start_tag (GlossReaderStyle *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_STYLE (self), NULL);

  return self->footnotes_start_tag;
}

/**
 * gloss_reader_style_get_footnote_ref_tag:
 *
 * Returns: (transfer none): the tag of footnote markers: small, raised,
 *   in the link colour
 */
GtkTextTag *
gloss_reader_style_get_footnote_ref_tag (GlossReaderStyle *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_STYLE (self), NULL);

  return self->footnote_ref_tag;
}

/**
 * gloss_reader_style_get_block_font:
 *
 * The font that gloss_reader_style_get_block_tag() sets, for laying the
 * block out outside the view.
 *
 * Returns: (transfer none): a font description
 */
const PangoFontDescription *
gloss_reader_style_get_block_font (GlossReaderStyle *self,
                                   const GlossBlock *block,
                                   const char       *text)
{
  g_return_val_if_fail (GLOSS_IS_READER_STYLE (self), NULL);
  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return self->fonts[style_for_block (block, text)];
}

/**
 * gloss_reader_style_get_language_attrs:
 *
 * Returns: (transfer none): attributes that tag a whole layout with the
 *   language of the text
 */
PangoAttrList *
gloss_reader_style_get_language_attrs (GlossReaderStyle *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_STYLE (self), NULL);

  return self->language_attrs;
}

/**
 * gloss_reader_style_measure:
 * @self: a #GlossReaderStyle
 * @context: the Pango context of the view the text is shown in
 *
 * Measures the body font and sets every spacing in pixels from it.  Call
 * it again when the resolution or the fonts change.  The next
 * gloss_reader_style_set_width() then reports a new margin.
 */
void
gloss_reader_style_measure (GlossReaderStyle *self,
                            PangoContext     *context)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontMetrics *metrics;
  PangoRectangle logical;

  g_return_if_fail (GLOSS_IS_READER_STYLE (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  layout = pango_layout_new (context);
  pango_layout_set_text (layout, "国", -1);
  pango_layout_set_font_description (layout, self->fonts[STYLE_PARAGRAPH]);
  pango_layout_set_attributes (layout, self->language_attrs);
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  /* A CJK character is one em wide, so em is the font size in pixels. */
  self->em = MAX (logical.width, 8);

  metrics = pango_context_get_metrics (context, self->fonts[STYLE_PARAGRAPH],
                                       pango_language_from_string (TEXT_LANGUAGE));
  self->natural_line_height =
    (double) (pango_font_metrics_get_ascent (metrics) +
              pango_font_metrics_get_descent (metrics)) / PANGO_SCALE / self->em;
  pango_font_metrics_unref (metrics);

  update_spacing (self);
  self->width = -1;
  self->margin = -1;
}

/**
 * gloss_reader_style_set_width:
 * @self: a #GlossReaderStyle
 * @width: the width of the view, in pixels
 *
 * Centres a column of the chosen width in characters (COLUMN_EMS unless
 * gloss_reader_style_set_column_width() said otherwise) in a view @width wide (or
 * leaves a small margin where the view is narrower).
 *
 * Returns: %TRUE if the margin changed, and the view must take
 *   gloss_reader_style_get_margin() as its left and right margins
 */
gboolean
gloss_reader_style_set_width (GlossReaderStyle *self,
                              int               width)
{
  int column;
  int min_margin;
  int margin;
  gboolean changed;

  g_return_val_if_fail (GLOSS_IS_READER_STYLE (self), FALSE);

  column = (int) round (self->column_ems * self->em);
  min_margin = (int) round (MIN_MARGIN_EMS * self->em);
  margin = MAX (min_margin, (width - column) / 2);

  if (width == self->width && margin == self->margin)
    return FALSE;

  changed = margin != self->margin;
  self->width = width;
  self->margin = margin;
  update_insets (self);

  return changed;
}

int
gloss_reader_style_get_margin (GlossReaderStyle *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_STYLE (self), 0);

  return MAX (self->margin, 0);
}

/**
 * gloss_reader_style_set_colors:
 * @self: a #GlossReaderStyle
 * @foreground: the text colour of the theme
 * @accent: the accent (link) colour of the theme
 *
 * Colours come from the theme, so that dark mode and high contrast
 * work: dim text is the foreground made translucent, and footnote
 * markers take the colour of links.
 */
void
gloss_reader_style_set_colors (GlossReaderStyle *self,
                               const GdkRGBA    *foreground,
                               const GdkRGBA    *accent)
{
  GdkRGBA dim;

  g_return_if_fail (GLOSS_IS_READER_STYLE (self));
  g_return_if_fail (foreground != NULL);
  g_return_if_fail (accent != NULL);

  dim = *foreground;
  dim.alpha *= DIM_ALPHA;

  for (guint i = 0; i < N_STYLES; i++)
    {
      if (block_styles[i].dim)
        g_object_set (self->style_tags[i], "foreground-rgba", &dim, NULL);
    }

  g_object_set (self->footnote_ref_tag, "foreground-rgba", accent, NULL);
}

/* ------------------------------------------------------------------ */
/* The reader's settings                                              */
/*                                                                    */
/* Each setter changes the tags at once; the text view lays its lines */
/* out again when they change.  Whatever changes the size of the body */
/* text (fonts, size) changes the em: measure again with the view's   */
/* Pango context and queue a resize of the view, so that the margins  */
/* follow.  GlossReaderSettings does both.                            */
/* ------------------------------------------------------------------ */

/**
 * gloss_reader_style_set_fonts:
 * @self: a #GlossReaderStyle
 * @cjk_family: (nullable): the family for Chinese body text, or %NULL
 *   for the default (Noto Serif CJK SC)
 * @latin_family: (nullable): a family put before it for Latin letters,
 *   or %NULL to take the Latin letters of @cjk_family
 *
 * Sets the faces of the body text (paragraphs, footnotes, contents and
 * front matter); headings keep their sans-serif faces.
 */
void
gloss_reader_style_set_fonts (GlossReaderStyle *self,
                              const char       *cjk_family,
                              const char       *latin_family)
{
  g_autofree char *families = NULL;

  g_return_if_fail (GLOSS_IS_READER_STYLE (self));

  families = build_serif_families (cjk_family, latin_family);
  if (g_str_equal (families, self->serif_families))
    return;

  g_free (self->serif_families);
  self->serif_families = g_steal_pointer (&families);
  update_fonts (self);
}

/**
 * gloss_reader_style_get_serif_families:
 *
 * Returns: the family list of the body text, as Pango reads it
 */
const char *
gloss_reader_style_get_serif_families (GlossReaderStyle *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_STYLE (self), NULL);

  return self->serif_families;
}

/**
 * gloss_reader_style_set_text_size:
 * @self: a #GlossReaderStyle
 * @points: the size of the body text, in points
 *
 * Every other block keeps its size relative to the body text.
 */
void
gloss_reader_style_set_text_size (GlossReaderStyle *self,
                                  double            points)
{
  g_return_if_fail (GLOSS_IS_READER_STYLE (self));
  g_return_if_fail (points > 0);

  if (points == self->text_size)
    return;

  self->text_size = points;
  update_fonts (self);
  update_spacing (self);
}

/**
 * gloss_reader_style_set_line_height:
 * @self: a #GlossReaderStyle
 * @line_height: from one line of a paragraph to the next, as a
 *   multiple of the text size
 */
void
gloss_reader_style_set_line_height (GlossReaderStyle *self,
                                    double            line_height)
{
  g_return_if_fail (GLOSS_IS_READER_STYLE (self));
  g_return_if_fail (line_height >= 1.0);

  if (line_height == self->line_height)
    return;

  self->line_height = line_height;
  update_spacing (self);
}

/**
 * gloss_reader_style_set_paragraph_spacing:
 * @self: a #GlossReaderStyle
 * @ems: the space after a paragraph, in ems of the body text
 */
void
gloss_reader_style_set_paragraph_spacing (GlossReaderStyle *self,
                                          double            ems)
{
  g_return_if_fail (GLOSS_IS_READER_STYLE (self));
  g_return_if_fail (ems >= 0);

  if (ems == self->paragraph_spacing)
    return;

  self->paragraph_spacing = ems;
  update_spacing (self);
}

/**
 * gloss_reader_style_set_column_width:
 * @self: a #GlossReaderStyle
 * @characters: the widest the column grows, in CJK characters
 *
 * Takes effect at the next gloss_reader_style_set_width(), which then
 * reports a new margin.
 */
void
gloss_reader_style_set_column_width (GlossReaderStyle *self,
                                     int               characters)
{
  g_return_if_fail (GLOSS_IS_READER_STYLE (self));
  g_return_if_fail (characters > 0);

  if (characters == self->column_ems)
    return;

  self->column_ems = characters;
  self->width = -1;
  self->margin = -1;
}
