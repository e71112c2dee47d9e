/* gloss-anchor.c: finding a quoted passage again in a changed text
 *
 * A note remembers its quote, about 32 characters of context on each
 * side, its old offsets and, when known, the old text's length. When
 * the text changes, the passage is looked for as the Hypothesis client
 * does:
 *
 *  1. exact position: the quote still stands at its old offsets, with
 *     unchanged characters right next to it (or is long enough to be
 *     evidence on its own): taken at once;
 *  2. exact quote: every occurrence with some unchanged context right
 *     next to it, or a long quote found once;
 *  3. fuzzy: approximate occurrences of the quote (up to half its length
 *     in edits, found with Myers' bit-parallel search) and the places
 *     where its context is found, each aligned with the quote. A fuzzy
 *     place needs one side of context at least half alike and a quote
 *     that explains the text better than "the quote was deleted here".
 *     Skipped when step 2 found the quote with all its context intact.
 *
 * The places of steps 2 and 3 are weighed together: quote similarity
 * (weight 50), prefix and suffix similarity (20 each) and position
 * (10). The position counts what the change in the text's length does
 * not explain: a shift of the same sign as the length change, and no
 * larger, is free; anything beyond it needs edits that cancel out, and
 * costs by how many (see position_fit()). Then the decision rule:
 *
 *  a. where the prefix and the suffix stand together (with at most a
 *     changed quote between them) is where the context says the
 *     passage is. If that is not the best place, and the context fits
 *     there clearly better (by CONTEXT_MARGIN of 2), the best place is
 *     only the same words elsewhere: nothing is chosen.
 *  b. the best place must score clearly better (by SCORE_MARGIN) than
 *     the best place apart from it. If not, the quote or a near copy
 *     stands more than once and neither words, context nor position
 *     decide: nothing is chosen. The one exception is two exact copies
 *     each with its context about intact, a duplicated passage, where
 *     either copy is the note's: the one whose context is kept better,
 *     else the one nearer its old place.
 *
 * What is not chosen is left where it was with its old quote and
 * reported ORPHANED, which lists it as needing attention: wrongly
 * moving a note is worse than asking the user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-anchor.h"

#include <string.h>

struct _GlossAnchorText
{
  gunichar *chars;
  guint     n;
};

/* A piece of a selector, decoded. */
typedef struct
{
  gunichar *c;
  guint     n;
} Str;

typedef struct
{
  guint  start;
  guint  end;
  guint  errors;
  double quote_sim;
  double prefix_sim;
  double suffix_sim;
  double position;
  double score;
} Candidate;

/* How many exactly matching characters next to an exact quote show that
 * it is the same passage (fewer if the context itself is shorter). */
#define ADJACENT_EVIDENCE 6
/* Quotes at least this long are evidence enough on their own when they
 * occur once. */
#define SELF_EVIDENT_LENGTH 24
#define MAX_CANDIDATES 16
/* Below this combined score a fuzzy match is too weak to move a note:
 * it is left orphaned for the user to look at. */
#define MIN_FUZZY_SCORE 0.6
/* The words count most, as in the Hypothesis client; the position is
 * worth less than one side of context, enough to tell apart copies a
 * length change cannot explain, too little to outweigh what is read. */
#define WEIGHT_QUOTE 50
#define WEIGHT_CONTEXT 20
#define WEIGHT_POSITION 10
/* Unexplained shift, as a share of the text, at which the position no
 * longer counts for a place at all. */
#define POSITION_SPAN 0.25
/* How much better than the runner-up the best place must score to be
 * chosen: about one edit in a ten-character quote, or eight characters
 * of context. */
#define SCORE_MARGIN 0.05
/* How much better (of 2) the context must fit elsewhere to overrule
 * the best place: about ten characters, more than the noise of where a
 * search places the context. */
#define CONTEXT_MARGIN 0.3
/* Context (of 2) either copy of a duplicated passage may have lost,
 * at the edges of the copied stretch, and still count as a copy. */
#define TWIN_CONTEXT_LOSS 0.25
#define MYERS_MAX 64

GlossAnchorText *
gloss_anchor_text_new (const char *text,
                       gssize      length)
{
  GlossAnchorText *self = g_new0 (GlossAnchorText, 1);
  glong n = 0;

  self->chars = g_utf8_to_ucs4_fast (text, length, &n);
  self->n = n;
  return self;
}

void
gloss_anchor_text_free (GlossAnchorText *self)
{
  if (self == NULL)
    return;
  g_free (self->chars);
  g_free (self);
}

guint
gloss_anchor_text_get_length (GlossAnchorText *self)
{
  return self->n;
}

char *
gloss_anchor_text_dup_range (GlossAnchorText *self,
                             guint            start,
                             guint            end)
{
  start = MIN (start, self->n);
  end = CLAMP (end, start, self->n);
  return g_ucs4_to_utf8 (self->chars + start, end - start, NULL, NULL, NULL);
}

void
gloss_anchor_text_describe (GlossAnchorText *self,
                            guint            start,
                            guint            end,
                            char           **quote,
                            char           **prefix,
                            char           **suffix)
{
  start = MIN (start, self->n);
  end = CLAMP (end, start, self->n);
  *quote = gloss_anchor_text_dup_range (self, start, end);
  *prefix = gloss_anchor_text_dup_range (self, start > GLOSS_ANCHOR_CONTEXT ? start - GLOSS_ANCHOR_CONTEXT : 0, start);
  *suffix = gloss_anchor_text_dup_range (self, end, MIN (self->n, end + GLOSS_ANCHOR_CONTEXT));
}

static Str
str_decode (const char *utf8)
{
  Str s = { NULL, 0 };
  glong n = 0;

  s.c = g_utf8_to_ucs4_fast (utf8 ? utf8 : "", -1, &n);
  s.n = n;
  return s;
}

static gboolean
equal_at (GlossAnchorText *self,
          guint            pos,
          const Str       *s)
{
  return pos + s->n <= self->n &&
         memcmp (self->chars + pos, s->c, s->n * sizeof (gunichar)) == 0;
}

static GArray *
find_all_str (GlossAnchorText *self,
              const Str       *q)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (guint));

  if (q->n == 0 || q->n > self->n)
    return hits;
  for (guint i = 0; i + q->n <= self->n; i++)
    if (self->chars[i] == q->c[0] && equal_at (self, i, q))
      g_array_append_val (hits, i);
  return hits;
}

/**
 * gloss_anchor_text_find_all:
 *
 * Returns: (transfer full): the code point offsets (guint) at which
 *   @quote occurs, in order
 */
GArray *
gloss_anchor_text_find_all (GlossAnchorText *self,
                            const char      *quote)
{
  Str q = str_decode (quote);
  GArray *hits = find_all_str (self, &q);

  g_free (q.c);
  return hits;
}

/* ------------------------------------------------------------------ */
/* Distances                                                          */

static guint
edit_distance (const gunichar *a,
               guint           na,
               const gunichar *b,
               guint           nb)
{
  g_autofree guint *row = g_new (guint, nb + 1);

  for (guint j = 0; j <= nb; j++)
    row[j] = j;
  for (guint i = 1; i <= na; i++)
    {
      guint diag = row[0];

      row[0] = i;
      for (guint j = 1; j <= nb; j++)
        {
          guint up = row[j];
          guint best = diag + (a[i - 1] != b[j - 1]);

          best = MIN (best, up + 1);
          best = MIN (best, row[j - 1] + 1);
          diag = up;
          row[j] = best;
        }
    }
  return row[nb];
}

/* 1 when the text before @pos is the prefix, 0 when nothing is alike. */
static double
prefix_similarity (GlossAnchorText *self,
                   const Str       *p,
                   guint            pos)
{
  guint len = MIN (p->n, pos);

  if (p->n == 0)
    return pos == 0 ? 1.0 : 0.0;
  return 1.0 - MIN (1.0, (double) edit_distance (p->c, p->n, self->chars + pos - len, len) / p->n);
}

static double
suffix_similarity (GlossAnchorText *self,
                   const Str       *s,
                   guint            pos)
{
  guint len = MIN (s->n, self->n - MIN (pos, self->n));

  if (s->n == 0)
    return pos >= self->n ? 1.0 : 0.0;
  return 1.0 - MIN (1.0, (double) edit_distance (s->c, s->n, self->chars + pos, len) / s->n);
}

/* Exactly equal characters right before @pos, and right from @pos on. */
static guint
adjacent_before (GlossAnchorText *self,
                 const Str       *p,
                 guint            pos)
{
  guint k = 0;

  while (k < p->n && k < pos && p->c[p->n - 1 - k] == self->chars[pos - 1 - k])
    k++;
  return k;
}

static guint
adjacent_after (GlossAnchorText *self,
                const Str       *s,
                guint            pos)
{
  guint k = 0;

  while (k < s->n && pos + k < self->n && s->c[k] == self->chars[pos + k])
    k++;
  return k;
}

static gboolean
side_evident (guint adjacent,
              guint context_length,
              gboolean at_edge)
{
  if (context_length == 0)
    return at_edge;
  return adjacent >= MIN (ADJACENT_EVIDENCE, context_length);
}

/* The best place of @q inside text[from, to): edits of the quote, with
 * free ends in the text. Returns the number of edits. */
static guint
align_quote (GlossAnchorText *self,
             const Str       *q,
             guint            from,
             guint            to,
             guint           *start,
             guint           *end)
{
  guint w = to - from;
  const gunichar *t = self->chars + from;
  g_autofree guint *prev = g_new (guint, w + 1);
  g_autofree guint *cur = g_new (guint, w + 1);
  g_autofree guint *prev_start = g_new (guint, w + 1);
  g_autofree guint *cur_start = g_new (guint, w + 1);
  guint best = G_MAXUINT;
  guint best_j = 0;

  for (guint j = 0; j <= w; j++)
    {
      prev[j] = 0;
      prev_start[j] = j;
    }
  for (guint i = 1; i <= q->n; i++)
    {
      cur[0] = i;
      cur_start[0] = 0;
      for (guint j = 1; j <= w; j++)
        {
          guint v = prev[j - 1] + (q->c[i - 1] != t[j - 1]);
          guint s = prev_start[j - 1];

          if (prev[j] + 1 < v)
            {
              v = prev[j] + 1;
              s = prev_start[j];
            }
          if (cur[j - 1] + 1 < v)
            {
              v = cur[j - 1] + 1;
              s = cur_start[j - 1];
            }
          cur[j] = v;
          cur_start[j] = s;
        }
      memcpy (prev, cur, (w + 1) * sizeof (guint));
      memcpy (prev_start, cur_start, (w + 1) * sizeof (guint));
    }

  /* among equally good ends, the span closest to the quote's length */
  for (guint j = 0; j <= w; j++)
    if (prev[j] < best ||
        (prev[j] == best && ABS ((gint) (j - prev_start[j]) - (gint) q->n) <
                            ABS ((gint) (best_j - prev_start[best_j]) - (gint) q->n)))
      {
        best = prev[j];
        best_j = j;
      }
  *start = from + prev_start[best_j];
  *end = from + best_j;
  return best;
}

/* ------------------------------------------------------------------ */
/* Myers' bit-parallel approximate search                             */

typedef struct
{
  guint end;       /* exclusive end of the match in the text */
  guint errors;
} Hit;

static gint
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *x = a;
  const Hit *y = b;

  return (gint) x->errors - (gint) y->errors;
}

/* The ends of the approximate occurrences of @pat (at most 64 code
 * points) with at most @k edits; one per run of neighbouring ends, the
 * best of the run. */
static GArray *
myers_search (GlossAnchorText *self,
              const gunichar  *pat,
              guint            m,
              guint            k)
{
  g_autoptr(GHashTable) peq = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  guint64 pv = m == 64 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << m) - 1;
  guint64 mv = 0;
  guint64 high = G_GUINT64_CONSTANT (1) << (m - 1);
  guint score = m;
  Hit run = { 0, G_MAXUINT };

  g_return_val_if_fail (m > 0 && m <= MYERS_MAX, hits);

  for (guint i = 0; i < m; i++)
    {
      guint64 *mask = g_hash_table_lookup (peq, GUINT_TO_POINTER (pat[i]));

      if (mask == NULL)
        {
          mask = g_new0 (guint64, 1);
          g_hash_table_insert (peq, GUINT_TO_POINTER (pat[i]), mask);
        }
      *mask |= G_GUINT64_CONSTANT (1) << i;
    }

  for (guint j = 0; j < self->n; j++)
    {
      guint64 *mask = g_hash_table_lookup (peq, GUINT_TO_POINTER (self->chars[j]));
      guint64 eq = mask ? *mask : 0;
      guint64 xv = eq | mv;
      guint64 xh = (((eq & pv) + pv) ^ pv) | eq;
      guint64 ph = mv | ~(xh | pv);
      guint64 mh = pv & xh;

      if (ph & high)
        score++;
      else if (mh & high)
        score--;
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;

      if (score <= k)
        {
          if (score < run.errors)
            run = (Hit) { j + 1, score };
        }
      else if (run.errors != G_MAXUINT)
        {
          g_array_append_val (hits, run);
          run.errors = G_MAXUINT;
        }
    }
  if (run.errors != G_MAXUINT)
    g_array_append_val (hits, run);
  return hits;
}

/* The places (end of each of the best hits, plus @shift) where @pat
 * nearly occurs, best first. */
static GArray *
search_best (GlossAnchorText *self,
             const gunichar  *pat,
             guint            m,
             guint            k,
             gint             shift)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GArray) hits = NULL;

  if (m == 0)
    return places;
  hits = myers_search (self, pat, MIN (m, MYERS_MAX), k);
  g_array_sort (hits, compare_hits);
  for (guint i = 0; i < hits->len && i < MAX_CANDIDATES; i++)
    {
      gint at = (gint) g_array_index (hits, Hit, i).end + shift;

      g_array_append_val (places, at);
    }
  return places;
}

static void
append_all (GArray *to,
            GArray *from)
{
  g_array_append_vals (to, from->data, from->len);
}

/* ------------------------------------------------------------------ */
/* Scoring                                                            */

/* How plausible it is that the passage went from its old offset to
 * @start. Text inserted before a passage pushes it on and text deleted
 * pulls it back, so a shift of the same sign as the change in the
 * text's length and no larger is explained by the change itself. Any
 * other shift needs edits that cancel out in the length (twice the
 * unexplained part), and the more of those it takes, the less likely
 * this is the place. Without the old length, every character of shift
 * counts once. */
static double
position_fit (GlossAnchorText           *self,
              const GlossAnchorSelector *sel,
              guint                      start)
{
  gint64 shift;
  gint64 change;
  gint64 extra;

  if (!sel->has_position || self->n == 0)
    return 1.0;
  shift = (gint64) start - (gint64) sel->start;
  change = (gint64) self->n - (gint64) sel->text_length;
  if (sel->text_length == 0)
    extra = ABS (shift);
  else if ((shift < 0) == (change < 0))
    extra = 2 * MAX (0, ABS (shift) - ABS (change));
  else
    extra = 2 * ABS (shift);
  return 1.0 - MIN (1.0, (double) extra / (self->n * POSITION_SPAN));
}

static void
score_candidate (GlossAnchorText           *self,
                 const GlossAnchorSelector *sel,
                 const Str *q, const Str *p, const Str *s,
                 Candidate                 *c)
{
  c->quote_sim = q->n ? 1.0 - (double) c->errors / q->n : 0.0;
  c->prefix_sim = prefix_similarity (self, p, c->start);
  c->suffix_sim = suffix_similarity (self, s, c->end);
  c->position = position_fit (self, sel, c->start);
  c->score = (WEIGHT_QUOTE * c->quote_sim +
              WEIGHT_CONTEXT * (c->prefix_sim + c->suffix_sim) +
              WEIGHT_POSITION * c->position) /
             (WEIGHT_QUOTE + 2 * WEIGHT_CONTEXT + WEIGHT_POSITION);
}

static gboolean
overlaps (guint            start,
          guint            end,
          const Candidate *c)
{
  /* an empty range still sits somewhere */
  return start <= c->end && c->start <= end;
}

static void
add_candidate (GArray          *candidates,
               const Candidate *c)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *other = &g_array_index (candidates, Candidate, i);

      if (other->start == c->start && other->end == c->end)
        {
          if (c->score > other->score)
            *other = *c;
          return;
        }
    }
  g_array_append_val (candidates, *c);
}

/* Every exact occurrence with some evidence that it is the passage:
 * unchanged context right next to it, or a long quote found once. */
static void
collect_exact (GlossAnchorText           *self,
               const GlossAnchorSelector *sel,
               const Str *q, const Str *p, const Str *s,
               GArray                    *candidates)
{
  g_autoptr(GArray) hits = find_all_str (self, q);

  for (guint i = 0; i < hits->len; i++)
    {
      guint start = g_array_index (hits, guint, i);
      guint end = start + q->n;
      gboolean evident =
        side_evident (adjacent_before (self, p, start), p->n, start == 0) ||
        side_evident (adjacent_after (self, s, end), s->n, end == self->n) ||
        (hits->len == 1 && q->n >= SELF_EVIDENT_LENGTH);
      Candidate c = { start, end, 0 };

      if (!evident)
        continue;
      score_candidate (self, sel, q, p, s, &c);
      add_candidate (candidates, &c);
    }
}

/* Would the text around the match be explained as well by the context
 * alone, the quote deleted? Then the "match" is only nearby words. */
static gboolean
quote_explains_text (GlossAnchorText *self,
                     const Str *q, const Str *p, const Str *s,
                     const Candidate *c)
{
  guint from = c->start > p->n ? c->start - p->n : 0;
  guint to = MIN (self->n, c->end + s->n);
  g_autofree gunichar *with = g_new (gunichar, p->n + q->n + s->n);
  guint with_quote, without_quote;

  memcpy (with, p->c, p->n * sizeof (gunichar));
  memcpy (with + p->n, s->c, s->n * sizeof (gunichar));
  without_quote = edit_distance (with, p->n + s->n, self->chars + from, to - from);
  memcpy (with + p->n, q->c, q->n * sizeof (gunichar));
  memcpy (with + p->n + q->n, s->c, s->n * sizeof (gunichar));
  with_quote = edit_distance (with, p->n + q->n + s->n, self->chars + from, to - from);
  return with_quote < without_quote;
}

/* Where the prefix and the suffix stand together, with at most a
 * changed quote between them: the place the context says the passage
 * is (or was, if the quote was deleted). */
typedef struct
{
  guint  from;      /* end of the prefix */
  guint  to;        /* start of the suffix */
  double context;   /* prefix and suffix similarity, 0..2; 0: none found */
} Site;

static void
find_site (GlossAnchorText *self,
           const Str *q, const Str *p, const Str *s,
           GArray          *prefix_ends,
           GArray          *suffix_starts,
           guint            tolerance,
           Site            *site)
{
  site->context = 0;
  for (guint i = 0; i < prefix_ends->len; i++)
    for (guint j = 0; j < suffix_starts->len; j++)
      {
        gint a = g_array_index (prefix_ends, gint, i);
        gint b = g_array_index (suffix_starts, gint, j);
        double context;

        /* the ends of a search's hits are exact, their starts only as
         * good as the errors allowed: the two may overlap a little */
        if (a < 0 || b < 0 || b + (gint) tolerance < a ||
            b > a + (gint) (2 * q->n + GLOSS_ANCHOR_CONTEXT))
          continue;
        context = prefix_similarity (self, p, a) + suffix_similarity (self, s, b);
        if (context > site->context)
          *site = (Site) { MIN (a, b), MAX (a, b), context };
      }
}

/* Approximate matches of the quote, and places where its context
 * stands, each aligned with the quote; and where the context stands
 * together. */
static void
collect_fuzzy (GlossAnchorText           *self,
               const GlossAnchorSelector *sel,
               const Str *q, const Str *p, const Str *s,
               GArray                    *candidates,
               Site                      *site)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GArray) prefix_ends = NULL;
  g_autoptr(GArray) suffix_starts = NULL;
  guint pn = MIN (p->n, MYERS_MAX);
  guint sn = MIN (s->n, MYERS_MAX);
  guint k = q->n / 2;
  guint slack = k + 8;

  /* where its context stands: the quote right after the prefix, right
   * before the suffix */
  prefix_ends = search_best (self, p->c + p->n - pn, pn, pn / 4, 0);
  suffix_starts = search_best (self, s->c, sn, sn / 4, -(gint) sn);
  if (p->n > 0 && s->n > 0)
    find_site (self, q, p, s, prefix_ends, suffix_starts, sn / 4, site);
  else
    site->context = 0;

  if (k == 0)
    return;

  /* where the quote (or its head and tail) nearly occurs */
  if (q->n >= 6)
    {
      g_autoptr(GArray) head = search_best (self, q->c, q->n, MIN (k, MYERS_MAX / 2),
                                            -(gint) MIN (q->n, MYERS_MAX));

      append_all (starts, head);
      if (q->n > MYERS_MAX)
        {
          g_autoptr(GArray) tail = search_best (self, q->c + q->n - MYERS_MAX, MYERS_MAX,
                                                MYERS_MAX / 2, -(gint) q->n);

          append_all (starts, tail);
        }
    }
  append_all (starts, prefix_ends);
  for (guint i = 0; i < suffix_starts->len; i++)
    {
      gint start = g_array_index (suffix_starts, gint, i) - (gint) q->n;

      g_array_append_val (starts, start);
    }
  if (sel->has_position)
    {
      gint start = sel->start;

      g_array_append_val (starts, start);
    }

  for (guint i = 0; i < starts->len; i++)
    {
      gint a = g_array_index (starts, gint, i);
      guint from = (guint) CLAMP (a - (gint) slack, 0, (gint) self->n);
      guint to = (guint) CLAMP (a + (gint) (q->n + slack), 0, (gint) self->n);
      Candidate c = { 0 };

      if (to <= from)
        continue;
      c.errors = align_quote (self, q, from, to, &c.start, &c.end);
      if (c.errors > k || c.end <= c.start)
        continue;
      score_candidate (self, sel, q, p, s, &c);
      if ((c.prefix_sim < 0.5 && c.suffix_sim < 0.5) || c.score < MIN_FUZZY_SCORE)
        continue;
      if (c.errors > 0 && !quote_explains_text (self, q, p, s, &c))
        continue;
      add_candidate (candidates, &c);
    }
}

/* An exact quote with all of its context unchanged is the passage
 * beyond doubt (or one copy of it, if it was duplicated): nothing
 * approximate can be a better place. */
static gboolean
has_intact_context (GArray *candidates)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);

      if (c->errors == 0 && c->prefix_sim == 1.0 && c->suffix_sim == 1.0)
        return TRUE;
    }
  return FALSE;
}

/* Two exact copies of the quote, each with its context about intact: a
 * duplicated passage, where either copy is the note's. */
static gboolean
twins (const Candidate *a,
       const Candidate *b)
{
  return a->errors == 0 && b->errors == 0 &&
         a->prefix_sim + a->suffix_sim >= 2 - TWIN_CONTEXT_LOSS &&
         b->prefix_sim + b->suffix_sim >= 2 - TWIN_CONTEXT_LOSS;
}

static gboolean
nearer (const GlossAnchorSelector *sel,
        const Candidate           *a,
        const Candidate           *b)
{
  if (a->position != b->position)
    return a->position > b->position;
  return !sel->has_position ||
         ABS ((gint64) a->start - (gint64) sel->start) < ABS ((gint64) b->start - (gint64) sel->start);
}

/* The decision rule of steps 2 and 3, see the top of the file. */
static gboolean
choose (const GlossAnchorSelector *sel,
        GArray                    *candidates,
        const Site                *site,
        Candidate                 *chosen)
{
  const Candidate *top = NULL;
  const Candidate *runner_up = NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);

      if (top == NULL || c->score > top->score)
        top = c;
    }
  if (top == NULL)
    return FALSE;

  if (site->context > 0 && !overlaps (site->from, site->to, top) &&
      site->context > top->prefix_sim + top->suffix_sim + CONTEXT_MARGIN)
    return FALSE;

  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);

      if (!overlaps (top->start, top->end, c) && (runner_up == NULL || c->score > runner_up->score))
        runner_up = c;
    }
  if (runner_up != NULL && runner_up->score > top->score - SCORE_MARGIN)
    {
      double top_context = top->prefix_sim + top->suffix_sim;
      double runner_up_context = runner_up->prefix_sim + runner_up->suffix_sim;

      if (!twins (top, runner_up))
        return FALSE;
      /* the copy whose context is kept better, else the nearer one */
      if (runner_up_context > top_context ||
          (runner_up_context == top_context && nearer (sel, runner_up, top)))
        top = runner_up;
    }

  *chosen = *top;
  return TRUE;
}

/**
 * gloss_anchor_text_locate:
 *
 * Finds the passage of @selector in the text. On failure, @match has
 * status GLOSS_ANCHOR_ORPHANED and the selector's old offsets.
 */
void
gloss_anchor_text_locate (GlossAnchorText           *self,
                          const GlossAnchorSelector *selector,
                          GlossAnchorMatch          *match)
{
  Str q = str_decode (selector->quote);
  Str p = str_decode (selector->prefix);
  Str s = str_decode (selector->suffix);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  Candidate best = { 0 };
  Site site = { 0 };

  match->status = GLOSS_ANCHOR_ORPHANED;
  match->start = selector->start;
  match->end = selector->end;
  match->score = 0;

  if (q.n == 0)
    goto out;

  /* 1. still where it was, with the same words next to it */
  if (selector->has_position && equal_at (self, selector->start, &q) &&
      (side_evident (adjacent_before (self, &p, selector->start), p.n, selector->start == 0) ||
       side_evident (adjacent_after (self, &s, selector->start + q.n), s.n,
                     selector->start + q.n == self->n) ||
       q.n >= SELF_EVIDENT_LENGTH))
    {
      *match = (GlossAnchorMatch) { GLOSS_ANCHOR_OK, selector->start, selector->start + q.n, 1.0 };
      goto out;
    }

  /* 2. the same words elsewhere, 3. nearly the same words: all weighed
   * together */
  collect_exact (self, selector, &q, &p, &s, candidates);
  if (!has_intact_context (candidates))
    collect_fuzzy (self, selector, &q, &p, &s, candidates, &site);
  if (choose (selector, candidates, &site, &best))
    {
      gboolean same_place = selector->has_position && best.start == selector->start &&
                            best.end == selector->end;

      match->status = best.errors > 0 ? GLOSS_ANCHOR_FUZZY :
                      same_place ? GLOSS_ANCHOR_OK : GLOSS_ANCHOR_MOVED;
      match->start = best.start;
      match->end = best.end;
      match->score = best.score;
    }

out:
  g_free (q.c);
  g_free (p.c);
  g_free (s.c);
}
