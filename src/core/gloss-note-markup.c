/* gloss-note-markup.c: a note's light Markdown as Pango markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Notes are plain text in which *emphasis*, **strong**,
 * [links](https://…) and bare https:// addresses are rendered.  The same markup serves the window
 * (GtkLabel's <a>), HTML export (<i>, <b> and <a> are HTML too) and
 * print, where Pango has no links: there a link is its label followed by
 * its address, so that a reader of the paper copy can still follow it,
 * and the PDF writer makes both clickable.  Everything else is escaped,
 * so a note about "<b>" or "a & b" shows exactly that, and a marker without
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

static void render (GString *out, const char *text, gsize len, Links links, GPtrArray *targets);

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

/* The printed text of a link: the label, then in brackets the address
 * a reader of the paper copy can type, all inside one link mark, so the
 * PDF makes the whole of it clickable. A label that is the address
 * itself is not printed twice. */
static void
append_print_link (GString    *out,
                   const char *label,
                   gsize       label_len,
                   const char *url,
                   gsize       url_len,
                   GPtrArray  *targets)
{
  g_autofree char *target = g_strndup (url, url_len);
  g_autofree char *label_text = g_strndup (label, label_len);
  g_autofree char *shown = gloss_note_markup_dup_print_url (target);
  g_autofree char *shown_markup = gloss_note_markup_for_print_url (target);
  gboolean bare = strcmp (label_text, target) == 0 || strcmp (label_text, shown) == 0;

  if (targets != NULL)
    {
      g_autofree char *open = gloss_note_markup_open_print_link (targets->len);

      g_string_append (out, open);
      g_ptr_array_add (targets, g_steal_pointer (&target));
    }
  g_string_append (out, "<span underline=\"single\" foreground=\"#1a5fb4\">");
  if (bare)
    g_string_append (out, shown_markup);
  else
    render (out, label, label_len, LINKS_NONE, NULL);
  g_string_append (out, "</span>");
  if (!bare)
    g_string_append_printf (out, " <span size=\"smaller\" foreground=\"#555555\">(%s)</span>",
                            shown_markup);
  if (targets != NULL)
    g_string_append (out, "</span>");
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
          Links       links,
          GPtrArray  *targets)
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
  render (out, text + start, close - (text + start), links, targets);
  g_string_append_printf (out, "</%s>", tag);
  *i = (close - text) + mlen;

  return TRUE;
}

/* The ")" that closes a link's address: addresses may hold balanced
 * brackets of their own (…/wiki/Group_of_Governmental_Experts_(UN)). */
static const char *
find_url_end (const char *url,
              gsize       len)
{
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (url[i] == '(')
        depth++;
      else if (url[i] == ')' && depth-- == 0)
        return url + i;
    }

  return NULL;
}

/* Writes a link to @url (of @url_len bytes) labelled @label. */
static void
append_link (GString    *out,
             const char *label,
             gsize       label_len,
             const char *url,
             gsize       url_len,
             Links       links,
             GPtrArray  *targets)
{
  if (links == LINKS_PRINT)
    {
      append_print_link (out, label, label_len, url, url_len, targets);
      return;
    }

  g_string_append (out, "<a href=\"");
  append_escaped (out, url, url_len);
  g_string_append (out, "\">");
  render (out, label, label_len, LINKS_NONE, NULL);   /* no links inside links */
  g_string_append (out, "</a>");
}

/* The length of the "https://" or "http://" that text starts with, or 0. */
static gsize
scheme_length (const char *text,
               gsize       len)
{
  static const char * const schemes[] = { "https://", "http://" };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (len >= strlen (schemes[i]) && g_ascii_strncasecmp (text, schemes[i], strlen (schemes[i])) == 0)
      return strlen (schemes[i]);

  return 0;
}

static gboolean
is_url_char (gunichar c)
{
  /* an address ends at a space, at Chinese text or full-width
   * punctuation ("见https://…。"), or at a quote or angle bracket */
  return c > 0x20 && c < 0x7f && c != '"' && c != '<' && c != '>';
}

/* A bare address in the text ("see https://undocs.org/A/70/174."),
 * linked as it is: at a word start, up to the first character that
 * cannot be part of it, less the punctuation that ends a sentence or
 * an unbalanced closing bracket. */
static gboolean
try_bare_url (GString    *out,
              const char *text,
              gsize       len,
              gsize      *i,
              Links       links,
              GPtrArray  *targets)
{
  const char *start = text + *i;
  const char *end = start;
  gsize scheme = scheme_length (start, len - *i);
  int depth = 0;

  if (scheme == 0 || (*i > 0 && g_ascii_isalnum (text[*i - 1])))
    return FALSE;

  while (end < text + len && is_url_char ((guchar) *end))
    {
      if (*end == '(')
        depth++;
      else if (*end == ')' && --depth < 0)
        break;
      end++;
    }
  while (end > start && strchr (".,;:!?'*", end[-1]) != NULL)
    end--;
  if ((gsize) (end - start) <= scheme || !url_is_safe (start, end - start))
    return FALSE;

  append_link (out, start, end - start, start, end - start, links, targets);
  *i = end - text;

  return TRUE;
}

static gboolean
try_link (GString    *out,
          const char *text,
          gsize       len,
          gsize      *i,
          Links       links,
          GPtrArray  *targets)
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
  url_end = find_url_end (url, (text + len) - url);
  if (url_end == NULL || !url_is_safe (url, url_end - url))
    return FALSE;

  append_link (out, label, label_end - label, url, url_end - url, links, targets);
  *i = (url_end - text) + 1;

  return TRUE;
}

static void
render (GString    *out,
        const char *text,
        gsize       len,
        Links       links,
        GPtrArray  *targets)
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

      if (try_span (out, text, len, &i, "**", "b", links, targets) ||
          try_span (out, text, len, &i, "*", "i", links, targets) ||
          (links != LINKS_NONE && try_link (out, text, len, &i, links, targets)) ||
          (links != LINKS_NONE && try_bare_url (out, text, len, &i, links, targets)))
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
    render (out, text, strlen (text), LINKS_ANCHOR, NULL);

  return g_string_free (out, FALSE);
}

/**
 * gloss_note_markup_for_print:
 * @text: (nullable): a note, valid UTF-8
 * @targets: (nullable) (element-type utf8): where to add the addresses
 *   the note links to
 *
 * Like gloss_note_markup_from_markdown(), but a link is drawn as its
 * label and its address, since paper (and Pango 1.50 markup) has no <a>.
 * With @targets, each link's text is also marked as a link to the
 * address it adds there (see gloss_note_markup_open_print_link()).
 *
 * Returns: (transfer full): Pango markup for @text; never %NULL
 */
char *
gloss_note_markup_for_print (const char *text,
                             GPtrArray  *targets)
{
  GString *out = g_string_new (NULL);

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    render (out, text, strlen (text), LINKS_PRINT, targets);

  return g_string_free (out, FALSE);
}

/* How a web address is printed. On paper an address is read and maybe
 * typed, in the PDF it is clicked, and the click goes to the full
 * address, which the link keeps. So the printed text is for the reader:
 * without the scheme a browser adds by itself; with percent-escaped
 * Chinese shown as the characters it stands for (a Wikisource page is
 * otherwise 300 characters of %E4%B8%AD…); and cut with an ellipsis
 * after about PRINT_URL_MAX characters. The
 * site and the start of the path say where a source is, and a handout
 * prints its title and UN symbol beside it: the rest of a 200-character
 * address would only crowd the page. (Zero-width spaces after "/" would
 * let Pango wrap a full address, but they ride along when the text is
 * copied, and the copied address then fails.) */
#define PRINT_URL_MAX 48   /* columns: a Chinese character takes two */

static int
hex_value (char c)
{
  return g_ascii_isxdigit (c) ? g_ascii_xdigit_value (c) : -1;
}

/* %XX escapes of bytes above 0x7f decoded; an escaped "/" or "?" stays
 * escaped, since it means something else than a bare one. */
static char *
decode_non_ascii (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      int high = p[0] == '%' ? hex_value (p[1]) : -1;
      int low = high >= 0 ? hex_value (p[2]) : -1;

      if (low >= 0 && high >= 8)
        {
          g_string_append_c (out, (char) (high << 4 | low));
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      g_string_free (out, TRUE);
      return g_strdup (text);
    }
  return g_string_free (out, FALSE);
}

/* Where @text passes @columns columns, a wide (CJK) character taking
 * two; NULL if it does not. */
static const char *
column_to_pointer (const char *text,
                   guint       columns)
{
  guint column = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      column += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
      if (column > columns)
        return p;
    }
  return NULL;
}

/* Cut after PRINT_URL_MAX columns, with an ellipsis. Latin is cut at the
 * last separator of the path before that, so that a word is not cut in
 * two (a "/" stays, to say the path goes on); Chinese, which has no
 * words to keep whole, is cut where the room ends. */
static char *
shorten (const char *text)
{
  const char *host_end = strchr (text, '/');
  const char *cut = column_to_pointer (text, PRINT_URL_MAX - 1);

  if (column_to_pointer (text, PRINT_URL_MAX) == NULL)
    return g_strdup (text);
  if (!g_unichar_iswide (g_utf8_get_char (g_utf8_prev_char (cut))))
    for (const char *p = cut; host_end != NULL && p >= host_end; p = g_utf8_prev_char (p))
      if (strchr ("/-_.?&=#", *p) != NULL)
        {
          cut = *p == '/' ? p + 1 : p;
          break;
        }
  return g_strdup_printf ("%.*s…", (int) (cut - text), text);
}

/**
 * gloss_note_markup_dup_print_url:
 * @url: a web address, valid UTF-8
 *
 * Returns: (transfer full): @url as printed, for display only: it need
 *   not lead anywhere, the link does
 */
char *
gloss_note_markup_dup_print_url (const char *url)
{
  static const char * const schemes[] = { "https://", "http://", "mailto:" };
  g_autofree char *decoded = NULL;
  const char *rest = url;

  g_return_val_if_fail (url != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_ascii_strncasecmp (url, schemes[i], strlen (schemes[i])) == 0 && url[strlen (schemes[i])])
      {
        rest = url + strlen (schemes[i]);
        break;
      }
  decoded = decode_non_ascii (rest);
  return shorten (decoded);
}

/**
 * gloss_note_markup_for_print_url:
 * @url: a web address, valid UTF-8
 *
 * gloss_note_markup_dup_print_url() as markup. Short as it is, the
 * address is kept on one line, where it is easiest to read and type; and
 * it is English text, so that its ellipsis sits on the baseline, not in
 * the middle as in Chinese.
 *
 * Returns: (transfer full): Pango markup
 */
char *
gloss_note_markup_for_print_url (const char *url)
{
  g_autofree char *shown = gloss_note_markup_dup_print_url (url);
  g_autofree char *escaped = g_markup_escape_text (shown, -1);

  return g_strdup_printf ("<span lang=\"en\" allow_breaks=\"false\">%s</span>", escaped);
}

/* Pango 1.50 markup has no <a>, so the text of a link is marked with a
 * span whose language names it: "x-link-N", N indexing the targets. Private
 * language tags do not occur otherwise, and the export layout takes the
 * marks out again before the text is shaped. */
#define PRINT_LINK_LANGUAGE "x-link-"

/**
 * gloss_note_markup_open_print_link:
 * @index: the index of the link's target
 *
 * Returns: (transfer full): the markup that opens a link mark; a
 *   </span> closes it
 */
char *
gloss_note_markup_open_print_link (guint index)
{
  return g_strdup_printf ("<span lang=\"" PRINT_LINK_LANGUAGE "%u\">", index);
}

/**
 * gloss_note_markup_parse_print_link:
 * @language: the string of a language attribute
 * @index: (out): the index of the link's target
 *
 * Returns: whether @language is a link mark
 */
gboolean
gloss_note_markup_parse_print_link (const char *language,
                                    guint      *index)
{
  guint64 value;

  if (language == NULL || !g_str_has_prefix (language, PRINT_LINK_LANGUAGE))
    return FALSE;
  if (!g_ascii_string_to_unsigned (language + strlen (PRINT_LINK_LANGUAGE), 10, 0, G_MAXUINT,
                                   &value, NULL))
    return FALSE;
  *index = (guint) value;
  return TRUE;
}
