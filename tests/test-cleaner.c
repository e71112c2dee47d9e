/* test-cleaner.c: cleaning the two bundled texts, case by case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-cleaner.h"
#include "test-util.h"

#define ARTICLE "000_19fab0aeb8cf70aa"
#define THESIS  "002_ba12018ce53e1c1f"

typedef struct
{
  char         *dir;
  GlossLibrary *library;
  GlossContent *article;
  GlossContent *thesis;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  f->library = test_open_library (&f->dir);
  f->article = test_load_bundled (f->library, ARTICLE);
  f->thesis = test_load_bundled (f->library, THESIS);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_clear_object (&f->article);
  g_clear_object (&f->thesis);
  g_assert_finalize_object (f->library);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static gboolean
has (GlossContent *content,
     const char   *needle)
{
  return strstr (gloss_content_get_text (content), needle) != NULL;
}

static guint
find_block (GlossContent  *content,
            GlossBlockKind kind,
            const char    *prefix)
{
  for (guint i = 0; i < gloss_content_get_n_blocks (content); i++)
    {
      g_autofree char *text = gloss_content_dup_block_text (content, i);

      if (gloss_content_get_block (content, i)->kind == kind && g_str_has_prefix (text, prefix))
        return i;
    }
  return G_MAXUINT;
}

/* A word split by a page break (主要国 / blank line / 际机制) is whole again,
 * and lines are joined without spaces between Han characters. */
static void
test_article_joins_lines (Fixture      *f,
                          gconstpointer data)
{
  g_assert_true (has (f->article, "主权国家参与构建网络空间规范的主要国际机制，在构建"));
  g_assert_true (has (f->article, "快速形成的虚拟空间。网络技术所具有的"));
  g_assert_false (has (f->article, "主要国 际"));

  /* no line break is left inside a paragraph */
  for (guint i = 0; i < gloss_content_get_n_blocks (f->article); i++)
    {
      g_autofree char *text = gloss_content_dup_block_text (f->article, i);

      g_assert_null (strchr (text, '\n'));
    }

  /* full-width words that a line break separated keep their space */
  g_assert_true (has (f->article, "ＵＮ　Ｇｒｏｕｐ　ｏｆ　Ｔｅｌｅｃｏｍｍｕｎｉｃａｔｉｏｎｓ"));
}

static void
test_article_keeps_full_width (Fixture      *f,
                               gconstpointer data)
{
  g_assert_true (has (f->article, "Ａ／７０／１７４"));
  g_assert_true (has (f->article, "ＵＮＧＧＥ"));
  g_assert_false (has (f->article, "A/70/174"));
}

/* ４０１ is gone from the text but known as a page: the text before it is
 * on page 401, and the text after it on page 402. */
static void
test_article_page_numbers (Fixture      *f,
                           gconstpointer data)
{
  gint before = test_find_char_offset (f->article, "等有关区域组织合作举行一系列协商");
  gint after = test_find_char_offset (f->article, "ＵＮＧＧＥ会议前就ＵＮＧＧＥ会议所涉议题");
  gboolean known = FALSE;

  for (guint i = 0; i < gloss_content_get_n_blocks (f->article); i++)
    {
      g_autofree char *text = gloss_content_dup_block_text (f->article, i);

      g_assert_cmpstr (text, !=, "４０１");
      known |= gloss_content_get_block (f->article, i)->page == 401;
    }
  g_assert_true (known);
  g_assert_false (has (f->article, "４０１\n"));

  g_assert_cmpint (before, >, 0);
  g_assert_cmpint (after, >, before);
  g_assert_cmpint (gloss_content_page_at (f->article, before), ==, 401);
  g_assert_cmpint (gloss_content_page_at (f->article, after), ==, 402);
  /* the page break falls inside the paragraph, which stays whole */
  g_assert_cmpuint (gloss_content_block_at (f->article, before), ==,
                    gloss_content_block_at (f->article, after));
  g_assert_cmpint (gloss_content_page_at (f->article, 0), ==, 399);
}

static void
test_article_headings (Fixture      *f,
                       gconstpointer data)
{
  static const char * const parts[] = { "一、", "二、", "三、", "四、", "五、" };
  guint found = 0;

  for (guint i = 0; i < gloss_content_get_n_blocks (f->article); i++)
    {
      const GlossBlock *b = gloss_content_get_block (f->article, i);
      g_autofree char *text = gloss_content_dup_block_text (f->article, i);

      if (b->kind == GLOSS_BLOCK_HEADING && b->level == 1 && found < 5 &&
          g_str_has_prefix (text, parts[found]))
        found++;
    }
  g_assert_cmpuint (found, ==, 5);

  g_assert_cmpuint (find_block (f->article, GLOSS_BLOCK_HEADING, "(一) UNGGE共识"), !=, G_MAXUINT);
  g_assert_cmpuint (gloss_content_get_block (f->article,
                      find_block (f->article, GLOSS_BLOCK_HEADING, "(一)"))->level, ==, 2);
  g_assert_cmpuint (find_block (f->article, GLOSS_BLOCK_HEADING, "摘　要"), !=, G_MAXUINT);
  g_assert_cmpuint (find_block (f->article, GLOSS_BLOCK_KEYWORDS, "关键词"), !=, G_MAXUINT);
  g_assert_cmpuint (find_block (f->article, GLOSS_BLOCK_TITLE,
                                "论联合国信息安全政府专家组在网络空间规范制定进程中的运作机制"),
                    !=, G_MAXUINT);
  g_assert_cmpuint (find_block (f->article, GLOSS_BLOCK_LABEL, "·网络空间全球治理·"), !=, G_MAXUINT);
  g_assert_cmpuint (find_block (f->article, GLOSS_BLOCK_META, "ＤＯＩ"), !=, G_MAXUINT);
  /* "第一，…" opens a paragraph, it is not a heading */
  g_assert_cmpuint (find_block (f->article, GLOSS_BLOCK_HEADING, "第一"), ==, G_MAXUINT);
}

/* Footnote numbering restarts on every page: a ① belongs to the next
 * footnote ① after it, not to the first one in the file. */
static void
test_thesis_footnotes (Fixture      *f,
                       gconstpointer data)
{
  gint marker = test_find_char_offset (f->thesis, "正如黄志雄教授①所言");
  gboolean resolved = FALSE;
  guint n_first = 0;

  g_assert_cmpint (marker, >, 0);
  marker += g_utf8_strlen ("正如黄志雄教授", -1);

  for (guint i = 0; i < gloss_content_get_n_footnote_refs (f->thesis); i++)
    {
      const GlossFootnoteRef *ref = gloss_content_get_footnote_ref (f->thesis, i);
      const GlossBlock *note = gloss_content_get_block (f->thesis, ref->footnote);
      g_autofree char *text = gloss_content_dup_block_text (f->thesis, ref->footnote);
      g_autofree char *mark = gloss_content_dup_range (f->thesis, ref->start, ref->end);

      g_assert_cmpint (note->kind, ==, GLOSS_BLOCK_FOOTNOTE);
      /* the marker in the text is the number the footnote starts with */
      g_assert_true (g_str_has_prefix (text, mark));
      if (ref->start == (guint) marker)
        {
          g_assert_true (g_str_has_prefix (text, "① 黄志雄：《国际法在网络空间的适用"));
          g_assert_cmpint (note->page, ==, 2);
          resolved = TRUE;
        }
      if (g_str_has_prefix (text, "①"))
        n_first++;
    }
  g_assert_true (resolved);
  g_assert_cmpuint (n_first, >, 5);

  /* the caret of the extraction is gone, the footnotes are out of the flow */
  g_assert_false (has (f->thesis, "^"));
  /* a footnote that ran over a line is whole */
  g_assert_cmpuint (find_block (f->thesis, GLOSS_BLOCK_FOOTNOTE,
                                "③ 《关键信息基础设施安全保护条例》第二条，中国政府网http://www.gov.cn/"),
                    !=, G_MAXUINT);
}

/* A paragraph that a page with footnotes interrupted is joined again. */
static void
test_thesis_joins_across_pages (Fixture      *f,
                                gconstpointer data)
{
  g_assert_true (has (f->thesis, "虽然无法提供明确的法律责任模式，但可以促成国家遵守法律责任"));
  g_assert_true (has (f->thesis, "并日渐成为数字不平等的主要类型。①"));
  g_assert_true (has (f->thesis, "为中俄网络安全合作的完善奠定了现实基础。"));
  /* English joins with a space */
  g_assert_true (has (f->thesis, "powers is the key to promoting International cooperation"));
  /* the download site's advertisement is not part of the thesis */
  g_assert_false (has (f->thesis, "试下载"));
  g_assert_false (has (f->thesis, "book118"));
}

/* The printed table of contents is recognised, and the page of every
 * heading it lists agrees with it. */
static void
test_thesis_contents (Fixture      *f,
                      gconstpointer data)
{
  guint toc = 0, checked = 0;

  for (guint i = 0; i < gloss_content_get_n_blocks (f->thesis); i++)
    {
      const GlossBlock *b = gloss_content_get_block (f->thesis, i);
      g_autofree char *text = gloss_content_dup_block_text (f->thesis, i);
      g_auto(GStrv) parts = NULL;
      g_autofree char *title = NULL;
      guint heading;

      if (b->kind != GLOSS_BLOCK_TOC_ENTRY)
        continue;
      toc++;
      g_assert_null (strstr (text, "....."));
      parts = g_strsplit (text, "\t", 2);
      g_assert_nonnull (parts[1]);

      /* "第 1 章 绪论" in the contents is "第1章 绪论" in the text */
      title = g_strdup (parts[0]);
      for (heading = 0; heading < gloss_content_get_n_blocks (f->thesis); heading++)
        {
          const GlossBlock *h = gloss_content_get_block (f->thesis, heading);
          g_autofree char *htext = gloss_content_dup_block_text (f->thesis, heading);
          g_auto(GStrv) a = g_strsplit_set (htext, " \t", -1);
          g_auto(GStrv) c = g_strsplit_set (title, " \t", -1);
          g_autofree char *x = g_strjoinv ("", a);
          g_autofree char *y = g_strjoinv ("", c);

          if (h->kind == GLOSS_BLOCK_HEADING && g_str_equal (x, y))
            {
              g_assert_cmpint (h->page, ==, atoi (parts[1]));
              checked++;
              break;
            }
        }
    }
  g_assert_cmpuint (toc, ==, 49);
  /* every heading of the first half (chapters 1 to 3.2) is listed */
  g_assert_cmpuint (checked, ==, 22);

  g_assert_cmpuint (find_block (f->thesis, GLOSS_BLOCK_HEADING, "第1章 绪论"), !=, G_MAXUINT);
  g_assert_cmpuint (gloss_content_get_block (f->thesis,
                      find_block (f->thesis, GLOSS_BLOCK_HEADING, "2.2.1 "))->level, ==, 3);
  g_assert_cmpuint (find_block (f->thesis, GLOSS_BLOCK_HEADING, "Abstract"), !=, G_MAXUINT);
  g_assert_cmpuint (find_block (f->thesis, GLOSS_BLOCK_KEYWORDS, "Keywords:"), !=, G_MAXUINT);
  /* front matter has no printed page number */
  g_assert_cmpint (gloss_content_page_at (f->thesis, 0), ==, 0);
}

/* Block offsets index the text, footnote blocks come last. */
static void
test_offsets_consistent (Fixture      *f,
                         gconstpointer data)
{
  GlossContent *contents[] = { f->article, f->thesis };

  for (guint c = 0; c < G_N_ELEMENTS (contents); c++)
    {
      GlossContent *content = contents[c];
      guint previous_end = 0;
      gboolean in_notes = FALSE;

      for (guint i = 0; i < gloss_content_get_n_blocks (content); i++)
        {
          const GlossBlock *b = gloss_content_get_block (content, i);

          g_assert_cmpuint (b->start, ==, i == 0 ? 0 : previous_end + 1);
          g_assert_cmpuint (b->end, >, b->start);
          g_assert_cmpuint (b->end - b->start, <=, 2000);
          if (b->kind == GLOSS_BLOCK_FOOTNOTE)
            in_notes = TRUE;
          else
            g_assert_false (in_notes);
          previous_end = b->end;
        }
      g_assert_cmpuint (previous_end, ==, gloss_content_get_n_chars (content));
    }
}

/* An overlong paragraph is cut at sentence ends, and nothing is lost. */
static void
test_long_paragraph_split (void)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GlossContent) content = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append (raw, "网络空间的和平与发展受到了严峻威胁，第二句话在这里。");
  content = gloss_clean_plain_text (raw->str, NULL, 0);

  g_assert_cmpuint (gloss_content_get_n_blocks (content), >=, 40);
  for (guint i = 0; i < gloss_content_get_n_blocks (content); i++)
    {
      g_autofree char *text = gloss_content_dup_block_text (content, i);

      g_assert_cmpuint (g_utf8_strlen (text, -1), <=, 2000);
      g_assert_true (g_str_has_suffix (text, "。"));
    }
  lines = g_strsplit (gloss_content_get_text (content), "\n", -1);
  for (guint i = 0; lines[i]; i++)
    g_string_append (joined, lines[i]);
  g_assert_cmpstr (joined->str, ==, raw->str);
}

static void
test_markdown (void)
{
  g_autoptr(GlossContent) content =
    gloss_clean_markdown ("# 中俄网络安全合作\n\n第一段第一行\n第一段第二行。\n\n## 背景\n\nSome English\nwords here.\n");

  g_assert_cmpstr (gloss_content_get_text (content), ==,
                   "中俄网络安全合作\n第一段第一行第一段第二行。\n背景\nSome English words here.");
  g_assert_cmpint (gloss_content_get_block (content, 0)->kind, ==, GLOSS_BLOCK_HEADING);
  g_assert_cmpuint (gloss_content_get_block (content, 0)->level, ==, 1);
  g_assert_cmpuint (gloss_content_get_block (content, 2)->level, ==, 2);
}

/* Form feeds are page breaks we were told about, with their labels. */
static void
test_form_feed_pages (void)
{
  static const gint labels[] = { 12, 13, 14 };
  g_autoptr(GlossContent) content =
    gloss_clean_plain_text ("第一页的文字，没有\n结束。\n\f第二页。\n\f\f第四页。\n", labels, 3);

  g_assert_cmpstr (gloss_content_get_text (content), ==, "第一页的文字，没有结束。\n第二页。\n第四页。");
  g_assert_cmpint (gloss_content_page_at (content, 0), ==, 12);
  g_assert_cmpint (gloss_content_page_at (content, test_find_char_offset (content, "第二页")), ==, 13);
  /* the empty third page counts, and the fourth is numbered on from it */
  g_assert_cmpint (gloss_content_page_at (content, test_find_char_offset (content, "第四页")), ==, 15);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cleaner/article/joins-lines", Fixture, NULL, fixture_setup,
              test_article_joins_lines, fixture_teardown);
  g_test_add ("/cleaner/article/full-width", Fixture, NULL, fixture_setup,
              test_article_keeps_full_width, fixture_teardown);
  g_test_add ("/cleaner/article/page-numbers", Fixture, NULL, fixture_setup,
              test_article_page_numbers, fixture_teardown);
  g_test_add ("/cleaner/article/headings", Fixture, NULL, fixture_setup,
              test_article_headings, fixture_teardown);
  g_test_add ("/cleaner/thesis/footnotes", Fixture, NULL, fixture_setup,
              test_thesis_footnotes, fixture_teardown);
  g_test_add ("/cleaner/thesis/joins-across-pages", Fixture, NULL, fixture_setup,
              test_thesis_joins_across_pages, fixture_teardown);
  g_test_add ("/cleaner/thesis/contents", Fixture, NULL, fixture_setup,
              test_thesis_contents, fixture_teardown);
  g_test_add ("/cleaner/offsets", Fixture, NULL, fixture_setup,
              test_offsets_consistent, fixture_teardown);
  g_test_add_func ("/cleaner/long-paragraph", test_long_paragraph_split);
  g_test_add_func ("/cleaner/markdown", test_markdown);
  g_test_add_func ("/cleaner/form-feeds", test_form_feed_pages);

  return g_test_run ();
}
