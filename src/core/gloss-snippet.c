/* gloss-snippet.c: a short piece of text around a match, for result lists
 *
 * Search hits, notes found by a search, and the passages on a timeline or
 * mechanism card all show the words around a match.  A snippet is cut
 * about `context` characters either side of it, on one line, and:
 *
 *  - a cut never splits a Latin word ("…itably requires" reads as a
 *    typo): it moves to the nearest space, dropping or keeping a few
 *    characters, and only gives up in a word too long to show whole;
 *    Chinese has no spaces and can be cut between any two characters;
 *  - a cut is marked with "…", so a reader knows the sentence goes on.
 *
 * Offsets are in code points, as everywhere in Gloss.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-snippet.h"

#include <string.h>

/* How far a cut may move to reach a space, in characters. */
#define MAX_WORD_SHIFT 16

static const char ellipsis[] = "…";

/* Part of a word that a cut must not split: letters and digits of
 * narrow scripts.  Han characters (and full-width forms) are wide. */
static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) && !g_unichar_iswide (c);
}

static gboolean
splits_word (const gunichar *chars,
             guint           n,
             guint           at)
{
  return at > 0 && at < n && is_word_char (chars[at - 1]) && is_word_char (chars[at]);
}

/* Moves a cut before the match (from <= start) off a word: forward past
 * the word's end if it ends before the match, else back to its start. */
static guint
snap_from (const gunichar *chars,
           guint           n,
           guint           from,
           guint           start)
{
  if (!splits_word (chars, n, from))
    return from;

  for (guint i = from; i < start && i < from + MAX_WORD_SHIFT; i++)
    if (!is_word_char (chars[i]))
      return i;
  for (guint i = from; i > 0 && i + MAX_WORD_SHIFT > from; i--)
    if (!is_word_char (chars[i - 1]))
      return i;

  return from;
}

/* The same for a cut after the match (to >= end): back to the end of
 * the last whole word after the match, else on to the word's end. */
static guint
snap_to (const gunichar *chars,
         guint           n,
         guint           to,
         guint           end)
{
  if (!splits_word (chars, n, to))
    return to;

  for (guint i = to; i > end && i + MAX_WORD_SHIFT > to; i--)
    if (!is_word_char (chars[i - 1]))
      return i;
  for (guint i = to; i < n && i < to + MAX_WORD_SHIFT; i++)
    if (!is_word_char (chars[i]))
      return i;

  return to;
}

static void
append_one_line (GString        *out,
                 const gunichar *chars,
                 guint           from,
                 guint           to)
{
  for (guint i = from; i < to; i++)
    g_string_append_unichar (out, g_unichar_isspace (chars[i]) ? ' ' : chars[i]);
}

/**
 * gloss_snippet_new:
 * @text: the paragraph or field that holds the match, UTF-8
 * @start: the match's start in @text, in code points
 * @end: its end
 * @context: about how many characters to show either side
 * @match_start: (out): where the match starts in the snippet
 * @match_end: (out): where it ends
 *
 * Returns: (transfer full): the snippet, one line, its cuts marked "…"
 */
char *
gloss_snippet_new (const char *text,
                   guint       start,
                   guint       end,
                   guint       context,
                   guint      *match_start,
                   guint      *match_end)
{
  glong n_long = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, &n_long);
  guint n = (guint) n_long;
  GString *out = g_string_new (NULL);
  guint from, to;

  g_return_val_if_fail (match_start != NULL && match_end != NULL, NULL);

  end = MIN (end, n);
  start = MIN (start, end);
  from = snap_from (chars, n, start > context ? start - context : 0, start);
  to = snap_to (chars, n, MIN (n, end + context), end);

  /* no space left dangling at a cut, nor a comma starting the line */
  while (from > 0 && from < start &&
         (g_unichar_isspace (chars[from]) || g_unichar_ispunct (chars[from])))
    from++;
  while (to < n && to > end && g_unichar_isspace (chars[to - 1]))
    to--;

  if (from > 0)
    g_string_append (out, ellipsis);
  *match_start = (from > 0 ? 1 : 0) + (start - from);
  *match_end = *match_start + (end - start);
  append_one_line (out, chars, from, to);
  if (to < n)
    g_string_append (out, ellipsis);

  return g_string_free (out, FALSE);
}

/**
 * gloss_snippet_new_from_content:
 * @content: a document's content
 * @start: the match's start, a content offset
 * @end: its end
 * @context: about how many characters to show either side
 * @match_start: (out): where the match starts in the snippet
 * @match_end: (out): where it ends
 *
 * As gloss_snippet_new(), for a match in a whole document: the snippet
 * may run over block boundaries, which become spaces.
 *
 * Returns: (transfer full): the snippet
 */
char *
gloss_snippet_new_from_content (GlossContent *content,
                                guint         start,
                                guint         end,
                                guint         context,
                                guint        *match_start,
                                guint        *match_end)
{
  guint n = gloss_content_get_n_chars (content);
  /* room for the cuts to move to a space */
  guint reach = context + MAX_WORD_SHIFT;
  guint from, to;
  g_autofree char *range = NULL;
  char *snippet;

  g_return_val_if_fail (GLOSS_IS_CONTENT (content), NULL);

  end = MIN (end, n);
  start = MIN (start, end);
  from = start > reach ? start - reach : 0;
  to = MIN (n, end + reach);
  range = gloss_content_dup_range (content, from, to);
  snippet = gloss_snippet_new (range, start - from, end - from, context, match_start, match_end);

  /* The range's own ends are not the document's: mark them as cuts. */
  if (from > 0 && !g_str_has_prefix (snippet, ellipsis))
    {
      char *marked = g_strconcat (ellipsis, snippet, NULL);

      g_free (snippet);
      snippet = marked;
      *match_start += 1;
      *match_end += 1;
    }
  if (to < n && !g_str_has_suffix (snippet, ellipsis))
    {
      char *marked = g_strconcat (snippet, ellipsis, NULL);

      g_free (snippet);
      snippet = marked;
    }

  return snippet;
}
