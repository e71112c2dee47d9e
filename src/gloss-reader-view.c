/* gloss-reader-view.c: the reading view of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Why a GtkTextView, and why it is filled in slices
 * ------------------------------------------------
 *
 * The view is one read-only GtkTextView in a GtkScrolledWindow whose
 * buffer holds exactly gloss_content_get_text(): a buffer offset is a
 * document offset (in code points), which is what notes and highlights
 * anchor on.  Nothing is ever inserted that is not in the content; the
 * space between blocks comes from tag properties (pixels-above-lines,
 * pixels-below-lines), not from extra newlines.
 *
 * The numbers behind the choice, measured with GTK 4.8 on Debian 12:
 *
 *  - Pango lays out Chinese at about 1.2–1.8 MB/s.  Laying out a whole
 *    2 MB document before the first frame would take more than a
 *    second, so layout has to be incremental.  GtkTextView does exactly
 *    that: it lays out the visible lines first and validates the rest
 *    in idle slices, line by line.
 *  - That only stays cheap if no line is huge: a GtkTextView holding a
 *    single 1 MB paragraph freezes for over a second.  The importer
 *    keeps blocks to a few KB, so every paragraph is cheap to lay out.
 *  - GtkListView (one row per block) would recycle widgets and scale
 *    without limit, but on GTK 4.8 it has no scroll_to() and no
 *    selection across rows, and highlights and quotes span paragraphs.
 *
 * Each document gets a new buffer and a new GtkTextView (see
 * replace_text_view()): emptying a buffer that holds a long text costs
 * as much as filling it, and more with the accessibility bridge on.
 *
 * Inserting 2 MB into the buffer is itself not free, so the first
 * blocks (or everything up to the reading position being restored) go
 * in synchronously and the rest follow in slices of at most
 * LOAD_SLICE_USEC from a low-priority idle: the first frame paints at
 * once and no later frame waits for the loader.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-reader-style.h"
#include "gloss-reader-view.h"

/* Blocks inserted before the first frame, and past a restore point. */
#define FIRST_BLOCKS        200
#define LOOKAHEAD_BLOCKS    100
/* Budget of one loading slice, so that a frame (16 ms) is never late. */
#define LOAD_SLICE_USEC     (8 * G_TIME_SPAN_MILLISECOND)
/* top-offset is recomputed at most this often while scrolling. */
#define TOP_OFFSET_DELAY_MS 100
/* Frames to wait for a footnote marker to scroll into view. */
#define MAX_PENDING_FRAMES  600
/* Where a footnote marker opened from code is brought: a quarter of the
 * view away from its edges, leaving room for the popover. */
#define FOOTNOTE_MARGIN     0.25
/* How long a passage opened from a list stays marked. */
#define FLASH_MS            1200
/* Where a revealed passage is brought: this far from the view's edges. */
#define REVEAL_MARGIN       0.2

struct _GlossReaderView
{
  GtkWidget             parent_instance;

  /* Template children */
  GtkScrolledWindow    *scroller;
  GtkTextView          *text_view;
  GtkPopover           *footnote_popover;
  GtkPopover           *tool_popover;    /* the window's palette or note editor */
  GtkLabel             *footnote_label;

  GlossContent         *content;
  GtkTextBuffer        *buffer;
  GtkTextMark          *scroll_mark;

  GlossReaderStyle     *style;
  GtkTextTag           *flash_tag;
  guint                 flash_source;

  /* Incremental loading: blocks [0, next_block) are in the buffer,
   * which then holds the text up to inserted_chars (inserted_bytes). */
  guint                 next_block;
  guint                 next_ref;
  guint                 inserted_chars;
  gsize                 inserted_bytes;
  guint                 load_source;

  guint                 top_offset;
  guint                 top_offset_source;

  /* The offset the view is held at while the lines above it are still
   * being laid out; see pin_to_offset(). */
  guint                 pinned_offset;
  double                pinned_margin;
  gboolean              pinned;
  guint                 pin_tick;

  guint                 open_ref;     /* G_MAXUINT when no footnote is shown */
  guint                 pending_ref;  /* to show once it has scrolled into view */
  guint                 pending_tick;
  guint                 pending_frames;
};

G_DEFINE_FINAL_TYPE (GlossReaderView, gloss_reader_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_TOP_OFFSET,
  PROP_LOADING,
  PROP_BUFFER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OFFSET_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void replace_text_view (GlossReaderView *self);

/* ------------------------------------------------------------------ */
/* Style                                                              */
/* ------------------------------------------------------------------ */

static void
update_colors (GlossReaderView *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA foreground;
  GdkRGBA accent;
  GdkRGBA flash;

  gtk_style_context_get_color (context, &foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = foreground;

  gloss_reader_style_set_colors (self->style, &foreground, &accent);

  flash = accent;
  flash.alpha = 0.35;
  g_object_set (self->flash_tag, "background-rgba", &flash, NULL);
}

static void
update_metrics (GlossReaderView *self)
{
  gloss_reader_style_measure (self->style, gtk_widget_get_pango_context (GTK_WIDGET (self)));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* Loading                                                            */
/* ------------------------------------------------------------------ */

static guint
n_blocks (GlossReaderView *self)
{
  return self->content ? gloss_content_get_n_blocks (self->content) : 0;
}

static void
apply_tag_at_offsets (GlossReaderView *self,
                      GtkTextTag      *tag,
                      guint            start,
                      guint            end)
{
  GtkTextIter start_iter;
  GtkTextIter end_iter;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end_iter, end);
  gtk_text_buffer_apply_tag (self->buffer, tag, &start_iter, &end_iter);
}

/* Appends the text of the next block, up to where the following block
 * starts: the separator after a block ends its paragraph, so it carries
 * the block's tags too.  Text before the first block goes with it. */
static void
insert_next_block (GlossReaderView *self)
{
  const char *text = gloss_content_get_text (self->content);
  guint n = n_blocks (self);
  const GlossBlock *block = gloss_content_get_block (self->content, self->next_block);
  guint until;
  const char *from;
  const char *to;
  g_autofree char *block_text = NULL;
  GtkTextIter end;

  if (self->next_block + 1 < n)
    until = gloss_content_get_block (self->content, self->next_block + 1)->start;
  else
    until = gloss_content_get_n_chars (self->content);

  from = text + self->inserted_bytes;
  to = g_utf8_offset_to_pointer (from, until - self->inserted_chars);

  /* A NUL-terminated copy, not a pointer into the content: GTK 4.8's
   * accessibility bridge sends the inserted text to AT-SPI as a string
   * read up to the first NUL, whatever the length given, so inserting
   * from inside the whole text would send (and copy) all the rest of
   * the document with every block. */
  block_text = g_strndup (from, to - from);
  gtk_text_buffer_get_end_iter (self->buffer, &end);
  gtk_text_buffer_insert_with_tags (self->buffer, &end, block_text, to - from,
                                    gloss_reader_style_get_document_tag (self->style),
                                    gloss_reader_style_get_block_tag (self->style, block, from),
                                    NULL);

  if (block->kind == GLOSS_BLOCK_FOOTNOTE &&
      (self->next_block == 0 ||
       gloss_content_get_block (self->content, self->next_block - 1)->kind != GLOSS_BLOCK_FOOTNOTE))
    apply_tag_at_offsets (self, gloss_reader_style_get_footnotes_start_tag (self->style),
                          block->start, block->end);

  self->inserted_chars = until;
  self->inserted_bytes = to - text;
  self->next_block++;

  /* Footnote references come in text order. */
  while (self->next_ref < gloss_content_get_n_footnote_refs (self->content))
    {
      const GlossFootnoteRef *ref = gloss_content_get_footnote_ref (self->content, self->next_ref);

      if (ref->end > self->inserted_chars)
        break;

      apply_tag_at_offsets (self, gloss_reader_style_get_footnote_ref_tag (self->style),
                            ref->start, ref->end);
      self->next_ref++;
    }
}

static void
finish_loading (GlossReaderView *self)
{
  g_clear_handle_id (&self->load_source, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Inserts the remaining blocks up to (but excluding) block `until`. */
static void
insert_blocks (GlossReaderView *self,
               guint            until)
{
  guint n = n_blocks (self);

  until = MIN (until, n);
  while (self->next_block < until)
    insert_next_block (self);

  if (self->next_block == n && self->load_source != 0)
    finish_loading (self);
}

static gboolean
load_slice_cb (gpointer user_data)
{
  GlossReaderView *self = user_data;
  gint64 deadline = g_get_monotonic_time () + LOAD_SLICE_USEC;
  guint n = n_blocks (self);

  while (self->next_block < n && g_get_monotonic_time () < deadline)
    insert_next_block (self);

  if (self->next_block < n)
    return G_SOURCE_CONTINUE;

  self->load_source = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  return G_SOURCE_REMOVE;
}

/* Makes sure the text up to offset, and a screenful or more after it,
 * is in the buffer. */
static void
ensure_inserted (GlossReaderView *self,
                 guint            offset)
{
  if (self->content == NULL || offset < self->inserted_chars)
    return;

  insert_blocks (self, gloss_content_block_at (self->content, offset) + 1 + LOOKAHEAD_BLOCKS);
}

/* ------------------------------------------------------------------ */
/* Reading position                                                   */
/* ------------------------------------------------------------------ */

static void
set_top_offset (GlossReaderView *self,
                guint            offset)
{
  if (offset == self->top_offset)
    return;

  self->top_offset = offset;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOP_OFFSET]);
}

static guint
compute_top_offset (GlossReaderView *self)
{
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_at_location (self->text_view, &iter,
                                      visible.x, MAX (visible.y, 0));
  if (!gtk_text_view_starts_display_line (self->text_view, &iter))
    gtk_text_view_backward_display_line_start (self->text_view, &iter);

  return gtk_text_iter_get_offset (&iter);
}

static gboolean
update_top_offset_cb (gpointer user_data)
{
  GlossReaderView *self = user_data;

  self->top_offset_source = 0;
  if (self->content != NULL)
    set_top_offset (self, compute_top_offset (self));

  return G_SOURCE_REMOVE;
}

/* Holding a position
 * ------------------
 *
 * While GtkTextView lays out the lines above the target in the
 * background, their heights change and the target drifts away from the
 * top.  So after a scroll_to_offset() the view is "pinned": whenever the
 * layout changes, it scrolls back to the target, until the reader takes
 * over (scrolls, clicks or presses a key) or another position is asked
 * for.  No timer lets go of it: on a busy machine the background layout
 * can pause for longer than any timeout and then carry on, and a window
 * resized while pinned should keep the same line at the top anyway.
 */
/* Scrolls, at once, so that the display line holding the scroll mark
 * is at the top of the view or, given a margin (a fraction of the
 * view's height), that far below the top, so that what leads up to it
 * shows too; a line already well inside the view stays where it is.
 *
 * Not gtk_text_view_scroll_to_mark(): it animates, line by line from
 * wherever the view was, so a restored position was reached only after
 * a visible slide through the text (longer still on a busy machine),
 * with everything on the way reported as read; and it defers the
 * scroll until the lines around the mark are laid out, which during the
 * background layout of a long text may be never.  Setting the
 * adjustment works on the estimated heights at once, and the pin (see
 * above) corrects it as the real heights come in. */
static void
scroll_to_mark_now (GlossReaderView *self,
                    double           within_margin)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GdkRectangle visible;
  GdkRectangle location;
  GtkTextIter iter;
  int margin;
  int top;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, self->scroll_mark);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  margin = (int) (within_margin * visible.height);

  if (within_margin > 0.0 &&
      location.y >= visible.y + margin &&
      location.y + location.height <= visible.y + visible.height - margin)
    return;   /* in view already: a jump would only lose the reader */

  top = location.y - margin;

  /* The visible area starts top_margin above the adjustment's value. */
  gtk_adjustment_set_value (vadjustment, top + gtk_text_view_get_top_margin (self->text_view));
}

static void
unpin (GlossReaderView *self)
{
  self->pinned = FALSE;
  if (self->pin_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pin_tick);
  self->pin_tick = 0;
}

/* Holds offset at the top of the view or, with a margin, within it. */
static void
pin_to_offset (GlossReaderView *self,
               guint            offset,
               double           within_margin)
{
  self->pinned = TRUE;
  self->pinned_offset = offset;
  self->pinned_margin = within_margin;
}

/* The offset that starts the display line holding offset. */
static guint
display_line_start (GlossReaderView *self,
                    guint            offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  if (!gtk_text_view_starts_display_line (self->text_view, &iter))
    gtk_text_view_backward_display_line_start (self->text_view, &iter);

  return gtk_text_iter_get_offset (&iter);
}

static gboolean
offset_is_visible (GlossReaderView *self,
                   guint            offset)
{
  GtkTextIter iter;
  GdkRectangle location;
  GdkRectangle visible;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  gtk_text_view_get_visible_rect (self->text_view, &visible);

  return location.y >= visible.y &&
         location.y + location.height <= visible.y + visible.height;
}

static gboolean
pinned_offset_in_place (GlossReaderView *self)
{
  if (self->pinned_margin > 0.0)
    return offset_is_visible (self, self->pinned_offset);

  return compute_top_offset (self) == display_line_start (self, self->pinned_offset);
}

/* Runs at the start of the next frame: "changed" is emitted while the
 * text view is in the middle of laying out, too early to scroll. */
static gboolean
hold_pinned_offset_cb (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  GlossReaderView *self = GLOSS_READER_VIEW (widget);

  self->pin_tick = 0;
  if (self->pinned && !pinned_offset_in_place (self))
    scroll_to_mark_now (self, self->pinned_margin);

  return G_SOURCE_REMOVE;
}

static void
vadjustment_changed_cb (GlossReaderView *self)
{
  if (!self->pinned)
    return;

  if (self->pin_tick == 0)
    self->pin_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                   hold_pinned_offset_cb,
                                                   NULL, NULL);
}

/* Any scrolling by the reader takes over from a pinned position.  Also
 * connected to "move-cursor", whose extra arguments it ignores. */
static void
user_scrolled_cb (GlossReaderView *self)
{
  unpin (self);
}

/* ------------------------------------------------------------------ */
/* Footnotes                                                          */
/* ------------------------------------------------------------------ */

/* The footnote reference that contains offset, or G_MAXUINT. */
static guint
find_footnote_ref (GlossReaderView *self,
                   guint            offset)
{
  guint lo = 0;
  guint hi;

  if (self->content == NULL)
    return G_MAXUINT;

  hi = gloss_content_get_n_footnote_refs (self->content);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const GlossFootnoteRef *ref = gloss_content_get_footnote_ref (self->content, mid);

      if (offset < ref->start)
        hi = mid;
      else if (offset >= ref->end)
        lo = mid + 1;
      else
        return mid;
    }

  return G_MAXUINT;
}

/* Where the marker of a footnote reference is, in buffer coordinates. */
static void
get_marker_rect (GlossReaderView *self,
                 guint            ref_index,
                 GdkRectangle    *rect)
{
  const GlossFootnoteRef *ref = gloss_content_get_footnote_ref (self->content, ref_index);
  GtkTextIter start;
  GtkTextIter end;
  GdkRectangle end_rect;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, ref->start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, ref->end);
  gtk_text_view_get_iter_location (self->text_view, &start, rect);
  gtk_text_view_get_iter_location (self->text_view, &end, &end_rect);

  if (end_rect.y == rect->y)
    rect->width = MAX (1, end_rect.x - rect->x);
}

static gboolean
marker_is_visible (GlossReaderView *self,
                   guint            ref_index)
{
  GdkRectangle marker;
  GdkRectangle visible;

  get_marker_rect (self, ref_index, &marker);
  gtk_text_view_get_visible_rect (self->text_view, &visible);

  return marker.y >= visible.y &&
         marker.y + marker.height <= visible.y + visible.height;
}

/* Points the popover at the marker, where it is now on screen; closes
 * it when the marker has scrolled out of sight. */
static void
update_footnote_pointer (GlossReaderView *self)
{
  GdkRectangle rect;
  double x, y;

  if (self->open_ref == G_MAXUINT)
    return;

  if (!marker_is_visible (self, self->open_ref))
    {
      /* While pinned, the view is catching up with the layout and
       * brings the marker back on the next frame. */
      if (!self->pinned)
        gtk_popover_popdown (self->footnote_popover);
      return;
    }

  get_marker_rect (self, self->open_ref, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &rect.x, &rect.y);
  gtk_widget_translate_coordinates (GTK_WIDGET (self->text_view), GTK_WIDGET (self),
                                    rect.x, rect.y, &x, &y);
  rect.x = (int) x;
  rect.y = (int) y;

  gtk_popover_set_pointing_to (self->footnote_popover, &rect);
}

static void
show_footnote (GlossReaderView *self,
               guint            ref_index)
{
  const GlossFootnoteRef *ref = gloss_content_get_footnote_ref (self->content, ref_index);
  g_autofree char *text = gloss_content_dup_block_text (self->content, ref->footnote);

  self->open_ref = ref_index;
  gtk_label_set_text (self->footnote_label, text);
  update_footnote_pointer (self);
  gtk_popover_popup (self->footnote_popover);
}

/* A popover pointing at a marker that is not on screen yet would be
 * placed off the monitor; wait for the scroll to bring it into view. */
static gboolean
show_pending_footnote_cb (GtkWidget     *widget,
                          GdkFrameClock *frame_clock,
                          gpointer       user_data)
{
  GlossReaderView *self = GLOSS_READER_VIEW (widget);
  guint ref = self->pending_ref;

  if (!marker_is_visible (self, ref) &&
      (self->pinned || ++self->pending_frames < MAX_PENDING_FRAMES))
    return G_SOURCE_CONTINUE;

  self->pending_ref = G_MAXUINT;
  self->pending_tick = 0;
  if (marker_is_visible (self, ref))
    show_footnote (self, ref);

  return G_SOURCE_REMOVE;
}

static void
cancel_pending_footnote (GlossReaderView *self)
{
  if (self->pending_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_tick);
  self->pending_tick = 0;
  self->pending_ref = G_MAXUINT;
}

/* Back to the text, so that the keyboard goes on where it was. */
static void
tool_popover_closed_cb (GlossReaderView *self)
{
  if (self->text_view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
footnote_popover_closed_cb (GlossReaderView *self)
{
  self->open_ref = G_MAXUINT;
}

static guint
footnote_ref_at_point (GlossReaderView *self,
                       double           x,
                       double           y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return G_MAXUINT;

  return find_footnote_ref (self, gtk_text_iter_get_offset (&iter));
}

/* Offered to others (the mention layer) when a click or Enter was not
 * for a footnote marker. */
static gboolean
emit_offset_activated (GlossReaderView *self,
                       guint            offset)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals[OFFSET_ACTIVATED], 0, offset, &handled);

  return handled ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static void
emit_offset_activated_at_point (GlossReaderView *self,
                                double           x,
                                double           y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    emit_offset_activated (self, gtk_text_iter_get_offset (&iter));
}

static void
click_released_cb (GlossReaderView *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  guint ref;

  /* A drag that selected text is not a click on a marker. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (self->buffer))
    return;

  ref = footnote_ref_at_point (self, x, y);
  if (ref != G_MAXUINT)
    show_footnote (self, ref);
  else
    emit_offset_activated_at_point (self, x, y);
}

static void
motion_cb (GlossReaderView          *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  gboolean over_ref = footnote_ref_at_point (self, x, y) != G_MAXUINT;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view),
                                   over_ref ? "pointer" : "text");
}

static gboolean
key_pressed_cb (GlossReaderView       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkTextIter insert;
  guint ref;

  unpin (self);

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter &&
      keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &insert,
                                    gtk_text_buffer_get_insert (self->buffer));
  ref = find_footnote_ref (self, gtk_text_iter_get_offset (&insert));
  if (ref == G_MAXUINT)
    return emit_offset_activated (self, gtk_text_iter_get_offset (&insert));

  show_footnote (self, ref);

  return GDK_EVENT_STOP;
}

/* ------------------------------------------------------------------ */
/* Scrolling                                                          */
/* ------------------------------------------------------------------ */

static void
vadjustment_value_changed_cb (GlossReaderView *self)
{
  if (self->top_offset_source == 0)
    self->top_offset_source = g_timeout_add (TOP_OFFSET_DELAY_MS,
                                             update_top_offset_cb, self);

  update_footnote_pointer (self);
}

/* ------------------------------------------------------------------ */
/* GtkWidget                                                          */
/* ------------------------------------------------------------------ */

static void
gloss_reader_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GlossReaderView *self = GLOSS_READER_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->scroller), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
gloss_reader_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  GlossReaderView *self = GLOSS_READER_VIEW (widget);

  /* The margins must be right before the text view lays out its lines
   * at the new width, or every line would be laid out twice. */
  if (gloss_reader_style_set_width (self->style, width))
    {
      int margin = gloss_reader_style_get_margin (self->style);

      gtk_text_view_set_left_margin (self->text_view, margin);
      gtk_text_view_set_right_margin (self->text_view, margin);
    }
  gtk_widget_allocate (GTK_WIDGET (self->scroller), width, height, baseline, NULL);

  if (gtk_widget_get_visible (GTK_WIDGET (self->footnote_popover)))
    gtk_popover_present (self->footnote_popover);
  if (gtk_widget_get_visible (GTK_WIDGET (self->tool_popover)))
    gtk_popover_present (self->tool_popover);
}

static void
gloss_reader_view_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GlossReaderView *self = GLOSS_READER_VIEW (widget);

  GTK_WIDGET_CLASS (gloss_reader_view_parent_class)->css_changed (widget, change);

  update_colors (self);
}

static void
gloss_reader_view_system_setting_changed (GtkWidget        *widget,
                                          GtkSystemSetting  setting)
{
  GlossReaderView *self = GLOSS_READER_VIEW (widget);

  GTK_WIDGET_CLASS (gloss_reader_view_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_DPI || setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    update_metrics (self);
}

static gboolean
gloss_reader_view_grab_focus (GtkWidget *widget)
{
  GlossReaderView *self = GLOSS_READER_VIEW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_reader_view_dispose (GObject *object)
{
  GlossReaderView *self = GLOSS_READER_VIEW (object);

  g_clear_handle_id (&self->load_source, g_source_remove);
  g_clear_handle_id (&self->top_offset_source, g_source_remove);
  g_clear_handle_id (&self->flash_source, g_source_remove);
  unpin (self);

  if (self->footnote_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->footnote_popover));
  if (self->tool_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->tool_popover));
  self->tool_popover = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_READER_VIEW);

  g_clear_object (&self->content);
  g_clear_object (&self->buffer);
  g_clear_object (&self->style);

  G_OBJECT_CLASS (gloss_reader_view_parent_class)->dispose (object);
}

static void
gloss_reader_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossReaderView *self = GLOSS_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;

    case PROP_TOP_OFFSET:
      g_value_set_uint (value, self->top_offset);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, gloss_reader_view_get_loading (self));
      break;

    case PROP_BUFFER:
      g_value_set_object (value, self->buffer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_reader_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossReaderView *self = GLOSS_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      gloss_reader_view_set_content (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_reader_view_class_init (GlossReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_reader_view_dispose;
  object_class->get_property = gloss_reader_view_get_property;
  object_class->set_property = gloss_reader_view_set_property;

  widget_class->measure = gloss_reader_view_measure;
  widget_class->size_allocate = gloss_reader_view_size_allocate;
  widget_class->css_changed = gloss_reader_view_css_changed;
  widget_class->system_setting_changed = gloss_reader_view_system_setting_changed;
  widget_class->grab_focus = gloss_reader_view_grab_focus;

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL,
                         GLOSS_TYPE_CONTENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  /* The offset of the first character at the top of the view.  While
   * scrolling it is updated at most every TOP_OFFSET_DELAY_MS. */
  properties[PROP_TOP_OFFSET] =
    g_param_spec_uint ("top-offset", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  /* Whether part of the content is still to be put into the buffer. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  /* The buffer of the document shown: a new one for each document, so
   * that whatever decorates the text (find, highlights) follows it. */
  properties[PROP_BUFFER] =
    g_param_spec_object ("buffer", NULL, NULL,
                         GTK_TYPE_TEXT_BUFFER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossReaderView::offset-activated:
   * @offset: the content offset clicked, or where the caret is on Enter
   *
   * A click (not a drag) or Enter on the text, not on a footnote marker.
   * A handler that acts on it returns %TRUE.
   */
  signals[OFFSET_ACTIVATED] =
    g_signal_new ("offset-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-reader-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossReaderView, scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossReaderView, footnote_popover);
  gtk_widget_class_bind_template_child (widget_class, GlossReaderView, footnote_label);
  gtk_widget_class_bind_template_callback (widget_class, footnote_popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, user_scrolled_cb);

  gtk_widget_class_set_css_name (widget_class, "readerview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gloss_reader_view_init (GlossReaderView *self)
{
  GtkAdjustment *vadjustment;
  g_autoptr(PangoAttrList) label_attrs = NULL;

  self->open_ref = G_MAXUINT;
  self->pending_ref = G_MAXUINT;

  /* Before the template: css_changed may already run while it is built. */
  self->style = gloss_reader_style_new ();

  /* Marks a passage just opened from elsewhere, for FLASH_MS. */
  self->flash_tag = gtk_text_tag_new ("flash");
  gtk_text_tag_table_add (gloss_reader_style_get_tag_table (self->style), self->flash_tag);
  g_object_unref (self->flash_tag);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Popovers are not laid out by their parent's children loop; this
   * widget presents it in size_allocate. */
  gtk_widget_set_parent (GTK_WIDGET (self->footnote_popover), GTK_WIDGET (self));
  self->tool_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->tool_popover), "reader-tool-popover");
  gtk_widget_set_parent (GTK_WIDGET (self->tool_popover), GTK_WIDGET (self));
  g_signal_connect_swapped (self->tool_popover, "closed",
                            G_CALLBACK (tool_popover_closed_cb), self);

  replace_text_view (self);

  label_attrs = pango_attr_list_copy (gloss_reader_style_get_language_attrs (self->style));
  gtk_label_set_attributes (self->footnote_label, label_attrs);

  update_metrics (self);

  /* The scrolled window's own adjustment: it outlives the text views. */
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (vadjustment, "value-changed",
                           G_CALLBACK (vadjustment_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "changed",
                           G_CALLBACK (vadjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ */
/* The text view                                                      */
/* ------------------------------------------------------------------ */

static GtkWidget *
create_text_view (GlossReaderView *self,
                  GtkTextBuffer   *buffer)
{
  GtkWidget *widget = gtk_text_view_new_with_buffer (buffer);
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  int margin = gloss_reader_style_get_margin (self->style);

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (view, 56);
  gtk_text_view_set_bottom_margin (view, 120);
  gtk_text_view_set_left_margin (view, margin);
  gtk_text_view_set_right_margin (view, margin);
  gtk_widget_add_css_class (widget, "reader-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document text"),
                                  -1);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (widget, motion);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, keys);

  /* Keyboard scrolling (arrows, Page Down, Home) is the reader taking
   * over too; clicks and wheel scrolls are caught in the template. */
  g_signal_connect_swapped (view, "move-cursor", G_CALLBACK (user_scrolled_cb), self);

  return widget;
}

/* Puts an empty buffer in a new text view in place of the old ones.
 *
 * Why not empty the old buffer: deleting a long text is as slow as
 * inserting it (GTK 4.8's accessibility bridge sends the whole deleted
 * text over D-Bus: a 20 MB document stalled the window for a second).
 * Why not give the old view a new buffer: GTK 4.8 crashes in the text
 * view's line display cache when it lays out the new text.  A new view
 * has neither problem, and dropping the old one frees its buffer
 * without emitting a deletion. */
static void
replace_text_view (GlossReaderView *self)
{
  g_autoptr(GtkTextBuffer) buffer = NULL;
  GtkWidget *view;
  GtkTextIter start;
  gboolean had_focus = self->text_view != NULL &&
                       gtk_widget_has_focus (GTK_WIDGET (self->text_view));

  buffer = gtk_text_buffer_new (gloss_reader_style_get_tag_table (self->style));
  /* The text is read-only, and the undo history would keep a copy of
   * every insertion. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);

  view = create_text_view (self, buffer);
  gtk_scrolled_window_set_child (self->scroller, view);
  self->text_view = GTK_TEXT_VIEW (view);
  g_set_object (&self->buffer, buffer);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUFFER]);

  if (had_focus)
    gtk_widget_grab_focus (view);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

GtkWidget *
gloss_reader_view_new (void)
{
  return g_object_new (GLOSS_TYPE_READER_VIEW, NULL);
}

/**
 * gloss_reader_view_get_content:
 *
 * Returns: (transfer none) (nullable): the content shown
 */
GlossContent *
gloss_reader_view_get_content (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);

  return self->content;
}

void
gloss_reader_view_set_content (GlossReaderView *self,
                               GlossContent    *content)
{
  g_return_if_fail (GLOSS_IS_READER_VIEW (self));
  g_return_if_fail (content == NULL || GLOSS_IS_CONTENT (content));

  gloss_reader_view_load (self, content, 0);
}

/**
 * gloss_reader_view_load:
 * @self: a #GlossReaderView
 * @content: (nullable): the content to show
 * @offset: where to start reading, for example a restored position
 *
 * Shows @content scrolled so that @offset is at the top.  The text up
 * to a little past @offset is in the buffer when this returns; the rest
 * follows in idle slices while #GlossReaderView:loading is %TRUE.
 * #GlossReaderView:top-offset is @offset at once, so that a reading
 * position being restored is not overwritten by the top of the text.
 */
void
gloss_reader_view_load (GlossReaderView *self,
                        GlossContent    *content,
                        guint            offset)
{
  gboolean was_loading;

  g_return_if_fail (GLOSS_IS_READER_VIEW (self));
  g_return_if_fail (content == NULL || GLOSS_IS_CONTENT (content));

  was_loading = gloss_reader_view_get_loading (self);

  cancel_pending_footnote (self);
  gtk_popover_popdown (self->footnote_popover);
  g_clear_handle_id (&self->load_source, g_source_remove);
  g_clear_handle_id (&self->top_offset_source, g_source_remove);
  unpin (self);

  replace_text_view (self);

  g_set_object (&self->content, content);
  self->next_block = 0;
  self->next_ref = 0;
  self->inserted_chars = 0;
  self->inserted_bytes = 0;

  if (content != NULL)
    {
      offset = MIN (offset, gloss_content_get_n_chars (content));
      insert_blocks (self, FIRST_BLOCKS);
      if (self->next_block < n_blocks (self))
        self->load_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE,
                                             load_slice_cb, self, NULL);
    }
  else
    offset = 0;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
  set_top_offset (self, offset);
  if (was_loading != gloss_reader_view_get_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (offset > 0)
    gloss_reader_view_scroll_to_offset (self, offset);
}

gboolean
gloss_reader_view_get_loading (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), FALSE);

  return self->load_source != 0;
}

/**
 * gloss_reader_view_get_buffer:
 *
 * Returns: (transfer none): the buffer, whose offsets are content offsets
 */
GtkTextBuffer *
gloss_reader_view_get_buffer (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);

  return self->buffer;
}

guint
gloss_reader_view_get_top_offset (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), 0);

  return self->top_offset;
}

/**
 * gloss_reader_view_get_visible_range:
 * @self: a #GlossReaderView
 * @start: (out): the offset at the top left of the view
 * @end: (out): the offset at its bottom right, exclusive
 *
 * The part of the text on screen now, for what follows the reading (the
 * panels light up the items mentioned there).  Empty with no content.
 */
void
gloss_reader_view_get_visible_range (GlossReaderView *self,
                                     guint           *start,
                                     guint           *end)
{
  GdkRectangle visible;
  GtkTextIter iter;

  g_return_if_fail (GLOSS_IS_READER_VIEW (self));

  *start = *end = 0;
  if (self->content == NULL)
    return;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, visible.x, MAX (visible.y, 0));
  *start = gtk_text_iter_get_offset (&iter);
  gtk_text_view_get_iter_at_location (self->text_view, &iter,
                                      visible.x + visible.width, visible.y + visible.height);
  /* the last line on screen counts to its end */
  if (!gtk_text_iter_ends_line (&iter))
    gtk_text_view_forward_display_line_end (self->text_view, &iter);
  *end = MAX (*start, (guint) gtk_text_iter_get_offset (&iter));
}

/**
 * gloss_reader_view_scroll_to_offset:
 * @self: a #GlossReaderView
 * @offset: a content offset
 *
 * Scrolls so that the line holding @offset is at the top of the view,
 * or as near as the end of the text allows.  #GlossReaderView:top-offset
 * follows once the view has moved.
 */
void
gloss_reader_view_scroll_to_offset (GlossReaderView *self,
                                    guint            offset)
{
  GtkTextIter iter;

  g_return_if_fail (GLOSS_IS_READER_VIEW (self));

  if (self->content == NULL)
    return;

  ensure_inserted (self, offset);

  /* A mark, not an iter: the pin scrolls back to it as long as the
   * layout moves, and edits of the buffer (none yet) would move it. */
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, &iter);
  scroll_to_mark_now (self, 0.0);
  pin_to_offset (self, offset, 0.0);
}

/**
 * gloss_reader_view_open_footnote:
 * @self: a #GlossReaderView
 * @ref_index: the index of a footnote reference of the content
 *
 * Brings footnote marker @ref_index into view and opens its footnote in
 * a popover, as a click on the marker does.
 *
 * Returns: %FALSE if there is no such reference
 */
gboolean
gloss_reader_view_open_footnote (GlossReaderView *self,
                                 guint            ref_index)
{
  const GlossFootnoteRef *ref;
  GtkTextIter iter;

  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), FALSE);

  if (self->content == NULL ||
      ref_index >= gloss_content_get_n_footnote_refs (self->content))
    return FALSE;

  ref = gloss_content_get_footnote_ref (self->content, ref_index);
  ensure_inserted (self, ref->end);

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, ref->start);
  gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, &iter);
  scroll_to_mark_now (self, FOOTNOTE_MARGIN);
  pin_to_offset (self, ref->start, FOOTNOTE_MARGIN);

  cancel_pending_footnote (self);
  gtk_popover_popdown (self->footnote_popover);
  self->pending_ref = ref_index;
  self->pending_frames = 0;
  self->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                     show_pending_footnote_cb,
                                                     NULL, NULL);

  return TRUE;
}

/**
 * gloss_reader_view_get_footnote_text:
 *
 * Returns: (nullable): the text of the footnote shown in the popover,
 *   or %NULL when none is open
 */
const char *
gloss_reader_view_get_footnote_text (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);

  if (self->open_ref == G_MAXUINT)
    return NULL;

  return gtk_label_get_text (self->footnote_label);
}

/**
 * gloss_reader_view_count_unknown_glyphs:
 *
 * Lays out every block with the view's own Pango context, in the font
 * and language its tag uses, and counts the characters no font could
 * show.  A test hook: it is as slow as laying out the whole document.
 *
 * Returns: the number of unknown glyphs
 */
guint
gloss_reader_view_count_unknown_glyphs (GlossReaderView *self)
{
  g_autoptr(PangoLayout) layout = NULL;
  guint count = 0;

  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), 0);

  if (self->content == NULL)
    return 0;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_attributes (layout, gloss_reader_style_get_language_attrs (self->style));

  for (guint i = 0; i < n_blocks (self); i++)
    {
      const GlossBlock *block = gloss_content_get_block (self->content, i);
      g_autofree char *text = gloss_content_dup_block_text (self->content, i);

      pango_layout_set_font_description (layout,
                                         gloss_reader_style_get_block_font (self->style, block, text));
      pango_layout_set_text (layout, text, -1);
      count += pango_layout_get_unknown_glyphs_count (layout);
    }

  return count;
}

static gboolean
end_flash_cb (gpointer user_data)
{
  GlossReaderView *self = user_data;
  GtkTextIter start, end;

  self->flash_source = 0;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->flash_tag, &start, &end);

  return G_SOURCE_REMOVE;
}

/**
 * gloss_reader_view_reveal_range:
 * @self: a #GlossReaderView
 * @start: content offset of the passage
 * @end: its end
 * @flags: whether to select it and whether to flash it
 *
 * Brings a passage (a search hit, a highlight, a mention) into view,
 * a little below the top so that what comes before it shows too.
 */
void
gloss_reader_view_reveal_range (GlossReaderView      *self,
                                guint                 start,
                                guint                 end,
                                GlossRevealFlags      flags)
{
  GtkTextIter start_iter, end_iter;

  g_return_if_fail (GLOSS_IS_READER_VIEW (self));

  if (self->content == NULL)
    return;

  end = MIN (MAX (start, end), gloss_content_get_n_chars (self->content));
  start = MIN (start, end);
  ensure_inserted (self, end);

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end_iter, end);
  gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, &start_iter);
  scroll_to_mark_now (self, REVEAL_MARGIN);
  pin_to_offset (self, start, REVEAL_MARGIN);

  if (flags & GLOSS_REVEAL_SELECT)
    gtk_text_buffer_select_range (self->buffer, &start_iter, &end_iter);

  if (flags & GLOSS_REVEAL_FLASH)
    {
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

      if (self->flash_source != 0)
        end_flash_cb (self);
      /* Over the highlights, which were made after it. */
      gtk_text_tag_set_priority (self->flash_tag, gtk_text_tag_table_get_size (table) - 1);
      gtk_text_buffer_apply_tag (self->buffer, self->flash_tag, &start_iter, &end_iter);
      self->flash_source = g_timeout_add (FLASH_MS, end_flash_cb, self);
    }
}

/**
 * gloss_reader_view_get_selection:
 * @start: (out) (optional): content offset of the selection
 * @end: (out) (optional): its end
 *
 * Returns: whether some text is selected
 */
gboolean
gloss_reader_view_get_selection (GlossReaderView *self,
                                 guint           *start,
                                 guint           *end)
{
  GtkTextIter start_iter, end_iter;
  gboolean selected;

  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), FALSE);

  selected = gtk_text_buffer_get_selection_bounds (self->buffer, &start_iter, &end_iter);
  if (start != NULL)
    *start = gtk_text_iter_get_offset (&start_iter);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&end_iter);

  return selected;
}

/**
 * gloss_reader_view_select_range:
 *
 * Selects [@start, @end) without scrolling.
 */
void
gloss_reader_view_select_range (GlossReaderView *self,
                                guint            start,
                                guint            end)
{
  GtkTextIter start_iter, end_iter;

  g_return_if_fail (GLOSS_IS_READER_VIEW (self));

  ensure_inserted (self, end);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end_iter, end);
  gtk_text_buffer_select_range (self->buffer, &start_iter, &end_iter);
}

/**
 * gloss_reader_view_popup:
 * @child: what to show (the highlight palette, a note editor)
 * @start: the passage it is about
 * @end: its end
 *
 * Shows @child in a popover pointing at the end of the passage; closing
 * it gives the keyboard back to the text.
 */
void
gloss_reader_view_popup (GlossReaderView *self,
                         GtkWidget       *child,
                         guint            start,
                         guint            end)
{
  GtkTextIter iter;
  GdkRectangle rect;
  double x, y;

  g_return_if_fail (GLOSS_IS_READER_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_popover_popdown (self->footnote_popover);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, MAX (start, end));
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &rect.x, &rect.y);
  gtk_widget_translate_coordinates (GTK_WIDGET (self->text_view), GTK_WIDGET (self),
                                    rect.x, rect.y, &x, &y);
  rect.x = (int) x;
  rect.y = (int) y;
  rect.width = MAX (rect.width, 1);

  gtk_popover_set_child (self->tool_popover, child);
  gtk_popover_set_pointing_to (self->tool_popover, &rect);
  gtk_popover_popup (self->tool_popover);
}

void
gloss_reader_view_popdown (GlossReaderView *self)
{
  g_return_if_fail (GLOSS_IS_READER_VIEW (self));

  gtk_popover_popdown (self->tool_popover);
}

/**
 * gloss_reader_view_get_popup_child:
 *
 * Returns: (transfer none) (nullable): what the popover shows, if it is open
 */
GtkWidget *
gloss_reader_view_get_popup_child (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->tool_popover)))
    return NULL;

  return gtk_popover_get_child (self->tool_popover);
}

/**
 * gloss_reader_view_get_style:
 *
 * The typography of the view, for GlossReaderSettings to change.  After
 * changing its fonts or sizes, measure it again with the view's Pango
 * context and queue a resize of the view.
 *
 * Returns: (transfer none): the style of the view
 */
GlossReaderStyle *
gloss_reader_view_get_style (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);

  return self->style;
}
