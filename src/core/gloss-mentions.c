/* gloss-mentions.c: finding the knowledge base's items in a text
 *
 * The text is folded once, by search's folding (gloss-fold.c: NFKC, case
 * folding) with white space dropped and dashes made one, so that ＵＮＧＧＥ,
 * UN GGE and UNGGE, or Ａ／７０／１７４ and A / 70 / 174, are one pattern
 * each; its map gives back the text's offsets. Traditional characters are
 * left as they are, as detection always has: folding them too
 * (GLOSS_FOLD_TRADITIONAL) would find the Simplified aliases of the data
 * in Traditional texts, a change of its own. One Aho–Corasick automaton
 * over the folded aliases of every item (and a few process names, see
 * below) then finds every candidate in one pass.
 *
 * Dated references name a process with a year or an ordinal rather than
 * with an alias (２０１５年ＵＮＧＧＥ报告, 第五届ＵＮＧＧＥ（２０１６—２０１７）,
 * ＯＥＷＧ首届会议); they are read around each process name and resolved
 * against the items' lanes, types and dates.
 *
 * Where candidates overlap, the leftmost wins, then the longest: a
 * specific alias (2015年UNGGE报告) is never split into a generic one (UNGGE).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-mentions.h"

#include <string.h>

#include "gloss-fold.h"

/* ------------------------------------------------------------------ */
/* Folding                                                            */

#define FOLD_FLAGS (GLOSS_FOLD_DROP_SPACE | GLOSS_FOLD_UNIFY_DASHES)

typedef struct
{
  gunichar     *chars;      /* folded */
  guint         n;
  GlossFoldMap *map;        /* folded offsets → the text's, or NULL */
} Folded;

static void
folded_clear (Folded *folded)
{
  g_clear_pointer (&folded->chars, g_free);
  g_clear_pointer (&folded->map, gloss_fold_map_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Folded, folded_clear)

/* The automaton and the reading of dates index characters, hence UCS-4. */
static void
fold_text (const char *text,
           gboolean    with_map,
           Folded     *folded)
{
  g_autofree char *utf8 = gloss_fold (text, -1, FOLD_FLAGS, with_map ? &folded->map : NULL);
  glong n = 0;

  folded->chars = g_utf8_to_ucs4_fast (utf8, -1, &n);
  folded->n = n;
}

/**
 * gloss_mention_fold:
 *
 * The folding under which aliases are compared, for tests and tools.
 *
 * Returns: (transfer full): @text folded, as UTF-8
 */
char *
gloss_mention_fold (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return gloss_fold (text, -1, FOLD_FLAGS, NULL);
}

/* ------------------------------------------------------------------ */
/* The automaton                                                      */

typedef enum
{
  PATTERN_ALIAS,
  PATTERN_SYMBOL,
  PATTERN_PROCESS,          /* a process name, only used in dated references */
} PatternKind;

/* One folded string; an alias (UNGGE) may also be a process name. */
typedef struct
{
  PatternKind  kind;        /* of the alias */
  guint        length;      /* in folded chars */
  const char  *item_id;     /* nullable: only a process name */
  const char  *lane;        /* nullable: not a process name */
} Pattern;

typedef struct
{
  gunichar c;
  guint    child;
} Edge;

typedef struct
{
  GArray *edges;            /* of Edge, sorted by c once built */
  guint   fail;
  gint    pattern;          /* the pattern that ends here, or -1 */
  guint   output;           /* nearest node on the fail chain with a pattern, or 0 */
} Node;

/* Process names that dated references are read around, and their lane. */
static const struct { const char *name; const char *lane; } process_names[] = {
  { "UNGGE", "gge" }, { "GGE", "gge" }, { "政府专家组", "gge" }, { "专家组", "gge" },
  { "OEWG", "oewg" }, { "开放式工作组", "oewg" }, { "工作组", "oewg" },
};

struct _GlossMentionMatcher
{
  GObject             parent_instance;

  GlossKnowledgeBase *knowledge;
  char               *version;
  GPtrArray          *items;       /* GlossKbItem, the timeline's, to resolve dated references */
  GArray             *nodes;       /* of Node; 0 is the root */
  GArray             *patterns;    /* of Pattern */
};

G_DEFINE_FINAL_TYPE (GlossMentionMatcher, gloss_mention_matcher, G_TYPE_OBJECT)

static void
node_clear (gpointer data)
{
  g_array_unref (((Node *) data)->edges);
}

static guint
add_node (GlossMentionMatcher *self)
{
  Node node = { g_array_new (FALSE, FALSE, sizeof (Edge)), 0, -1, 0 };

  g_array_append_val (self->nodes, node);
  return self->nodes->len - 1;
}

static inline Node *
node_at (GlossMentionMatcher *self,
         guint                index)
{
  return &g_array_index (self->nodes, Node, index);
}

/* The child of node for c, or 0 (the root is never a child). */
static guint
child_of (GlossMentionMatcher *self,
          guint                index,
          gunichar             c)
{
  GArray *edges = node_at (self, index)->edges;
  guint lo = 0, hi = edges->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const Edge *e = &g_array_index (edges, Edge, mid);

      if (e->c == c)
        return e->child;
      if (e->c < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return 0;
}

static gint
compare_edges (gconstpointer a,
               gconstpointer b)
{
  gunichar x = ((const Edge *) a)->c, y = ((const Edge *) b)->c;

  return x < y ? -1 : x > y;
}

static void
add_pattern (GlossMentionMatcher *self,
             const char          *text,
             PatternKind          kind,
             const char          *target)
{
  g_auto(Folded) folded = { 0 };
  Pattern pattern = { kind, 0, NULL, NULL };
  guint node = 0;

  fold_text (text, FALSE, &folded);
  if (folded.n == 0)
    return;
  for (guint i = 0; i < folded.n; i++)
    {
      gunichar c = folded.chars[i];
      guint next = 0;
      GArray *edges = node_at (self, node)->edges;

      /* while building, edges are unsorted: a linear look */
      for (guint e = 0; e < edges->len && next == 0; e++)
        if (g_array_index (edges, Edge, e).c == c)
          next = g_array_index (edges, Edge, e).child;
      if (next == 0)
        {
          Edge edge = { c, next = add_node (self) };

          g_array_append_val (node_at (self, node)->edges, edge);
        }
      node = next;
    }

  if (node_at (self, node)->pattern < 0)
    {
      pattern.length = folded.n;
      g_array_append_val (self->patterns, pattern);
      node_at (self, node)->pattern = self->patterns->len - 1;
    }

  /* the same folded text twice (A/70/174 and Ａ／７０／１７４): the first item stays */
  {
    Pattern *p = &g_array_index (self->patterns, Pattern, node_at (self, node)->pattern);

    if (kind == PATTERN_PROCESS)
      p->lane = target;
    else if (p->item_id == NULL)
      {
        p->item_id = target;
        p->kind = kind;
      }
  }
}

/* Breadth first, so that a node's fail target is done before it. */
static void
link_failures (GlossMentionMatcher *self)
{
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->nodes->len; i++)
    g_array_sort (node_at (self, i)->edges, compare_edges);

  g_array_append_val (queue, (guint) { 0 });
  for (guint head = 0; head < queue->len; head++)
    {
      guint parent = g_array_index (queue, guint, head);
      GArray *edges = node_at (self, parent)->edges;

      for (guint e = 0; e < edges->len; e++)
        {
          Edge edge = g_array_index (edges, Edge, e);
          guint fail = 0;

          if (parent != 0)
            {
              guint f = node_at (self, parent)->fail;

              while (f != 0 && child_of (self, f, edge.c) == 0)
                f = node_at (self, f)->fail;
              fail = child_of (self, f, edge.c);
            }
          node_at (self, edge.child)->fail = fail;
          node_at (self, edge.child)->output =
            node_at (self, fail)->pattern >= 0 ? fail : node_at (self, fail)->output;
          g_array_append_val (queue, edge.child);
        }
    }
}

static gboolean
looks_like_symbol (const char *alias,
                   const char *symbol)
{
  g_autofree char *a = gloss_mention_fold (alias);
  g_autofree char *s = symbol ? gloss_mention_fold (symbol) : NULL;

  /* A/…: the General Assembly's documents, which is what the data holds */
  return g_strcmp0 (a, s) == 0 || (g_str_has_prefix (a, "a/") && g_ascii_isalnum (a[2]));
}

static void
add_item_patterns (GlossMentionMatcher *self,
                   GlossKbItem         *item)
{
  const char * const *aliases = gloss_kb_item_get_aliases (item);
  const char *id = gloss_kb_item_get_id (item);
  const char *symbol = gloss_kb_item_get_symbol (item);

  for (guint i = 0; aliases[i]; i++)
    add_pattern (self, aliases[i],
                 looks_like_symbol (aliases[i], symbol) ? PATTERN_SYMBOL : PATTERN_ALIAS, id);
  if (symbol != NULL)
    add_pattern (self, symbol, PATTERN_SYMBOL, id);
}

static void
gloss_mention_matcher_finalize (GObject *object)
{
  GlossMentionMatcher *self = GLOSS_MENTION_MATCHER (object);

  g_clear_object (&self->knowledge);
  g_free (self->version);
  g_ptr_array_unref (self->items);
  g_array_unref (self->nodes);
  g_array_unref (self->patterns);

  G_OBJECT_CLASS (gloss_mention_matcher_parent_class)->finalize (object);
}

static void
gloss_mention_matcher_class_init (GlossMentionMatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_mention_matcher_finalize;
}

static void
gloss_mention_matcher_init (GlossMentionMatcher *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  g_array_set_clear_func (self->nodes, node_clear);
  self->patterns = g_array_new (FALSE, FALSE, sizeof (Pattern));
  add_node (self);
}

/**
 * gloss_mention_matcher_new:
 *
 * Compiles the aliases of every item of @knowledge as it is now; make a
 * new matcher when its "version" changes.
 */
GlossMentionMatcher *
gloss_mention_matcher_new (GlossKnowledgeBase *knowledge)
{
  GlossMentionMatcher *self;

  g_return_val_if_fail (GLOSS_IS_KNOWLEDGE_BASE (knowledge), NULL);

  self = g_object_new (GLOSS_TYPE_MENTION_MATCHER, NULL);
  self->knowledge = g_object_ref (knowledge);
  self->version = g_strdup_printf ("%d:%s", GLOSS_MENTIONS_VERSION,
                                   gloss_knowledge_base_get_version (knowledge));
  for (guint c = GLOSS_KB_TIMELINE; c <= GLOSS_KB_MECHANISM; c++)
    {
      GListModel *model = gloss_knowledge_base_get_items (knowledge, c);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          GlossKbItem *item = g_list_model_get_item (model, i);

          add_item_patterns (self, item);
          if (c == GLOSS_KB_TIMELINE)
            g_ptr_array_add (self->items, item);
          else
            g_object_unref (item);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (process_names); i++)
    add_pattern (self, process_names[i].name, PATTERN_PROCESS, process_names[i].lane);
  link_failures (self);
  return self;
}

/* The knowledge base's version and the detection's, as stored with
 * mentions to tell whether they are current. */
const char *
gloss_mention_matcher_get_version (GlossMentionMatcher *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION_MATCHER (self), NULL);
  return self->version;
}

/* ------------------------------------------------------------------ */
/* Resolving dated references                                         */

typedef struct
{
  const char *lane;
  gint        year;         /* 0: none */
  gint        end_year;     /* of a range 2016—2017, else 0 */
  guint       group;        /* 第五届: 5, else 0 */
  guint       session;      /* 首届会议: 1, else 0 */
  gboolean    report;
} DatedRef;

static gboolean
is_type (GlossKbItem *item,
         const char  *lane,
         const char  *type)
{
  return g_strcmp0 (gloss_kb_item_get_lane (item), lane) == 0 &&
         g_strcmp0 (gloss_kb_item_get_item_type (item), type) == 0;
}

static gboolean
date_within (GlossKbItem *inner,
             GlossKbItem *outer)
{
  const char *date = gloss_kb_item_get_date (inner);
  const char *end = gloss_kb_item_get_end_date (outer);

  /* ISO dates of any precision compare as strings, a prefix first */
  return g_strcmp0 (date, gloss_kb_item_get_date (outer)) >= 0 &&
         (end == NULL ? g_str_has_prefix (date, gloss_kb_item_get_date (outer))
                      : (g_strcmp0 (date, end) <= 0 || g_str_has_prefix (date, end)));
}

/* The series item (gge-process) spans other groups of its lane; a
 * dated reference means one of those, never the series. */
static gboolean
is_umbrella (GlossMentionMatcher *self,
             GlossKbItem         *group)
{
  gint start = gloss_kb_item_get_year (group), end = gloss_kb_item_get_end_year (group);

  for (guint i = 0; i < self->items->len; i++)
    {
      GlossKbItem *other = self->items->pdata[i];
      gint s = gloss_kb_item_get_year (other), e = gloss_kb_item_get_end_year (other);

      if (is_type (other, gloss_kb_item_get_lane (group), "group") &&
          start <= s && e <= end && (s != start || e != end))
        return TRUE;
    }
  return FALSE;
}

/* The groups of a lane, by date, without the series. */
static GPtrArray *
groups_of (GlossMentionMatcher *self,
           const char          *lane)
{
  GPtrArray *groups = g_ptr_array_new ();

  for (guint i = 0; i < self->items->len; i++)
    if (is_type (self->items->pdata[i], lane, "group") && !is_umbrella (self, self->items->pdata[i]))
      g_ptr_array_add (groups, self->items->pdata[i]);
  return groups;
}

static GlossKbItem *
find_item (GlossMentionMatcher *self,
           const char          *lane,
           const char          *type,
           gint                 year,
           gint                 end_year,
           gboolean             spanning)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      GlossKbItem *item = self->items->pdata[i];
      gint y = gloss_kb_item_get_year (item), e = gloss_kb_item_get_end_year (item);

      if (!is_type (item, lane, type) || (g_str_equal (type, "group") && is_umbrella (self, item)))
        continue;
      if (spanning ? (y <= year && year <= e) : (y == year && (end_year == 0 || e == end_year)))
        return item;
    }
  return NULL;
}

/* The report of a group: the last report of the years it worked in
 * (a report may be dated a few weeks after the group's last meeting). */
static GlossKbItem *
report_of (GlossMentionMatcher *self,
           GlossKbItem         *group)
{
  GlossKbItem *found = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      GlossKbItem *item = self->items->pdata[i];
      gint year = gloss_kb_item_get_year (item);

      if (is_type (item, gloss_kb_item_get_lane (group), "report") &&
          gloss_kb_item_get_year (group) <= year && year <= gloss_kb_item_get_end_year (group))
        found = item;
    }
  return found;
}

/* The nth substantive session of a group (organizational ones do not count). */
static GlossKbItem *
session_of (GlossMentionMatcher *self,
            GlossKbItem         *group,
            guint                nth)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      GlossKbItem *item = self->items->pdata[i];

      if (is_type (item, gloss_kb_item_get_lane (group), "session") && date_within (item, group) &&
          strstr (gloss_kb_item_get_title_en (item), "rganizational") == NULL && --nth == 0)
        return item;
    }
  return NULL;
}

static GlossKbItem *
resolve (GlossMentionMatcher *self,
         const DatedRef      *ref)
{
  g_autoptr(GPtrArray) groups = groups_of (self, ref->lane);
  GlossKbItem *group = NULL;

  if (ref->group > 0)
    group = ref->group <= groups->len ? groups->pdata[ref->group - 1] : NULL;
  else if (ref->end_year > 0)
    group = find_item (self, ref->lane, "group", ref->year, ref->end_year, FALSE);
  else if (ref->session > 0)
    group = ref->year ? find_item (self, ref->lane, "group", ref->year, 0, TRUE)
                      : groups->len ? groups->pdata[0] : NULL;

  if (ref->session > 0)
    return group ? session_of (self, group, ref->session) : NULL;
  if (group != NULL)
    return ref->report ? report_of (self, group) : group;
  if (ref->year == 0 || (ref->group > 0 || ref->end_year > 0))
    return NULL;
  if (ref->report)
    return find_item (self, ref->lane, "report", ref->year, 0, FALSE);

  /* "2019年UNGGE" is the group that began that year; "2017年UNGGE", no
   * group having begun then, the outcome of that year */
  if ((group = find_item (self, ref->lane, "group", ref->year, 0, FALSE)) != NULL)
    return group;
  if ((group = find_item (self, ref->lane, "report", ref->year, 0, FALSE)) != NULL)
    return group;
  return find_item (self, ref->lane, "group", ref->year, 0, TRUE);
}

/* ------------------------------------------------------------------ */
/* Reading dated references around a process name                     */

typedef struct
{
  const gunichar *c;
  guint           n;
} Chars;

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gunichar
at (const Chars *t,
    gint         i)
{
  return i >= 0 && (guint) i < t->n ? t->c[i] : 0;
}

/* A year of four ASCII digits ending before `end`; its start, or -1. */
static gint
year_before (const Chars *t,
             gint         end,
             gint        *year)
{
  gint value = 0;

  if (end < 4 || (end >= 5 && is_digit (at (t, end - 5))))
    return -1;
  for (gint i = end - 4; i < end; i++)
    {
      if (!is_digit (at (t, i)))
        return -1;
      value = value * 10 + (at (t, i) - '0');
    }
  if (value < 1990 || value > 2100)
    return -1;
  *year = value;
  return end - 4;
}

static gint
year_after (const Chars *t,
            gint         start,
            gint        *year)
{
  gint value = 0;

  for (gint i = start; i < start + 4; i++)
    {
      if (!is_digit (at (t, i)))
        return -1;
      value = value * 10 + (at (t, i) - '0');
    }
  if (is_digit (at (t, start + 4)))
    return -1;
  *year = value;
  return start + 4;
}

static guint
numeral_value (gunichar c)
{
  static const gunichar numerals[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                       0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341 }; /* 一 … 十 */

  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (c == numerals[i])
      return i + 1;
  return is_digit (c) && c != '0' ? c - '0' : 0;
}

/* An ordinal (首届, 第五届, 第6次) ending before `end`; its start, or -1. */
static gint
ordinal_before (const Chars *t,
                gint         end,
                guint       *nth)
{
  gunichar unit = at (t, end - 1);

  if (unit != 0x5C4A && unit != 0x6B21)                 /* 届 次 */
    return -1;
  if (at (t, end - 2) == 0x9996)                          /* 首 */
    {
      *nth = 1;
      return end - 2;
    }
  if (numeral_value (at (t, end - 2)) > 0 && at (t, end - 3) == 0x7B2C)   /* 第 */
    {
      *nth = numeral_value (at (t, end - 2));
      return end - 3;
    }
  return -1;
}

static gint
ordinal_after (const Chars *t,
               gint         start,
               guint       *nth)
{
  gint i = start;

  if (at (t, i) == 0x9996)                                /* 首 */
    {
      *nth = 1;
      i += 1;
    }
  else if (at (t, i) == 0x7B2C && numeral_value (at (t, i + 1)) > 0)   /* 第 */
    {
      *nth = numeral_value (at (t, i + 1));
      i += 2;
    }
  else
    return -1;
  return at (t, i) == 0x5C4A || at (t, i) == 0x6B21 ? i + 1 : -1;
}

static gboolean
word_at (const Chars *t,
         gint         i,
         gunichar     a,
         gunichar     b)
{
  return at (t, i) == a && at (t, i + 1) == b;
}

typedef struct
{
  guint             start;      /* folded offsets */
  guint             end;
  const char       *item_id;
  GlossMentionKind  kind;
} Candidate;

static void
add_dated (GlossMentionMatcher *self,
           GArray              *candidates,
           const DatedRef      *ref,
           gint                 start,
           gint                 end)
{
  GlossKbItem *item = resolve (self, ref);
  Candidate candidate = { start, end, NULL, GLOSS_MENTION_DATED };

  if (item == NULL)
    return;
  candidate.item_id = gloss_kb_item_get_id (item);
  g_array_append_val (candidates, candidate);
}

/* What follows a process name: （2016—2017）, 报告, 首届会议. */
static gint
read_after (const Chars *t,
            gint         end,
            DatedRef    *ref)
{
  gint y1 = 0, y2 = 0, i;

  if (at (t, end) == '(' && (i = year_after (t, end + 1, &y1)) > 0 && at (t, i) == '-' &&
      (i = year_after (t, i + 1, &y2)) > 0 && at (t, i) == ')')
    {
      ref->year = y1;
      ref->end_year = y2;
      end = i + 1;
    }
  if (word_at (t, end, 0x62A5, 0x544A))                   /* 报告 */
    {
      ref->report = TRUE;
      end += 2;
    }
  else if ((i = ordinal_after (t, end, &ref->session)) > 0 && word_at (t, i, 0x4F1A, 0x8BAE))  /* 会议 */
    end = i + 2;
  else
    ref->session = 0;
  return end;
}

static void
read_dated (GlossMentionMatcher *self,
            const Chars         *t,
            const char          *lane,
            gint                 start,
            gint                 end,
            GArray              *candidates)
{
  DatedRef ref = { lane, 0, 0, 0, 0, FALSE };
  gint before = start, year_start, y2 = 0;

  if (at (t, before - 1) == 0x7684)                       /* 的 */
    before--;
  if (at (t, before - 1) == 0x5E74 &&                     /* 年 */
      (year_start = year_before (t, before - 1, &ref.year)) >= 0)
    {
      /* 2016—2017年UNGGE */
      if (at (t, year_start - 1) == '-' && year_before (t, year_start - 1, &y2) >= 0)
        {
          ref.end_year = ref.year;
          ref.year = y2;
          year_start -= 5;
        }
      before = year_start;
    }
  else if ((year_start = ordinal_before (t, start, &ref.group)) >= 0)
    before = year_start;
  else if (at (t, start - 1) != 0 && is_digit (at (t, start - 1)) &&
           (year_start = year_before (t, start, &ref.year)) >= 0)
    before = year_start;                                  /* 2017UNGGE */

  end = read_after (t, end, &ref);
  if (ref.year == 0 && ref.group == 0 && ref.session == 0)
    return;
  add_dated (self, candidates, &ref, before, end);

  /* 2013年、2015年UNGGE报告: each year of the list names its own item */
  while (ref.year != 0 && ref.end_year == 0 && at (t, before - 1) == 0x3001 &&   /* 、 */
         at (t, before - 2) == 0x5E74 && (year_start = year_before (t, before - 2, &ref.year)) >= 0)
    {
      add_dated (self, candidates, &ref, year_start, before - 1);
      before = year_start;
    }
}

/* ------------------------------------------------------------------ */
/* Matching                                                           */

/* Latin words and numbers are whole: A/70/174 is not in A/70/1745,
 * and OEWG is not in OEWGs; a letter next to a digit (2017UNGGE) is fine. */
static gboolean
same_class (gunichar a,
            gunichar b)
{
  if (a >= 0x80 || b >= 0x80)               /* g_ascii_* look at the low byte only */
    return FALSE;
  return (g_ascii_isalpha (a) && g_ascii_isalpha (b)) || (g_ascii_isdigit (a) && g_ascii_isdigit (b));
}

/* The first character the text's character at offset folds to on its
 * own (not with the marks after it, as detection always did), or 0.
 * Only ASCII letters and digits matter to same_class(): ASCII and the
 * ideographs, nearly every neighbour, are answered without folding. */
static gunichar
fold_one (const gunichar *text,
          gssize          offset,
          guint           n)
{
  gunichar c;
  char utf8[8];
  g_autofree char *folded = NULL;

  if (offset < 0 || (gsize) offset >= n)
    return 0;
  c = text[offset];
  if (c < 0x80)
    return g_unichar_isspace (c) ? 0 : g_ascii_tolower (c);
  if (c >= 0x4E00 && c <= 0x9FFF)
    return c;
  utf8[g_unichar_to_utf8 (c, utf8)] = '\0';
  folded = gloss_fold (utf8, -1, FOLD_FLAGS, NULL);
  return g_utf8_get_char (folded);
}

/* The text's characters on either side of a match are checked, not the
 * folded ones: "OEWG s" is OEWG, though it folds to "oewgs". */
static gboolean
on_boundaries (const gunichar *original,
               guint           n_original,
               const Folded   *folded,
               guint           start,
               guint           end)
{
  guint first, after;

  gloss_fold_map_to_original (folded->map, start, end, &first, &after);
  return !same_class (fold_one (original, (gssize) first - 1, n_original), folded->chars[start]) &&
         !same_class (fold_one (original, after, n_original), folded->chars[end - 1]);
}

static void
scan (GlossMentionMatcher *self,
      const gunichar      *original,
      guint                n_original,
      const Folded        *folded,
      GArray              *candidates)
{
  const gunichar *chars = folded->chars;
  Chars t = { chars, folded->n };
  guint state = 0;

  for (guint i = 0; i < t.n; i++)
    {
      while (state != 0 && child_of (self, state, chars[i]) == 0)
        state = node_at (self, state)->fail;
      state = child_of (self, state, chars[i]);

      for (guint n = node_at (self, state)->pattern >= 0 ? state : node_at (self, state)->output;
           n != 0; n = node_at (self, n)->output)
        {
          const Pattern *p = &g_array_index (self->patterns, Pattern, node_at (self, n)->pattern);
          guint start = i + 1 - p->length;

          if (!on_boundaries (original, n_original, folded, start, i + 1))
            continue;
          if (p->lane != NULL)
            read_dated (self, &t, p->lane, start, i + 1, candidates);
          if (p->item_id != NULL)
            {
              Candidate c = { start, i + 1, p->item_id,
                              p->kind == PATTERN_SYMBOL ? GLOSS_MENTION_SYMBOL : GLOSS_MENTION_ALIAS };

              g_array_append_val (candidates, c);
            }
        }
    }
}

/* Leftmost first, then longest, then an alias over a dated reading of
 * the same words: the data's own aliases are the authority. */
static gint
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return (gint) x->kind - (gint) y->kind;
}

/**
 * gloss_mention_matcher_find:
 * @text: a document's cleaned text
 *
 * Returns: (transfer full): the mentions, of #GlossMentionMatch, in
 *   text order, none overlapping another
 */
GArray *
gloss_mention_matcher_find (GlossMentionMatcher *self,
                            const char          *text)
{
  g_auto(Folded) folded = { 0 };
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree gunichar *original = NULL;
  glong n_original = 0;
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (GlossMentionMatch));
  guint taken_until = 0;

  g_return_val_if_fail (GLOSS_IS_MENTION_MATCHER (self), matches);
  g_return_val_if_fail (text != NULL, matches);

  original = g_utf8_to_ucs4_fast (text, -1, &n_original);
  fold_text (text, TRUE, &folded);
  scan (self, original, n_original, &folded, candidates);
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      GlossMentionMatch m;

      if (c->start < taken_until)
        continue;
      m.item_id = c->item_id;
      gloss_fold_map_to_original (folded.map, c->start, c->end, &m.start, &m.end);
      m.kind = c->kind;
      g_array_append_val (matches, m);
      taken_until = c->end;
    }
  return matches;
}

/* ------------------------------------------------------------------ */

static const char * const kind_names[] = { "alias", "symbol", "dated" };

const char *
gloss_mention_kind_to_string (GlossMentionKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
gloss_mention_kind_from_string (const char       *name,
                                GlossMentionKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}
