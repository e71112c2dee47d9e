/* gloss-cleaner.c: raw extracted text to clean blocks
 *
 * The texts Gloss reads were extracted from PDFs. Their lines are the
 * printed lines: a sentence runs over several of them, blank lines fall in
 * the middle of sentences where a page or a column ended, page numbers
 * stand on lines of their own, and footnotes sit between the two halves of
 * a paragraph that crossed a page. The cleaner works in passes:
 *
 *   1. split into lines and classify each one (blank, page number,
 *      footnote text, a line to drop, text);
 *   2. find page breaks and the printed number of every page;
 *   3. give text lines their kind (heading, table of contents, title …);
 *   4. join body lines into paragraphs, deciding at every line end whether
 *      the paragraph goes on, with the joining rules of the script on
 *      each side (no space between Han characters);
 *   5. emit blocks, one per line of the output text, footnotes last, and
 *      link each footnote marker to its footnote.
 *
 * Nothing is ever corrected: the words are the words of the source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-cleaner.h"

#include <string.h>

#include "gloss-content-private.h"
#include "gloss-text-util.h"

/* Paragraphs longer than this are split at a sentence end: GtkTextView
 * and Pango lay text out a paragraph at a time, and a paragraph of a
 * megabyte freezes the reading view for seconds. */
#define MAX_PARAGRAPH_CHARS 2000

typedef enum
{
  LINE_BLANK,
  LINE_TEXT,
  LINE_PAGE_NUMBER,
  LINE_FOOTNOTE,
  LINE_DROP,
} LineType;

typedef struct
{
  char           *text;         /* stripped; owned */
  LineType        type;
  GlossBlockKind  kind;         /* for LINE_TEXT */
  guint           level;
  guint           page;         /* index of the page the line is on */
  gint            number;       /* LINE_PAGE_NUMBER: its value */
  gunichar        marker;       /* LINE_FOOTNOTE: ① … */
  double          em;
  guint           feeds;        /* form feeds (page breaks) just before it */
  guint           starts_page : 1;    /* began with one space: see find_pages() */
  guint           blank_before : 1;
  guint           removed_before : 1; /* a footnote or page number came before it */
  guint           absorbed : 1;       /* folded into the line before */
} Line;

typedef struct
{
  GArray     *lines;           /* Line */
  double      width;           /* the typical full line, in ems */
  gboolean    wrapped;         /* lines were wrapped at a fixed width */
  gboolean    blanks_are_noise;
  GArray     *page_labels;     /* gint per page index, 0 unknown */

  /* output */
  GString    *text;
  guint       n_chars;
  GArray     *blocks;
  GArray     *refs;
  GArray     *page_starts;
  GArray     *marker_lines;    /* guint: line index of each ref's marker */
  GArray     *marker_chars;    /* gunichar: the marker of each ref */
  GHashTable *footnote_blocks; /* line index → block index + 1 */
} Cleaner;

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_free (line->text);
}

static Line *
line_at (Cleaner *self,
         guint    i)
{
  return &g_array_index (self->lines, Line, i);
}

static gunichar
first_char (const char *s)
{
  return *s ? g_utf8_get_char (s) : 0;
}

/* The last character that says how a line ends: trailing footnote
 * markers (^①) and closing quotes or brackets are looked through, so
 * that “…的环境。”^② ends a sentence. */
static gunichar
last_meaningful_char (const char *s)
{
  const char *end = s + strlen (s);
  gunichar closing = 0;

  while (end > s)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (gloss_unichar_is_circled_number (c) || c == '^' || gloss_unichar_is_space (c))
        {
          end = prev;
          continue;
        }
      if (gloss_unichar_is_closing (c) && closing == 0)
        {
          closing = c;
          end = prev;
          continue;
        }
      if (closing != 0 && !gloss_unichar_is_sentence_end (c))
        return closing;
      return c;
    }

  return closing;
}

static gboolean
ends_sentence (const char *s)
{
  return gloss_unichar_is_sentence_end (last_meaningful_char (s));
}

/* ------------------------------------------------------------------ */
/* Pass 1: lines                                                      */

static gboolean
is_page_number (const char *s,
                gint       *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  /* "４０１", "- 12 -", "— 3 —" */
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19))
        g_string_append_unichar (digits, c);
      else if (!(c == '-' || c == 0x2013 || c == 0x2014 || gloss_unichar_is_space (c)))
        return FALSE;
    }

  if (digits->len == 0 || g_utf8_strlen (digits->str, -1) > 4)
    return FALSE;

  *value = gloss_text_parse_number (digits->str);
  return *value > 0;
}

/* "^① text": the footnote texts of a page, set below its last line. */
static gboolean
is_footnote (const char *s,
             gunichar   *marker)
{
  if (s[0] != '^')
    return FALSE;

  *marker = g_utf8_get_char (s + 1);
  return gloss_unichar_is_circled_number (*marker);
}

/* A download site's advertisement appended to a trial copy is not part
 * of the work. */
static gboolean
is_advertisement (const char *s)
{
  return strstr (s, "试下载") != NULL ||
         (strstr (s, "下载") != NULL && strstr (s, "http") != NULL &&
          strstr (s, "请访问") != NULL);
}

static void
split_lines (Cleaner    *self,
             const char *text)
{
  g_auto(GStrv) raw = g_strsplit (text, "\n", -1);
  guint feeds = 0;

  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *r = raw[i];
      Line line = { 0 };
      gsize len;

      /* pdftotext and our PDF importer put a form feed between pages */
      while (*r == '\f')
        {
          feeds++;
          r++;
        }
      len = strlen (r);
      while (len > 0 && (r[len - 1] == '\r' || r[len - 1] == '\f'))
        r[--len] = '\0';

      line.starts_page = r[0] == ' ' && r[1] != ' ' && r[1] != '\0';
      line.text = gloss_text_strip (r);
      if (line.text[0] != '\0')
        {
          line.feeds = feeds;
          feeds = 0;
        }

      if (line.text[0] == '\0')
        line.type = LINE_BLANK;
      else if (is_page_number (line.text, &line.number))
        line.type = LINE_PAGE_NUMBER;
      else if (is_footnote (line.text, &line.marker))
        line.type = LINE_FOOTNOTE;
      else if (is_advertisement (line.text))
        line.type = LINE_DROP;
      else
        line.type = LINE_TEXT;

      line.em = gloss_text_em_width (line.text);
      g_array_append_val (self->lines, line);
    }
}

static gboolean
starts_with_url (const char *s)
{
  return g_str_has_prefix (s, "http") || g_str_has_prefix (s, "<http") ||
         g_str_has_prefix (s, "www.");
}

static guint
next_nonblank (Cleaner *self,
               guint    i)
{
  while (i < self->lines->len && line_at (self, i)->type == LINE_BLANK)
    i++;
  return i;
}

/* A footnote that ran over a line: "^③ …，中国政府网" / "http://…". */
static void
absorb_footnote_continuations (Cleaner *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *note = line_at (self, i);
      guint j, k;
      Line *next;

      if (note->type != LINE_FOOTNOTE || ends_sentence (note->text))
        continue;

      j = next_nonblank (self, i + 1);
      if (j >= self->lines->len)
        continue;
      next = line_at (self, j);
      if (next->type != LINE_TEXT)
        continue;

      k = next_nonblank (self, j + 1);
      if (starts_with_url (next->text) ||
          (k < self->lines->len && line_at (self, k)->type == LINE_FOOTNOTE))
        {
          char *joined = g_strconcat (note->text, next->text, NULL);

          g_free (note->text);
          note->text = joined;
          next->type = LINE_DROP;
          next->absorbed = TRUE;
          i = j;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Pass 2: layout statistics                                          */

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Was the text wrapped at a fixed measure (one printed line per line),
 * and are its blank lines paragraph breaks or page debris? */
static void
measure_layout (Cleaner *self)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  guint near = 0, gaps = 0, gaps_mid_sentence = 0;
  Line *prev = NULL;
  gboolean blank = FALSE;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = line_at (self, i);

      if (line->type == LINE_BLANK)
        {
          blank = TRUE;
          continue;
        }
      if (line->type != LINE_TEXT)
        continue;

      if (line->em >= 8)
        g_array_append_val (widths, line->em);
      /* only long lines say something about blank lines: a heading is
       * followed by a blank line without ending a sentence */
      if (prev != NULL && blank && prev->em >= 24)
        {
          gaps++;
          if (!ends_sentence (prev->text))
            gaps_mid_sentence++;
        }
      prev = line;
      blank = FALSE;
    }

  if (widths->len == 0)
    return;

  g_array_sort (widths, compare_double);
  self->width = g_array_index (widths, double, widths->len * 3 / 4);
  for (guint i = 0; i < widths->len; i++)
    if (ABS (g_array_index (widths, double, i) - self->width) <= 4)
      near++;

  self->wrapped = self->width <= 120 && near * 2 >= widths->len;
  self->blanks_are_noise = gaps > 0 && gaps_mid_sentence * 10 >= gaps * 3;
}

/* ------------------------------------------------------------------ */
/* Pass 3: kinds of lines                                             */

static gboolean
is_cn_numeral (gunichar c)
{
  return g_utf8_strchr ("一二三四五六七八九十百零〇", -1, c) != NULL;
}

static gboolean
skip_cn_numerals (const char **p)
{
  const char *start = *p;

  while (**p && is_cn_numeral (g_utf8_get_char (*p)))
    *p = g_utf8_next_char (*p);
  return *p != start;
}

static gboolean
skip_digits (const char **p)
{
  const char *start = *p;

  while (**p)
    {
      gunichar c = g_utf8_get_char (*p);

      if (!((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)))
        break;
      *p = g_utf8_next_char (*p);
    }
  return *p != start;
}

static void
skip_spaces (const char **p)
{
  while (**p && gloss_unichar_is_space (g_utf8_get_char (*p)))
    *p = g_utf8_next_char (*p);
}

static gboolean
skip_char (const char **p,
           const char  *choices)
{
  gunichar c = g_utf8_get_char (*p);

  if (**p == '\0' || g_utf8_strchr (choices, -1, c) == NULL)
    return FALSE;
  *p = g_utf8_next_char (*p);
  return TRUE;
}

static const char * const named_headings[] = {
  "摘要", "Abstract", "目录", "Contents", "参考文献", "References",
  "Bibliography", "致谢", "附录", "作者简介", "注释", NULL
};

/* s without any white space, for comparing headings with TOC entries */
static char *
squeeze (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!gloss_unichar_is_space (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_named_heading (const char *s)
{
  g_autofree char *squeezed = squeeze (s);

  for (guint i = 0; named_headings[i]; i++)
    if (g_ascii_strcasecmp (squeezed, named_headings[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The numbering of a heading decides its level:
 * 第2章 (1), 一、 (1), (一) (2), 2.2 (2), 2.2.1 (3). */
static guint
heading_level (const char *s)
{
  const char *p = s;
  guint dots = 0;

  if (skip_char (&p, "第"))
    {
      skip_spaces (&p);
      if ((skip_digits (&p) || skip_cn_numerals (&p)))
        {
          skip_spaces (&p);
          if (skip_char (&p, "章编部"))
            return 1;
          if (skip_char (&p, "节"))
            return 2;
        }
      return 0;
    }

  p = s;
  if (skip_cn_numerals (&p) && skip_char (&p, "、"))
    return 1;

  p = s;
  if (skip_char (&p, "(（") && skip_cn_numerals (&p) && skip_char (&p, ")）"))
    return 2;

  p = s;
  if (!skip_digits (&p))
    return 0;
  while (skip_char (&p, ".．") && skip_digits (&p))
    dots++;
  if (dots == 0 || dots > 2 || !gloss_unichar_is_space (first_char (p)))
    return 0;
  return dots + 1;
}

static gboolean
looks_like_heading (Line *line)
{
  return line->em <= 40 &&
         strstr (line->text, "。") == NULL &&
         !g_utf8_strchr ("，；：,;:", -1, last_meaningful_char (line->text));
}

/* "1.1 选题背景和意义\t1", "5.1\t健全…保障.....\t31": title, leaders, page. */
static gboolean
parse_toc_entry (const char *s,
                 char      **title,
                 gint       *page)
{
  const char *end = s + strlen (s);
  const char *num_start = end;
  const char *title_end;
  gboolean leaders = FALSE;

  while (num_start > s && g_ascii_isdigit (num_start[-1]))
    num_start--;
  if (num_start == end || end - num_start > 4)
    return FALSE;

  title_end = num_start;
  while (title_end > s)
    {
      const char *prev = g_utf8_prev_char (title_end);
      gunichar c = g_utf8_get_char (prev);

      if (c == '.' || c == 0x2026 || c == 0x00B7 || c == 0x22EF)
        leaders = TRUE;
      else if (c == '\t')
        leaders = TRUE;
      else if (!gloss_unichar_is_space (c))
        break;
      title_end = prev;
    }

  if (!leaders || title_end == s)
    return FALSE;

  {
    g_autofree char *raw = g_strndup (s, title_end - s);
    g_auto(GStrv) parts = g_strsplit_set (raw, "\t", -1);
    g_autofree char *spaced = g_strjoinv (" ", parts);

    *title = gloss_text_strip (spaced);
  }
  *page = atoi (num_start);
  return **title != '\0';
}

static gboolean
has_label_prefix (const char  *s,
                  const char **rest,
                  const char * const *labels)
{
  for (guint i = 0; labels[i]; i++)
    {
      const char *p = s;
      const char *l = labels[i];

      /* labels are matched with any white space inside: 摘　要 = 摘要 */
      while (*l && *p)
        {
          skip_spaces (&p);
          if (g_ascii_strncasecmp (p, l, g_utf8_next_char (l) - l) != 0)
            break;
          p += g_utf8_next_char (l) - l;
          l = g_utf8_next_char (l);
        }
      if (*l != '\0')
        continue;
      if (*p != '\0' && !gloss_unichar_is_space (first_char (p)) &&
          !g_utf8_strchr (":：", -1, first_char (p)))
        continue;
      skip_char (&p, ":：");
      skip_spaces (&p);
      *rest = p;
      return TRUE;
    }
  return FALSE;
}

static const char * const abstract_labels[] = { "摘要", "内容摘要", "提要", "Abstract", NULL };
static const char * const keyword_labels[] = { "关键词", "关键字", "Keywords", "Key words", NULL };
static const char * const meta_labels[] = { "DOI", "ＤＯＩ", "中图分类号", "文献标识码", "文章编号", NULL };

static gboolean
is_column_label (const char *s)
{
  gunichar first = first_char (s);
  gunichar last = last_meaningful_char (s);

  return (first == 0x00B7 || first == 0x30FB) && first == last && g_utf8_strlen (s, -1) > 2;
}

static gboolean
is_affiliation (const char *s)
{
  const char *p = s;

  return skip_digits (&p) && skip_char (&p, ".．、");
}

/* An abstract label followed by its text on the same line becomes two
 * lines: the heading and the start of the paragraph. */
static void
split_inline_abstract (Cleaner *self,
                       guint    i,
                       const char *rest)
{
  Line *line = line_at (self, i);
  Line body = *line;
  g_autofree char *label = g_strndup (line->text, rest - line->text);

  body.text = g_strdup (rest);
  body.kind = GLOSS_BLOCK_PARAGRAPH;
  body.level = 0;
  body.em = gloss_text_em_width (body.text);
  body.blank_before = FALSE;
  body.removed_before = FALSE;
  body.starts_page = FALSE;
  body.feeds = 0;

  g_free (line->text);
  line->text = gloss_text_strip (label);
  line->kind = GLOSS_BLOCK_HEADING;
  line->level = 1;
  g_array_insert_val (self->lines, i + 1, body);
}

static gboolean
previous_text_allows_heading (Cleaner *self,
                              guint    i)
{
  for (guint j = i; j-- > 0;)
    {
      Line *prev = line_at (self, j);

      if (prev->type != LINE_TEXT)
        continue;
      if (prev->kind != GLOSS_BLOCK_PARAGRAPH && prev->kind != GLOSS_BLOCK_KEYWORDS)
        return TRUE;
      return ends_sentence (prev->text) ||
             (line_at (self, i)->blank_before && !self->blanks_are_noise);
    }
  return TRUE;
}

static void
mark_blank_and_removed (Cleaner *self)
{
  gboolean blank = FALSE, removed = FALSE;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = line_at (self, i);

      switch (line->type)
        {
        case LINE_BLANK:
          blank = TRUE;
          break;
        case LINE_PAGE_NUMBER:
        case LINE_FOOTNOTE:
          removed = TRUE;
          break;
        case LINE_DROP:
          break;
        case LINE_TEXT:
          line->blank_before = blank;
          line->removed_before = removed;
          blank = removed = FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Lines before the first heading, abstract or full body line are the
 * front matter of an article: column label, title, authors, affiliations. */
static void
classify_front_matter (Cleaner *self,
                       guint    end)
{
  guint run = 0;
  gboolean in_run = FALSE;

  for (guint i = 0; i < end; i++)
    {
      Line *line = line_at (self, i);

      if (line->type != LINE_TEXT)
        {
          if (line->type == LINE_BLANK)
            in_run = FALSE;
          continue;
        }
      if (line->kind != GLOSS_BLOCK_PARAGRAPH)
        continue;

      if (is_column_label (line->text))
        line->kind = GLOSS_BLOCK_LABEL;
      else if (is_affiliation (line->text))
        line->kind = GLOSS_BLOCK_AFFILIATION;
      else
        {
          if (!in_run)
            run++;
          in_run = TRUE;
          line->kind = run == 1 ? GLOSS_BLOCK_TITLE :
                       run == 2 ? GLOSS_BLOCK_AUTHORS : GLOSS_BLOCK_META;
        }
    }
}

static void
classify_lines (Cleaner *self)
{
  gboolean in_toc = FALSE;
  guint front_end = G_MAXUINT;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = line_at (self, i);
      const char *rest = NULL;
      g_autofree char *toc_title = NULL;
      gint toc_page;
      guint level;

      if (line->type != LINE_TEXT || line->kind != GLOSS_BLOCK_PARAGRAPH || line->level)
        continue;

      if ((in_toc || strstr (line->text, "....") || strstr (line->text, "……")) &&
          parse_toc_entry (line->text, &toc_title, &toc_page))
        {
          /* the leaders were layout; keep the title and the page number */
          g_free (line->text);
          line->text = g_strdup_printf ("%s\t%d", toc_title, toc_page);
          line->kind = GLOSS_BLOCK_TOC_ENTRY;
          continue;
        }
      in_toc = FALSE;

      if (is_named_heading (line->text))
        {
          g_autofree char *squeezed = squeeze (line->text);

          line->kind = GLOSS_BLOCK_HEADING;
          line->level = 1;
          in_toc = g_str_equal (squeezed, "目录") || g_ascii_strcasecmp (squeezed, "Contents") == 0;
        }
      else if (has_label_prefix (line->text, &rest, abstract_labels) && *rest)
        split_inline_abstract (self, i, rest);
      else if (has_label_prefix (line->text, &rest, keyword_labels))
        line->kind = GLOSS_BLOCK_KEYWORDS;
      else if (has_label_prefix (line->text, &rest, meta_labels))
        line->kind = GLOSS_BLOCK_META;
      else if ((level = heading_level (line->text)) > 0 &&
               looks_like_heading (line) && previous_text_allows_heading (self, i))
        {
          line->kind = GLOSS_BLOCK_HEADING;
          line->level = level;
        }
      else if (front_end == G_MAXUINT && self->width > 0 &&
               line->em >= self->width * 0.6 && !is_affiliation (line->text))
        front_end = i;

      line = line_at (self, i);
      if (front_end == G_MAXUINT && line->kind != GLOSS_BLOCK_PARAGRAPH &&
          line->kind != GLOSS_BLOCK_META)
        front_end = i;
    }

  if (front_end != G_MAXUINT)
    classify_front_matter (self, front_end);
}

/* ------------------------------------------------------------------ */
/* Pass 2b: pages                                                     */

/* Where do pages begin, and what are their printed numbers?
 *
 * - A form feed is a page break we were told about (PDF import).
 * - A page number alone on a line closes its page: extractors emit a
 *   page's footer after its body.
 * - In some extractions the first line of every page begins with one
 *   space. That is trusted only when it is corroborated: the line right
 *   after a printed page number begins that way.
 * - In a text whose footnotes restart their numbering on every page, a
 *   run of footnotes closes a page, and a chapter begins a new one. The
 *   numbers of such pages come from the printed table of contents, when
 *   its entries agree with where the headings fell (see anchor_pages()).
 */
static void
find_pages (Cleaner *self)
{
  gboolean hints = FALSE, footnotes = FALSE, feeds = FALSE, pending = FALSE, content = FALSE;
  guint page = 0;
  gint zero = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = line_at (self, i);

      if (line->type == LINE_PAGE_NUMBER)
        {
          guint j = next_nonblank (self, i + 1);

          if (j < self->lines->len && line_at (self, j)->starts_page)
            hints = TRUE;
        }
      if (line->type == LINE_FOOTNOTE)
        footnotes = TRUE;
      if (line->feeds > 0)
        feeds = TRUE;
    }

  /* Page breaks we were told about make guessing unnecessary. */
  if (feeds)
    hints = footnotes = FALSE;

  g_array_append_val (self->page_labels, zero);

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = line_at (self, i);
      gboolean brk = FALSE;

      if (line->type == LINE_BLANK || line->type == LINE_DROP)
        {
          line->page = page;
          continue;
        }

      /* each form feed is one page, even an empty one */
      for (guint f = 0; f < line->feeds; f++)
        {
          page++;
          g_array_append_val (self->page_labels, zero);
          content = FALSE;
          pending = FALSE;
        }

      if (pending)
        brk = TRUE;
      else if (hints && line->starts_page)
        brk = TRUE;
      else if (footnotes && line->type == LINE_TEXT && line->removed_before &&
               i > 0 && line_at (self, i - 1)->type != LINE_TEXT)
        {
          /* text after a run of footnotes starts the next page */
          for (guint j = i; j-- > 0;)
            {
              LineType t = line_at (self, j)->type;

              if (t == LINE_FOOTNOTE)
                {
                  brk = TRUE;
                  break;
                }
              if (t == LINE_TEXT)
                break;
            }
        }
      else if (footnotes && line->type == LINE_TEXT && line->kind == GLOSS_BLOCK_HEADING &&
               line->level == 1 && heading_level (line->text) == 1)
        brk = TRUE;

      if (brk && content)
        {
          page++;
          g_array_append_val (self->page_labels, zero);
          content = FALSE;
        }
      pending = FALSE;
      line->page = page;

      if (line->type == LINE_PAGE_NUMBER)
        {
          g_array_index (self->page_labels, gint, page) = line->number;
          pending = TRUE;
        }
      else
        content = TRUE;
    }
}

/* Give every page a number from the nearest page whose number is known. */
static gboolean
propagate_page_labels (Cleaner *self)
{
  GArray *labels = self->page_labels;
  gint known = -1;

  for (guint i = 0; i < labels->len; i++)
    if (g_array_index (labels, gint, i) > 0)
      {
        known = i;
        break;
      }
  if (known < 0)
    return FALSE;

  for (guint i = 0; i < labels->len; i++)
    {
      if (g_array_index (labels, gint, i) > 0)
        known = i;
      else
        {
          gint label = g_array_index (labels, gint, known) + ((gint) i - known);

          g_array_index (labels, gint, i) = MAX (label, 0);
        }
    }
  return TRUE;
}

/* The printed table of contents says on which page each heading is; if
 * the headings fell on pages that agree with it (up to one constant
 * shift), that shift numbers every page from the first chapter on. */
static void
anchor_pages (Cleaner *self)
{
  g_autoptr(GHashTable) votes = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) headings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint best = 0, best_votes = 0, matched = 0;
  guint first_page = G_MAXUINT;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = line_at (self, i);

      if (line->type == LINE_TEXT && line->kind == GLOSS_BLOCK_HEADING)
        g_hash_table_insert (headings, squeeze (line->text), GUINT_TO_POINTER (line->page + 1));
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = line_at (self, i);
      g_autofree char *title = NULL;
      g_autofree char *key = NULL;
      gint page, shift, n;
      guint heading_page;

      if (line->type != LINE_TEXT || line->kind != GLOSS_BLOCK_TOC_ENTRY ||
          !parse_toc_entry (line->text, &title, &page))
        continue;
      key = squeeze (title);
      heading_page = GPOINTER_TO_UINT (g_hash_table_lookup (headings, key));
      if (heading_page == 0)
        continue;
      heading_page--;
      matched++;
      first_page = MIN (first_page, heading_page);
      shift = page - (gint) heading_page;
      n = GPOINTER_TO_INT (g_hash_table_lookup (votes, GINT_TO_POINTER (shift))) + 1;
      g_hash_table_insert (votes, GINT_TO_POINTER (shift), GINT_TO_POINTER (n));
      if (n > best_votes)
        {
          best_votes = n;
          best = shift;
        }
    }

  if (best_votes < 2 || best_votes * 2 < matched)
    return;

  for (guint i = first_page; i < self->page_labels->len; i++)
    g_array_index (self->page_labels, gint, i) = MAX ((gint) i + best, 0);
}

/* ------------------------------------------------------------------ */
/* Pass 4: paragraphs                                                 */

typedef struct
{
  GString *text;
  GArray  *pages;      /* PageMark: where in the paragraph a page begins */
  GArray  *markers;    /* MarkerMark */
  GlossBlockKind kind;
  guint    level;
  guint    n_chars;
  guint    first_line;
} Paragraph;

typedef struct { guint at; guint page; } PageMark;
typedef struct { guint at; guint line; gunichar marker; } MarkerMark;

static gboolean
continues_across_blank (Line *a,
                        Line *b)
{
  gunichar last = last_meaningful_char (a->text);
  gunichar first = first_char (b->text);

  if (a->em < 24)
    return FALSE;
  if (gloss_unichar_is_cjk (last))
    return gloss_unichar_is_cjk (first) || gloss_unichar_is_closing (first) ||
           g_utf8_strchr ("，、；：,", -1, first) != NULL;
  if (gloss_unichar_is_latin_letter (last) || last == ',')
    return g_unichar_islower (first);
  return FALSE;
}

/* Does the paragraph that ends with line a go on with line b? */
static gboolean
paragraph_continues (Cleaner *self,
                     Line    *a,
                     Line    *b)
{
  gboolean sentence_end = ends_sentence (a->text);

  if (b->starts_page && b->removed_before)
    {
      /* a page break: only the sentence decides */
    }
  else if (b->blank_before && !self->blanks_are_noise)
    return !sentence_end && continues_across_blank (a, b);

  if (!sentence_end)
    return TRUE;

  if (!self->wrapped)
    return FALSE;

  /* A wrapped paragraph ends on a short line, and the next one begins
   * with an indented, so also short, line. */
  return !(a->em <= self->width - 1.5 && b->em <= self->width - 1.5);
}

/* Append a line, adding the space that the line break stood for:
 * none between Han characters, a space between Latin words, an
 * ideographic space between full-width Latin words. */
static void
paragraph_append (Paragraph  *para,
                  Line       *line,
                  guint       line_index)
{
  const char *s = line->text;

  if (para->text->len > 0)
    {
      const char *end = para->text->str + para->text->len;
      gunichar last = g_utf8_get_char (g_utf8_prev_char (end));
      gunichar first = first_char (s);

      if (gloss_unichar_is_latin_letter (last) && gloss_unichar_is_latin_letter (first))
        {
          if (gloss_unichar_is_fullwidth_alnum (last) && gloss_unichar_is_fullwidth_alnum (first))
            g_string_append_unichar (para->text, 0x3000);
          else
            g_string_append_c (para->text, ' ');
          para->n_chars++;
        }
      else if ((last == ',' || last == ';' || last == '.' || last == ':') &&
               gloss_unichar_is_latin_letter (first))
        {
          g_string_append_c (para->text, ' ');
          para->n_chars++;
        }
    }

  if (para->pages->len == 0 ||
      g_array_index (para->pages, PageMark, para->pages->len - 1).page != line->page)
    {
      PageMark mark = { para->n_chars, line->page };

      g_array_append_val (para->pages, mark);
    }

  /* copy, dropping the caret of footnote markers and noting where they are */
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '^' && gloss_unichar_is_circled_number (g_utf8_get_char (p + 1)))
        {
          MarkerMark mark = { para->n_chars, line_index, g_utf8_get_char (p + 1) };

          g_array_append_val (para->markers, mark);
          continue;
        }
      g_string_append_unichar (para->text, c);
      para->n_chars++;
    }
}

static void
emit_block (Cleaner        *self,
            GlossBlockKind  kind,
            guint           level,
            const char     *text,
            guint           n_chars,
            guint           page_index)
{
  GlossBlock block = { kind, level, self->n_chars, self->n_chars + n_chars, 0 };
  gint label = g_array_index (self->page_labels, gint, page_index);
  GlossPageStart *last = NULL;

  if (self->blocks->len > 0)
    {
      g_string_append_c (self->text, '\n');
      block.start++;
      block.end++;
      self->n_chars++;
    }

  block.page = label;
  g_string_append (self->text, text);
  self->n_chars += n_chars;
  g_array_append_val (self->blocks, block);

  if (self->page_starts->len > 0)
    last = &g_array_index (self->page_starts, GlossPageStart, self->page_starts->len - 1);
  if (last == NULL || last->page != label)
    {
      GlossPageStart start = { block.start, label };

      g_array_append_val (self->page_starts, start);
    }
}

static void
note_page_start (Cleaner *self,
                 guint    offset,
                 guint    page_index)
{
  gint label = g_array_index (self->page_labels, gint, page_index);
  GlossPageStart *last = &g_array_index (self->page_starts, GlossPageStart,
                                         self->page_starts->len - 1);

  if (last->page != label)
    {
      GlossPageStart start = { offset, label };

      g_array_append_val (self->page_starts, start);
    }
}

/* Where to cut an overlong paragraph: after the last sentence end that
 * leaves at most `limit` characters, else at the limit. */
static const char *
find_cut (const char *s,
          guint       limit,
          guint      *n_chars)
{
  const char *p = s, *cut = NULL;
  guint n = 0, cut_n = 0;

  while (*p && n < limit)
    {
      gunichar c = g_utf8_get_char (p);

      p = g_utf8_next_char (p);
      n++;
      if ((c == 0x3002 || c == 0xFF01 || c == 0xFF1F) ||
          (c == '.' && *p == ' '))
        {
          cut = p;
          cut_n = n;
        }
    }

  if (*p == '\0')
    {
      *n_chars = n;
      return p;
    }
  if (cut == NULL || cut_n < limit / 4)
    {
      cut = p;
      cut_n = n;
    }
  *n_chars = cut_n;
  return cut;
}

static void
flush_paragraph (Cleaner   *self,
                 Paragraph *para)
{
  const char *s = para->text->str;
  guint consumed = 0, next_page = 0, next_marker = 0;

  if (para->text->len == 0)
    return;

  while (*s)
    {
      guint n = 0;
      const char *cut = para->kind == GLOSS_BLOCK_PARAGRAPH ?
        find_cut (s, MAX_PARAGRAPH_CHARS, &n) : s + strlen (s);
      g_autofree char *piece = g_strndup (s, cut - s);
      guint block_start;

      if (para->kind != GLOSS_BLOCK_PARAGRAPH)
        n = g_utf8_strlen (s, -1);

      while (next_page + 1 < para->pages->len &&
             g_array_index (para->pages, PageMark, next_page + 1).at <= consumed)
        next_page++;
      emit_block (self, para->kind, para->level, piece, n,
                  g_array_index (para->pages, PageMark, next_page).page);
      block_start = g_array_index (self->blocks, GlossBlock, self->blocks->len - 1).start;

      for (guint i = next_page + 1; i < para->pages->len; i++)
        {
          PageMark *mark = &g_array_index (para->pages, PageMark, i);

          if (mark->at >= consumed + n)
            break;
          note_page_start (self, block_start + (mark->at - consumed), mark->page);
          next_page = i;
        }

      for (; next_marker < para->markers->len; next_marker++)
        {
          MarkerMark *mark = &g_array_index (para->markers, MarkerMark, next_marker);
          GlossFootnoteRef ref;

          if (mark->at >= consumed + n)
            break;
          ref.start = block_start + (mark->at - consumed);
          ref.end = ref.start + 1;
          ref.footnote = G_MAXUINT;
          g_array_append_val (self->refs, ref);
          g_array_append_val (self->marker_lines, mark->line);
          g_array_append_val (self->marker_chars, mark->marker);
        }

      consumed += n;
      s = cut;
    }

  g_string_truncate (para->text, 0);
  g_array_set_size (para->pages, 0);
  g_array_set_size (para->markers, 0);
  para->n_chars = 0;
}

/* Kinds that take in the lines that follow them until the sentence ends. */
static gboolean
kind_absorbs (GlossBlockKind kind)
{
  return kind == GLOSS_BLOCK_PARAGRAPH || kind == GLOSS_BLOCK_KEYWORDS ||
         kind == GLOSS_BLOCK_TITLE || kind == GLOSS_BLOCK_AUTHORS;
}

static void
build_paragraphs (Cleaner *self)
{
  Paragraph para = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (PageMark)),
                     g_array_new (FALSE, FALSE, sizeof (MarkerMark)), 0, 0, 0, 0 };
  Line *prev = NULL;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = line_at (self, i);
      gboolean join;

      if (line->type != LINE_TEXT)
        continue;

      if (prev == NULL)
        join = FALSE;
      else if (line->kind == GLOSS_BLOCK_TITLE && para.kind == GLOSS_BLOCK_TITLE)
        join = !line->blank_before;
      else if (line->kind == GLOSS_BLOCK_PARAGRAPH && kind_absorbs (para.kind) &&
               para.kind != GLOSS_BLOCK_TITLE && para.kind != GLOSS_BLOCK_AUTHORS)
        join = paragraph_continues (self, prev, line);
      else
        join = FALSE;

      if (!join)
        {
          flush_paragraph (self, &para);
          para.kind = line->kind;
          para.level = line->level;
          para.first_line = i;
        }
      paragraph_append (&para, line, i);
      prev = line;
    }

  flush_paragraph (self, &para);
  g_string_free (para.text, TRUE);
  g_array_unref (para.pages);
  g_array_unref (para.markers);
}

static void
build_footnotes (Cleaner *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = line_at (self, i);
      g_autofree char *text = NULL;

      if (line->type != LINE_FOOTNOTE)
        continue;

      text = g_strdup (line->text + 1);   /* without the caret */
      emit_block (self, GLOSS_BLOCK_FOOTNOTE, 0, text, g_utf8_strlen (text, -1), line->page);
      g_hash_table_insert (self->footnote_blocks, GUINT_TO_POINTER (i),
                           GUINT_TO_POINTER (self->blocks->len));
    }
}

/* Footnote numbering restarts on every page, so a marker belongs to the
 * next footnote with the same number after it, not the first in the file. */
static void
link_footnotes (Cleaner *self)
{
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (GlossFootnoteRef));

  for (guint r = 0; r < self->refs->len; r++)
    {
      GlossFootnoteRef ref = g_array_index (self->refs, GlossFootnoteRef, r);
      guint from = g_array_index (self->marker_lines, guint, r);
      gunichar marker = g_array_index (self->marker_chars, gunichar, r);

      for (guint i = from + 1; i < self->lines->len; i++)
        {
          Line *line = line_at (self, i);

          if (line->type == LINE_FOOTNOTE && line->marker == marker)
            {
              ref.footnote = GPOINTER_TO_UINT (g_hash_table_lookup (self->footnote_blocks,
                                                                    GUINT_TO_POINTER (i))) - 1;
              g_array_append_val (kept, ref);
              break;
            }
        }
    }

  g_array_unref (self->refs);
  self->refs = kept;
}

static void
cleaner_init (Cleaner *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (self->lines, line_clear);
  self->page_labels = g_array_new (FALSE, TRUE, sizeof (gint));
  self->text = g_string_new (NULL);
  self->blocks = g_array_new (FALSE, FALSE, sizeof (GlossBlock));
  self->refs = g_array_new (FALSE, FALSE, sizeof (GlossFootnoteRef));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (GlossPageStart));
  self->marker_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->marker_chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  self->footnote_blocks = g_hash_table_new (NULL, NULL);
}

static GlossContent *
cleaner_finish (Cleaner *self)
{
  GlossContent *content;

  /* The page starts were collected block by block; a footnote at the end
   * sits on an earlier page, so keep them ordered by offset only. */
  content = _gloss_content_new (g_string_free (self->text, FALSE),
                                self->blocks, self->refs, self->page_starts);

  g_array_unref (self->lines);
  g_array_unref (self->page_labels);
  g_array_unref (self->marker_lines);
  g_array_unref (self->marker_chars);
  g_hash_table_unref (self->footnote_blocks);
  return content;
}

GlossContent *
gloss_clean_plain_text (const char *text,
                        const gint *page_labels,
                        guint       n_page_labels)
{
  Cleaner self = { 0 };

  g_return_val_if_fail (text != NULL, NULL);

  cleaner_init (&self);
  split_lines (&self, text);
  absorb_footnote_continuations (&self);
  mark_blank_and_removed (&self);
  measure_layout (&self);
  classify_lines (&self);
  find_pages (&self);

  if (page_labels != NULL)
    for (guint i = 0; i < MIN (n_page_labels, self.page_labels->len); i++)
      if (page_labels[i] > 0)
        g_array_index (self.page_labels, gint, i) = page_labels[i];

  if (!propagate_page_labels (&self))
    anchor_pages (&self);

  build_paragraphs (&self);
  build_footnotes (&self);
  link_footnotes (&self);

  return cleaner_finish (&self);
}

/* Markdown: ATX headings, blank-line paragraphs, soft line breaks joined
 * with the same rules as plain text. Inline markup is kept as written. */
GlossContent *
gloss_clean_markdown (const char *text)
{
  Cleaner self = { 0 };
  g_auto(GStrv) raw = NULL;
  gint zero = 0;
  Paragraph para;
  Line *prev = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  cleaner_init (&self);
  g_array_append_val (self.page_labels, zero);
  raw = g_strsplit (text, "\n", -1);
  for (guint i = 0; raw[i]; i++)
    {
      Line line = { 0 };
      const char *s = raw[i];
      guint hashes = 0;

      while (s[hashes] == '#')
        hashes++;
      if (hashes > 0 && hashes <= 6 && (s[hashes] == ' ' || s[hashes] == '\0'))
        {
          line.kind = GLOSS_BLOCK_HEADING;
          line.level = MIN (hashes, 3);
          s += hashes;
        }
      line.text = gloss_text_strip (s);
      line.type = line.text[0] ? LINE_TEXT : LINE_BLANK;
      g_array_append_val (self.lines, line);
    }

  para = (Paragraph) { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (PageMark)),
                       g_array_new (FALSE, FALSE, sizeof (MarkerMark)), 0, 0, 0, 0 };
  for (guint i = 0; i < self.lines->len; i++)
    {
      Line *line = line_at (&self, i);

      if (line->type == LINE_BLANK)
        {
          prev = NULL;
          continue;
        }
      if (prev == NULL || line->kind != GLOSS_BLOCK_PARAGRAPH || para.kind != GLOSS_BLOCK_PARAGRAPH)
        {
          flush_paragraph (&self, &para);
          para.kind = line->kind;
          para.level = line->level;
        }
      paragraph_append (&para, line, i);
      prev = line->kind == GLOSS_BLOCK_HEADING ? NULL : line;
    }
  flush_paragraph (&self, &para);
  g_string_free (para.text, TRUE);
  g_array_unref (para.pages);
  g_array_unref (para.markers);

  return cleaner_finish (&self);
}
