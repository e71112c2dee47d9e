/* gloss-fold.c: folding text for search, with a map back to the original
 *
 * Search compares folded text: Unicode NFKC (ＵＮＧＧＥ = UNGGE,
 * ２０１５ = 2015, the ideographic space = a space, "ﬁ" = "fi"), then case
 * folding, and optionally Traditional → Simplified Chinese (網絡 = 网络).
 * The text is folded once, when it is indexed, and the query the same way.
 *
 * Mention detection (gloss-mentions.c) folds with two more flags, since
 * the names it looks for are written every which way: white space is
 * dropped (UN GGE, A / 70 / 174) and every hyphen and dash is one
 * (2016—2017, 2016–2017, 2016-2017). Search keeps both, as its queries
 * are words and the spaces between them mean something. The flags act on
 * each folded character, so a dropped space is one more cluster whose
 * length changes, and the map stays exact.
 *
 * Folding works cluster by cluster: a cluster is a character and the
 * combining marks that follow it, so "e" + U+0301 folds to "é" like the
 * precomposed character does. Every folded character comes from exactly
 * one cluster, which is what makes the map back to the original exact: a
 * match in the folded text covers whole clusters of the original. (NFKC
 * of a whole string can also compose Hangul jamo across clusters; the
 * text and the query are folded by this same function, so they agree.)
 *
 * Most characters fold to exactly one character (Han ideographs, ASCII,
 * full-width forms), so the map only records the clusters whose length
 * changes: a few per document ("……" → "......", "㈠" → "(一)").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-fold.h"

#include <string.h>

#include "gloss-t2s-table.h"

typedef struct
{
  guint32 folded;       /* first folded character of the cluster */
  guint32 folded_len;   /* how many folded characters it became */
  guint32 original_len; /* how many original characters it was */
} Anomaly;

struct _GlossFoldMap
{
  GArray *anomalies;    /* of Anomaly, by folded position */
  GArray *shift;        /* of gint64: original − folded before each anomaly */
};

gunichar
gloss_fold_traditional_char (gunichar c)
{
  gsize lo = 0, hi = G_N_ELEMENTS (gloss_t2s_table);

  if (c < gloss_t2s_table[0][0])
    return c;
  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;

      if (gloss_t2s_table[mid][0] == c)
        return gloss_t2s_table[mid][1];
      if (gloss_t2s_table[mid][0] < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return c;
}

/* White space as GLib sees it (which takes in the ideographic and the
 * no-break space), and the zero-width space and BOM that PDF extraction
 * leaves between the letters of a name. */
static inline gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

/* Hyphens, dashes, the minus sign, and the katakana long vowel mark that
 * Chinese input methods give for a dash. */
static inline gboolean
is_dash (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 ||
         c == 0xFE63 || c == 0xFF0D || c == 0x30FC;
}

/* Applies the flags to one folded character; FALSE if it is dropped. */
static inline gboolean
apply_flags (gunichar       *c,
             GlossFoldFlags  flags)
{
  if ((flags & GLOSS_FOLD_DROP_SPACE) && is_space (*c))
    return FALSE;
  if ((flags & GLOSS_FOLD_UNIFY_DASHES) && is_dash (*c))
    *c = '-';
  else if (flags & GLOSS_FOLD_TRADITIONAL)
    *c = gloss_fold_traditional_char (*c);
  return TRUE;
}

/* Returns the number of characters appended: 0 or 1. */
static guint
append_folded_char (GString       *out,
                    gunichar       c,
                    GlossFoldFlags flags)
{
  if (!apply_flags (&c, flags))
    return 0;
  g_string_append_unichar (out, c);
  return 1;
}

/* Folds one cluster onto out; returns the number of characters added. */
static guint
fold_cluster (GString       *out,
              const char    *cluster,
              gsize          bytes,
              guint          n_chars,
              GlossFoldFlags flags)
{
  gunichar c = g_utf8_get_char (cluster);
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *again = NULL;
  guint n = 0;

  /* the fast paths cover nearly all of a Chinese text */
  if (n_chars == 1)
    {
      if (c < 0x80)
        return append_folded_char (out, g_ascii_tolower (c), flags);
      if (c >= 0xFF01 && c <= 0xFF5E)   /* full-width ASCII */
        return append_folded_char (out, g_ascii_tolower (c - 0xFEE0), flags);
      if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF))
        return append_folded_char (out, c, flags);
    }

  nfkc = g_utf8_normalize (cluster, bytes, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return 0;
  folded = g_utf8_casefold (nfkc, -1);
  /* case folding can undo NFKC for a few characters */
  again = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
  for (const char *p = again; *p; p = g_utf8_next_char (p))
    n += append_folded_char (out, g_utf8_get_char (p), flags);
  return n;
}

static gboolean
is_combining (gunichar c)
{
  return g_unichar_combining_class (c) != 0;
}

/* Which characters of the Basic Multilingual Plane fold to themselves
 * and are no combining mark, a page of 256 at a time, worked out with
 * fold_cluster() itself the first time a text has one of them: Chinese
 * punctuation (、。《》“”) is the most common case. */
static gsize    identity_ready[256];
static guint32  identity_bits[256][8];

static void
fill_identity_page (guint page)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < 256; i++)
    {
      gunichar c = page << 8 | i;
      char utf8[6];
      int n;

      if ((c >= 0xD800 && c <= 0xDFFF) || c == 0 || g_unichar_combining_class (c) != 0)
        continue;
      n = g_unichar_to_utf8 (c, utf8);
      g_string_truncate (out, 0);
      if (fold_cluster (out, utf8, n, 1, GLOSS_FOLD_DEFAULT) == 1 &&
          out->len == (gsize) n && memcmp (out->str, utf8, n) == 0)
        identity_bits[page][i / 32] |= 1u << (i % 32);
    }
}

static gboolean
folds_to_itself (gunichar c)
{
  guint page = c >> 8;

  if (g_once_init_enter (&identity_ready[page]))
    {
      fill_identity_page (page);
      g_once_init_leave (&identity_ready[page], 1);
    }
  return (identity_bits[page][(c & 0xFF) / 32] >> (c % 32)) & 1;
}

/* The character at p if it folds to one character (or, under the flags,
 * to none or to "-") and is no combining mark, with its length in *n; 0
 * for anything else. */
static inline gunichar
simple_char (const guchar   *p,
             const guchar   *end,
             GlossFoldFlags  flags,
             guint          *n)
{
  gunichar c;

  if (p[0] < 0x80)
    {
      *n = 1;
      return p[0];
    }
  if (p[0] >= 0xC2 && p[0] < 0xE0 && end - p >= 2 && (p[1] & 0xC0) == 0x80)
    {
      c = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
      *n = 2;
    }
  else if (p[0] >= 0xE0 && p[0] < 0xF0 && end - p >= 3 &&
           (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
    {
      c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      *n = 3;
    }
  else
    return 0;

  if ((c >= 0xFF01 && c <= 0xFF5E) || (c >= 0x4E00 && c <= 0x9FFF) ||
      (c >= 0x3400 && c <= 0x4DBF) || folds_to_itself (c))
    return c;
  /* the ideographic and no-break spaces, and dashes NFKC would change */
  if (((flags & GLOSS_FOLD_DROP_SPACE) && is_space (c)) ||
      ((flags & GLOSS_FOLD_UNIFY_DASHES) && is_dash (c)))
    return c;
  return 0;
}

/* Writes what the simple character c, n bytes at u, folds to at w;
 * returns the end of what it wrote, or NULL if the flags drop c. Spaces
 * and dashes are taken before folding: folding a simple character keeps
 * it one, and makes none of anything else. */
static inline char *
write_simple_char (char           *w,
                   const guchar   *u,
                   guint           n,
                   gunichar        c,
                   GlossFoldFlags  flags)
{
  if (flags & (GLOSS_FOLD_DROP_SPACE | GLOSS_FOLD_UNIFY_DASHES))
    {
      if ((flags & GLOSS_FOLD_DROP_SPACE) && is_space (c))
        return NULL;
      if ((flags & GLOSS_FOLD_UNIFY_DASHES) && is_dash (c))
        {
          *w = '-';
          return w + 1;
        }
    }
  if (c < 0x80)
    *w++ = g_ascii_tolower (c);
  else if (c >= 0xFF01 && c <= 0xFF5E)   /* not U+FFFD, which folds to itself */
    *w++ = g_ascii_tolower (c - 0xFEE0);
  else if (flags & GLOSS_FOLD_TRADITIONAL)
    w += g_unichar_to_utf8 (gloss_fold_traditional_char (c), w);
  else
    {
      memcpy (w, u, n);
      w += n;
    }
  return w;
}

static void
add_anomaly (GArray *anomalies,
             guint   folded,
             guint   folded_len,
             guint   original_len)
{
  Anomaly a = { folded, folded_len, original_len };

  if (anomalies != NULL)
    g_array_append_val (anomalies, a);
}

/* Folds the simple characters from p on, as fold_cluster() would, up to
 * the first one that is not simple or is followed by a character that
 * is not (it may be a combining mark); returns where it stopped, and
 * adds the number of characters folded to *n_folded, and the dropped
 * ones to anomalies (nullable). Search folds paragraphs on demand and
 * mention detection whole documents, so this is the hot path: it writes
 * straight into out. */
static G_ALWAYS_INLINE inline const char *
fold_simple_run_inline (GString        *out,
                        const char     *p,
                        const char     *end,
                        GlossFoldFlags  flags,
                        GArray         *anomalies,
                        guint          *n_folded)
{
  const guchar *u = (const guchar *) p, *e = (const guchar *) end;
  gsize len = out->len;
  guint n = 0, m = 0;
  gunichar c = simple_char (u, e, flags, &n);
  char *w;

  if (c == 0)
    return p;
  /* a Traditional character may fold to one of four bytes, from two */
  g_string_set_size (out, len + (end - p) * (flags & GLOSS_FOLD_TRADITIONAL ? 2 : 1));
  w = out->str + len;
  while (c != 0)
    {
      const guchar *q = u + n;
      gunichar d = q < e ? simple_char (q, e, flags, &m) : 0;
      char *written;

      if (d == 0 && q < e)
        break;
      written = write_simple_char (w, u, n, c, flags);
      if (written == NULL)
        add_anomaly (anomalies, *n_folded, 0, 1);
      else
        {
          w = written;
          (*n_folded)++;
        }
      u = q;
      c = d;
      n = m;
    }
  out->len = w - out->str;
  out->str[out->len] = '\0';
  return (const char *) u;
}

/* The loop above, compiled apart for each of search's two foldings, so
 * that the tests of the flags on every character fold away: with
 * simple_char() inlined too, search's folding takes a quarter fewer
 * instructions than the one loop for all flags did (callgrind, the 2 MB
 * synthetic text), where the flags alone had cost it 6% more. */
static const char *
fold_simple_run (GString        *out,
                 const char     *p,
                 const char     *end,
                 GlossFoldFlags  flags,
                 GArray         *anomalies,
                 guint          *n_folded)
{
  if (flags == GLOSS_FOLD_DEFAULT)
    return fold_simple_run_inline (out, p, end, GLOSS_FOLD_DEFAULT, anomalies, n_folded);
  if (flags == GLOSS_FOLD_TRADITIONAL)
    return fold_simple_run_inline (out, p, end, GLOSS_FOLD_TRADITIONAL, anomalies, n_folded);
  return fold_simple_run_inline (out, p, end, flags, anomalies, n_folded);
}

/**
 * gloss_fold:
 * @text: valid UTF-8
 * @length: its length in bytes, or -1 if nul-terminated
 * @flags: search folds with none or %GLOSS_FOLD_TRADITIONAL, mention
 *   detection with %GLOSS_FOLD_DROP_SPACE and %GLOSS_FOLD_UNIFY_DASHES
 * @map: (out) (optional): where the folded text differs in length
 *
 * Returns: (transfer full): the folded text
 */
char *
gloss_fold (const char     *text,
            gssize          length,
            GlossFoldFlags  flags,
            GlossFoldMap  **map)
{
  const char *end = text + (length < 0 ? strlen (text) : (gsize) length);
  GString *out = g_string_sized_new (end - text + 8);
  GArray *anomalies = map ? g_array_new (FALSE, FALSE, sizeof (Anomaly)) : NULL;
  guint folded = 0;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; p < end;)
    {
      const char *q;
      guint n_chars = 1, n;

      /* most characters take the fast way */
      q = fold_simple_run (out, p, end, flags, anomalies, &folded);
      if (q != p)
        {
          p = q;
          continue;
        }
      q = g_utf8_next_char (p);

      while (q < end && is_combining (g_utf8_get_char (q)))
        {
          q = g_utf8_next_char (q);
          n_chars++;
        }
      n = fold_cluster (out, p, q - p, n_chars, flags);
      if (n != n_chars)
        add_anomaly (anomalies, folded, n, n_chars);
      folded += n;
      p = q;
    }

  if (map != NULL)
    {
      *map = gloss_fold_map_new_from_data (anomalies->data, anomalies->len * sizeof (Anomaly));
      g_array_unref (anomalies);
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* The map                                                            */

/* data: Anomaly records as written by gloss_fold_map_to_bytes (little
 * endian), for example from the search index. */
GlossFoldMap *
gloss_fold_map_new_from_data (const void *data,
                              gsize       size)
{
  GlossFoldMap *self = g_new0 (GlossFoldMap, 1);
  guint n = size / sizeof (Anomaly);
  gint64 shift = 0;

  self->anomalies = g_array_sized_new (FALSE, FALSE, sizeof (Anomaly), n);
  self->shift = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      Anomaly a;

      memcpy (&a, (const char *) data + i * sizeof (Anomaly), sizeof a);
      a.folded = GUINT32_FROM_LE (a.folded);
      a.folded_len = GUINT32_FROM_LE (a.folded_len);
      a.original_len = GUINT32_FROM_LE (a.original_len);
      g_array_append_val (self->anomalies, a);
      g_array_append_val (self->shift, shift);
      shift += (gint64) a.original_len - a.folded_len;
    }
  return self;
}

GBytes *
gloss_fold_map_to_bytes (const GlossFoldMap *self)
{
  Anomaly *records = g_new (Anomaly, self->anomalies->len);

  for (guint i = 0; i < self->anomalies->len; i++)
    {
      const Anomaly *a = &g_array_index (self->anomalies, Anomaly, i);

      records[i].folded = GUINT32_TO_LE (a->folded);
      records[i].folded_len = GUINT32_TO_LE (a->folded_len);
      records[i].original_len = GUINT32_TO_LE (a->original_len);
    }
  return g_bytes_new_take (records, self->anomalies->len * sizeof (Anomaly));
}

gboolean
gloss_fold_map_is_identity (const GlossFoldMap *self)
{
  return self->anomalies->len == 0;
}

/* The original characters [start, end) that folded character f came from. */
static void
lookup (const GlossFoldMap *self,
        guint               f,
        guint              *start,
        guint              *end)
{
  guint lo = 0, hi = self->anomalies->len;
  const Anomaly *a;
  gint64 shift;

  /* the last anomaly starting at or before f */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->anomalies, Anomaly, mid).folded <= f)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == 0)
    {
      *start = f;
      *end = f + 1;
      return;
    }

  a = &g_array_index (self->anomalies, Anomaly, lo - 1);
  shift = g_array_index (self->shift, gint64, lo - 1);
  if (f < a->folded + a->folded_len)
    {
      *start = a->folded + shift;
      *end = *start + a->original_len;
      return;
    }
  *start = f + shift + (gint64) a->original_len - a->folded_len;
  *end = *start + 1;
}

/**
 * gloss_fold_map_to_original:
 *
 * Maps the folded characters [folded_start, folded_end) to the original
 * characters they came from: whole clusters, so a match on the folded
 * "fi" of "ﬁ" covers the ligature.
 */
void
gloss_fold_map_to_original (const GlossFoldMap *self,
                            guint               folded_start,
                            guint               folded_end,
                            guint              *original_start,
                            guint              *original_end)
{
  guint ignored;

  g_return_if_fail (self != NULL);
  g_return_if_fail (folded_end > folded_start);

  lookup (self, folded_start, original_start, &ignored);
  lookup (self, folded_end - 1, &ignored, original_end);
}

void
gloss_fold_map_free (GlossFoldMap *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->anomalies);
  g_array_unref (self->shift);
  g_free (self);
}
