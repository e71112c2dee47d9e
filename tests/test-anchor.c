/* test-anchor.c: finding notes again in changed texts
 *
 * Real edits of the bundled texts (an insertion before the quote, an
 * edit inside it, the quote deleted, the text duplicated), then the
 * measured rates over several hundred random notes on mutated versions
 * of both texts, where where each quote went is tracked through every
 * mutation, character by character.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss-anchor.h"
#include "test-util.h"

static const char *const bundled[] = { "000", "002" };

/* ------------------------------------------------------------------ */
/* Single edits                                                       */

typedef struct
{
  GlossContent    *content;
  GlossAnchorText *text;
  char            *quote, *prefix, *suffix;
  guint            start, end;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *dir = NULL;
  GlossLibrary *library = test_open_library (&dir);
  const char *needle = "联合国信息安全政府专家组是主权国家参与构建网络空间规范的主要国际机制";

  f->content = test_load_bundled (library, "000");
  f->text = gloss_anchor_text_new (gloss_content_get_text (f->content), -1);
  f->start = test_find_char_offset (f->content, needle) + 5;
  f->end = f->start + 12;
  gloss_anchor_text_describe (f->text, f->start, f->end, &f->quote, &f->prefix, &f->suffix);
  g_assert_cmpstr (f->quote, ==, "安全政府专家组是主权国家");
  g_assert_finalize_object (library);
  test_rm_rf (dir);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_object (&f->content);
  gloss_anchor_text_free (f->text);
  g_free (f->quote);
  g_free (f->prefix);
  g_free (f->suffix);
}

/* The text with [from, to) (code points) replaced by @with. */
static char *
edit_text (GlossContent *content,
           guint         from,
           guint         to,
           const char   *with)
{
  const char *text = gloss_content_get_text (content);
  gsize a = gloss_content_byte_offset (content, from);
  gsize b = gloss_content_byte_offset (content, to);

  return g_strdup_printf ("%.*s%s%s", (int) a, text, with, text + b);
}

static void
locate_in (Fixture          *f,
           const char       *changed,
           GlossAnchorMatch *match)
{
  g_autoptr(GlossAnchorText) text = gloss_anchor_text_new (changed, -1);
  GlossAnchorSelector selector = { f->quote, f->prefix, f->suffix, TRUE, f->start, f->end,
                                   gloss_anchor_text_get_length (f->text) };

  gloss_anchor_text_locate (text, &selector, match);
}

static void
test_unchanged (Fixture      *f,
                gconstpointer data)
{
  GlossAnchorMatch match;

  locate_in (f, gloss_content_get_text (f->content), &match);
  g_assert_cmpint (match.status, ==, GLOSS_ANCHOR_OK);
  g_assert_cmpuint (match.start, ==, f->start);
  g_assert_cmpuint (match.end, ==, f->end);
}

static void
test_insertion_before (Fixture      *f,
                       gconstpointer data)
{
  const char *inserted = "（新增的一段说明文字）";
  guint shift = g_utf8_strlen (inserted, -1);
  g_autofree char *changed = edit_text (f->content, 10, 10, inserted);
  GlossAnchorMatch match;

  locate_in (f, changed, &match);
  g_assert_cmpint (match.status, ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (match.start, ==, f->start + shift);
  g_assert_cmpuint (match.end, ==, f->end + shift);
}

/* Inserted right before the quote: its prefix no longer fits, the
 * suffix still does. */
static void
test_insertion_adjacent (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *changed = edit_text (f->content, f->start, f->start, "——");
  GlossAnchorMatch match;

  locate_in (f, changed, &match);
  g_assert_cmpint (match.status, ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (match.start, ==, f->start + 2);
}

static void
test_edit_inside (Fixture      *f,
                  gconstpointer data)
{
  /* 安全政府专家组是主权国家 → 安全政府专家小组是主权国 */
  g_autofree char *step = edit_text (f->content, f->start + 6, f->start + 6, "小");
  g_autofree char *changed = NULL;
  GlossAnchorMatch match;
  g_autoptr(GlossAnchorText) text = NULL;
  g_autofree char *found = NULL;

  /* and the last character gone */
  {
    glong n = 0;
    g_autofree gunichar *copy = g_utf8_to_ucs4_fast (step, -1, &n);

    memmove (copy + f->end, copy + f->end + 1, (n - f->end - 1) * sizeof (gunichar));
    changed = g_ucs4_to_utf8 (copy, n - 1, NULL, NULL, NULL);
  }
  locate_in (f, changed, &match);
  g_assert_cmpint (match.status, ==, GLOSS_ANCHOR_FUZZY);
  text = gloss_anchor_text_new (changed, -1);
  found = gloss_anchor_text_dup_range (text, match.start, match.end);
  g_assert_cmpstr (found, ==, "安全政府专家小组是主权国");
}

static void
test_quote_deleted (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *changed = edit_text (f->content, f->start, f->end, "");
  GlossAnchorMatch match;

  locate_in (f, changed, &match);
  g_assert_cmpint (match.status, ==, GLOSS_ANCHOR_ORPHANED);
  /* an orphan keeps its old place */
  g_assert_cmpuint (match.start, ==, f->start);
}

/* The text with [from, to) replaced by @with, and a copy of the
 * original's [copy_from, copy_to) inserted at @at (before @from). */
static char *
edit_and_copy (GlossContent *content,
               guint         from,
               guint         to,
               const char   *with,
               guint         at,
               guint         copy_from,
               guint         copy_to)
{
  g_autofree char *copy = gloss_content_dup_range (content, copy_from, copy_to);
  g_autofree char *edited = edit_text (content, from, to, with);
  gsize a = gloss_content_byte_offset (content, at);

  g_assert_cmpuint (at, <, from);
  return g_strdup_printf ("%.*s%s%s", (int) a, edited, copy, edited + a);
}

/* The quote edited in place, and its words with the start of its
 * suffix copied near the top: one side of context next to an exact
 * quote does not outweigh both sides around the edited one. */
static void
test_edited_copy_elsewhere (Fixture      *f,
                            gconstpointer data)
{
  /* 安全政府专家组是主权国家 → 安全政府专家团是主权国家 */
  g_autofree char *changed = edit_and_copy (f->content, f->start + 6, f->start + 7, "团",
                                            10, f->start, f->end + 8);
  guint shift = f->end + 8 - f->start;
  GlossAnchorMatch match;

  locate_in (f, changed, &match);
  g_assert_cmpint (match.status, ==, GLOSS_ANCHOR_FUZZY);
  g_assert_cmpuint (match.start, ==, f->start + shift);
  g_assert_cmpuint (match.end, ==, f->end + shift);
}

/* The quote deleted, and its words with the end of its prefix copied
 * near the top: the context still stands where the quote was, so the
 * copy is not the passage. */
static void
test_deleted_copy_elsewhere (Fixture      *f,
                             gconstpointer data)
{
  g_autofree char *changed = edit_and_copy (f->content, f->start, f->end, "",
                                            10, f->start - 8, f->end);
  GlossAnchorMatch match;

  locate_in (f, changed, &match);
  g_assert_cmpint (match.status, ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpuint (match.start, ==, f->start);
}

/* The paragraph doubled: either copy is the passage; the nearer wins. */
static void
test_duplicated (Fixture      *f,
                 gconstpointer data)
{
  guint block = gloss_content_block_at (f->content, f->start);
  const GlossBlock *b = gloss_content_get_block (f->content, block);
  g_autofree char *para = gloss_content_dup_range (f->content, b->start, b->end);
  g_autofree char *doubled = g_strconcat (para, "\n", para, NULL);
  g_autofree char *changed = edit_text (f->content, b->start, b->end, doubled);
  GlossAnchorMatch match;

  locate_in (f, changed, &match);
  g_assert_cmpint (match.status, ==, GLOSS_ANCHOR_OK);
  g_assert_cmpuint (match.start, ==, f->start);
}

/* ------------------------------------------------------------------ */
/* Mutated texts                                                      */

/* A text under mutation: every character knows which character of the
 * original it is (-1 for inserted ones) and which copy (1 for a
 * duplicated paragraph). */
typedef struct
{
  GArray *chars;    /* gunichar */
  GArray *origin;   /* gint */
  GArray *copy;     /* gint */
} Mutant;

typedef enum { OP_INSERT, OP_DELETE, OP_SUBSTITUTE, OP_DUPLICATE } OpKind;

typedef struct
{
  OpKind kind;
  guint  at;        /* original offset */
  guint  to;        /* OP_DELETE, OP_DUPLICATE: end */
  char  *text;      /* OP_INSERT, OP_SUBSTITUTE */
} Op;

typedef struct
{
  guint start, end;
  guint block;
} Placed;

static gint
op_descending (gconstpointer a,
               gconstpointer b)
{
  const Op *x = a, *y = b;

  return x->at == y->at ? 0 : x->at > y->at ? -1 : 1;
}

static void
mutant_insert (Mutant         *m,
               guint           at,
               const gunichar *chars,
               const gint     *origin,
               gint            copy,
               guint           n)
{
  for (guint i = 0; i < n; i++)
    {
      gint o = origin ? origin[i] : -1;

      g_array_insert_val (m->chars, at + i, chars[i]);
      g_array_insert_val (m->origin, at + i, o);
      g_array_insert_val (m->copy, at + i, copy);
    }
}

/* Applies @ops, given in original offsets, from the end backwards, so
 * each offset still means what it meant in the original. */
static void
mutant_apply (Mutant *m,
              GArray *ops)
{
  g_array_sort (ops, op_descending);
  for (guint i = 0; i < ops->len; i++)
    {
      Op *op = &g_array_index (ops, Op, i);
      glong n = 0;
      g_autofree gunichar *text = op->text ? g_utf8_to_ucs4_fast (op->text, -1, &n) : NULL;

      switch (op->kind)
        {
        case OP_INSERT:
          mutant_insert (m, op->at, text, NULL, 0, n);
          break;
        case OP_SUBSTITUTE:
          g_array_index (m->chars, gunichar, op->at) = text[0];
          g_array_index (m->origin, gint, op->at) = -1;
          break;
        case OP_DELETE:
          g_array_remove_range (m->chars, op->at, op->to - op->at);
          g_array_remove_range (m->origin, op->at, op->to - op->at);
          g_array_remove_range (m->copy, op->at, op->to - op->at);
          break;
        case OP_DUPLICATE:
          {
            g_autofree gunichar *chars = g_memdup2 (&g_array_index (m->chars, gunichar, op->at),
                                                    (op->to - op->at) * sizeof (gunichar));
            g_autofree gint *origin = g_memdup2 (&g_array_index (m->origin, gint, op->at),
                                                 (op->to - op->at) * sizeof (gint));
            gunichar newline = '\n';

            mutant_insert (m, op->to, chars, origin, 1, op->to - op->at);
            mutant_insert (m, op->to, &newline, NULL, 0, 1);
          }
          break;
        }
    }
}

/* Where a note's quote went: per copy, its span in the mutated text and
 * whether it is intact, or NULL-ish (count 0) if it is gone. */
typedef struct
{
  gboolean present;
  gboolean intact;
  guint    start, end;
  guint    surviving;
} Expected;

static void
expect (Mutant   *m,
        GArray   *where,     /* original offset → mutated offsets, per copy */
        guint     start,
        guint     end,
        Expected  out[2])
{
  for (gint c = 0; c < 2; c++)
    {
      gint first = -1, last = -1;
      guint count = 0;

      for (guint o = start; o < end; o++)
        {
          gint at = g_array_index (where, gint, o * 2 + c);

          if (at < 0)
            continue;
          count++;
          first = first < 0 ? at : MIN (first, at);
          last = MAX (last, at);
        }
      out[c].present = count * 2 >= end - start;
      out[c].surviving = count;
      out[c].start = first < 0 ? 0 : first;
      out[c].end = last + 1;
      out[c].intact = count == end - start && (guint) (last - first + 1) == count;
    }
}


typedef struct
{
  guint untouched, untouched_exact;
  guint edited, edited_correct, edited_orphaned, edited_imprecise;
  guint edited_listed;
  guint wrong;
  guint total;
} Tally;

/* How a placement [ms, me) relates to copy @c of the quote [s, e):
 * how many of its surviving characters it covers, and how many
 * characters it takes from elsewhere (characters inserted inside the
 * quote's span belong to the edited quote). */
typedef struct
{
  guint covered;
  guint foreign;
} Coverage;

static Coverage
coverage (Mutant         *m,
          guint           s,
          guint           e,
          gint            c,
          guint           ms,
          guint           me,
          const Expected *x)
{
  Coverage cov = { 0, 0 };

  for (guint i = ms; i < me && i < m->origin->len; i++)
    {
      gint o = g_array_index (m->origin, gint, i);

      if (o >= (gint) s && o < (gint) e && g_array_index (m->copy, gint, i) == c)
        cov.covered++;
      else if (!(x->surviving > 0 && i >= x->start && i < x->end && o < 0))
        cov.foreign++;
    }
  return cov;
}

static char *
random_snippet (GRand          *rand,
                const gunichar *chars,
                guint           n)
{
  guint len = g_rand_int_range (rand, 4, 30);
  guint at = g_rand_int_range (rand, 0, n - len);

  return g_ucs4_to_utf8 (chars + at, len, NULL, NULL, NULL);
}

static GArray *
place_notes (GRand        *rand,
             GlossContent *content,
             guint         target)
{
  GArray *notes = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < gloss_content_get_n_blocks (content); i++)
    {
      const GlossBlock *b = gloss_content_get_block (content, i);

      if (b->kind == GLOSS_BLOCK_PARAGRAPH && b->end - b->start >= 40)
        g_array_append_val (paragraphs, i);
    }
  g_assert_cmpuint (paragraphs->len, >, 10);
  while (notes->len < target)
    {
      guint block = g_array_index (paragraphs, guint, g_rand_int_range (rand, 0, paragraphs->len));
      const GlossBlock *b = gloss_content_get_block (content, block);
      guint len = g_rand_int_range (rand, 2, MIN (61, b->end - b->start));
      guint start = g_rand_int_range (rand, b->start, b->end - len + 1);
      Placed p = { start, start + len, block };

      g_array_append_val (notes, p);
    }
  return notes;
}

/* Mutations for about a third of the paragraphs that hold notes. */
static GArray *
plan_mutations (GRand          *rand,
                GlossContent   *content,
                GArray         *notes,
                const gunichar *chars,
                guint           n,
                GHashTable     *edited)
{
  GArray *ops = g_array_new (FALSE, TRUE, sizeof (Op));

  for (guint i = 0; i < notes->len; i++)
    {
      Placed *p = &g_array_index (notes, Placed, i);
      const GlossBlock *b = gloss_content_get_block (content, p->block);
      Op op = { 0 };

      if (g_hash_table_contains (edited, GUINT_TO_POINTER (p->block)) || g_rand_double (rand) > 0.08)
        continue;
      g_hash_table_add (edited, GUINT_TO_POINTER (p->block));
      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:   /* an insertion before this quote */
          op = (Op) { OP_INSERT, p->start, 0, random_snippet (rand, chars, n) };
          g_array_append_val (ops, op);
          break;
        case 1:   /* a few characters edited inside it */
          {
            guint len = p->end - p->start;
            guint edits = MAX (1, MIN (3, len / 6));
            guint step = len / edits;

            for (guint e = 0; e < edits; e++)
              {
                guint at = p->start + e * step + g_rand_int_range (rand, 0, MAX (1, step));
                gunichar c = 0x4e00 + g_rand_int_range (rand, 0, 2000);
                char buf[8] = { 0 };

                g_unichar_to_utf8 (c, buf);
                op = (Op) { e % 2 ? OP_INSERT : OP_SUBSTITUTE, at, 0, g_strdup (buf) };
                g_array_append_val (ops, op);
              }
          }
          break;
        case 2:   /* the quote deleted, with a little around it */
          op = (Op) { OP_DELETE, MAX (b->start, p->start - g_rand_int_range (rand, 0, 4)),
                      MIN (b->end, p->end + g_rand_int_range (rand, 0, 4)), NULL };
          g_array_append_val (ops, op);
          break;
        case 3:   /* the paragraph duplicated */
          op = (Op) { OP_DUPLICATE, b->start, b->end, NULL };
          g_array_append_val (ops, op);
          break;
        default:  /* an edit elsewhere in the paragraph */
          {
            guint at = g_rand_int_range (rand, b->start, b->end);

            if (at >= p->start && at < p->end)
              at = p->start > b->start ? b->start : MIN (b->end, p->end + 1);
            op = (Op) { OP_INSERT, at, 0, random_snippet (rand, chars, n) };
            g_array_append_val (ops, op);
          }
        }
    }
  return ops;
}

static void
measure_one (GlossContent *content,
             guint32       seed,
             Tally        *tally)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  glong n = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (gloss_content_get_text (content), -1, &n);
  g_autoptr(GlossAnchorText) original = gloss_anchor_text_new (gloss_content_get_text (content), -1);
  g_autoptr(GArray) notes = place_notes (rand, content, 400);
  g_autoptr(GHashTable) edited = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) ops = plan_mutations (rand, content, notes, chars, n, edited);
  Mutant m = { g_array_new (FALSE, FALSE, sizeof (gunichar)), g_array_new (FALSE, FALSE, sizeof (gint)),
               g_array_new (FALSE, FALSE, sizeof (gint)) };
  g_autoptr(GArray) where = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GlossAnchorText) mutated = NULL;
  g_autofree char *mutated_text = NULL;
  gint none = -1;

  for (glong i = 0; i < n; i++)
    {
      gint o = i, zero = 0;

      g_array_append_val (m.chars, chars[i]);
      g_array_append_val (m.origin, o);
      g_array_append_val (m.copy, zero);
    }
  mutant_apply (&m, ops);
  for (glong i = 0; i < n * 2; i++)
    g_array_append_val (where, none);
  for (guint i = 0; i < m.origin->len; i++)
    {
      gint o = g_array_index (m.origin, gint, i);

      if (o >= 0)
        g_array_index (where, gint, o * 2 + g_array_index (m.copy, gint, i)) = i;
    }
  mutated_text = g_ucs4_to_utf8 ((gunichar *) m.chars->data, m.chars->len, NULL, NULL, NULL);
  mutated = gloss_anchor_text_new (mutated_text, -1);

  for (guint i = 0; i < notes->len; i++)
    {
      Placed *p = &g_array_index (notes, Placed, i);
      g_autofree char *quote = NULL, *prefix = NULL, *suffix = NULL;
      GlossAnchorSelector selector;
      GlossAnchorMatch match;
      Expected e[2];
      gboolean touched = g_hash_table_contains (edited, GUINT_TO_POINTER (p->block));
      gboolean exact = FALSE, near = FALSE, on_quote = FALSE, recoverable;

      gloss_anchor_text_describe (original, p->start, p->end, &quote, &prefix, &suffix);
      selector = (GlossAnchorSelector) { quote, prefix, suffix, TRUE, p->start, p->end, n };
      gloss_anchor_text_locate (mutated, &selector, &match);
      expect (&m, where, p->start, p->end, e);
      recoverable = e[0].present || e[1].present;

      for (gint c = 0; c < 2; c++)
        if (match.status != GLOSS_ANCHOR_ORPHANED)
          {
            Coverage cov = coverage (&m, p->start, p->end, c, match.start, match.end, &e[c]);

            exact |= e[c].intact && match.start == e[c].start && match.end == e[c].end;
            near |= e[c].surviving > 0 && cov.covered * 2 >= e[c].surviving && cov.foreign * 4 <= match.end - match.start;
            on_quote |= e[c].surviving > 0 && cov.covered * 2 >= MIN (e[c].surviving, match.end - match.start);
          }
      tally->total++;
      /* an orphan is listed with its old quote and place, never dropped */
      if (match.status == GLOSS_ANCHOR_ORPHANED)
        {
          g_assert_cmpuint (match.start, ==, p->start);
          g_assert_cmpuint (match.end, ==, p->end);
        }

      /* Placed on anything but the passage itself (either copy of a
       * duplicated paragraph) is wrong, even when the words there are
       * the same: a citation repeated through a paper is still another
       * place than the one the note was made on. */
      if (match.status != GLOSS_ANCHOR_ORPHANED && !exact && !near && !on_quote)
        {
          g_autofree char *got = gloss_anchor_text_dup_range (mutated, match.start, match.end);

          tally->wrong++;
          g_test_message ("wrong: “%s” (%u–%u, %s) placed on “%s” (%u–%u, %s, score %.2f);"
                          " expected %u–%u%s%s", quote, p->start, p->end,
                          touched ? "edited paragraph" : "untouched", got, match.start, match.end,
                          gloss_anchor_status_to_string (match.status), match.score,
                          e[0].start, e[0].end, e[0].present ? "" : " (gone)", e[0].intact ? " intact" : "");
        }

      if (!touched)
        {
          tally->untouched++;
          tally->untouched_exact += exact;
          if (!exact)
            g_test_message ("untouched paragraph, not exact: “%s” %u–%u → %s %u–%u", quote,
                            p->start, p->end, gloss_anchor_status_to_string (match.status),
                            match.start, match.end);
          continue;
        }
      tally->edited++;
      if (match.status == GLOSS_ANCHOR_ORPHANED)
        {
          /* right when the quote is gone; a miss when it could be found */
          if (recoverable)
            tally->edited_orphaned++;
          else
            tally->edited_correct++;
        }
      else if (exact || (!e[0].intact && !e[1].intact && recoverable && near))
        tally->edited_correct++;
      else if (near || on_quote)
        tally->edited_imprecise++;
      if (match.status == GLOSS_ANCHOR_ORPHANED || match.status == GLOSS_ANCHOR_FUZZY)
        tally->edited_listed++;
    }

  g_array_unref (m.chars);
  g_array_unref (m.origin);
  g_array_unref (m.copy);
  for (guint i = 0; i < ops->len; i++)
    g_free (g_array_index (ops, Op, i).text);
}

static void
test_mutation_rates (void)
{
  g_autofree char *dir = NULL;
  GlossLibrary *library = test_open_library (&dir);
  Tally tally = { 0 };
  gint64 began = g_get_monotonic_time ();

  for (guint d = 0; d < G_N_ELEMENTS (bundled); d++)
    {
      g_autoptr(GlossContent) content = test_load_bundled (library, bundled[d]);

      for (guint32 seed = 1; seed <= 6; seed++)
        measure_one (content, 0x6c055 + seed * 7919 + d, &tally);
    }

  g_test_message ("anchoring %u notes on mutated texts in %.1f s", tally.total,
                  (g_get_monotonic_time () - began) / 1e6);
  g_test_message ("untouched paragraphs: %u/%u exact (%.2f%%)", tally.untouched_exact, tally.untouched,
                  100.0 * tally.untouched_exact / tally.untouched);
  g_test_message ("edited paragraphs: %u/%u correct (%.2f%%), %u orphaned though findable, "
                  "%u placed near but not exactly", tally.edited_correct, tally.edited,
                  100.0 * tally.edited_correct / tally.edited, tally.edited_orphaned,
                  tally.edited_imprecise);
  g_test_message ("edited paragraphs: %u listed for attention (fuzzy or orphaned)", tally.edited_listed);
  g_test_message ("wrong text: %u/%u (%.3f%%)", tally.wrong, tally.total, 100.0 * tally.wrong / tally.total);

  g_assert_cmpuint (tally.total, >=, 4000);
  g_assert_cmpuint (tally.edited, >=, 300);
  g_assert_cmpuint (tally.untouched_exact, ==, tally.untouched);
  g_assert_cmpfloat ((double) tally.edited_correct / tally.edited, >=, 0.95);
  g_assert_cmpfloat ((double) tally.wrong / tally.total, <=, 0.001);

  g_assert_finalize_object (library);
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/anchor/unchanged", Fixture, NULL, fixture_set_up, test_unchanged, fixture_tear_down);
  g_test_add ("/anchor/insertion-before", Fixture, NULL, fixture_set_up, test_insertion_before, fixture_tear_down);
  g_test_add ("/anchor/insertion-adjacent", Fixture, NULL, fixture_set_up, test_insertion_adjacent, fixture_tear_down);
  g_test_add ("/anchor/edit-inside", Fixture, NULL, fixture_set_up, test_edit_inside, fixture_tear_down);
  g_test_add ("/anchor/quote-deleted", Fixture, NULL, fixture_set_up, test_quote_deleted, fixture_tear_down);
  g_test_add ("/anchor/edited-copy-elsewhere", Fixture, NULL, fixture_set_up, test_edited_copy_elsewhere, fixture_tear_down);
  g_test_add ("/anchor/deleted-copy-elsewhere", Fixture, NULL, fixture_set_up, test_deleted_copy_elsewhere, fixture_tear_down);
  g_test_add ("/anchor/duplicated", Fixture, NULL, fixture_set_up, test_duplicated, fixture_tear_down);
  g_test_add_func ("/anchor/mutation-rates", test_mutation_rates);

  return g_test_run ();
}
