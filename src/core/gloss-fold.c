/* gloss-fold.c: folding text for search, with a map back to the original
 *
 * Search compares folded text: Unicode NFKC (ＵＮＧＧＥ = UNGGE,
 * ２０１５ = 2015, the ideographic space = a space, "ﬁ" = "fi"), then case
 * folding, and optionally Traditional → Simplified Chinese (網絡 = 网络).
 * The text is folded once, when it is indexed, and the query the same way.
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

static void
append_folded_char (GString       *out,
                    gunichar       c,
                    GlossFoldFlags flags)
{
  if (flags & GLOSS_FOLD_TRADITIONAL)
    c = gloss_fold_traditional_char (c);
  g_string_append_unichar (out, c);
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
        {
          g_string_append_c (out, g_ascii_tolower (c));
          return 1;
        }
      if (c >= 0xFF01 && c <= 0xFF5E)   /* full-width ASCII */
        {
          g_string_append_c (out, g_ascii_tolower (c - 0xFEE0));
          return 1;
        }
      if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF))
        {
          append_folded_char (out, c, flags);
          return 1;
        }
    }

  nfkc = g_utf8_normalize (cluster, bytes, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return 0;
  folded = g_utf8_casefold (nfkc, -1);
  /* case folding can undo NFKC for a few characters */
  again = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
  for (const char *p = again; *p; p = g_utf8_next_char (p), n++)
    append_folded_char (out, g_utf8_get_char (p), flags);
  return n;
}

static gboolean
is_combining (gunichar c)
{
  return g_unichar_combining_class (c) != 0;
}

/**
 * gloss_fold:
 * @text: valid UTF-8
 * @length: its length in bytes, or -1 if nul-terminated
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
      const char *q = g_utf8_next_char (p);
      guint n_chars = 1, n;

      while (q < end && is_combining (g_utf8_get_char (q)))
        {
          q = g_utf8_next_char (q);
          n_chars++;
        }
      n = fold_cluster (out, p, q - p, n_chars, flags);
      if (anomalies != NULL && n != n_chars)
        {
          Anomaly a = { folded, n, n_chars };

          g_array_append_val (anomalies, a);
        }
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
