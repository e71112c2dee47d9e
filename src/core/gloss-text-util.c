/* gloss-text-util.c: character classes for cleaning CJK text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-text-util.h"

#include <string.h>

gboolean
gloss_unichar_is_cjk (gunichar c)
{
  return (c >= 0x3400 && c <= 0x4DBF) ||   /* CJK Extension A */
         (c >= 0x4E00 && c <= 0x9FFF) ||   /* CJK Unified Ideographs */
         (c >= 0xF900 && c <= 0xFAFF) ||   /* Compatibility Ideographs */
         (c >= 0x20000 && c <= 0x3FFFF) || /* Extensions B and later */
         (c >= 0x3040 && c <= 0x30FF) ||   /* Kana */
         (c >= 0xAC00 && c <= 0xD7AF);     /* Hangul syllables */
}

gboolean
gloss_unichar_is_fullwidth_alnum (gunichar c)
{
  return (c >= 0xFF10 && c <= 0xFF19) ||
         (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A);
}

/* Letters of alphabetic scripts, in either width: the places where a
 * line join needs a space, unlike between two Han characters. */
gboolean
gloss_unichar_is_latin_letter (gunichar c)
{
  if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
    return TRUE;
  return c < 0x2E80 && g_unichar_isalpha (c);
}

gboolean
gloss_unichar_is_closing (gunichar c)
{
  switch (c)
    {
    case 0x201D: /* ” */ case 0x2019: /* ’ */ case '"': case '\'':
    case 0x300D: /* 」 */ case 0x300F: /* 』 */ case 0xFF09: /* ） */
    case ')': case 0x3011: /* 】 */ case 0x300B: /* 》 */ case ']':
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
gloss_unichar_is_sentence_end (gunichar c)
{
  switch (c)
    {
    case 0x3002: /* 。 */ case 0xFF01: /* ！ */ case 0xFF1F: /* ？ */
    case '!': case '?': case '.': case 0x2026: /* … */
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
gloss_unichar_is_circled_number (gunichar c)
{
  return (c >= 0x2460 && c <= 0x2473) ||   /* ① … ⑳ */
         (c >= 0x3251 && c <= 0x325F) ||   /* ㉑ … ㉟ */
         (c >= 0x32B1 && c <= 0x32BF);     /* ㊱ … ㊿ */
}

gboolean
gloss_unichar_is_space (gunichar c)
{
  return c == 0x3000 || g_unichar_isspace (c);
}

/* The width a line took on the printed page, in ems: Han characters and
 * full-width punctuation take a whole em; Latin letters and digits, even
 * in their full-width forms, were set proportionally, about half an em.
 * Only ratios against the document's own typical line matter. */
double
gloss_text_em_width (const char *text)
{
  double width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (gloss_unichar_is_fullwidth_alnum (c))
        width += 0.55;
      else if (c == 0x3000 || c < 0x2E80)
        width += 0.5;
      else
        width += 1.0;
    }

  return width;
}

/* A copy without leading and trailing white space of any width. */
char *
gloss_text_strip (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start && gloss_unichar_is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!gloss_unichar_is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

gboolean
gloss_text_has_prefix_ci (const char *text,
                          const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

/* The value of a run of digits, ASCII or full-width; -1 if text is not one. */
gint
gloss_text_parse_number (const char *text)
{
  gint value = 0;
  guint digits = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        value = value * 10 + (c - '0');
      else if (c >= 0xFF10 && c <= 0xFF19)
        value = value * 10 + (c - 0xFF10);
      else
        return -1;
      if (++digits > 6)
        return -1;
    }

  return digits > 0 ? value : -1;
}
