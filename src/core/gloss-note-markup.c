/* gloss-note-markup.c: a note's light Markdown as Pango markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Notes are plain text in which *emphasis*, **strong** and
 * [links](https://…) are rendered.  The same markup serves the window
 * (GtkLabel's <a>), HTML export (<i>, <b> and <a> are HTML too) and
 * print, where Pango has no links: there a link is its label followed by
 * its address, so that a reader of the paper copy can still follow it.  Everything else is escaped, so a
 * note about "<b>" or "a & b" shows exactly that, and a marker without
 * its closing partner is shown as written.  Each span is rendered from
 * its own substring, so the tags always nest properly. */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <string.h>

#include "gloss-note-markup.h"

typedef enum
{
  LINKS_NONE,
  LINKS_ANCHOR,     /* <a href="…">label</a> */
  LINKS_PRINT,      /* label (address), styled */
} Links;

static void render (GString *out, const char *text, gsize len, Links links);

static void
append_escaped (GString    *out,
                const char *text,
                gsize       len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (out, escaped);
}

/* The first @marker in text[from, len) that can close a span: it must
 * follow a non-space, as in Markdown. */
static const char *
find_closing (const char *text,
              gsize       from,
              gsize       len,
              const char *marker)
{
  gsize mlen = strlen (marker);

  for (gsize i = from; i + mlen <= len; i++)
    if (memcmp (text + i, marker, mlen) == 0 && i > from && !g_ascii_isspace (text[i - 1]))
      {
        /* in a longer run ("***"), the span closes at its end, so that
         * an inner span can close first: "**a *b***" */
        while (i + mlen < len && text[i + mlen] == marker[0])
          i++;
        return text + i;
      }

  return NULL;
}

static gboolean
url_is_safe (const char *url,
             gsize       len)
{
  static const char * const schemes[] = { "https://", "http://", "mailto:" };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (len > strlen (schemes[i]) && g_ascii_strncasecmp (url, schemes[i], strlen (schemes[i])) == 0)
      return memchr (url, '"', len) == NULL && memchr (url, ' ', len) == NULL;

  return FALSE;
}

/* Renders a span that opens at text[*i] with @marker, if it closes;
 * moves *i past it. */
static gboolean
try_span (GString    *out,
          const char *text,
          gsize       len,
          gsize      *i,
          const char *marker,
          const char *tag,
          Links       links)
{
  gsize mlen = strlen (marker);
  gsize start = *i + mlen;
  const char *close;

  if (*i + mlen > len || memcmp (text + *i, marker, mlen) != 0 ||
      start >= len || g_ascii_isspace (text[start]))
    return FALSE;

  close = find_closing (text, start, len, marker);
  if (close == NULL)
    return FALSE;

  g_string_append_printf (out, "<%s>", tag);
  render (out, text + start, close - (text + start), links);
  g_string_append_printf (out, "</%s>", tag);
  *i = (close - text) + mlen;

  return TRUE;
}

static gboolean
try_link (GString    *out,
          const char *text,
          gsize       len,
          gsize      *i,
          Links       links)
{
  const char *label = text + *i + 1;
  const char *label_end;
  const char *url;
  const char *url_end;

  if (text[*i] != '[')
    return FALSE;

  label_end = memchr (label, ']', len - (*i + 1));
  if (label_end == NULL || label_end == label || label_end + 1 >= text + len || label_end[1] != '(')
    return FALSE;

  url = label_end + 2;
  url_end = memchr (url, ')', (text + len) - url);
  if (url_end == NULL || !url_is_safe (url, url_end - url))
    return FALSE;

  if (links == LINKS_PRINT)
    {
      g_string_append (out, "<span underline=\"single\" foreground=\"#1a5fb4\">");
      render (out, label, label_end - label, LINKS_NONE);
      g_string_append (out, "</span> <span size=\"smaller\" foreground=\"#555555\">(");
      append_escaped (out, url, url_end - url);
      g_string_append (out, ")</span>");
    }
  else
    {
      g_string_append (out, "<a href=\"");
      append_escaped (out, url, url_end - url);
      g_string_append (out, "\">");
      render (out, label, label_end - label, LINKS_NONE);   /* no links inside links */
      g_string_append (out, "</a>");
    }
  *i = (url_end - text) + 1;

  return TRUE;
}

static void
render (GString    *out,
        const char *text,
        gsize       len,
        Links       links)
{
  gsize i = 0;

  while (i < len)
    {
      gsize plain = i;

      if (text[i] == '\\' && i + 1 < len && strchr ("*[]\\", text[i + 1]) != NULL)
        {
          append_escaped (out, text + i + 1, 1);
          i += 2;
          continue;
        }

      if (try_span (out, text, len, &i, "**", "b", links) ||
          try_span (out, text, len, &i, "*", "i", links) ||
          (links != LINKS_NONE && try_link (out, text, len, &i, links)))
        continue;

      /* a whole UTF-8 character, so escaping never splits one */
      i = g_utf8_next_char (text + i) - text;
      append_escaped (out, text + plain, MIN (i, len) - plain);
    }
}

/**
 * gloss_note_markup_from_markdown:
 * @text: (nullable): a note, valid UTF-8
 *
 * Returns: (transfer full): Pango markup for @text; never %NULL
 */
char *
gloss_note_markup_from_markdown (const char *text)
{
  GString *out = g_string_new (NULL);

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    render (out, text, strlen (text), LINKS_ANCHOR);

  return g_string_free (out, FALSE);
}

/**
 * gloss_note_markup_for_print:
 * @text: (nullable): a note, valid UTF-8
 *
 * Like gloss_note_markup_from_markdown(), but a link is drawn as its
 * label and its address, since paper (and Pango 1.50 markup) has no <a>.
 *
 * Returns: (transfer full): Pango markup for @text; never %NULL
 */
char *
gloss_note_markup_for_print (const char *text)
{
  GString *out = g_string_new (NULL);

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    render (out, text, strlen (text), LINKS_PRINT);

  return g_string_free (out, FALSE);
}
