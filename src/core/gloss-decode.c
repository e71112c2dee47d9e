/* gloss-decode.c: bytes of a file to UTF-8 text
 *
 * The order of the checks matters: a byte order mark is the only reliable
 * sign of UTF-16 (whose text is full of NUL bytes), NUL bytes anywhere
 * else mean the file is not text, valid UTF-8 is taken as UTF-8 (GB18030
 * would accept most of it too), and only then is GB18030 tried. GB18030
 * is a superset of GBK and GB2312, so one attempt covers all three.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-decode.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-text-util.h"

const char *
gloss_format_to_string (GlossFormat format)
{
  switch (format)
    {
    case GLOSS_FORMAT_MARKDOWN: return "markdown";
    case GLOSS_FORMAT_PDF:      return "pdf";
    case GLOSS_FORMAT_TEXT:
    default:                    return "text";
    }
}

GlossFormat
gloss_format_from_string (const char *name)
{
  if (g_strcmp0 (name, "markdown") == 0)
    return GLOSS_FORMAT_MARKDOWN;
  if (g_strcmp0 (name, "pdf") == 0)
    return GLOSS_FORMAT_PDF;
  return GLOSS_FORMAT_TEXT;
}

GlossFormat
gloss_format_guess (const char *name,
                    GBytes     *bytes)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autofree char *lower = g_ascii_strdown (name ? name : "", -1);

  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return GLOSS_FORMAT_PDF;
  if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    return GLOSS_FORMAT_MARKDOWN;
  return GLOSS_FORMAT_TEXT;
}

/* Well-known signatures, so that the message can say what the file is.
 * The kinds are translated where the message is made. */
static const char *
binary_kind (const guint8 *data,
             gsize         size)
{
  static const struct { const char *magic; gsize len; const char *kind; } magics[] = {
    /* Translators: the kinds of file below complete “%s: this is %s,
     * not a text, Markdown or PDF file” */
    { "\x89PNG", 4, N_("a PNG image") },
    { "\xff\xd8\xff", 3, N_("a JPEG image") },
    { "GIF8", 4, N_("a GIF image") },
    { "PK\x03\x04", 4, N_("a ZIP archive (perhaps a Word or EPUB file)") },
    { "\x7f" "ELF", 4, N_("a program") },
    { "\x1f\x8b", 2, N_("a gzip archive") },
    { "SQLite format 3", 15, N_("an SQLite database") },
    { "\xd0\xcf\x11\xe0", 4, N_("an old Microsoft Office file") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (magics); i++)
    if (size >= magics[i].len && memcmp (data, magics[i].magic, magics[i].len) == 0)
      return magics[i].kind;
  return NULL;
}

/* Control characters other than tab, line ends and form feed are rare in
 * any text; more than a few per thousand bytes is a binary file. */
static gboolean
looks_binary (const guint8 *data,
              gsize         size)
{
  gsize controls = 0;

  for (gsize i = 0; i < size; i++)
    if (data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' &&
        data[i] != '\r' && data[i] != '\f' && data[i] != 0x1b)
      controls++;
  return controls * 1000 > size * 3;
}

static char *
normalize_newlines (char *text)
{
  char *w = text;

  for (const char *r = text; *r; r++)
    {
      if (*r == '\r')
        {
          *w++ = '\n';
          if (r[1] == '\n')
            r++;
        }
      else
        *w++ = *r;
    }
  *w = '\0';
  return text;
}

static gboolean
has_text (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!gloss_unichar_is_space (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static char *
convert_utf16 (const guint8 *data,
               gsize         size,
               const char   *charset,
               const char   *name,
               GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text;

  if (size % 2 != 0)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_ENCODING,
                   /* Translators: %s is the file's name */
                   _("%s: the file is marked as UTF-16 but has an odd number of bytes (truncated?)"),
                   name);
      return NULL;
    }
  text = g_convert ((const char *) data, size, "UTF-8", charset, NULL, NULL, &local_error);
  if (text == NULL)
    g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_ENCODING,
                 /* Translators: the file's name, then the converter's reason */
                 _("%s: the file is marked as UTF-16 but is not valid UTF-16: %s"),
                 name, local_error->message);
  return text;
}

static char *
decode (const guint8 *data,
        gsize         size,
        const char   *name,
        char        **encoding,
        GError      **error)
{
  const char *end = NULL;
  const char *kind;
  g_autoptr(GError) local_error = NULL;
  char *text;

  if (size >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      *encoding = g_strdup ("UTF-16LE");
      return convert_utf16 (data + 2, size - 2, "UTF-16LE", name, error);
    }
  if (size >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      *encoding = g_strdup ("UTF-16BE");
      return convert_utf16 (data + 2, size - 2, "UTF-16BE", name, error);
    }

  if ((kind = binary_kind (data, size)) != NULL)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_BINARY,
                   /* Translators: the file's name, then what kind of file it is,
                    * such as “a PNG image” */
                   _("%s: this is %s, not a text, Markdown or PDF file"), name, _(kind));
      return NULL;
    }
  if (memchr (data, '\0', size) != NULL)
    {
      gsize at = (const guint8 *) memchr (data, '\0', size) - data;

      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_NUL_BYTES,
                   /* Translators: the file's name, then where the first NUL
                    * (zero) byte is, counted from 0 */
                   _("%s: the file contains NUL bytes (the first at byte %zu), so it is "
                     "not plain text; UTF-16 files need a byte order mark"),
                   name, (size_t) at);
      return NULL;
    }
  if (looks_binary (data, size))
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_BINARY,
                   /* Translators: %s is the file's name */
                   _("%s: the file is binary (too many control characters), not text"), name);
      return NULL;
    }

  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      data += 3;
      size -= 3;
      *encoding = g_strdup ("UTF-8 (BOM)");
    }
  if (g_utf8_validate ((const char *) data, size, &end))
    {
      if (*encoding == NULL)
        *encoding = g_strdup ("UTF-8");
      return g_strndup ((const char *) data, size);
    }
  if (*encoding != NULL)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_ENCODING,
                   /* Translators: the file's name, then the offset of the
                    * first byte that is not UTF-8, counted from 0 */
                   _("%s: the file is marked as UTF-8 but has an invalid byte at offset %zu"),
                   name, (size_t) (end - (const char *) data) + 3);
      return NULL;
    }

  text = g_convert ((const char *) data, size, "UTF-8", "GB18030", NULL, NULL, &local_error);
  if (text == NULL)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_ENCODING,
                   /* Translators: the file's name, then the value and the
                    * offset of the first byte that is not UTF-8 */
                   _("%s: the text is neither UTF-8 (invalid byte 0x%02X at offset %zu) "
                     "nor GB18030/GBK"),
                   name, (guint) (guint8) *end, (size_t) (end - (const char *) data));
      return NULL;
    }
  *encoding = g_strdup ("GB18030");
  return text;
}

char *
gloss_decode_text (GBytes      *bytes,
                   const char  *name,
                   char       **encoding,
                   GError     **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autofree char *detected = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (size == 0)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_EMPTY,
                   /* Translators: %s is the file's name */
                   _("%s: the file is empty"), name);
      return NULL;
    }

  text = decode (data, size, name, &detected, error);
  if (text == NULL)
    return NULL;

  normalize_newlines (text);
  if (!has_text (text))
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_NO_TEXT,
                   /* Translators: %s is the file's name */
                   _("%s: the file has no text, only white space"), name);
      return NULL;
    }

  if (encoding != NULL)
    *encoding = g_steal_pointer (&detected);
  return g_steal_pointer (&text);
}
