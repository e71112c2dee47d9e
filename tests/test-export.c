/* test-export.c: notes and handouts as PDF, Markdown and HTML, read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdarg.h>
#include <sys/wait.h>
#include <poppler.h>
#include <string.h>

#include "gloss-export.h"
#include "gloss-export-layout.h"
#include "test-util.h"

/* poppler-glib 22 declares no autoptr cleanups: aliases that do */
typedef PopplerDocument TestPdf;
typedef PopplerPage TestPage;
typedef PopplerFontInfo TestFonts;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestFonts, g_object_unref)

typedef struct
{
  char             *dir;
  char             *out_dir;
  GlossLibrary     *library;
  GlossAnnotations *notes;
  GPtrArray        *quotes;   /* the quotes added, in document order */
  GPtrArray        *texts;
} Fixture;

/* Passages of the two bundled documents, by offset, in reading order. */
static const struct
{
  const char *doc;
  guint       start;
  guint       end;
  const char *color;
  const char *text;
  const char *tags[3];
} known_notes[] = {
  { "000", 400, 470, "yellow", "规范的**起点**：见 [UNODA](https://www.un.org/disarmament/)。", { "课堂", "gge" } },
  { "000", 2600, 2690, "blue", "*Open-ended* working group", { "oewg" } },
  { "000", 6000, 6050, "red", "争议之处", { "课堂" } },
  { "002", 3000, 3120, "green", "中俄合作的法律基础", { "中俄" } },
  { "002", 9000, 9060, "purple", "", { NULL } },
};

static void
add_note (Fixture    *f,
          const char *doc_id,
          guint       start,
          guint       end,
          const char *color,
          const char *text,
          const char * const *tags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = gloss_library_lookup (f->library, doc_id, &error);
  g_autoptr(GlossContent) content = gloss_library_load_content (f->library, doc, &error);
  GlossNote *note;

  g_assert_no_error (error);
  note = gloss_annotations_add (f->notes, doc, content, start, end, color,
                                GLOSS_HIGHLIGHT_BACKGROUND, text, tags, &error);
  g_assert_no_error (error);
  g_ptr_array_add (f->quotes, g_strdup (gloss_note_get_quote (note)));
  g_ptr_array_add (f->texts, g_strdup (text));
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  f->library = test_open_library (&f->dir);
  f->out_dir = test_make_tmpdir ();
  f->notes = gloss_library_get_annotations (f->library);
  f->quotes = g_ptr_array_new_with_free_func (g_free);
  f->texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (known_notes); i++)
    add_note (f, known_notes[i].doc, known_notes[i].start, known_notes[i].end, known_notes[i].color,
              known_notes[i].text, known_notes[i].tags);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_ptr_array_unref (f->quotes);
  g_ptr_array_unref (f->texts);
  g_assert_finalize_object (f->library);
  test_rm_rf (f->dir);
  test_rm_rf (f->out_dir);
  g_free (f->dir);
  g_free (f->out_dir);
}

/* ------------------------------------------------------------------ */

/* Text without any white space: line breaks fall anywhere in a PDF. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return pdf;
}

static char *
pdf_text (PopplerDocument *pdf)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (all, text);
    }
  return g_string_free (all, FALSE);
}

/* Each needle is found after the one before it. */
static void
assert_in_order (const char *haystack,
                 GPtrArray  *needles,
                 gboolean    squeezed)
{
  g_autofree char *hay = squeezed ? squeeze (haystack) : g_strdup (haystack);
  const char *from = hay;

  for (guint i = 0; i < needles->len; i++)
    {
      const char *needle = g_ptr_array_index (needles, i);
      g_autofree char *want = squeezed ? squeeze (needle) : g_strdup (needle);
      const char *found;

      if (*want == '\0')
        continue;
      found = strstr (from, want);
      if (found == NULL)
        g_error ("“%s” is not in the export after position %ld", want, (long) (from - hay));
      from = found + strlen (want);
    }
}

static char *
export_to (Fixture                  *f,
           GlossExportOptions       *options,
           GlossKnowledgeBase       *knowledge,
           const char               *name,
           guint                    *n)
{
  g_autofree char *path = g_build_filename (f->out_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_export_write (f->library, knowledge, options, file, NULL, NULL, NULL, n, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return g_steal_pointer (&path);
}

/* Every file in the output directory, to see that nothing is left over. */
static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
assert_fonts_embedded (PopplerDocument *pdf)
{
  g_autoptr(TestFonts) info = poppler_font_info_new (pdf);
  PopplerFontsIter *iter = NULL;
  gboolean serif = FALSE, sans = FALSE;
  guint n = 0;

  while (poppler_font_info_scan (info, 1000, &iter))
    {
      do
        {
          const char *name = poppler_fonts_iter_get_name (iter);

          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          g_assert_true (poppler_fonts_iter_is_subset (iter));
          serif = serif || strstr (name, "NotoSerifCJK") != NULL;
          sans = sans || strstr (name, "NotoSansCJK") != NULL;
          n++;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  g_assert_cmpuint (n, >, 0);
  g_assert_true (serif);
  g_assert_true (sans);
}

static void
collect_outline (PopplerIndexIter *iter,
                 GPtrArray        *titles)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);

      g_ptr_array_add (titles, g_strdup (action->any.title));
      poppler_action_free (action);
      if (child != NULL)
        {
          collect_outline (child, titles);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

static guint
count_internal_links (PopplerDocument *pdf,
                      int              page_index)
{
  g_autoptr(TestPage) page = poppler_document_get_page (pdf, page_index);
  GList *links = poppler_page_get_link_mapping (page);
  guint n = 0;

  for (GList *l = links; l; l = l->next)
    {
      PopplerLinkMapping *mapping = l->data;

      if (mapping->action->type == POPPLER_ACTION_GOTO_DEST)
        n++;
    }
  poppler_page_free_link_mapping (links);
  return n;
}

/* A web link of a PDF: where it is and where it goes. */
typedef struct
{
  int              page;
  char            *uri;
  PopplerRectangle area;   /* PDF points, from the foot of the page */
} TestLink;

static void
test_link_free (TestLink *link)
{
  g_free (link->uri);
  g_free (link);
}

static GPtrArray *
collect_web_links (PopplerDocument *pdf)
{
  GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify) test_link_free);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf, i);
      GList *mappings = poppler_page_get_link_mapping (page);

      for (GList *l = mappings; l; l = l->next)
        {
          PopplerLinkMapping *mapping = l->data;
          TestLink *link;

          if (mapping->action->type != POPPLER_ACTION_URI)
            continue;
          link = g_new0 (TestLink, 1);
          link->page = i;
          link->uri = g_strdup (mapping->action->uri.uri);
          link->area = mapping->area;
          g_ptr_array_add (links, link);
        }
      poppler_page_free_link_mapping (mappings);
    }
  return links;
}

static guint
count_links_to (GPtrArray  *links,
                const char *uri)
{
  guint n = 0;

  for (guint i = 0; i < links->len; i++)
    if (g_strcmp0 (((TestLink *) links->pdata[i])->uri, uri) == 0)
      n++;
  return n;
}

/* Whether a link covers (most of the height of) some of @text's box:
 * cairo rounds a link's area out to whole points, so it may reach a
 * point into the lines above and below. */
static gboolean
covers (const PopplerRectangle *link,
        const PopplerRectangle *text)
{
  return MIN (link->x2, text->x2) > MAX (link->x1, text->x1) &&
         MIN (link->y2, text->y2) - MAX (link->y1, text->y1) > (text->y2 - text->y1) / 2;
}

/* The first link to @uri over where @text is printed, after @from. */
static int
find_link_over (PopplerDocument *pdf,
                GPtrArray       *links,
                const char      *uri,
                const char      *text,
                int              from)
{
  for (guint i = from + 1; i < links->len; i++)
    {
      TestLink *link = links->pdata[i];
      g_autoptr(TestPage) page = NULL;
      gboolean over = FALSE;
      GList *matches;

      if (g_strcmp0 (link->uri, uri) != 0)
        continue;
      page = poppler_document_get_page (pdf, link->page);
      /* find_text measures from the foot of the page, as links do */
      matches = poppler_page_find_text (page, text);
      for (GList *m = matches; m && !over; m = m->next)
        over = covers (&link->area, m->data);
      g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
      if (over)
        return i;
    }
  return -1;
}

/* How many links to @uri lie over where @text is printed. */
static guint
count_links_over (PopplerDocument *pdf,
                  GPtrArray       *links,
                  const char      *uri,
                  const char      *text)
{
  guint n = 0;

  for (int i = -1; (i = find_link_over (pdf, links, uri, text, i)) >= 0;)
    n++;
  return n;
}

/* Every character is printed inside the right margin (62 pt). */
static void
assert_text_inside_pages (PopplerDocument *pdf)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf, i);
      g_autofree PopplerRectangle *boxes = NULL;
      g_autofree char *text = poppler_page_get_text (page);
      guint n_boxes = 0;
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
      for (guint b = 0; b < n_boxes; b++)
        {
          if (boxes[b].x2 > width - 62 + 1 || boxes[b].x1 < 0)
            g_error ("page %d: text at %.1f–%.1f of %.1f pt: %s", i + 1, boxes[b].x1,
                     boxes[b].x2, width, text);
        }
    }
}

/* ------------------------------------------------------------------ */

static void
test_pdf_notes (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GlossExportOptions) options = gloss_export_options_new ();
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossExportLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  PopplerIndexIter *index;
  double width, height;
  guint n = 0;

  options->title = g_strdup ("课堂笔记 Export");
  path = export_to (f, options, NULL, "notes.pdf", &n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (known_notes));

  pdf = open_pdf (path);
  text = pdf_text (pdf);
  assert_in_order (text, f->quotes, TRUE);
  {
    /* the notes' text, with the Markdown rendered (no ** or []()) */
    g_autoptr(GPtrArray) rendered = g_ptr_array_new ();

    /* a link is its label and its address, printed without the scheme */
    g_ptr_array_add (rendered, "规范的起点：见UNODA(www.un.org/disarmament/)。");
    g_ptr_array_add (rendered, "Open-endedworkinggroup");
    g_ptr_array_add (rendered, "争议之处");
    g_ptr_array_add (rendered, "中俄合作的法律基础");
    assert_in_order (text, rendered, TRUE);
  }
  g_assert_null (strstr (text, "**"));
  g_assert_nonnull (strstr (text, "p. 40"));      /* the citation's page */
  g_assert_nonnull (strstr (text, "鲁传颖、杨乐"));  /* and its authors */

  /* the same pages as the layout the print dialog would use */
  gloss_paper_get_size (GLOSS_PAPER_A4, &width, &height);
  layout = gloss_export_layout_new (options, f->library, NULL, width, height, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, gloss_export_layout_get_n_pages (layout));
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 2);   /* title page, then notes */
  {
    g_autofree char *footer = g_strdup_printf ("1/%d", poppler_document_get_n_pages (pdf));
    g_autofree char *squeezed = squeeze (text);

    g_assert_nonnull (strstr (squeezed, footer));
  }

  assert_fonts_embedded (pdf);

  title = poppler_document_get_title (pdf);
  g_assert_cmpstr (title, ==, "课堂笔记 Export");

  index = poppler_index_iter_new (pdf);
  g_assert_nonnull (index);
  collect_outline (index, titles);
  poppler_index_iter_free (index);
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "论联合国信息安全政府专家组在网络空间规范制定进程中的运作机制",
                                                   g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "中俄网络安全合作研究（节选）", g_str_equal, NULL));

  /* the contents link to the headings */
  g_assert_cmpuint (count_internal_links (pdf, 0), >=, 2);

  /* and the note's link goes where it says, from its label and address */
  {
    g_autoptr(GPtrArray) links = collect_web_links (pdf);

    g_assert_cmpuint (links->len, ==, 1);
    g_assert_cmpuint (count_links_over (pdf, links, "https://www.un.org/disarmament/", "UNODA"), ==, 1);
    g_assert_cmpuint (count_links_over (pdf, links, "https://www.un.org/disarmament/", "www.un.org"), ==, 1);
  }
}

static void
test_pdf_links (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GlossExportOptions) options = gloss_export_options_new ();
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *tags[] = { "links", NULL };
  /* a label long enough to wrap, after text that takes most of a line;
   * an address with a quote (cairo's attribute syntax) and Chinese (a
   * PDF's addresses are ASCII) */
  const char *note =
    "这一段文字先占去第一行的大部分篇幅，以便下面的链接标签跨行显示：见"
    "[ALPHA联合国裁军事务厅关于信息安全政府专家组历次报告与开放式工作组会议文件汇编OMEGA]"
    "(https://example.org/it's/网络安全?a=1&b=2)。"
    "原文见 [https://zh.wikisource.org/wiki/%E4%B8%AD%E5%8D%8E%E4%BA%BA%E6%B0%91%E5%85%B1%E5%92%8C%E5%9B%BD%E6%94%BF%E5%BA%9C%E5%92%8C%E4%BF%84%E7%BD%97%E6%96%AF](https://zh.wikisource.org/wiki/%E4%B8%AD%E5%8D%8E%E4%BA%BA%E6%B0%91%E5%85%B1%E5%92%8C%E5%9B%BD%E6%94%BF%E5%BA%9C%E5%92%8C%E4%BF%84%E7%BD%97%E6%96%AF)。"
    "又见https://undocs.org/A/76/135。";
  const char *wrapped = "https://example.org/it's/%E7%BD%91%E7%BB%9C%E5%AE%89%E5%85%A8?a=1&b=2";
  const char *wikisource = "https://zh.wikisource.org/wiki/%E4%B8%AD%E5%8D%8E%E4%BA%BA%E6%B0%91%E5%85%B1"
                           "%E5%92%8C%E5%9B%BD%E6%94%BF%E5%BA%9C%E5%92%8C%E4%BF%84%E7%BD%97%E6%96%AF";

  add_note (f, "000", 1000, 1040, "orange", note, tags);
  options->tags = g_strdupv ((GStrv) tags);
  path = export_to (f, options, NULL, "links.pdf", NULL);
  pdf = open_pdf (path);
  links = collect_web_links (pdf);
  text = pdf_text (pdf);

  /* the label wraps: one link on each of its lines, one over its start
   * and another over its end; and one over the address */
  g_assert_cmpuint (count_links_to (links, wrapped), >=, 2);
  g_assert_cmpuint (count_links_over (pdf, links, wrapped, "ALPHA"), ==, 1);
  g_assert_cmpuint (count_links_over (pdf, links, wrapped, "OMEGA"), ==, 1);
  g_assert_cmpint (find_link_over (pdf, links, wrapped, "ALPHA", -1), !=,
                   find_link_over (pdf, links, wrapped, "OMEGA", -1));
  g_assert_cmpuint (count_links_over (pdf, links, wrapped, "example.org"), ==, 1);
  /* and none over the text before and after it */
  g_assert_cmpuint (count_links_over (pdf, links, wrapped, "这一段文字"), ==, 0);
  g_assert_cmpuint (count_links_over (pdf, links, wrapped, "原文见"), ==, 0);

  /* a long address that is its own label is printed once, short and
   * readable; the link keeps all of it */
  g_assert_cmpuint (count_links_to (links, wikisource), ==, 1);
  g_assert_cmpuint (count_links_over (pdf, links, wikisource, "zh.wikisource.org"), ==, 1);
  g_assert_nonnull (strstr (text, "zh.wikisource.org/wiki/中华人民共和国"));
  g_assert_null (strstr (text, "%E4"));
  g_assert_null (strstr (text, "https://zh.wikisource.org"));

  /* a bare address in the note is a link too, without the 。 after it */
  g_assert_cmpuint (count_links_to (links, "https://undocs.org/A/76/135"), ==, 1);
  g_assert_cmpuint (count_links_over (pdf, links, "https://undocs.org/A/76/135", "undocs.org"), ==, 1);
  assert_text_inside_pages (pdf);
}

static void
test_text_formats (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GlossExportOptions) options = gloss_export_options_new ();
  g_autofree char *md_path = NULL;
  g_autofree char *html_path = NULL;
  g_autofree char *md = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  options->format = GLOSS_EXPORT_FORMAT_MARKDOWN;
  md_path = export_to (f, options, NULL, "notes.md", NULL);
  options->format = GLOSS_EXPORT_FORMAT_HTML;
  html_path = export_to (f, options, NULL, "notes.html", NULL);
  g_assert_true (g_file_get_contents (md_path, &md, NULL, NULL));
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));

  {
    /* a quote of several lines is a block quote of several lines */
    g_auto(GStrv) lines = g_strsplit (md, "\n> ", -1);
    g_autofree char *unquoted = g_strjoinv ("\n", lines);

    assert_in_order (unquoted, f->quotes, TRUE);
  }
  assert_in_order (html, f->quotes, TRUE);

  /* Markdown keeps the note's own Markdown; HTML renders it */
  g_ptr_array_add (texts, "规范的**起点**");
  g_ptr_array_add (texts, "*Open-ended* working group");
  assert_in_order (md, texts, FALSE);
  g_assert_nonnull (strstr (html, "规范的<b>起点</b>"));
  g_assert_nonnull (strstr (html, "<a href=\"https://www.un.org/disarmament/\">UNODA</a>"));
  g_assert_nonnull (strstr (html, "<i>Open-ended</i> working group"));

  g_assert_nonnull (strstr (html, "<html lang=\"zh-Hans\">"));
  g_assert_nonnull (strstr (html, "@media print"));
  g_assert_nonnull (strstr (html, "background:#fff08c"));   /* the yellow mark */
  g_assert_null (strstr (html, "<link"));                   /* self-contained */
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (md, "p. 40"));
  g_assert_nonnull (strstr (html, "p. 40"));
}

static void
test_filters (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GlossExportOptions) options = gloss_export_options_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *md = NULL;
  g_autofree char *quoted = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *path = NULL;
  const char *tags[] = { "课堂", NULL };
  const char *colors[] = { "red", "green", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint n = 0;

  options->format = GLOSS_EXPORT_FORMAT_MARKDOWN;
  options->tags = g_strdupv ((GStrv) tags);
  g_free (export_to (f, options, NULL, "tag.md", &n));
  g_assert_cmpuint (n, ==, 2);

  g_clear_pointer (&options->tags, g_strfreev);
  options->colors = g_strdupv ((GStrv) colors);
  g_free (export_to (f, options, NULL, "color.md", &n));
  g_assert_cmpuint (n, ==, 2);

  g_clear_pointer (&options->colors, g_strfreev);
  options->doc_id = g_strdup ("002");
  g_free (export_to (f, options, NULL, "doc.md", &n));
  g_assert_cmpuint (n, ==, 2);

  g_clear_pointer (&options->doc_id, g_free);
  g_assert_true (gloss_export_options_set_date_range (options, today, today, &error));
  g_assert_no_error (error);
  g_free (export_to (f, options, NULL, "today.md", &n));
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (known_notes));
  g_assert_false (gloss_export_options_set_date_range (options, "2020-05-01", "2020-04-01", &error));
  g_assert_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_INVALID);
  g_clear_error (&error);

  /* by tag: a note with two tags is under both, untagged ones last */
  options->created_from = options->created_to = 0;
  options->order = GLOSS_EXPORT_ORDER_TAG;
  path = export_to (f, options, NULL, "bytag.md", &n);
  g_assert_true (g_file_get_contents (path, &quoted, NULL, NULL));
  lines = g_strsplit (quoted, "\n> ", -1);
  md = g_strjoinv ("\n", lines);
  {
    g_autoptr(GPtrArray) order = g_ptr_array_new ();

    g_ptr_array_add (order, "## \\#gge");
    g_ptr_array_add (order, f->quotes->pdata[0]);
    g_ptr_array_add (order, "## \\#oewg");
    g_ptr_array_add (order, "## \\#中俄");
    g_ptr_array_add (order, "## \\#课堂");
    g_ptr_array_add (order, f->quotes->pdata[0]);
    g_ptr_array_add (order, f->quotes->pdata[2]);
    g_ptr_array_add (order, "## Untagged");
    g_ptr_array_add (order, f->quotes->pdata[4]);
    assert_in_order (md, order, TRUE);
  }
}

static void
test_nothing_selected (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(GlossExportOptions) options = gloss_export_options_new ();
  g_autofree char *path = g_build_filename (f->out_dir, "none.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "no-such-tag", NULL };

  options->tags = g_strdupv ((GStrv) tags);
  g_assert_false (gloss_export_write (f->library, NULL, options, file, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_NOTHING_SELECTED);
  g_assert_cmpuint (count_files (f->out_dir), ==, 0);
}

static void
cancel_halfway (double   fraction,
                gpointer user_data)
{
  if (fraction >= 0.4)
    g_cancellable_cancel (user_data);
}

static void
test_unwritable (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(GlossExportOptions) options = gloss_export_options_new ();
  g_autofree char *blocker = test_write_file (f->out_dir, "a-file", "x", 1);
  g_autofree char *inside_file = g_build_filename (blocker, "notes.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->out_dir, "no", "such", "notes.pdf", NULL);
  g_autofree char *good = g_build_filename (f->out_dir, "notes.pdf", NULL);
  const char *paths[] = { inside_file, missing };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = g_file_new_for_path (good);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) bad = g_file_new_for_path (paths[i]);

      g_assert_false (gloss_export_write (f->library, NULL, options, bad, NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_IO);
      g_assert_nonnull (strstr (error->message, paths[i]));
      g_clear_error (&error);
    }
  g_assert_cmpuint (count_files (f->out_dir), ==, 1);   /* the blocker alone */

  /* cancelled while the pages are drawn: no file, no temporary file */
  g_assert_false (gloss_export_write (f->library, NULL, options, file, cancellable,
                                      cancel_halfway, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (f->out_dir), ==, 1);
}

static void
test_long_note (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GlossExportOptions) options = gloss_export_options_new ();
  g_autoptr(GString) text = g_string_new ("长注开始。");
  g_autoptr(TestPdf) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *body = NULL;
  const char *tags[] = { "long", NULL };
  guint i = 0;

  /* numbered sentences, so that a lost or repeated line shows */
  while (g_utf8_strlen (text->str, -1) < 50000 - 20)
    g_string_append_printf (text, "第%u句讲网络空间的国际规范与联合国进程。", i++);
  g_string_append (text, "长注结束。");
  add_note (f, "000", 1000, 1040, "orange", text->str, tags);

  options->tags = g_strdupv ((GStrv) tags);
  path = export_to (f, options, NULL, "long.pdf", NULL);
  pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 15);
  all = pdf_text (pdf);
  squeezed = squeeze (all);
  body = squeeze (text->str);
  /* whole, in order, across pages: every sentence found after the one
   * before (from its number on: a page's footer, the next page's header
   * and its "(continued)" line may come between 第 and the number) */
  {
    const char *from = squeezed;

    for (guint s = 0; s < i; s += 1)
      {
        g_autofree char *sentence = g_strdup_printf ("%u句讲", s);
        const char *found = strstr (from, sentence);

        g_assert_nonnull (found);
        from = found + strlen (sentence);
      }
  }
  g_assert_nonnull (strstr (squeezed, "长注开始。"));
  g_assert_nonnull (strstr (squeezed, "长注结束。"));
  g_assert_nonnull (strstr (all, "(continued)"));
}

static void
test_handout (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossKnowledgeBase) knowledge = gloss_knowledge_base_new_bundled (&error);
  g_autoptr(GlossExportOptions) options = gloss_export_options_new ();
  g_autoptr(TestPdf) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *md = NULL;
  g_autofree char *md_path = NULL;
  GlossKbItem *event;
  GlossKbItem *mechanism;
  const char *spec =
    "{ \"title\": \"联合国网络规范：第三讲\", \"subtitle\": \"从 GGE 到 OEWG\","
    "  \"author\": \"王老师\", \"introduction\": \"本讲义讨论*专家组*的工作方式。\\n\\n第二段。\","
    "  \"tags\": [\"课堂\"],"
    "  \"timeline\": { \"from\": \"2013\", \"to\": \"2016-06\", \"lanes\": [\"gge\", \"oewg\", \"ga\"] },"
    "  \"mechanisms\": [\"sco-2009-yekaterinburg-agreement\", \"un-code-of-conduct-2015\"] }";

  g_assert_no_error (error);
  options->handout = gloss_handout_new_from_data (spec, -1, "spec.json", &error);
  g_assert_no_error (error);
  path = export_to (f, options, knowledge, "handout.pdf", NULL);
  pdf = open_pdf (path);
  text = pdf_text (pdf);
  squeezed = squeeze (text);

  event = gloss_knowledge_base_lookup (knowledge, "gge-2015-report");
  mechanism = gloss_knowledge_base_lookup (knowledge, "sco-2009-yekaterinburg-agreement");
  g_assert_nonnull (strstr (text, "联合国网络规范：第三讲"));
  g_assert_nonnull (strstr (squeezed, "本讲义讨论专家组的工作方式。"));
  {
    g_autofree char *label = squeeze (gloss_kb_item_get_title_zh (event));
    g_autofree char *card = squeeze (gloss_kb_item_get_title_zh (mechanism));

    g_assert_nonnull (strstr (squeezed, label));
    g_assert_nonnull (strstr (squeezed, card));
  }
  g_assert_nonnull (strstr (text, "A/70/174"));      /* a UN symbol, in the list and the sources */
  g_assert_nonnull (strstr (text, "A/69/723"));      /* the 2015 code of conduct's */
  {
    /* 2025: outside the range */
    GlossKbItem *later = gloss_knowledge_base_lookup (knowledge, "oewg2-final-report");
    g_autofree char *label = squeeze (gloss_kb_item_get_title_zh (later));

    g_assert_null (strstr (squeezed, label));
  }
  g_assert_nonnull (strstr (squeezed, squeeze (f->quotes->pdata[2])));   /* a 课堂 passage */
  assert_fonts_embedded (pdf);

  /* the same handout as Markdown */
  options->format = GLOSS_EXPORT_FORMAT_MARKDOWN;
  md_path = export_to (f, options, knowledge, "handout.md", NULL);
  g_assert_true (g_file_get_contents (md_path, &md, NULL, NULL));
  g_assert_nonnull (strstr (md, "A/70/174"));
  g_assert_nonnull (strstr (md, gloss_kb_item_get_title_zh (mechanism)));

  /* a spec naming an unknown mechanism is refused, with its name */
  gloss_handout_free (options->handout);
  options->handout = gloss_handout_new_from_data ("{\"title\": \"x\", \"mechanisms\": [\"nope\"]}", -1,
                                                  "spec.json", &error);
  g_assert_no_error (error);
  {
    g_autofree char *bad = g_build_filename (f->out_dir, "bad.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (bad);

    g_assert_false (gloss_export_write (f->library, knowledge, options, file, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "nope"));
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }
  g_assert_null (gloss_handout_new_from_data ("{\"subtitle\": \"no title\"}", -1, "spec.json", &error));
  g_assert_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "spec.json"));
}

static void
test_handout_links (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossKnowledgeBase) knowledge = gloss_knowledge_base_new_bundled (&error);
  g_autoptr(GlossExportOptions) options = gloss_export_options_new ();
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("<(https?://[^>]+)>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *path = NULL;
  g_autofree char *md_path = NULL;
  g_autofree char *md = NULL;
  g_autofree char *text = NULL;
  GlossKbItem *agreement;
  const char *long_url;
  guint n_sources = 0;
  const char *spec =
    "{ \"title\": \"来源\", \"introduction\": \"请在 [联合国正式文件系统](https://documents.un.org/) 中查找原文。\","
    "  \"timeline\": { \"from\": \"2012\", \"to\": \"2021-12\", \"lanes\": [\"gge\", \"oewg\", \"ga\"] },"
    "  \"mechanisms\": [\"ru-cn-2015-agreement\", \"un-code-of-conduct-2015\"] }";

  g_assert_no_error (error);
  options->handout = gloss_handout_new_from_data (spec, -1, "spec.json", &error);
  g_assert_no_error (error);
  path = export_to (f, options, knowledge, "sources.pdf", NULL);
  options->format = GLOSS_EXPORT_FORMAT_MARKDOWN;
  md_path = export_to (f, options, knowledge, "sources.md", NULL);
  g_assert_true (g_file_get_contents (md_path, &md, NULL, NULL));
  pdf = open_pdf (path);
  links = collect_web_links (pdf);
  text = pdf_text (pdf);

  g_assert_cmpuint (count_links_over (pdf, links, "https://documents.un.org/", "documents.un.org"), ==, 1);

  /* every source the Markdown lists is a link in the PDF, from its
   * printed address */
  g_regex_match (regex, md, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *url = g_match_info_fetch (match, 1);
      g_autofree char *shown = g_strndup (strstr (url, "//") + 2, 12);

      g_assert_cmpuint (count_links_to (links, url), >=, 1);
      g_assert_cmpuint (count_links_over (pdf, links, url, shown), >=, 1);
      n_sources++;
    }
  g_assert_cmpuint (n_sources, >=, 20);

  /* the Wikisource text of the 2015 agreement: a 346-character address,
   * printed as its site and the start of the title */
  agreement = gloss_knowledge_base_lookup (knowledge, "ru-cn-2015-agreement");
  long_url = gloss_kb_item_get_source (agreement, 0)->url;
  g_assert_cmpuint (strlen (long_url), >, 300);
  g_assert_cmpuint (count_links_to (links, long_url), ==, 1);
  g_assert_cmpuint (count_links_over (pdf, links, long_url, "zh.wikisource.org"), ==, 1);
  g_assert_null (strstr (text, "%E4%B8%AD"));
  g_assert_nonnull (strstr (text, "zh.wikisource.org/wiki/中华人民共和国"));
  assert_text_inside_pages (pdf);
}

static void
test_layout_draws (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GlossExportOptions) options = gloss_export_options_new ();
  g_autoptr(GlossExportLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  gloss_paper_get_size (GLOSS_PAPER_LETTER, &width, &height);
  layout = gloss_export_layout_new (options, f->library, NULL, width, height, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_export_layout_get_n_pages (layout), >=, 2);

  /* a preview: an image surface, scaled */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width / 2, height / 2);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.5, 0.5);
  for (guint i = 0; i < gloss_export_layout_get_n_pages (layout); i++)
    gloss_export_layout_draw_page (layout, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Runs gloss on the fixture's library; returns the exit status. */
static int
run_gloss (Fixture     *f,
           char       **err,
           const char  *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("GLOSS_BINARY"));
  g_ptr_array_add (argv, "--library");
  g_ptr_array_add (argv, f->dir);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_command_line (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *pdf_path = g_build_filename (f->out_dir, "cli.pdf", NULL);
  g_autofree char *none = g_build_filename (f->out_dir, "none.pdf", NULL);
  g_autofree char *json = g_build_filename (f->out_dir, "cli.json", NULL);
  g_autofree char *err = NULL;
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(TestPage) page = NULL;
  double width, height;

  if (g_getenv ("GLOSS_BINARY") == NULL)
    {
      g_test_skip ("GLOSS_BINARY is not set");
      return;
    }
  /* the library is shared with this process: let it go first */
  g_assert_cmpint (run_gloss (f, NULL, "export", "--format", "pdf", "-o", pdf_path, "--tag", "课堂",
                              "--color", "yellow", "--color", "red", "--paper", "letter",
                              "--order", "tag", "--title", "CLI", NULL), ==, 0);
  pdf = open_pdf (pdf_path);
  page = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);

  g_assert_cmpint (run_gloss (f, &err, "export", "--format", "pdf", "-o", none, "--from", "2001-01-01",
                              "--to", "2001-12-31", NULL), ==, 1);
  g_assert_nonnull (strstr (err, none));
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_gloss (f, &err, "export", "--format", "pdf", "-o", none, "--order", "size", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--order"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_gloss (f, &err, "export", "--format", "odt", "-o", none, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_gloss (f, NULL, "export", "--format", "json", "-o", json, "--tag", "课堂", NULL), ==, 0);
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/pdf-notes", test_pdf_notes);
  ADD ("/export/pdf-links", test_pdf_links);
  ADD ("/export/text-formats", test_text_formats);
  ADD ("/export/filters", test_filters);
  ADD ("/export/nothing-selected", test_nothing_selected);
  ADD ("/export/unwritable", test_unwritable);
  ADD ("/export/long-note", test_long_note);
  ADD ("/export/handout", test_handout);
  ADD ("/export/handout-links", test_handout_links);
  ADD ("/export/layout-draws", test_layout_draws);
  ADD ("/export/command-line", test_command_line);
#undef ADD

  return g_test_run ();
}
