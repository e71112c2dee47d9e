/* gloss-timeline-view.c: the events on a real time axis, a lane per process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Why a drawn widget
 * ------------------
 *
 * The point of the timeline is the distance between events: the four
 * years between two reports, the overlap of the OEWG and the last GGE.
 * A list cannot show that, so the view maps days to pixels and draws
 * every event with GtkSnapshot: a diamond for a dated event, a bar from
 * its date to its end date for a period. Each process has a lane
 * (gloss_kb_item_get_lane); within a lane, single events share the top
 * row and periods are stacked below it so that overlapping ones do not
 * hide each other.
 *
 * Precision is drawn, never invented: an event known only to the month
 * or the year has a faint band over that whole month or year, and one
 * known only to the year has a hollow mark. The user's own events have
 * round marks.
 *
 * The view shows a range of days, from the whole span (1998 to 2026)
 * down to about two months; zooming keeps the day under the pointer
 * where it is. Selection moves event by event in date order, whatever
 * the lane, and the selected event is always brought into view.
 *
 * Accessibility: GTK 4.8 offers no way for a custom widget to expose
 * accessible children, so the events cannot be read one by one by a
 * screen reader. The view is one focusable widget with the list role
 * whose accessible label always names the selected event (date, title,
 * lane); moving with Left and Right reads the timeline event by event.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gloss-kb-format.h"
#include "gloss-timeline-view.h"

#define N_LANES      4
#define AXIS_HEIGHT  30
#define ROW_HEIGHT   22
#define LANE_CAPTION 18   /* room above a lane's rows for its name */
#define LANE_BOTTOM  6
#define SIDE_PAD     14   /* so that a mark at the edge is not cut */
#define MARK_SIZE    11
#define HIT_SLOP     5
#define BAR_HEIGHT   (ROW_HEIGHT - 4)

/* The whole span: the first resolution (1998) to the end of 2026. */
#define FIRST_YEAR   1998
#define LAST_YEAR    2026
/* The narrowest view, in days: months remain readable. */
#define MIN_SPAN     60.0
#define ZOOM_STEP    1.6
/* Part of the view kept free around an event brought into view. */
#define VIEW_MARGIN  0.08

typedef struct
{
  GlossKbItem *item;
  double       start;        /* first day of the date's period, julian */
  double       end;          /* day after the last day of the (end) period */
  double       at;           /* where a single event's mark goes */
  double       date_end;     /* end of the start date's own period */
  guint        lane;
  guint        row;          /* 0: single events; 1…: periods */
  gboolean     is_span;
  gboolean     vague;        /* known to the year only */
} Event;

struct _GlossTimelineView
{
  GtkWidget    parent_instance;

  GListModel  *model;
  GArray      *events;        /* of Event, by start then id */
  guint        lane_rows[N_LANES];
  GlossKbItem *selected;
  GStrv        highlighted_ids;
  GHashTable  *highlighted;   /* id → itself, borrowed from highlighted_ids */

  double       view_start;    /* julian days, fractional */
  double       view_end;

  /* gestures in progress */
  double       drag_start_view;
  double       zoom_start_span;
  double       zoom_anchor;   /* day under the pinch centre */
  double       pointer_x;
};

G_DEFINE_FINAL_TYPE (GlossTimelineView, gloss_timeline_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED_ITEM,
  PROP_HIGHLIGHTED_IDS,
  PROP_CAN_ZOOM_IN,
  PROP_CAN_ZOOM_OUT,
  N_PROPS
};

enum
{
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const lane_ids[N_LANES] = { "gge", "oewg", "ga", "other" };

/* ------------------------------------------------------------------ */
/* Days                                                               */
/* ------------------------------------------------------------------ */

static double
julian (guint year,
        guint month,
        guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static double
full_start (void)
{
  return julian (FIRST_YEAR, 1, 1);
}

static double
full_end (void)
{
  return julian (LAST_YEAR + 1, 1, 1);
}

/* The day after the period that @date names at its @precision. */
static double
period_end (GDate      *date,
            const char *precision)
{
  GDate end = *date;

  if (g_strcmp0 (precision, "year") == 0)
    g_date_add_years (&end, 1);
  else if (g_strcmp0 (precision, "month") == 0)
    g_date_add_months (&end, 1);
  else
    g_date_add_days (&end, 1);
  return g_date_get_julian (&end);
}

static void
date_of_day (double  day,
             GDate  *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32) CLAMP (floor (day), 1, G_MAXUINT32 - 1));
}

/* ------------------------------------------------------------------ */
/* Events                                                             */
/* ------------------------------------------------------------------ */

static guint
lane_index (const char *lane)
{
  for (guint i = 0; i < N_LANES; i++)
    if (g_strcmp0 (lane, lane_ids[i]) == 0)
      return i;
  return N_LANES - 1;
}

static gboolean
make_event (GlossKbItem *item,
            Event       *event)
{
  const char *precision = gloss_kb_item_get_date_precision (item);
  GDate date, end;

  if (!gloss_kb_parse_date (gloss_kb_item_get_date (item), precision, &date, NULL))
    return FALSE;

  event->item = item;
  event->lane = lane_index (gloss_kb_item_get_lane (item));
  event->start = g_date_get_julian (&date);
  event->date_end = period_end (&date, precision);
  event->end = event->date_end;
  event->vague = g_strcmp0 (precision, "year") == 0;
  event->is_span = FALSE;
  event->row = 0;
  if (gloss_kb_item_get_end_date (item) != NULL &&
      gloss_kb_parse_date (gloss_kb_item_get_end_date (item),
                           gloss_kb_item_get_end_date_precision (item), &end, NULL))
    {
      event->end = MAX (event->end, period_end (&end, gloss_kb_item_get_end_date_precision (item)));
      event->vague |= g_strcmp0 (gloss_kb_item_get_end_date_precision (item), "year") == 0;
      event->is_span = TRUE;
    }
  /* a single day is a mark at noon; a vaguer date, at the middle of its period */
  event->at = (event->start + event->date_end) / 2;
  return TRUE;
}

static gint
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = a, *eb = b;

  if (ea->start != eb->start)
    return ea->start < eb->start ? -1 : 1;
  if (ea->end != eb->end)
    return ea->end > eb->end ? -1 : 1;   /* the longer period first */
  return g_strcmp0 (gloss_kb_item_get_id (ea->item), gloss_kb_item_get_id (eb->item));
}

/* Stacks the periods of each lane: each goes to the first row where it
 * overlaps nothing (the events are sorted by start). */
static void
assign_rows (GlossTimelineView *self)
{
  g_autoptr(GArray) row_ends = g_array_new (FALSE, TRUE, sizeof (double));

  for (guint lane = 0; lane < N_LANES; lane++)
    {
      g_array_set_size (row_ends, 0);
      for (guint i = 0; i < self->events->len; i++)
        {
          Event *event = &g_array_index (self->events, Event, i);
          guint row;

          if (event->lane != lane || !event->is_span)
            continue;
          for (row = 0; row < row_ends->len; row++)
            if (g_array_index (row_ends, double, row) <= event->start)
              break;
          if (row == row_ends->len)
            g_array_append_val (row_ends, event->end);
          else
            g_array_index (row_ends, double, row) = event->end;
          event->row = row + 1;
        }
      self->lane_rows[lane] = 1 + row_ends->len;
    }
}

static gint
find_event (GlossTimelineView *self,
            GlossKbItem       *item)
{
  for (guint i = 0; item != NULL && i < self->events->len; i++)
    if (g_array_index (self->events, Event, i).item == item)
      return i;
  return -1;
}

static gint
find_event_by_id (GlossTimelineView *self,
                  const char        *id)
{
  for (guint i = 0; id != NULL && i < self->events->len; i++)
    if (g_strcmp0 (gloss_kb_item_get_id (g_array_index (self->events, Event, i).item), id) == 0)
      return i;
  return -1;
}

/* ------------------------------------------------------------------ */
/* Geometry                                                           */
/* ------------------------------------------------------------------ */

static double
day_to_x (GlossTimelineView *self,
          double             day)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * SIDE_PAD;

  return SIDE_PAD + (day - self->view_start) / (self->view_end - self->view_start) * width;
}

static double
x_to_day (GlossTimelineView *self,
          double             x)
{
  double width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)) - 2 * SIDE_PAD);

  return self->view_start + (x - SIDE_PAD) / width * (self->view_end - self->view_start);
}

static double
lane_top (GlossTimelineView *self,
          guint              lane)
{
  double y = AXIS_HEIGHT;

  for (guint i = 0; i < lane; i++)
    y += LANE_CAPTION + self->lane_rows[i] * ROW_HEIGHT + LANE_BOTTOM;
  return y;
}

static double
row_centre (GlossTimelineView *self,
            const Event       *event)
{
  return lane_top (self, event->lane) + LANE_CAPTION + event->row * ROW_HEIGHT + ROW_HEIGHT / 2.0;
}

/* The area an event takes: its bar, or the box around its mark. */
static graphene_rect_t
event_bounds (GlossTimelineView *self,
              const Event       *event)
{
  double y = row_centre (self, event);
  graphene_rect_t rect;

  if (event->is_span)
    {
      double x0 = day_to_x (self, event->start), x1 = day_to_x (self, event->end);

      /* a short period stays wide enough to see and to click */
      if (x1 - x0 < MARK_SIZE)
        {
          double mid = (x0 + x1) / 2;

          x0 = mid - MARK_SIZE / 2.0;
          x1 = mid + MARK_SIZE / 2.0;
        }
      graphene_rect_init (&rect, x0, y - BAR_HEIGHT / 2.0, x1 - x0, BAR_HEIGHT);
    }
  else
    graphene_rect_init (&rect, day_to_x (self, event->at) - MARK_SIZE / 2.0,
                        y - MARK_SIZE / 2.0, MARK_SIZE, MARK_SIZE);
  return rect;
}

static gint
event_at_point (GlossTimelineView *self,
                double             x,
                double             y)
{
  gint best = -1;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < self->events->len; i++)
    {
      const Event *event = &g_array_index (self->events, Event, i);
      graphene_rect_t rect = event_bounds (self, event);
      double distance;

      graphene_rect_inset (&rect, -HIT_SLOP, -HIT_SLOP);
      if (!graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
        continue;
      /* marks crowd together: the nearest centre wins */
      distance = fabs (x - (rect.origin.x + rect.size.width / 2));
      if (event->is_span)
        distance = rect.size.width;   /* a bar yields to a mark over it */
      if (distance < best_distance)
        {
          best = i;
          best_distance = distance;
        }
    }
  return best;
}

/* ------------------------------------------------------------------ */
/* The visible range                                                  */
/* ------------------------------------------------------------------ */

static void
update_zoom_state (GlossTimelineView *self)
{
  double span = self->view_end - self->view_start;
  gboolean can_in = span > MIN_SPAN + 0.5;
  gboolean can_out = span < full_end () - full_start () - 0.5;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-in", can_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-out", can_out);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-all", can_out);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ZOOM_IN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ZOOM_OUT]);
}

/* Shows [start, start + span), kept within the whole span. */
static void
set_view (GlossTimelineView *self,
          double             start,
          double             span)
{
  double first = full_start (), last = full_end ();

  span = CLAMP (span, MIN_SPAN, last - first);
  start = CLAMP (start, first, last - span);
  if (start == self->view_start && start + span == self->view_end)
    return;
  self->view_start = start;
  self->view_end = start + span;
  update_zoom_state (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Zooms by @factor (> 1 narrows the view), keeping @anchor (a day) at
 * the same place on screen. */
static void
zoom_around (GlossTimelineView *self,
             double             factor,
             double             anchor)
{
  double span = self->view_end - self->view_start;
  double new_span = CLAMP (span / factor, MIN_SPAN, full_end () - full_start ());
  double fraction = (anchor - self->view_start) / span;

  set_view (self, anchor - fraction * new_span, new_span);
}

static double
view_centre (GlossTimelineView *self)
{
  /* the selected event, if it is in view, stays put */
  gint index = find_event (self, self->selected);

  if (index >= 0)
    {
      const Event *event = &g_array_index (self->events, Event, index);

      if (event->at >= self->view_start && event->at <= self->view_end)
        return event->at;
    }
  return (self->view_start + self->view_end) / 2;
}

static void
pan_by (GlossTimelineView *self,
        double             fraction)
{
  double span = self->view_end - self->view_start;

  set_view (self, self->view_start + fraction * span, span);
}

static void
scroll_to_event (GlossTimelineView *self,
                 const Event       *event)
{
  double span = self->view_end - self->view_start;
  double margin = span * VIEW_MARGIN;
  double first = event->is_span ? event->start : event->at;
  double last = event->is_span ? event->end : event->at;

  /* a period longer than the view: show its beginning */
  if (last - first > span - 2 * margin)
    last = first;
  if (first < self->view_start + margin)
    set_view (self, first - margin, span);
  else if (last > self->view_end - margin)
    set_view (self, last + margin - span, span);
}

/* ------------------------------------------------------------------ */
/* Selection                                                          */
/* ------------------------------------------------------------------ */

static gboolean
is_highlighted (GlossTimelineView *self,
                GlossKbItem       *item)
{
  return self->highlighted != NULL &&
         g_hash_table_contains (self->highlighted, gloss_kb_item_get_id (item));
}

static void
update_accessible (GlossTimelineView *self)
{
  g_autofree char *label = NULL;

  if (self->selected == NULL)
    label = g_strdup (_("Timeline, no event selected"));
  else
    {
      g_autofree char *period = gloss_kb_format_period (self->selected);
      const char *symbol = gloss_kb_item_get_symbol (self->selected);
      const char *title = gloss_kb_item_get_title_en (self->selected);
      g_autofree char *with_symbol = NULL;

      if (symbol != NULL && strstr (title, symbol) == NULL)
        title = with_symbol = g_strdup_printf ("%s %s", title, symbol);
      /* Translators: the accessible name of the timeline: the selected
       * event's date, its title and the lane (process) it is in */
      label = g_strdup_printf (_("%s, %s, %s lane"), period, title,
                               gloss_kb_format_lane (gloss_kb_item_get_lane (self->selected)));
      if (is_highlighted (self, self->selected))
        {
          g_autofree char *plain = g_steal_pointer (&label);

          /* Translators: appended to the timeline's accessible name */
          label = g_strdup_printf (_("%s, mentioned in the visible passage"), plain);
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
select_index (GlossTimelineView *self,
              gint               index)
{
  GlossKbItem *item;

  if (self->events->len == 0)
    return;
  index = CLAMP (index, 0, (gint) self->events->len - 1);
  item = g_array_index (self->events, Event, index).item;
  gloss_timeline_view_set_selected_item (self, item);
}

/* ------------------------------------------------------------------ */
/* Drawing                                                            */
/* ------------------------------------------------------------------ */

typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent;
} Colors;

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

/* Colours of the theme: the foreground for ordinary events, the accent
 * for what is selected or mentioned, so light, dark and high contrast
 * all work. (gtk_widget_get_color() is GTK 4.10.) */
static void
get_colors (GlossTimelineView *self,
            Colors            *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &colors->fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &colors->accent))
    gdk_rgba_parse (&colors->accent, "#3584e4");
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_line (GtkSnapshot   *snapshot,
           double         x,
           double         y,
           double         width,
           double         height,
           const GdkRGBA *color)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
draw_lanes (GlossTimelineView *self,
            GtkSnapshot       *snapshot,
            const Colors      *colors,
            double             width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  GdkRGBA band = with_alpha (&colors->fg, 0.04);
  GdkRGBA caption = with_alpha (&colors->fg, 0.6);

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  for (guint lane = 0; lane < N_LANES; lane++)
    {
      double top = lane_top (self, lane);
      double height = LANE_CAPTION + self->lane_rows[lane] * ROW_HEIGHT + LANE_BOTTOM;

      if (lane % 2 == 0)
        draw_line (snapshot, 0, top, width, height, &band);
      pango_layout_set_text (layout, gloss_kb_format_lane (lane_ids[lane]), -1);
      draw_text (snapshot, layout, 6, top + 2, &caption);
    }
}

static void
draw_axis (GlossTimelineView *self,
           GtkSnapshot       *snapshot,
           const Colors      *colors,
           double             width,
           double             height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  double px_per_year = day_to_x (self, self->view_start + 365.25) - day_to_x (self, self->view_start);
  guint step = px_per_year >= 44 ? 1 : px_per_year >= 22 ? 2 : 5;
  gboolean month_ticks = px_per_year / 12 >= 6;
  gboolean month_labels = px_per_year / 12 >= 34;
  GdkRGBA grid = with_alpha (&colors->fg, 0.10);
  GdkRGBA tick = with_alpha (&colors->fg, 0.45);
  GdkRGBA text = with_alpha (&colors->fg, 0.8);
  GDate first, last;

  date_of_day (self->view_start, &first);
  date_of_day (self->view_end, &last);
  draw_line (snapshot, 0, AXIS_HEIGHT - 1, width, 1, &tick);

  for (guint year = g_date_get_year (&first); year <= g_date_get_year (&last); year++)
    {
      double x = day_to_x (self, julian (year, 1, 1));
      char label[16];

      if (month_ticks)
        for (guint month = 2; month <= 12; month++)
          {
            double mx = day_to_x (self, julian (year, month, 1));

            draw_line (snapshot, mx, AXIS_HEIGHT - 5, 1, 4, &tick);
            if (month_labels)
              {
                GDate date;
                char name[32];

                g_date_clear (&date, 1);
                g_date_set_dmy (&date, 1, month, year);
                g_date_strftime (name, sizeof name, "%b", &date);
                pango_layout_set_text (layout, name, -1);
                draw_text (snapshot, layout, mx + 3, 8, &tick);
              }
          }
      if (year % step != 0)
        continue;
      draw_line (snapshot, x, AXIS_HEIGHT - 10, 1, 10, &tick);
      draw_line (snapshot, x, AXIS_HEIGHT, 1, height - AXIS_HEIGHT, &grid);
      g_snprintf (label, sizeof label, "%u", year);
      pango_layout_set_text (layout, label, -1);
      draw_text (snapshot, layout, x + 3, 4, &text);
    }
}

static void
draw_today (GlossTimelineView *self,
            GtkSnapshot       *snapshot,
            const Colors      *colors,
            double             height)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  double x = day_to_x (self, julian (g_date_time_get_year (now), g_date_time_get_month (now),
                                     g_date_time_get_day_of_month (now)) + 0.5);
  GdkRGBA color = with_alpha (&colors->accent, 0.7);

  /* dashed, so that it does not read as an event */
  for (double y = AXIS_HEIGHT; y < height; y += 8)
    draw_line (snapshot, x, y, 1, 4, &color);
}

/* A diamond (an event), a circle (one of the user's), hollow when
 * known to the year only. */
static void
draw_mark (GtkSnapshot   *snapshot,
           double         x,
           double         y,
           double         size,
           gboolean       round,
           gboolean       hollow,
           const GdkRGBA *color)
{
  GskRoundedRect shape;
  float radius = round ? size / 2 : 1.5;
  GdkRGBA colors[4] = { *color, *color, *color, *color };
  float widths[4] = { 2, 2, 2, 2 };

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  if (!round)
    {
      gtk_snapshot_rotate (snapshot, 45);
      size /= G_SQRT2;
      size *= 1.2;
    }
  gsk_rounded_rect_init_from_rect (&shape, &GRAPHENE_RECT_INIT (-size / 2, -size / 2, size, size),
                                   radius);
  if (hollow)
    gtk_snapshot_append_border (snapshot, &shape, widths, colors);
  else
    {
      gtk_snapshot_push_rounded_clip (snapshot, &shape);
      gtk_snapshot_append_color (snapshot, color, &shape.bounds);
      gtk_snapshot_pop (snapshot);
    }
  gtk_snapshot_restore (snapshot);
}

static void
draw_span (GlossTimelineView *self,
           GtkSnapshot       *snapshot,
           const Event       *event,
           const GdkRGBA     *color,
           PangoLayout       *layout,
           double             width)
{
  graphene_rect_t rect = event_bounds (self, event);
  GskRoundedRect shape;
  GdkRGBA fill = with_alpha (color, event->vague ? 0.18 : 0.30);
  GdkRGBA edge = with_alpha (color, 0.8);
  GdkRGBA edges[4] = { edge, edge, edge, edge };
  float widths[4] = { 1, 1, 1, 1 };
  double visible_x, visible_width;
  PangoRectangle extent;

  gsk_rounded_rect_init_from_rect (&shape, &rect, 4);
  gtk_snapshot_push_rounded_clip (snapshot, &shape);
  gtk_snapshot_append_color (snapshot, &fill, &rect);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &shape, widths, edges);

  /* the label goes inside the part of the bar on screen, unless the
   * span is selected: its label is then on the plate above the bar */
  visible_x = MAX (rect.origin.x, 0) + 4;
  visible_width = MIN (rect.origin.x + rect.size.width, width) - visible_x - 4;
  if (visible_width < 30 || event->item == self->selected)
    return;
  pango_layout_set_text (layout, gloss_kb_format_label (event->item), -1);
  pango_layout_set_width (layout, visible_width * PANGO_SCALE);
  pango_layout_get_pixel_extents (layout, NULL, &extent);
  draw_text (snapshot, layout, visible_x, rect.origin.y + (rect.size.height - extent.height) / 2, color);
}

/* The room for a single event's label: up to the next mark in its row. */
static double
label_room (GlossTimelineView *self,
            guint              index,
            double             width)
{
  const Event *event = &g_array_index (self->events, Event, index);
  double x = day_to_x (self, event->at);

  for (guint i = index + 1; i < self->events->len; i++)
    {
      const Event *next = &g_array_index (self->events, Event, i);

      if (next->lane == event->lane && !next->is_span)
        return day_to_x (self, next->at) - x - MARK_SIZE - 6;
    }
  return width - x - MARK_SIZE;
}

static void
draw_event (GlossTimelineView *self,
            GtkSnapshot       *snapshot,
            const Colors      *colors,
            guint              index,
            PangoLayout       *layout,
            double             width)
{
  const Event *event = &g_array_index (self->events, Event, index);
  gboolean selected = event->item == self->selected;
  gboolean highlighted = is_highlighted (self, event->item);
  GdkRGBA color = selected || highlighted ? colors->accent : with_alpha (&colors->fg, 0.7);
  double x = day_to_x (self, event->at), y = row_centre (self, event);
  double room;

  if (event->is_span)
    {
      draw_span (self, snapshot, event, &color, layout, width);
      return;
    }

  /* the period a vague date may mean */
  if (event->date_end - event->start > 1.5)
    {
      double x0 = day_to_x (self, event->start), x1 = day_to_x (self, event->date_end);
      GdkRGBA band = with_alpha (&color, 0.14);

      draw_line (snapshot, x0, y - 3, x1 - x0, 6, &band);
    }
  draw_mark (snapshot, x, y, highlighted ? MARK_SIZE + 2 : MARK_SIZE,
             gloss_kb_item_get_user_defined (event->item), event->vague, &color);

  room = label_room (self, index, width);
  if (room < 40 || selected)   /* the selected one's label is drawn on top, last */
    return;
  pango_layout_set_text (layout, gloss_kb_format_label (event->item), -1);
  pango_layout_set_width (layout, room * PANGO_SCALE);
  draw_text (snapshot, layout, x + MARK_SIZE / 2.0 + 4, y - ROW_HEIGHT / 2.0 + 2,
             highlighted ? &colors->accent : &colors->fg);
}

/* The selected event: a ring around it and its full label on a plate. */
static void
draw_selection (GlossTimelineView *self,
                GtkSnapshot       *snapshot,
                const Colors      *colors,
                PangoLayout       *layout,
                double             width)
{
  gint index = find_event (self, self->selected);
  const Event *event;
  graphene_rect_t rect;
  GskRoundedRect ring, plate;
  GdkRGBA rings[4] = { colors->fg, colors->fg, colors->fg, colors->fg };
  float widths[4] = { 2, 2, 2, 2 };
  PangoRectangle extent;
  double lx, ly;
  GdkRGBA plate_color;

  if (index < 0)
    return;
  event = &g_array_index (self->events, Event, index);
  rect = event_bounds (self, event);
  graphene_rect_inset (&rect, -3, -3);
  gsk_rounded_rect_init_from_rect (&ring, &rect, event->is_span ? 6 : rect.size.width / 2);
  gtk_snapshot_append_border (snapshot, &ring, widths, rings);

  pango_layout_set_text (layout, gloss_kb_format_label (event->item), -1);
  pango_layout_set_width (layout, MIN (360, width - 2 * SIDE_PAD) * PANGO_SCALE);
  pango_layout_get_pixel_extents (layout, NULL, &extent);
  lx = CLAMP (event->is_span ? MAX (rect.origin.x, 0) + 4 : rect.origin.x + rect.size.width + 3,
              2, width - extent.width - 8);
  ly = row_centre (self, event) - ROW_HEIGHT / 2.0 + 2;
  if (event->is_span)
    ly -= ROW_HEIGHT - 4;   /* above the bar, which stays visible */
  ly = MAX (ly, AXIS_HEIGHT + 1);
  gsk_rounded_rect_init_from_rect (&plate, &GRAPHENE_RECT_INIT (lx - 4, ly - 1, extent.width + 8,
                                                                extent.height + 2), 4);
  plate_color = colors->accent;
  gtk_snapshot_push_rounded_clip (snapshot, &plate);
  gtk_snapshot_append_color (snapshot, &plate_color, &plate.bounds);
  gtk_snapshot_pop (snapshot);
  /* white on the accent, as libadwaita's suggested-action buttons */
  draw_text (snapshot, layout, lx, ly, &(GdkRGBA) { 1, 1, 1, 1 });
}

static void
gloss_timeline_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  GlossTimelineView *self = GLOSS_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  Colors colors;

  if (width <= 2 * SIDE_PAD)
    return;
  get_colors (self, &colors);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_lanes (self, snapshot, &colors, width);
  draw_axis (self, snapshot, &colors, width, height);
  draw_today (self, snapshot, &colors, height);
  /* periods first, so that marks stay on top */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->events->len; i++)
      {
        const Event *event = &g_array_index (self->events, Event, i);

        if (event->is_span == (pass == 0) && event->end >= self->view_start &&
            event->start <= self->view_end)
          draw_event (self, snapshot, &colors, i, layout, width);
      }
  draw_selection (self, snapshot, &colors, layout, width);
  gtk_snapshot_pop (snapshot);
}

static void
gloss_timeline_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  GlossTimelineView *self = GLOSS_TIMELINE_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 900;
    }
  else
    *minimum = *natural = (int) lane_top (self, N_LANES) + 4;
}

/* ------------------------------------------------------------------ */
/* Input                                                              */
/* ------------------------------------------------------------------ */

static void
click_pressed_cb (GlossTimelineView *self,
                  int                n_press,
                  double             x,
                  double             y,
                  GtkGestureClick   *gesture)
{
  gint index = event_at_point (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index < 0)
    return;
  gloss_timeline_view_set_selected_item (self, g_array_index (self->events, Event, index).item);
  if (n_press == 2)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, self->selected);
}

static void
drag_begin_cb (GlossTimelineView *self,
               double             x,
               double             y,
               GtkGestureDrag    *gesture)
{
  self->drag_start_view = self->view_start;
}

static void
drag_update_cb (GlossTimelineView *self,
                double             offset_x,
                double             offset_y,
                GtkGestureDrag    *gesture)
{
  double span = self->view_end - self->view_start;
  double width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)) - 2 * SIDE_PAD);

  set_view (self, self->drag_start_view - offset_x / width * span, span);
}

static void
motion_cb (GlossTimelineView        *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
}

static gboolean
scroll_cb (GlossTimelineView        *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    zoom_around (self, pow (1.25, -dy), x_to_day (self, self->pointer_x));
  else
    /* a mouse wheel only has dy: both axes pan */
    pan_by (self, (dx + dy) * 0.05);
  return TRUE;
}

static void
zoom_begin_cb (GlossTimelineView *self,
               GdkEventSequence  *sequence,
               GtkGestureZoom    *gesture)
{
  double x, y;

  self->zoom_start_span = self->view_end - self->view_start;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  self->zoom_anchor = x_to_day (self, x);
}

static void
zoom_scale_changed_cb (GlossTimelineView *self,
                       double             scale,
                       GtkGestureZoom    *gesture)
{
  double span = self->view_end - self->view_start;

  if (scale > 0)
    zoom_around (self, span / (self->zoom_start_span / scale), self->zoom_anchor);
}

static gboolean
query_tooltip_cb (GlossTimelineView *self,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip)
{
  gint index = keyboard ? find_event (self, self->selected) : event_at_point (self, x, y);
  GlossKbItem *item;
  g_autofree char *period = NULL;
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;
  item = g_array_index (self->events, Event, index).item;
  period = gloss_kb_format_period (item);
  text = g_strdup_printf ("%s\n%s\n%s", period, gloss_kb_item_get_title_zh (item),
                          gloss_kb_item_get_title_en (item));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Actions                                                            */
/* ------------------------------------------------------------------ */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossTimelineView *self = GLOSS_TIMELINE_VIEW (widget);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    gloss_timeline_view_zoom_in (self);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    gloss_timeline_view_zoom_out (self);
  else
    gloss_timeline_view_zoom_all (self);
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossTimelineView *self = GLOSS_TIMELINE_VIEW (widget);
  gint index = find_event (self, self->selected);

  if (g_str_equal (action_name, "timeline.select-first"))
    select_index (self, 0);
  else if (g_str_equal (action_name, "timeline.select-last"))
    select_index (self, self->events->len - 1);
  else if (index < 0)
    /* nothing selected yet: start from the first event in view */
    {
      guint i;

      for (i = 0; i < self->events->len; i++)
        if (g_array_index (self->events, Event, i).end >= self->view_start)
          break;
      select_index (self, i);
    }
  else if (g_str_equal (action_name, "timeline.select-next"))
    select_index (self, index + 1);
  else
    select_index (self, index - 1);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GlossTimelineView *self = GLOSS_TIMELINE_VIEW (widget);

  if (self->selected != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, self->selected);
}

static gboolean
pan_binding (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  pan_by (GLOSS_TIMELINE_VIEW (widget), g_variant_get_double (args));
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
rebuild (GlossTimelineView *self)
{
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  g_autofree char *selected_id = self->selected ? g_strdup (gloss_kb_item_get_id (self->selected)) : NULL;
  gint index;

  g_array_set_size (self->events, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossKbItem) item = g_list_model_get_item (self->model, i);
      Event event;

      /* an event without a readable date has no place on the axis */
      if (make_event (item, &event))
        g_array_append_val (self->events, event);
    }
  g_array_sort (self->events, compare_events);
  assign_rows (self);

  /* an edited event is a new item with the same id: keep it selected */
  if (self->selected != NULL && find_event (self, self->selected) < 0)
    {
      index = find_event_by_id (self, selected_id);
      gloss_timeline_view_set_selected_item (self, index >= 0 ?
                                             g_array_index (self->events, Event, index).item : NULL);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Events hold borrowed items; the model keeps them alive between rebuilds. */
static void
items_changed_cb (GlossTimelineView *self)
{
  rebuild (self);
}

static void
gloss_timeline_view_dispose (GObject *object)
{
  GlossTimelineView *self = GLOSS_TIMELINE_VIEW (object);

  g_clear_object (&self->selected);
  g_clear_object (&self->model);
  if (self->events)
    g_array_set_size (self->events, 0);

  G_OBJECT_CLASS (gloss_timeline_view_parent_class)->dispose (object);
}

static void
gloss_timeline_view_finalize (GObject *object)
{
  GlossTimelineView *self = GLOSS_TIMELINE_VIEW (object);

  g_array_unref (self->events);
  g_clear_pointer (&self->highlighted, g_hash_table_unref);
  g_strfreev (self->highlighted_ids);

  G_OBJECT_CLASS (gloss_timeline_view_parent_class)->finalize (object);
}

static void
gloss_timeline_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossTimelineView *self = GLOSS_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED_ITEM:
      g_value_set_object (value, self->selected);
      break;
    case PROP_HIGHLIGHTED_IDS:
      g_value_set_boxed (value, self->highlighted_ids);
      break;
    case PROP_CAN_ZOOM_IN:
      g_value_set_boolean (value, self->view_end - self->view_start > MIN_SPAN + 0.5);
      break;
    case PROP_CAN_ZOOM_OUT:
      g_value_set_boolean (value, self->view_end - self->view_start < full_end () - full_start () - 0.5);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_timeline_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GlossTimelineView *self = GLOSS_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      gloss_timeline_view_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ITEM:
      gloss_timeline_view_set_selected_item (self, g_value_get_object (value));
      break;
    case PROP_HIGHLIGHTED_IDS:
      gloss_timeline_view_set_highlighted_ids (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_binding (GtkWidgetClass *widget_class,
             guint           key,
             GdkModifierType mods,
             const char     *action)
{
  gtk_widget_class_add_binding_action (widget_class, key, mods, action, NULL);
}

static void
gloss_timeline_view_class_init (GlossTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gloss_timeline_view_dispose;
  object_class->finalize = gloss_timeline_view_finalize;
  object_class->get_property = gloss_timeline_view_get_property;
  object_class->set_property = gloss_timeline_view_set_property;
  widget_class->snapshot = gloss_timeline_view_snapshot;
  widget_class->measure = gloss_timeline_view_measure;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL, GLOSS_TYPE_KB_ITEM, flags);
  properties[PROP_HIGHLIGHTED_IDS] =
    g_param_spec_boxed ("highlighted-ids", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_CAN_ZOOM_IN] =
    g_param_spec_boolean ("can-zoom-in", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_ZOOM_OUT] =
    g_param_spec_boolean ("can-zoom-out", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossTimelineView::item-activated:
   * @item: the event
   *
   * The user asked for an event (double click, Enter): show its card.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_KB_ITEM);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-all", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-next", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-previous", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-first", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-last", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);

  add_binding (widget_class, GDK_KEY_Right, 0, "timeline.select-next");
  add_binding (widget_class, GDK_KEY_KP_Right, 0, "timeline.select-next");
  add_binding (widget_class, GDK_KEY_Left, 0, "timeline.select-previous");
  add_binding (widget_class, GDK_KEY_KP_Left, 0, "timeline.select-previous");
  add_binding (widget_class, GDK_KEY_Home, 0, "timeline.select-first");
  add_binding (widget_class, GDK_KEY_End, 0, "timeline.select-last");
  add_binding (widget_class, GDK_KEY_Return, 0, "timeline.activate");
  add_binding (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate");
  add_binding (widget_class, GDK_KEY_space, 0, "timeline.activate");
  add_binding (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out");
  add_binding (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out");
  add_binding (widget_class, GDK_KEY_0, 0, "timeline.zoom-all");
  /* arrows move the selection; with Shift (or the page keys) they pan */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, pan_binding, "d", -0.1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, pan_binding, "d", 0.1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, pan_binding, "d", -0.8);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, pan_binding, "d", 0.8);

  gtk_widget_class_set_css_name (widget_class, "timelineview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
gloss_timeline_view_init (GlossTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click, *drag, *zoom;
  GtkEventController *scroll, *motion;

  self->events = g_array_new (FALSE, FALSE, sizeof (Event));
  self->view_start = full_start ();
  self->view_end = full_end ();
  for (guint i = 0; i < N_LANES; i++)
    self->lane_rows[i] = 1;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (widget, motion);

  update_zoom_state (self);
  update_accessible (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Left and Right move from event to event, Enter shows it; "
                                    "plus and minus zoom, Shift with an arrow pans"),
                                  -1);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

GtkWidget *
gloss_timeline_view_new (void)
{
  return g_object_new (GLOSS_TYPE_TIMELINE_VIEW, NULL);
}

GListModel *
gloss_timeline_view_get_model (GlossTimelineView *self)
{
  g_return_val_if_fail (GLOSS_IS_TIMELINE_VIEW (self), NULL);

  return self->model;
}

void
gloss_timeline_view_set_model (GlossTimelineView *self,
                               GListModel        *model)
{
  g_return_if_fail (GLOSS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self,
                             G_CONNECT_SWAPPED);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * gloss_timeline_view_get_selected_item:
 *
 * Returns: (transfer none) (nullable): the selected event
 */
GlossKbItem *
gloss_timeline_view_get_selected_item (GlossTimelineView *self)
{
  g_return_val_if_fail (GLOSS_IS_TIMELINE_VIEW (self), NULL);

  return self->selected;
}

/**
 * gloss_timeline_view_set_selected_item:
 * @item: (nullable): an event of the model, or %NULL
 *
 * Selects @item and brings it into view. An item that is not in the
 * model (such as a mechanism) clears the selection.
 */
void
gloss_timeline_view_set_selected_item (GlossTimelineView *self,
                                       GlossKbItem       *item)
{
  gint index;

  g_return_if_fail (GLOSS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (item == NULL || GLOSS_IS_KB_ITEM (item));

  index = find_event (self, item);
  if (index < 0)
    item = NULL;
  if (index >= 0)
    scroll_to_event (self, &g_array_index (self->events, Event, index));
  if (!g_set_object (&self->selected, item))
    return;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

/**
 * gloss_timeline_view_select_item_by_id:
 *
 * Returns: whether an event with this id is in the model (and now selected)
 */
gboolean
gloss_timeline_view_select_item_by_id (GlossTimelineView *self,
                                       const char        *id)
{
  gint index;

  g_return_val_if_fail (GLOSS_IS_TIMELINE_VIEW (self), FALSE);

  index = find_event_by_id (self, id);
  if (index < 0)
    return FALSE;
  gloss_timeline_view_set_selected_item (self, g_array_index (self->events, Event, index).item);
  return TRUE;
}

const char * const *
gloss_timeline_view_get_highlighted_ids (GlossTimelineView *self)
{
  g_return_val_if_fail (GLOSS_IS_TIMELINE_VIEW (self), NULL);

  return (const char * const *) self->highlighted_ids;
}

/**
 * gloss_timeline_view_set_highlighted_ids:
 * @ids: (nullable) (array zero-terminated=1): ids of the items mentioned
 *   in the visible passage
 */
void
gloss_timeline_view_set_highlighted_ids (GlossTimelineView  *self,
                                         const char * const *ids)
{
  g_return_if_fail (GLOSS_IS_TIMELINE_VIEW (self));

  if (self->highlighted_ids != NULL && ids != NULL &&
      g_strv_equal ((const char * const *) self->highlighted_ids, ids))
    return;
  if (self->highlighted_ids == NULL && ids == NULL)
    return;
  g_clear_pointer (&self->highlighted, g_hash_table_unref);
  g_strfreev (self->highlighted_ids);
  self->highlighted_ids = g_strdupv ((char **) ids);
  if (ids != NULL)
    {
      self->highlighted = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; self->highlighted_ids[i]; i++)
        g_hash_table_add (self->highlighted, self->highlighted_ids[i]);
    }
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED_IDS]);
}

void
gloss_timeline_view_zoom_in (GlossTimelineView *self)
{
  g_return_if_fail (GLOSS_IS_TIMELINE_VIEW (self));

  zoom_around (self, ZOOM_STEP, view_centre (self));
}

void
gloss_timeline_view_zoom_out (GlossTimelineView *self)
{
  g_return_if_fail (GLOSS_IS_TIMELINE_VIEW (self));

  zoom_around (self, 1 / ZOOM_STEP, view_centre (self));
}

void
gloss_timeline_view_zoom_all (GlossTimelineView *self)
{
  g_return_if_fail (GLOSS_IS_TIMELINE_VIEW (self));

  set_view (self, full_start (), full_end () - full_start ());
}

/**
 * gloss_timeline_view_get_visible_range:
 * @start: (out): the first day shown
 * @end: (out): the last day shown
 */
void
gloss_timeline_view_get_visible_range (GlossTimelineView *self,
                                       GDate             *start,
                                       GDate             *end)
{
  g_return_if_fail (GLOSS_IS_TIMELINE_VIEW (self));

  date_of_day (self->view_start, start);
  date_of_day (self->view_end - 1, end);
}

/**
 * gloss_timeline_view_get_item_position:
 * @point: (out): where the item's mark (or the start of its bar) is drawn
 *
 * For tests and for popovers pointing at an event.
 *
 * Returns: whether @item is on the timeline
 */
gboolean
gloss_timeline_view_get_item_position (GlossTimelineView *self,
                                       GlossKbItem       *item,
                                       graphene_point_t  *point)
{
  gint index;
  graphene_rect_t rect;

  g_return_val_if_fail (GLOSS_IS_TIMELINE_VIEW (self), FALSE);

  index = find_event (self, item);
  if (index < 0)
    return FALSE;
  rect = event_bounds (self, &g_array_index (self->events, Event, index));
  graphene_rect_get_center (&rect, point);
  return TRUE;
}
