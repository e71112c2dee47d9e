/* gloss-note.c: a highlight, or a note on a passage or a whole document
 *
 * A GlossNote is a value that GlossAnnotations keeps up to date: one
 * object per note id, so that a row in the notes pane follows its note
 * through edits, undo and changes made by another process. Copies made
 * with gloss_note_copy() are detached snapshots, which is what undo
 * keeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-note-private.h"

#include <glib/gi18n.h>
#include <string.h>

struct _GlossNote
{
  GObject       parent_instance;
  GlossNoteData data;
};

G_DEFINE_FINAL_TYPE (GlossNote, gloss_note, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (GlossHighlightStyle, gloss_highlight_style,
  G_DEFINE_ENUM_VALUE (GLOSS_HIGHLIGHT_BACKGROUND, "background"),
  G_DEFINE_ENUM_VALUE (GLOSS_HIGHLIGHT_UNDERLINE, "underline"),
  G_DEFINE_ENUM_VALUE (GLOSS_HIGHLIGHT_STRIKE, "strike"))

G_DEFINE_ENUM_TYPE (GlossAnchorStatus, gloss_anchor_status,
  G_DEFINE_ENUM_VALUE (GLOSS_ANCHOR_OK, "ok"),
  G_DEFINE_ENUM_VALUE (GLOSS_ANCHOR_MOVED, "moved"),
  G_DEFINE_ENUM_VALUE (GLOSS_ANCHOR_FUZZY, "fuzzy"),
  G_DEFINE_ENUM_VALUE (GLOSS_ANCHOR_ORPHANED, "orphaned"))

enum {
  PROP_0,
  PROP_ID,
  PROP_DOC_ID,
  PROP_HAS_RANGE,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_PRIOR_QUOTE,
  PROP_TEXT,
  PROP_COLOR,
  PROP_STYLE,
  PROP_STATUS,
  PROP_TAGS,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_NEEDS_ATTENTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const palette[] = {
  "red", "orange", "yellow", "green", "teal", "blue", "purple", "gray", NULL
};

/* What each palette key looks like, in palette order: a fill that text
 * stays readable on and a stronger line for underline and strike, each
 * for the light and the dark style.  The window draws highlights with
 * these and exports print the light ones, so a yellow note is the same
 * yellow on screen and on paper. */
static const struct
{
  const char *label;
  const char *light_fill;
  const char *dark_fill;
  const char *light_line;
  const char *dark_line;
} palette_colors[] = {
  { N_("Red"),    "#ffc9c4", "#7d2b2b", "#e01b24", "#ff7b63" },
  { N_("Orange"), "#ffd9ad", "#7a4617", "#e66100", "#ffa348" },
  { N_("Yellow"), "#fff08c", "#675812", "#c88800", "#f8e45c" },
  { N_("Green"),  "#c6efc4", "#2b5a30", "#26a269", "#8ff0a4" },
  { N_("Teal"),   "#b6ebe6", "#1d5753", "#0f8a7e", "#7adfd3" },
  { N_("Blue"),   "#c9dcff", "#27466f", "#1c71d8", "#99c1f1" },
  { N_("Purple"), "#e5d3ff", "#4e3573", "#9141ac", "#dc8add" },
  { N_("Gray"),   "#dedddb", "#4a4a4d", "#77767b", "#c0bfbc" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (palette_colors) == G_N_ELEMENTS (palette) - 1);

static const char * const style_names[] = { "background", "underline", "strike" };
static const char * const status_names[] = { "ok", "moved", "fuzzy", "orphaned" };

void
_gloss_note_data_clear (GlossNoteData *data)
{
  g_clear_pointer (&data->id, g_free);
  g_clear_pointer (&data->doc_id, g_free);
  g_clear_pointer (&data->quote, g_free);
  g_clear_pointer (&data->prefix, g_free);
  g_clear_pointer (&data->suffix, g_free);
  g_clear_pointer (&data->prior_quote, g_free);
  g_clear_pointer (&data->text, g_free);
  g_clear_pointer (&data->color, g_free);
  g_clear_pointer (&data->tags, g_strfreev);
  g_clear_pointer (&data->doc_checksum, g_free);
  g_clear_pointer (&data->text_checksum, g_free);
}

void
_gloss_note_data_copy (GlossNoteData       *dest,
                       const GlossNoteData *src)
{
  *dest = *src;
  dest->id = g_strdup (src->id);
  dest->doc_id = g_strdup (src->doc_id);
  dest->quote = g_strdup (src->quote ? src->quote : "");
  dest->prefix = g_strdup (src->prefix ? src->prefix : "");
  dest->suffix = g_strdup (src->suffix ? src->suffix : "");
  dest->prior_quote = g_strdup (src->prior_quote);
  dest->text = g_strdup (src->text ? src->text : "");
  dest->color = g_strdup (src->color);
  dest->tags = src->tags ? g_strdupv (src->tags) : g_new0 (char *, 1);
  dest->doc_checksum = g_strdup (src->doc_checksum ? src->doc_checksum : "");
  dest->text_checksum = g_strdup (src->text_checksum ? src->text_checksum : "");
}

static void
gloss_note_finalize (GObject *object)
{
  _gloss_note_data_clear (&GLOSS_NOTE (object)->data);
  G_OBJECT_CLASS (gloss_note_parent_class)->finalize (object);
}

static void
gloss_note_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GlossNote *self = GLOSS_NOTE (object);
  const GlossNoteData *d = &self->data;

  switch (prop_id)
    {
    case PROP_ID:              g_value_set_string (value, d->id); break;
    case PROP_DOC_ID:          g_value_set_string (value, d->doc_id); break;
    case PROP_HAS_RANGE:       g_value_set_boolean (value, d->has_range); break;
    case PROP_START:           g_value_set_uint (value, d->start); break;
    case PROP_END:             g_value_set_uint (value, d->end); break;
    case PROP_QUOTE:           g_value_set_string (value, d->quote); break;
    case PROP_PREFIX:          g_value_set_string (value, d->prefix); break;
    case PROP_SUFFIX:          g_value_set_string (value, d->suffix); break;
    case PROP_PRIOR_QUOTE:     g_value_set_string (value, d->prior_quote); break;
    case PROP_TEXT:            g_value_set_string (value, d->text); break;
    case PROP_COLOR:           g_value_set_string (value, d->color); break;
    case PROP_STYLE:           g_value_set_enum (value, d->style); break;
    case PROP_STATUS:          g_value_set_enum (value, d->status); break;
    case PROP_TAGS:            g_value_set_boxed (value, d->tags); break;
    case PROP_CREATED:         g_value_set_int64 (value, d->created); break;
    case PROP_MODIFIED:        g_value_set_int64 (value, d->modified); break;
    case PROP_NEEDS_ATTENTION: g_value_set_boolean (value, gloss_note_get_needs_attention (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_note_class_init (GlossNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const struct { guint prop; const char *name; } strings[] = {
    { PROP_ID, "id" }, { PROP_DOC_ID, "doc-id" }, { PROP_QUOTE, "quote" },
    { PROP_PREFIX, "prefix" }, { PROP_SUFFIX, "suffix" }, { PROP_PRIOR_QUOTE, "prior-quote" },
    { PROP_TEXT, "text" }, { PROP_COLOR, "color" },
  };

  object_class->finalize = gloss_note_finalize;
  object_class->get_property = gloss_note_get_property;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    properties[strings[i].prop] = g_param_spec_string (strings[i].name, NULL, NULL, NULL, flags);
  properties[PROP_HAS_RANGE] = g_param_spec_boolean ("has-range", NULL, NULL, FALSE, flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_STYLE] = g_param_spec_enum ("style", NULL, NULL, GLOSS_TYPE_HIGHLIGHT_STYLE,
                                              GLOSS_HIGHLIGHT_BACKGROUND, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, GLOSS_TYPE_ANCHOR_STATUS,
                                               GLOSS_ANCHOR_OK, flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NEEDS_ATTENTION] = g_param_spec_boolean ("needs-attention", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_note_init (GlossNote *self)
{
}

GlossNote *
_gloss_note_new (const GlossNoteData *data)
{
  GlossNote *self = g_object_new (GLOSS_TYPE_NOTE, NULL);

  _gloss_note_data_copy (&self->data, data);
  return self;
}

const GlossNoteData *
_gloss_note_peek (GlossNote *self)
{
  return &self->data;
}

/* A random (version 4) UUID: stable across export and import, and never
 * reused, so that merging libraries can tell notes apart. */
char *
_gloss_note_new_id (void)
{
  return g_uuid_string_random ();
}

static void
notify_if (GlossNote *self,
           gboolean   changed,
           guint      prop)
{
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_gloss_note_assign (GlossNote     *self,
                    GlossNoteData *data)
{
  GlossNoteData old = self->data;
  gboolean attention = gloss_note_get_needs_attention (self);

  self->data = *data;
  memset (data, 0, sizeof *data);
  if (self->data.tags == NULL)
    self->data.tags = g_new0 (char *, 1);

  g_object_freeze_notify (G_OBJECT (self));
  notify_if (self, g_strcmp0 (old.doc_id, self->data.doc_id) != 0, PROP_DOC_ID);
  notify_if (self, old.has_range != self->data.has_range, PROP_HAS_RANGE);
  notify_if (self, old.start != self->data.start, PROP_START);
  notify_if (self, old.end != self->data.end, PROP_END);
  notify_if (self, g_strcmp0 (old.quote, self->data.quote) != 0, PROP_QUOTE);
  notify_if (self, g_strcmp0 (old.prefix, self->data.prefix) != 0, PROP_PREFIX);
  notify_if (self, g_strcmp0 (old.suffix, self->data.suffix) != 0, PROP_SUFFIX);
  notify_if (self, g_strcmp0 (old.prior_quote, self->data.prior_quote) != 0, PROP_PRIOR_QUOTE);
  notify_if (self, g_strcmp0 (old.text, self->data.text) != 0, PROP_TEXT);
  notify_if (self, g_strcmp0 (old.color, self->data.color) != 0, PROP_COLOR);
  notify_if (self, old.style != self->data.style, PROP_STYLE);
  notify_if (self, old.status != self->data.status, PROP_STATUS);
  notify_if (self, !g_strv_equal ((const char * const *) old.tags,
                                  (const char * const *) self->data.tags), PROP_TAGS);
  notify_if (self, old.created != self->data.created, PROP_CREATED);
  notify_if (self, old.modified != self->data.modified, PROP_MODIFIED);
  notify_if (self, attention != gloss_note_get_needs_attention (self), PROP_NEEDS_ATTENTION);
  g_object_thaw_notify (G_OBJECT (self));

  _gloss_note_data_clear (&old);
}

#define GETTER(type, name, expr) \
  type gloss_note_get_##name (GlossNote *self) \
  { \
    g_return_val_if_fail (GLOSS_IS_NOTE (self), 0); \
    return expr; \
  }

GETTER (const char *, id, self->data.id)
GETTER (const char *, doc_id, self->data.doc_id)
GETTER (gboolean, has_range, self->data.has_range)
GETTER (guint, start, self->data.start)
GETTER (guint, end, self->data.end)
GETTER (const char *, quote, self->data.quote)
GETTER (const char *, prefix, self->data.prefix)
GETTER (const char *, suffix, self->data.suffix)
GETTER (const char *, prior_quote, self->data.prior_quote)
GETTER (const char *, text, self->data.text)
GETTER (const char *, color, self->data.color)
GETTER (GlossHighlightStyle, style, self->data.style)
GETTER (GlossAnchorStatus, status, self->data.status)
GETTER (const char * const *, tags, (const char * const *) self->data.tags)
GETTER (gint64, created, self->data.created)
GETTER (gint64, modified, self->data.modified)
GETTER (gboolean, needs_attention, self->data.status == GLOSS_ANCHOR_ORPHANED)
GETTER (const char *, text_checksum, self->data.text_checksum)
GETTER (const char *, doc_checksum, self->data.doc_checksum)

gboolean
gloss_note_has_tag (GlossNote  *self,
                    const char *tag)
{
  g_return_val_if_fail (GLOSS_IS_NOTE (self), FALSE);
  return g_strv_contains ((const char * const *) self->data.tags, tag);
}

/**
 * gloss_note_copy:
 *
 * Returns: (transfer full): a detached snapshot of the note, as undo
 *   keeps it
 */
GlossNote *
gloss_note_copy (GlossNote *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTE (self), NULL);
  return _gloss_note_new (&self->data);
}

/* What the user made, leaving out the bookkeeping of times and
 * checksums: used by import to recognise a note it already has. */
gboolean
gloss_note_equal_content (GlossNote *a,
                          GlossNote *b)
{
  const GlossNoteData *x = &a->data;
  const GlossNoteData *y = &b->data;

  return g_strcmp0 (x->doc_id, y->doc_id) == 0 &&
         x->has_range == y->has_range &&
         (!x->has_range || (x->start == y->start && x->end == y->end)) &&
         g_strcmp0 (x->quote, y->quote) == 0 &&
         g_strcmp0 (x->text, y->text) == 0 &&
         g_strcmp0 (x->color, y->color) == 0 &&
         x->style == y->style &&
         g_strv_equal ((const char * const *) x->tags, (const char * const *) y->tags);
}

const char * const *
gloss_note_colors (void)
{
  return palette;
}

gboolean
gloss_note_color_is_valid (const char *color)
{
  return color != NULL && g_strv_contains (palette, color);
}

static gint
palette_index (const char *color)
{
  for (guint i = 0; color != NULL && palette[i] != NULL; i++)
    if (g_str_equal (palette[i], color))
      return i;

  return -1;
}

/**
 * gloss_note_color_get_hex:
 * @dark: the dark style's tint
 * @fill: the fill (a highlight's background) rather than the line
 * @found: (out) (optional): whether @color is a palette key
 *
 * Returns: (transfer none): the colour as "#rrggbb"; an unknown key (a
 *   palette grown in a newer core) gets gray, so that it is still drawn
 */
const char *
gloss_note_color_get_hex (const char *color,
                          gboolean    dark,
                          gboolean    fill,
                          gboolean   *found)
{
  gint i = palette_index (color);

  if (found != NULL)
    *found = i >= 0;
  if (i < 0)
    i = palette_index ("gray");

  if (fill)
    return dark ? palette_colors[i].dark_fill : palette_colors[i].light_fill;
  return dark ? palette_colors[i].dark_line : palette_colors[i].light_line;
}

/**
 * gloss_note_color_get_label:
 *
 * Returns: (transfer none) (nullable): the translated name of the colour
 *   itself ("Yellow"), or %NULL when @color is not a palette key
 */
const char *
gloss_note_color_get_label (const char *color)
{
  gint i = palette_index (color);

  return i >= 0 ? _(palette_colors[i].label) : NULL;
}

const char *
gloss_highlight_style_to_string (GlossHighlightStyle style)
{
  g_return_val_if_fail (style <= GLOSS_HIGHLIGHT_STRIKE, "background");
  return style_names[style];
}

gboolean
gloss_highlight_style_from_string (const char          *name,
                                   GlossHighlightStyle *style)
{
  for (guint i = 0; i < G_N_ELEMENTS (style_names); i++)
    if (g_strcmp0 (name, style_names[i]) == 0)
      {
        *style = i;
        return TRUE;
      }
  return FALSE;
}

const char *
gloss_anchor_status_to_string (GlossAnchorStatus status)
{
  g_return_val_if_fail (status <= GLOSS_ANCHOR_ORPHANED, "orphaned");
  return status_names[status];
}

gboolean
gloss_anchor_status_from_string (const char        *name,
                                 GlossAnchorStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (name, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

/* One spelling per tag, so that type-ahead and filters find it however
 * it was typed: compatibility-normalised (full-width letters become
 * ASCII), lower case, no leading '#', inner white space collapsed to
 * one space. NULL when nothing is left. */
char *
gloss_note_normalize_tag (const char *tag)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  if (tag == NULL || !g_utf8_validate (tag, -1, NULL))
    return NULL;
  nfkc = g_utf8_normalize (tag, -1, G_NORMALIZE_ALL_COMPOSE);
  lower = g_utf8_strdown (nfkc, -1);

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = out->len > 0;
          continue;
        }
      if (c == '#' && out->len == 0)
        continue;
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
