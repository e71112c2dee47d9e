/* gloss-mention-layer.c: marks the mentions of known items in the reading view's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The mentions of timeline events and mechanisms are a layer of their
 * own, apart from the reader's highlights: one tag, a thin underline in
 * a faint theme colour, at the lowest priority of the tag table, so
 * that a highlight drawn on the same words always wins.
 *
 * The reading view fills its buffer block by block, in text order, in
 * idle slices.  So the layer keeps the document's mentions sorted by
 * start and, after each insertion, tags those that now lie wholly in
 * the buffer: each mention is tagged once, as soon as its text is
 * there, without ever walking the buffer.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include "gloss-mention-layer.h"

#define MENTION_TAG_NAME "gloss-mention"
/* How many mentions before the one found to look at for an overlapping
 * one: mentions are a few characters long and rarely nest. */
#define OVERLAP_LOOKBACK 8

struct _GlossMentionLayer
{
  GObject            parent_instance;

  GlossMentionIndex *mention_index;
  GtkTextBuffer     *buffer;
  char              *document_id;
  GtkTextTag        *tag;
  GdkRGBA            color;

  GPtrArray         *mentions;     /* GlossMention, by start */
  guint              next;         /* mentions before it are tagged */
};

G_DEFINE_FINAL_TYPE (GlossMentionLayer, gloss_mention_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MENTION_INDEX,
  PROP_BUFFER,
  PROP_DOCUMENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */

static void
update_tag_color (GlossMentionLayer *self)
{
  if (self->tag != NULL)
    g_object_set (self->tag, "underline-rgba", &self->color, NULL);
}

/* The tag lives in the tag table the reading view shares between its
 * buffers, so it is made once. */
static void
ensure_tag (GlossMentionLayer *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, MENTION_TAG_NAME);

  if (tag == NULL)
    {
      tag = gtk_text_tag_new (MENTION_TAG_NAME);
      g_object_set (tag, "underline", PANGO_UNDERLINE_SINGLE, NULL);
      gtk_text_tag_table_add (table, tag);
      g_object_unref (tag);
      gtk_text_tag_set_priority (tag, 0);
    }

  g_set_object (&self->tag, tag);
  update_tag_color (self);
}

static void
tag_inserted_mentions (GlossMentionLayer *self,
                       guint              inserted)
{
  while (self->next < self->mentions->len)
    {
      GlossMention *mention = g_ptr_array_index (self->mentions, self->next);
      GtkTextIter start, end;

      if (gloss_mention_get_end (mention) > inserted)
        break;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, gloss_mention_get_start (mention));
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, gloss_mention_get_end (mention));
      gtk_text_buffer_apply_tag (self->buffer, self->tag, &start, &end);
      self->next++;
    }
}

static void
insert_text_after_cb (GlossMentionLayer *self,
                      GtkTextIter       *location,
                      const char        *text,
                      int                len,
                      GtkTextBuffer     *buffer)
{
  tag_inserted_mentions (self, gtk_text_buffer_get_char_count (buffer));
}

static void
load_mentions (GlossMentionLayer *self)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_ptr_array_set_size (self->mentions, 0);
  self->next = 0;
  if (self->document_id == NULL)
    return;

  model = gloss_mention_index_list_document_mentions (self->mention_index,
                                                      self->document_id, &error);
  if (model == NULL)
    {
      g_warning ("The mentions in %s cannot be listed: %s", self->document_id, error->message);
      return;
    }

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->mentions, g_list_model_get_item (model, i));
}

static void
detach (GlossMentionLayer *self)
{
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_func (self->buffer, insert_text_after_cb, self);
  g_clear_object (&self->buffer);
  g_clear_pointer (&self->document_id, g_free);
  g_ptr_array_set_size (self->mentions, 0);
  self->next = 0;
}

/* ------------------------------------------------------------------ */

static void
gloss_mention_layer_dispose (GObject *object)
{
  GlossMentionLayer *self = GLOSS_MENTION_LAYER (object);

  detach (self);
  g_clear_object (&self->tag);
  g_clear_object (&self->mention_index);

  G_OBJECT_CLASS (gloss_mention_layer_parent_class)->dispose (object);
}

static void
gloss_mention_layer_finalize (GObject *object)
{
  GlossMentionLayer *self = GLOSS_MENTION_LAYER (object);

  g_ptr_array_unref (self->mentions);

  G_OBJECT_CLASS (gloss_mention_layer_parent_class)->finalize (object);
}

static void
gloss_mention_layer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossMentionLayer *self = GLOSS_MENTION_LAYER (object);

  switch (prop_id)
    {
    case PROP_MENTION_INDEX:
      g_value_set_object (value, self->mention_index);
      break;

    case PROP_BUFFER:
      g_value_set_object (value, self->buffer);
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_string (value, self->document_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_mention_layer_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossMentionLayer *self = GLOSS_MENTION_LAYER (object);

  switch (prop_id)
    {
    case PROP_MENTION_INDEX:
      self->mention_index = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_mention_layer_class_init (GlossMentionLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_mention_layer_dispose;
  object_class->finalize = gloss_mention_layer_finalize;
  object_class->get_property = gloss_mention_layer_get_property;
  object_class->set_property = gloss_mention_layer_set_property;

  properties[PROP_MENTION_INDEX] =
    g_param_spec_object ("mention-index", NULL, NULL,
                         GLOSS_TYPE_MENTION_INDEX,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_BUFFER] =
    g_param_spec_object ("buffer", NULL, NULL,
                         GTK_TYPE_TEXT_BUFFER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_DOCUMENT_ID] =
    g_param_spec_string ("document-id", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_mention_layer_init (GlossMentionLayer *self)
{
  self->mentions = g_ptr_array_new_with_free_func (g_object_unref);
  /* until the window gives a theme colour: a faint grey that reads on
   * light and dark backgrounds alike */
  self->color = (GdkRGBA) { 0.5, 0.5, 0.5, 0.6 };
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

GlossMentionLayer *
gloss_mention_layer_new (GlossMentionIndex *mention_index)
{
  g_return_val_if_fail (GLOSS_IS_MENTION_INDEX (mention_index), NULL);

  return g_object_new (GLOSS_TYPE_MENTION_LAYER, "mention-index", mention_index, NULL);
}

/**
 * gloss_mention_layer_attach:
 * @self: a #GlossMentionLayer
 * @buffer: (nullable): the reading view's buffer of the document
 * @document_id: (nullable): the id of the document it holds
 *
 * Marks the mentions of @document_id in @buffer: those already in it
 * at once, the others as the reading view inserts their text.
 */
void
gloss_mention_layer_attach (GlossMentionLayer *self,
                            GtkTextBuffer     *buffer,
                            const char        *document_id)
{
  g_return_if_fail (GLOSS_IS_MENTION_LAYER (self));
  g_return_if_fail (buffer == NULL || GTK_IS_TEXT_BUFFER (buffer));

  detach (self);
  if (buffer != NULL && document_id != NULL)
    {
      self->buffer = g_object_ref (buffer);
      self->document_id = g_strdup (document_id);
      ensure_tag (self);
      load_mentions (self);
      g_signal_connect_object (buffer, "insert-text",
                               G_CALLBACK (insert_text_after_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      tag_inserted_mentions (self, gtk_text_buffer_get_char_count (buffer));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUFFER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

/**
 * gloss_mention_layer_get_buffer:
 *
 * Returns: (transfer none) (nullable): the buffer marked
 */
GtkTextBuffer *
gloss_mention_layer_get_buffer (GlossMentionLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION_LAYER (self), NULL);

  return self->buffer;
}

const char *
gloss_mention_layer_get_document_id (GlossMentionLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION_LAYER (self), NULL);

  return self->document_id;
}

guint
gloss_mention_layer_get_n_mentions (GlossMentionLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION_LAYER (self), 0);

  return self->mentions->len;
}

/**
 * gloss_mention_layer_get_mention:
 *
 * Returns: (transfer none): mention @index, in text order
 */
GlossMention *
gloss_mention_layer_get_mention (GlossMentionLayer *self,
                                 guint              index)
{
  g_return_val_if_fail (GLOSS_IS_MENTION_LAYER (self), NULL);
  g_return_val_if_fail (index < self->mentions->len, NULL);

  return g_ptr_array_index (self->mentions, index);
}

/**
 * gloss_mention_layer_mention_at:
 * @offset: a content offset
 *
 * Where mentions overlap, the one that starts last (the innermost).
 *
 * Returns: (transfer none) (nullable): the mention holding @offset
 */
GlossMention *
gloss_mention_layer_mention_at (GlossMentionLayer *self,
                                guint              offset)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (GLOSS_IS_MENTION_LAYER (self), NULL);

  /* lo ends as the number of mentions that start at or before offset */
  hi = self->mentions->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (gloss_mention_get_start (g_ptr_array_index (self->mentions, mid)) <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i > 0 && lo - i < OVERLAP_LOOKBACK; i--)
    {
      GlossMention *mention = g_ptr_array_index (self->mentions, i - 1);

      if (offset < gloss_mention_get_end (mention))
        return mention;
    }

  return NULL;
}

/**
 * gloss_mention_layer_set_color:
 * @color: the colour of the underline, usually a faint accent colour
 */
void
gloss_mention_layer_set_color (GlossMentionLayer *self,
                               const GdkRGBA     *color)
{
  g_return_if_fail (GLOSS_IS_MENTION_LAYER (self));
  g_return_if_fail (color != NULL);

  self->color = *color;
  update_tag_color (self);
}
