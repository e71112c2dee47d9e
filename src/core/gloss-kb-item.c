/* gloss-kb-item.c: one item of the knowledge base
 *
 * Items are read from the bundled data (data/knowledge/, whose README
 * gives the meaning of each field) or, later, made by the user.
 * Reading is lenient and checking is separate (gloss_kb_item_check), so
 * that the data test can list every problem of the data at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-kb-item.h"

#include <stdlib.h>
#include <string.h>

/* The text properties, in the order of their PROP_ values. */
enum
{
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_DATE_PRECISION,
  PROP_END_DATE,
  PROP_END_DATE_PRECISION,
  PROP_LANE,
  PROP_ITEM_TYPE,
  PROP_KIND,
  PROP_TITLE_ZH,
  PROP_TITLE_EN,
  PROP_SYMBOL,
  PROP_SUMMARY_EN,
  PROP_SUMMARY_ZH,
  PROP_UNCERTAIN,
  N_STRING_PROPS,
  PROP_CATEGORY = N_STRING_PROPS,
  PROP_USER_DEFINED,
  PROP_YEAR,
  PROP_END_YEAR,
  N_PROPS
};

struct _GlossKbItem
{
  GObject          parent_instance;

  char            *strings[N_STRING_PROPS];   /* indexed by PROP_ID … PROP_UNCERTAIN */
  GlossKbCategory  category;
  gboolean         user_defined;
  GStrv            aliases;
  GStrv            members;
  GArray          *sources;                   /* of GlossKbSource */
  GArray          *notes;                     /* of GlossKbNote */
};

G_DEFINE_FINAL_TYPE (GlossKbItem, gloss_kb_item, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* JSON member of each text property */
static const char * const string_members[N_STRING_PROPS] = {
  [PROP_ID] = "id",
  [PROP_DATE] = "date",
  [PROP_DATE_PRECISION] = "date_precision",
  [PROP_END_DATE] = "end_date",
  [PROP_END_DATE_PRECISION] = "end_date_precision",
  [PROP_LANE] = "lane",
  [PROP_ITEM_TYPE] = "type",
  [PROP_KIND] = "kind",
  [PROP_TITLE_ZH] = "title_zh",
  [PROP_TITLE_EN] = "title_en",
  [PROP_SYMBOL] = "symbol",
  [PROP_SUMMARY_EN] = "summary_en",
  [PROP_SUMMARY_ZH] = "summary_zh",
  [PROP_UNCERTAIN] = "uncertain",
};

static const char * const lanes[] = { "gge", "oewg", "ga", "other", NULL };
static const char * const item_types[] = { "resolution", "session", "report", "group",
                                           "meeting", "convention", "mechanism", NULL };
static const char * const kinds[] = { "bilateral", "sco", "brics", "un", "bri-eaeu", "forum", NULL };

static void
source_clear (gpointer data)
{
  GlossKbSource *source = data;

  g_free (source->title);
  g_free (source->symbol);
  g_free (source->url);
}

static void
note_clear (gpointer data)
{
  GlossKbNote *note = data;

  g_free (note->quote_zh);
  g_free (note->note_en);
  g_free (note->note_zh);
}

static void
gloss_kb_item_finalize (GObject *object)
{
  GlossKbItem *self = GLOSS_KB_ITEM (object);

  for (guint i = 0; i < N_STRING_PROPS; i++)
    g_free (self->strings[i]);
  g_strfreev (self->aliases);
  g_strfreev (self->members);
  g_array_unref (self->sources);
  g_array_unref (self->notes);

  G_OBJECT_CLASS (gloss_kb_item_parent_class)->finalize (object);
}

static void
gloss_kb_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossKbItem *self = GLOSS_KB_ITEM (object);

  if (prop_id > PROP_0 && prop_id < N_STRING_PROPS)
    g_value_set_string (value, self->strings[prop_id]);
  else if (prop_id == PROP_CATEGORY)
    g_value_set_int (value, self->category);
  else if (prop_id == PROP_USER_DEFINED)
    g_value_set_boolean (value, self->user_defined);
  else if (prop_id == PROP_YEAR)
    g_value_set_int (value, gloss_kb_item_get_year (self));
  else if (prop_id == PROP_END_YEAR)
    g_value_set_int (value, gloss_kb_item_get_end_year (self));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gloss_kb_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossKbItem *self = GLOSS_KB_ITEM (object);

  if (prop_id > PROP_0 && prop_id < N_STRING_PROPS)
    {
      g_free (self->strings[prop_id]);
      self->strings[prop_id] = g_value_dup_string (value);
    }
  else if (prop_id == PROP_CATEGORY)
    self->category = g_value_get_int (value);
  else if (prop_id == PROP_USER_DEFINED)
    self->user_defined = g_value_get_boolean (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gloss_kb_item_class_init (GlossKbItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_kb_item_finalize;
  object_class->get_property = gloss_kb_item_get_property;
  object_class->set_property = gloss_kb_item_set_property;

  for (guint i = PROP_ID; i < N_STRING_PROPS; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (string_members[i]), "_", '-');

      /* "type" would clash with GObject vocabulary in bindings */
      if (i == PROP_ITEM_TYPE)
        {
          g_free (name);
          name = g_strdup ("item-type");
        }
      properties[i] = g_param_spec_string (g_intern_string (name), NULL, NULL, NULL,
                                           construct);
    }
  properties[PROP_CATEGORY] =
    g_param_spec_int ("category", NULL, NULL, GLOSS_KB_TIMELINE, GLOSS_KB_MECHANISM,
                      GLOSS_KB_TIMELINE, construct);
  properties[PROP_USER_DEFINED] =
    g_param_spec_boolean ("user-defined", NULL, NULL, FALSE, construct);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, readable);
  properties[PROP_END_YEAR] = g_param_spec_int ("end-year", NULL, NULL, 0, 9999, 0, readable);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_kb_item_init (GlossKbItem *self)
{
  self->sources = g_array_new (FALSE, TRUE, sizeof (GlossKbSource));
  g_array_set_clear_func (self->sources, source_clear);
  self->notes = g_array_new (FALSE, TRUE, sizeof (GlossKbNote));
  g_array_set_clear_func (self->notes, note_clear);
  self->aliases = g_new0 (char *, 1);
  self->members = g_new0 (char *, 1);
}

/* ------------------------------------------------------------------ */
/* Reading JSON                                                       */

static char *
dup_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static GStrv
dup_strv (JsonObject *object,
          const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          /* a non-string stays visible to the check as an empty entry */
          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
          else
            g_strv_builder_add (builder, "");
        }
    }
  return g_strv_builder_end (builder);
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
read_sources (GlossKbItem *self,
              JsonObject  *object)
{
  JsonArray *array = get_array (object, "sources");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *source = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      GlossKbSource entry = { 0 };

      if (source != NULL)
        {
          entry.title = dup_member (source, "title");
          entry.symbol = dup_member (source, "symbol");
          entry.url = dup_member (source, "url");
        }
      g_array_append_val (self->sources, entry);
    }
}

static void
read_notes (GlossKbItem *self,
            JsonObject  *object)
{
  JsonArray *array = get_array (object, "corpus_notes");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *note = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      GlossKbNote entry = { 0 };

      if (note != NULL)
        {
          entry.quote_zh = dup_member (note, "quote_zh");
          entry.note_en = dup_member (note, "note_en");
          entry.note_zh = dup_member (note, "note_zh");
        }
      g_array_append_val (self->notes, entry);
    }
}

/**
 * gloss_kb_item_new_from_json:
 *
 * Reads an item as the bundled data writes it. Missing or mistyped
 * fields are left unset; gloss_kb_item_check() reports them.
 *
 * Returns: (transfer full): the item
 */
GlossKbItem *
gloss_kb_item_new_from_json (JsonObject      *object,
                             GlossKbCategory  category)
{
  GlossKbItem *self = g_object_new (GLOSS_TYPE_KB_ITEM, "category", category, NULL);

  for (guint i = PROP_ID; i < N_STRING_PROPS; i++)
    self->strings[i] = dup_member (object, string_members[i]);
  g_strfreev (self->aliases);
  self->aliases = dup_strv (object, "aliases");
  g_strfreev (self->members);
  self->members = dup_strv (object, "members");
  read_sources (self, object);
  read_notes (self, object);
  return self;
}

/* ------------------------------------------------------------------ */
/* Checking                                                           */

/**
 * gloss_kb_parse_date:
 * @date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`
 * @precision: "day", "month" or "year", which must match the shape of @date
 * @out: (out) (optional): the first day the date can mean
 * @why: (out) (optional): why the date was refused
 */
gboolean
gloss_kb_parse_date (const char  *date,
                     const char  *precision,
                     GDate       *out,
                     const char **why)
{
  guint year = 0, month = 1, day = 1;
  gsize len = date ? strlen (date) : 0;
  const char *expected = len == 10 ? "day" : len == 7 ? "month" : len == 4 ? "year" : NULL;
  const char *reason = NULL;

  for (gsize i = 0; i < len && reason == NULL; i++)
    if ((i == 4 || i == 7) ? date[i] != '-' : !g_ascii_isdigit (date[i]))
      reason = "is not YYYY, YYYY-MM or YYYY-MM-DD";
  if (reason == NULL && expected == NULL)
    reason = date ? "is not YYYY, YYYY-MM or YYYY-MM-DD" : "is missing";
  if (reason == NULL)
    {
      year = atoi (date);
      if (len >= 7)
        month = atoi (date + 5);
      if (len == 10)
        day = atoi (date + 8);
      if (!g_date_valid_dmy (day, month, year))
        reason = "is not a calendar date";
      else if (g_strcmp0 (precision, expected) != 0)
        reason = "does not match its precision";
    }

  if (why != NULL)
    *why = reason;
  if (reason == NULL && out != NULL)
    g_date_set_dmy (out, day, month, year);
  return reason == NULL;
}

static void
problem (GString    *problems,
         GlossKbItem *self,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (GString     *problems,
         GlossKbItem *self,
         const char  *format,
         ...)
{
  va_list args;

  g_string_append_printf (problems, "%s: ", self->strings[PROP_ID] ? self->strings[PROP_ID] : "(no id)");
  va_start (args, format);
  g_string_append_vprintf (problems, format, args);
  va_end (args);
  g_string_append_c (problems, '\n');
}

static gboolean
is_blank (const char *s)
{
  for (; s != NULL && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

static void
check_dates (GlossKbItem *self,
             GString     *problems)
{
  GDate start, end;
  const char *why = NULL;
  gboolean has_end = self->strings[PROP_END_DATE] != NULL;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  if (!gloss_kb_parse_date (self->strings[PROP_DATE], self->strings[PROP_DATE_PRECISION], &start, &why))
    problem (problems, self, "date “%s” (%s) %s", self->strings[PROP_DATE],
             self->strings[PROP_DATE_PRECISION], why);
  if (has_end != (self->strings[PROP_END_DATE_PRECISION] != NULL))
    problem (problems, self, "end_date and end_date_precision go together");
  if (has_end &&
      !gloss_kb_parse_date (self->strings[PROP_END_DATE], self->strings[PROP_END_DATE_PRECISION],
                            &end, &why))
    problem (problems, self, "end_date “%s” (%s) %s", self->strings[PROP_END_DATE],
             self->strings[PROP_END_DATE_PRECISION], why);
  /* compare at the start of each period: 2016 … 2016-06 is fine */
  if (has_end && g_date_valid (&start) && g_date_valid (&end) && g_date_compare (&end, &start) < 0)
    problem (problems, self, "ends (%s) before it starts (%s)", self->strings[PROP_END_DATE],
             self->strings[PROP_DATE]);
}

static void
check_sources (GlossKbItem *self,
               GString     *problems)
{
  if (self->sources->len == 0)
    problem (problems, self, "has no source");
  for (guint i = 0; i < self->sources->len; i++)
    {
      const GlossKbSource *source = &g_array_index (self->sources, GlossKbSource, i);

      if (is_blank (source->title))
        problem (problems, self, "source %u has no title", i + 1);
      if (source->url != NULL && !g_str_has_prefix (source->url, "https://") &&
          !g_str_has_prefix (source->url, "http://"))
        problem (problems, self, "source %u has a URL that is not http(s): %s", i + 1, source->url);
    }
}

static void
check_lists (GlossKbItem *self,
             GString     *problems)
{
  if (self->aliases[0] == NULL)
    problem (problems, self, "has no alias");
  for (guint i = 0; self->aliases[i]; i++)
    if (is_blank (self->aliases[i]))
      problem (problems, self, "alias %u is empty", i + 1);
  for (guint i = 0; i < self->notes->len; i++)
    {
      const GlossKbNote *note = &g_array_index (self->notes, GlossKbNote, i);

      if (is_blank (note->quote_zh) || is_blank (note->note_en) || is_blank (note->note_zh))
        problem (problems, self, "corpus note %u lacks its quote or a note text", i + 1);
    }
}

static void
check_classification (GlossKbItem *self,
                      GString     *problems)
{
  if (self->category == GLOSS_KB_TIMELINE)
    {
      if (!g_strv_contains (lanes, self->strings[PROP_LANE] ? self->strings[PROP_LANE] : ""))
        problem (problems, self, "lane “%s” is not one of gge, oewg, ga, other",
                 self->strings[PROP_LANE]);
      if (!g_strv_contains (item_types, self->strings[PROP_ITEM_TYPE] ? self->strings[PROP_ITEM_TYPE] : ""))
        problem (problems, self, "type “%s” is not a known type", self->strings[PROP_ITEM_TYPE]);
    }
  else
    {
      if (!g_strv_contains (kinds, self->strings[PROP_KIND] ? self->strings[PROP_KIND] : ""))
        problem (problems, self, "kind “%s” is not one of bilateral, sco, brics, un, bri-eaeu, forum",
                 self->strings[PROP_KIND]);
      if (self->members[0] == NULL)
        problem (problems, self, "has no members");
    }
}

/**
 * gloss_kb_item_check:
 * @problems: where each problem is appended, one line each
 *
 * Checks the item on its own (uniqueness of ids is the knowledge base's).
 *
 * Returns: %TRUE when the item has no problem
 */
gboolean
gloss_kb_item_check (GlossKbItem *self,
                     GString     *problems)
{
  gsize before = problems->len;
  const char *id = self->strings[PROP_ID];

  g_return_val_if_fail (GLOSS_IS_KB_ITEM (self), FALSE);

  if (id == NULL || !g_regex_match_simple ("^[a-z0-9]+(-[a-z0-9]+)*$", id, 0, 0))
    problem (problems, self, "the id is not a lowercase slug");
  if (is_blank (self->strings[PROP_TITLE_ZH]) || is_blank (self->strings[PROP_TITLE_EN]))
    problem (problems, self, "lacks a Chinese or an English title");
  if (is_blank (self->strings[PROP_SUMMARY_EN]) || is_blank (self->strings[PROP_SUMMARY_ZH]))
    problem (problems, self, "lacks a Chinese or an English summary");
  check_dates (self, problems);
  check_sources (self, problems);
  check_lists (self, problems);
  check_classification (self, problems);
  return problems->len == before;
}

/* ------------------------------------------------------------------ */
/* Accessors                                                          */

#define STRING_GETTER(name, prop) \
  const char *                                                \
  gloss_kb_item_get_##name (GlossKbItem *self)                \
  {                                                           \
    g_return_val_if_fail (GLOSS_IS_KB_ITEM (self), NULL);     \
    return self->strings[prop];                               \
  }

STRING_GETTER (id, PROP_ID)
STRING_GETTER (date, PROP_DATE)
STRING_GETTER (date_precision, PROP_DATE_PRECISION)
STRING_GETTER (end_date, PROP_END_DATE)
STRING_GETTER (end_date_precision, PROP_END_DATE_PRECISION)
STRING_GETTER (lane, PROP_LANE)
STRING_GETTER (item_type, PROP_ITEM_TYPE)
STRING_GETTER (kind, PROP_KIND)
STRING_GETTER (title_zh, PROP_TITLE_ZH)
STRING_GETTER (title_en, PROP_TITLE_EN)
STRING_GETTER (symbol, PROP_SYMBOL)
STRING_GETTER (summary_en, PROP_SUMMARY_EN)
STRING_GETTER (summary_zh, PROP_SUMMARY_ZH)
STRING_GETTER (uncertain, PROP_UNCERTAIN)

GlossKbCategory
gloss_kb_item_get_category (GlossKbItem *self)
{
  g_return_val_if_fail (GLOSS_IS_KB_ITEM (self), GLOSS_KB_TIMELINE);
  return self->category;
}

gboolean
gloss_kb_item_get_user_defined (GlossKbItem *self)
{
  g_return_val_if_fail (GLOSS_IS_KB_ITEM (self), FALSE);
  return self->user_defined;
}

static gint
year_of (const char *date)
{
  return date != NULL && strlen (date) >= 4 ? (gint) g_ascii_strtoll (date, NULL, 10) : 0;
}

/* The year the item starts, 0 if its date is missing. */
gint
gloss_kb_item_get_year (GlossKbItem *self)
{
  g_return_val_if_fail (GLOSS_IS_KB_ITEM (self), 0);
  return year_of (self->strings[PROP_DATE]);
}

/* The year the item ends: its start year when it does not span time. */
gint
gloss_kb_item_get_end_year (GlossKbItem *self)
{
  g_return_val_if_fail (GLOSS_IS_KB_ITEM (self), 0);
  return self->strings[PROP_END_DATE] ? year_of (self->strings[PROP_END_DATE])
                                      : year_of (self->strings[PROP_DATE]);
}

const char * const *
gloss_kb_item_get_aliases (GlossKbItem *self)
{
  g_return_val_if_fail (GLOSS_IS_KB_ITEM (self), NULL);
  return (const char * const *) self->aliases;
}

const char * const *
gloss_kb_item_get_members (GlossKbItem *self)
{
  g_return_val_if_fail (GLOSS_IS_KB_ITEM (self), NULL);
  return (const char * const *) self->members;
}

guint
gloss_kb_item_get_n_sources (GlossKbItem *self)
{
  g_return_val_if_fail (GLOSS_IS_KB_ITEM (self), 0);
  return self->sources->len;
}

const GlossKbSource *
gloss_kb_item_get_source (GlossKbItem *self,
                          guint        index)
{
  g_return_val_if_fail (GLOSS_IS_KB_ITEM (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);
  return &g_array_index (self->sources, GlossKbSource, index);
}

guint
gloss_kb_item_get_n_notes (GlossKbItem *self)
{
  g_return_val_if_fail (GLOSS_IS_KB_ITEM (self), 0);
  return self->notes->len;
}

const GlossKbNote *
gloss_kb_item_get_note (GlossKbItem *self,
                        guint        index)
{
  g_return_val_if_fail (GLOSS_IS_KB_ITEM (self), NULL);
  g_return_val_if_fail (index < self->notes->len, NULL);
  return &g_array_index (self->notes, GlossKbNote, index);
}

/* For an item made in code (a user's event) before it joins a
 * knowledge base; items of a knowledge base are not changed in place. */
void
gloss_kb_item_set_aliases (GlossKbItem        *self,
                           const char * const *aliases)
{
  g_return_if_fail (GLOSS_IS_KB_ITEM (self));
  g_strfreev (self->aliases);
  self->aliases = aliases ? g_strdupv ((char **) aliases) : g_new0 (char *, 1);
}

void
gloss_kb_item_add_source (GlossKbItem *self,
                          const char  *title,
                          const char  *symbol,
                          const char  *url)
{
  GlossKbSource source = { g_strdup (title), g_strdup (symbol), g_strdup (url) };

  g_return_if_fail (GLOSS_IS_KB_ITEM (self));
  g_array_append_val (self->sources, source);
}
