/* gloss-highlight-layer.c: the user's highlights drawn on a text buffer
 *
 * The layer keeps the highlights of one document drawn as text tags on
 * the reading view's buffer, whose offsets are the content offsets the
 * notes are anchored on.  It redraws whenever the annotations change
 * (here, in another window or from the command line) and when the
 * buffer has been filled, since the reading view inserts long texts in
 * slices and a tag cannot be put on text that is not there yet: each
 * insertion draws the highlights that reach into the new text.
 *
 * One tag per colour and style, plus one per colour for "has a note"
 * (a double underline in the colour's line tint): highlights are few,
 * so redrawing them all is cheaper than tracking each one.  Orphaned
 * notes are not drawn; they are listed for attention instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include "gloss-highlight-colors.h"
#include "gloss-highlight-layer.h"

#define TAG_PREFIX "gloss-highlight-"

struct _GlossHighlightLayer
{
  GObject           parent_instance;

  GlossAnnotations *annotations;
  GtkTextBuffer    *buffer;
  char             *doc_id;
  GPtrArray        *notes;      /* the drawn notes, in position order */
  gboolean          dark;
};

G_DEFINE_FINAL_TYPE (GlossHighlightLayer, gloss_highlight_layer, G_TYPE_OBJECT)

static const GlossHighlightStyle styles[] = {
  GLOSS_HIGHLIGHT_BACKGROUND,
  GLOSS_HIGHLIGHT_UNDERLINE,
  GLOSS_HIGHLIGHT_STRIKE,
};

/* ------------------------------------------------------------------ */
/* Tags                                                               */
/* ------------------------------------------------------------------ */

static char *
tag_name (const char *color,
          const char *what)
{
  return g_strconcat (TAG_PREFIX, color, "-", what, NULL);
}

static void
style_tag (GtkTextTag          *tag,
           const char          *color,
           GlossHighlightStyle  style,
           gboolean             dark)
{
  GdkRGBA fill, line;

  gloss_highlight_colors_get_fill (color, dark, &fill);
  gloss_highlight_colors_get_line (color, dark, &line);

  switch (style)
    {
    case GLOSS_HIGHLIGHT_BACKGROUND:
      g_object_set (tag, "background-rgba", &fill, NULL);
      break;

    case GLOSS_HIGHLIGHT_UNDERLINE:
      g_object_set (tag,
                    "underline", PANGO_UNDERLINE_SINGLE,
                    "underline-rgba", &line,
                    NULL);
      break;

    case GLOSS_HIGHLIGHT_STRIKE:
      g_object_set (tag,
                    "strikethrough", TRUE,
                    "strikethrough-rgba", &line,
                    NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
style_note_tag (GtkTextTag *tag,
                const char *color,
                gboolean    dark)
{
  GdkRGBA line;

  gloss_highlight_colors_get_line (color, dark, &line);
  g_object_set (tag,
                "underline", PANGO_UNDERLINE_DOUBLE,
                "underline-rgba", &line,
                NULL);
}

/* The tag for a colour and a style (what is "note" for the marker of a
 * highlight with a note), made in the buffer's tag table if needed. */
static GtkTextTag *
ensure_tag (GlossHighlightLayer *self,
            const char          *color,
            const char          *what,
            GlossHighlightStyle  style)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  g_autofree char *name = tag_name (color, what);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag != NULL)
    return tag;

  tag = gtk_text_tag_new (name);
  if (g_str_equal (what, "note"))
    style_note_tag (tag, color, self->dark);
  else
    style_tag (tag, color, style, self->dark);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  return tag;
}

static void
restyle_tags (GlossHighlightLayer *self)
{
  const char * const *colors = gloss_note_colors ();
  GtkTextTagTable *table;

  if (self->buffer == NULL)
    return;

  table = gtk_text_buffer_get_tag_table (self->buffer);
  for (guint i = 0; colors[i] != NULL; i++)
    {
      g_autofree char *note_name = tag_name (colors[i], "note");
      GtkTextTag *tag;

      for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
        {
          g_autofree char *name = tag_name (colors[i], gloss_highlight_style_to_string (styles[s]));

          if ((tag = gtk_text_tag_table_lookup (table, name)) != NULL)
            style_tag (tag, colors[i], styles[s], self->dark);
        }

      if ((tag = gtk_text_tag_table_lookup (table, note_name)) != NULL)
        style_note_tag (tag, colors[i], self->dark);
    }
}

/* ------------------------------------------------------------------ */
/* Drawing                                                            */
/* ------------------------------------------------------------------ */

static void
clear (GlossHighlightLayer *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  for (guint i = 0; i < self->notes->len; i++)
    {
      GlossNote *note = g_ptr_array_index (self->notes, i);
      const char *color = gloss_note_get_color (note);
      const char *style = gloss_highlight_style_to_string (gloss_note_get_style (note));

      gtk_text_buffer_remove_tag (self->buffer, ensure_tag (self, color, style, gloss_note_get_style (note)),
                                  &start, &end);
      gtk_text_buffer_remove_tag (self->buffer, ensure_tag (self, color, "note", 0), &start, &end);
    }
  g_ptr_array_set_size (self->notes, 0);
}

static void
draw_note (GlossHighlightLayer *self,
           GlossNote           *note)
{
  const char *color = gloss_note_get_color (note);
  GlossHighlightStyle style = gloss_note_get_style (note);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, gloss_note_get_start (note));
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, gloss_note_get_end (note));
  gtk_text_buffer_apply_tag (self->buffer,
                             ensure_tag (self, color, gloss_highlight_style_to_string (style), style),
                             &start, &end);

  if (gloss_note_get_text (note) != NULL && gloss_note_get_text (note)[0] != '\0')
    gtk_text_buffer_apply_tag (self->buffer, ensure_tag (self, color, "note", 0), &start, &end);
}

/**
 * gloss_highlight_layer_refresh:
 *
 * Draws the document's highlights again from the annotations.
 */
void
gloss_highlight_layer_refresh (GlossHighlightLayer *self)
{
  g_autoptr(GPtrArray) notes = NULL;

  g_return_if_fail (GLOSS_IS_HIGHLIGHT_LAYER (self));

  if (self->buffer == NULL)
    return;

  clear (self);
  notes = gloss_annotations_dup_notes (self->annotations, self->doc_id);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      GlossNote *note = g_ptr_array_index (notes, i);

      if (!gloss_note_get_has_range (note) ||
          gloss_note_get_status (note) == GLOSS_ANCHOR_ORPHANED)
        continue;

      draw_note (self, note);
      g_ptr_array_add (self->notes, g_object_ref (note));
    }
}

/* Text arrives in slices: draw what reaches into the new text. */
static void
text_inserted_cb (GtkTextBuffer       *buffer,
                  GtkTextIter         *location,
                  const char          *text,
                  int                  len,
                  GlossHighlightLayer *self)
{
  guint end = gtk_text_iter_get_offset (location);
  guint start = end - g_utf8_strlen (text, len);

  for (guint i = 0; i < self->notes->len; i++)
    {
      GlossNote *note = g_ptr_array_index (self->notes, i);

      if (gloss_note_get_start (note) < end && gloss_note_get_end (note) > start)
        draw_note (self, note);
    }
}

static void
annotations_changed_cb (GlossHighlightLayer *self)
{
  gloss_highlight_layer_refresh (self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_highlight_layer_dispose (GObject *object)
{
  GlossHighlightLayer *self = GLOSS_HIGHLIGHT_LAYER (object);

  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_func (self->buffer, text_inserted_cb, self);
  g_clear_object (&self->buffer);
  g_clear_object (&self->annotations);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->doc_id, g_free);

  G_OBJECT_CLASS (gloss_highlight_layer_parent_class)->dispose (object);
}

static void
gloss_highlight_layer_class_init (GlossHighlightLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gloss_highlight_layer_dispose;
}

static void
gloss_highlight_layer_init (GlossHighlightLayer *self)
{
  self->notes = g_ptr_array_new_with_free_func (g_object_unref);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

GlossHighlightLayer *
gloss_highlight_layer_new (GlossAnnotations *annotations)
{
  GlossHighlightLayer *self;

  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (annotations), NULL);

  self = g_object_new (GLOSS_TYPE_HIGHLIGHT_LAYER, NULL);
  self->annotations = g_object_ref (annotations);
  g_signal_connect_object (annotations, "items-changed",
                           G_CALLBACK (annotations_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

/**
 * gloss_highlight_layer_attach:
 * @buffer: (nullable): the buffer of the document shown
 * @doc_id: (nullable): its id
 *
 * Draws the highlights of @doc_id on @buffer (and no longer on the
 * buffer before).
 */
void
gloss_highlight_layer_attach (GlossHighlightLayer *self,
                              GtkTextBuffer       *buffer,
                              const char          *doc_id)
{
  g_return_if_fail (GLOSS_IS_HIGHLIGHT_LAYER (self));
  g_return_if_fail (buffer == NULL || GTK_IS_TEXT_BUFFER (buffer));

  /* The reading view drops a document's buffer with it: nothing to
   * take off the old one. */
  g_ptr_array_set_size (self->notes, 0);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_func (self->buffer, text_inserted_cb, self);

  g_set_object (&self->buffer, buffer);
  if (self->buffer != NULL)
    g_signal_connect_after (self->buffer, "insert-text", G_CALLBACK (text_inserted_cb), self);
  g_free (self->doc_id);
  self->doc_id = g_strdup (doc_id);

  if (self->buffer != NULL && self->doc_id != NULL)
    gloss_highlight_layer_refresh (self);
}

/**
 * gloss_highlight_layer_set_dark:
 *
 * Switches the highlight colours to their dark-style tints (or back).
 */
void
gloss_highlight_layer_set_dark (GlossHighlightLayer *self,
                                gboolean             dark)
{
  g_return_if_fail (GLOSS_IS_HIGHLIGHT_LAYER (self));

  dark = !!dark;
  if (dark == self->dark)
    return;

  self->dark = dark;
  restyle_tags (self);
}

/**
 * gloss_highlight_layer_note_at:
 * @start: a content offset
 * @end: the end of a selection, or @start
 *
 * Returns: (transfer none) (nullable): the drawn highlight that holds
 *   [@start, @end] (the shortest, when highlights overlap)
 */
GlossNote *
gloss_highlight_layer_note_at (GlossHighlightLayer *self,
                               guint                start,
                               guint                end)
{
  GlossNote *best = NULL;

  g_return_val_if_fail (GLOSS_IS_HIGHLIGHT_LAYER (self), NULL);

  for (guint i = 0; i < self->notes->len; i++)
    {
      GlossNote *note = g_ptr_array_index (self->notes, i);
      guint note_start = gloss_note_get_start (note);
      guint note_end = gloss_note_get_end (note);

      if (note_start > start || note_end < MAX (end, start + 1))
        continue;
      if (best == NULL ||
          note_end - note_start < gloss_note_get_end (best) - gloss_note_get_start (best))
        best = note;
    }

  return best;
}

/**
 * gloss_highlight_layer_get_n_drawn:
 *
 * Returns: how many highlights are drawn
 */
guint
gloss_highlight_layer_get_n_drawn (GlossHighlightLayer *self)
{
  g_return_val_if_fail (GLOSS_IS_HIGHLIGHT_LAYER (self), 0);

  return self->notes->len;
}
