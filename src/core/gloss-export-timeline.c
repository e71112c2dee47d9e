/* gloss-export-timeline.c: a slice of the timeline as a vector strip
 *
 * One row per lane (GGE, OEWG, GA, other) on a common time axis. Groups
 * and sessions that last are bars, in tracks so that overlapping ones
 * sit one under the other; single days are dots. Each event carries its
 * number in the list printed under the strip: full titles would not fit
 * on a page, numbers always do. Numbers that would touch go up a row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gloss-export-private.h"

#define LABEL_W     44.0   /* the lanes' names */
#define ROW_H        8.5   /* a row of numbers */
#define DOT_ROW_H    8.0
#define TRACK_H      5.0
#define LANE_PAD     4.0
#define AXIS_H      16.0
#define NUMBER_FONT "Noto Sans CJK SC 6"
#define LANE_FONT   "Noto Sans CJK SC Bold 7.5"
#define AXIS_FONT   "Noto Sans CJK SC 6.5"

typedef struct
{
  guint    number;
  double   x0;
  double   x1;        /* x0 for a single day */
  gboolean span;
  guint    row;       /* of its number */
  guint    track;     /* of its bar */
  double   label_w;
} Mark;

typedef struct
{
  const char *id;
  const char *name;
  double      r, g, b;
  GArray     *marks;
  guint       n_rows;
  guint       n_tracks;
  double      y;
  double      height;
} Lane;

struct _GlossTimelineStrip
{
  PangoContext *context;
  double        width;
  double        height;
  guint         first_year;
  guint         last_year;
  double        t0, t1;   /* julian days of the range */
  Lane          lanes[4];
  guint         n_lanes;
};

static const struct
{
  const char *id;
  const char *name;
  double      r, g, b;
} lane_styles[] = {
  { "gge",   "GGE",     0.11, 0.44, 0.85 },
  { "oewg",  "OEWG",    0.15, 0.64, 0.41 },
  { "ga",    "GA",      0.90, 0.38, 0.00 },
  { "other", N_("Other"), 0.57, 0.25, 0.67 },
};

static double
x_of (GlossTimelineStrip *self,
      const GDate        *date)
{
  double t = g_date_get_julian (date);
  double fraction = (t - self->t0) / MAX (1.0, self->t1 - self->t0);

  return LABEL_W + CLAMP (fraction, 0.0, 1.0) * (self->width - LABEL_W - 4);
}

static double
text_width (GlossTimelineStrip *self,
            const char         *font,
            const char         *text)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  pango_font_description_free (desc);
  return pango_units_to_double (logical.width);
}

/* The first row (or track) in which [x0, x1] touches nothing placed. */
static guint
first_free (GArray *ends,
            double  x0,
            double  x1,
            double  gap)
{
  guint row;

  for (row = 0; row < ends->len; row++)
    if (x0 > g_array_index (ends, double, row) + gap)
      break;
  if (row == ends->len)
    g_array_append_val (ends, x1);
  else
    g_array_index (ends, double, row) = x1;
  return row;
}

static void
place_mark (GlossTimelineStrip *self,
            Lane               *lane,
            GlossKbItem        *item,
            guint               number,
            GArray             *label_ends,
            GArray             *track_ends)
{
  g_autofree char *text = g_strdup_printf ("%u", number);
  Mark mark = { .number = number };
  GDate start, end;

  gloss_kb_parse_date (gloss_kb_item_get_date (item), gloss_kb_item_get_date_precision (item),
                       &start, NULL);
  mark.x0 = mark.x1 = x_of (self, &start);
  if (gloss_kb_item_get_end_date (item) != NULL &&
      gloss_kb_parse_date (gloss_kb_item_get_end_date (item),
                           gloss_kb_item_get_end_date_precision (item), &end, NULL))
    {
      mark.x1 = x_of (self, &end);
      mark.span = mark.x1 - mark.x0 > 3;
    }
  mark.label_w = text_width (self, NUMBER_FONT, text);
  if (mark.span)
    mark.track = first_free (track_ends, mark.x0, mark.x1, 1.5);
  mark.row = first_free (label_ends, mark.x0 - mark.label_w / 2, mark.x0 + mark.label_w / 2, 1.0);
  g_array_append_val (lane->marks, mark);
}

static void
build_lanes (GlossTimelineStrip *self,
             GlossPlanBlock     *block)
{
  for (guint l = 0; l < G_N_ELEMENTS (lane_styles); l++)
    {
      g_autoptr(GArray) label_ends = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) track_ends = g_array_new (FALSE, FALSE, sizeof (double));
      Lane *lane = &self->lanes[self->n_lanes];

      if (block->lanes != NULL && !g_strv_contains ((const char * const *) block->lanes, lane_styles[l].id))
        continue;
      lane->id = lane_styles[l].id;
      lane->name = _(lane_styles[l].name);
      lane->r = lane_styles[l].r;
      lane->g = lane_styles[l].g;
      lane->b = lane_styles[l].b;
      lane->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
      for (guint i = 0; i < block->items->len; i++)
        {
          GlossKbItem *item = g_ptr_array_index (block->items, i);

          if (g_strcmp0 (gloss_kb_item_get_lane (item), lane->id) == 0)
            place_mark (self, lane, item, i + 1, label_ends, track_ends);
        }
      /* an empty lane is left out unless it was asked for */
      if (lane->marks->len == 0 && block->lanes == NULL)
        {
          g_array_unref (lane->marks);
          continue;
        }
      lane->n_rows = MAX (1, label_ends->len);
      lane->n_tracks = track_ends->len;
      lane->y = self->height;
      lane->height = 2 * LANE_PAD + lane->n_rows * ROW_H + DOT_ROW_H + lane->n_tracks * TRACK_H;
      self->height += lane->height;
      self->n_lanes++;
    }
}

GlossTimelineStrip *
gloss_timeline_strip_new (GlossPlanBlock *block,
                          PangoContext   *context,
                          double          width)
{
  GlossTimelineStrip *self = g_new0 (GlossTimelineStrip, 1);

  self->context = g_object_ref (context);
  self->width = width;
  self->t0 = g_date_get_julian (&block->from);
  self->t1 = g_date_get_julian (&block->to) + 1;
  self->first_year = g_date_get_year (&block->from);
  self->last_year = g_date_get_year (&block->to);
  build_lanes (self, block);
  self->height += AXIS_H;
  return self;
}

double
gloss_timeline_strip_get_height (GlossTimelineStrip *self)
{
  return self->height;
}

void
gloss_timeline_strip_free (GlossTimelineStrip *self)
{
  for (guint i = 0; i < self->n_lanes; i++)
    g_array_unref (self->lanes[i].marks);
  g_object_unref (self->context);
  g_free (self);
}

static void
show_text (GlossTimelineStrip *self,
           cairo_t            *cr,
           const char         *font,
           const char         *text,
           double              x,
           double              y,
           double              align)    /* 0 left, 0.5 centre, 1 right */
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, x - align * pango_units_to_double (logical.width), y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
}

/* Every year on a short range, every 2 or 5 on a longer one. */
static void
draw_axis (GlossTimelineStrip *self,
           cairo_t            *cr,
           double              top,
           double              bottom)
{
  guint years = self->last_year - self->first_year + 1;
  guint step = years <= 12 ? 1 : years <= 26 ? 2 : 5;

  cairo_new_path (cr);
  cairo_set_line_width (cr, 0.4);
  for (guint year = self->first_year; year <= self->last_year + 1; year++)
    {
      GDate jan1;
      double x;

      g_date_clear (&jan1, 1);
      g_date_set_dmy (&jan1, 1, G_DATE_JANUARY, year);
      if (g_date_get_julian (&jan1) < self->t0 || g_date_get_julian (&jan1) > self->t1)
        continue;
      x = x_of (self, &jan1);
      cairo_new_path (cr);
      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom + 3);
      cairo_stroke (cr);
      if (year % step == 0 && year <= self->last_year)
        {
          g_autofree char *label = g_strdup_printf ("%u", year);

          cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
          show_text (self, cr, AXIS_FONT, label, x + 1.5, bottom + 2, 0);
        }
    }
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_rectangle (cr, LABEL_W, bottom, self->width - LABEL_W - 4, 0.6);
  cairo_fill (cr);
}

/* Every other lane on a light band, so that a lane reads across. */
static void
draw_band (GlossTimelineStrip *self,
           cairo_t            *cr,
           Lane               *lane,
           guint               index)
{
  if (index % 2 == 0)
    {
      cairo_set_source_rgb (cr, 0.965, 0.965, 0.965);
      cairo_rectangle (cr, 0, lane->y, self->width, lane->height);
      cairo_fill (cr);
    }
}

static void
draw_lane (GlossTimelineStrip *self,
           cairo_t            *cr,
           Lane               *lane)
{
  double numbers_top = lane->y + LANE_PAD;
  double dots_y = numbers_top + lane->n_rows * ROW_H + DOT_ROW_H / 2;
  double tracks_top = numbers_top + lane->n_rows * ROW_H + DOT_ROW_H;

  cairo_set_source_rgb (cr, lane->r, lane->g, lane->b);
  show_text (self, cr, LANE_FONT, lane->name, 2, lane->y + lane->height / 2 - 5.5, 0);

  for (guint i = 0; i < lane->marks->len; i++)
    {
      Mark *mark = &g_array_index (lane->marks, Mark, i);
      g_autofree char *number = g_strdup_printf ("%u", mark->number);
      double number_y = numbers_top + (lane->n_rows - 1 - mark->row) * ROW_H;
      /* a number at the very end of the range stays inside the strip */
      double number_x = MIN (mark->x0, self->width - mark->label_w / 2);

      /* text leaves a current point: a new path, or arcs join it */
      cairo_new_path (cr);
      if (mark->span)
        {
          double y = tracks_top + mark->track * TRACK_H;

          cairo_set_source_rgba (cr, lane->r, lane->g, lane->b, 0.35);
          cairo_rectangle (cr, mark->x0, y + 0.5, mark->x1 - mark->x0, TRACK_H - 1.5);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, lane->r, lane->g, lane->b);
          cairo_set_line_width (cr, 0.5);
          cairo_stroke (cr);
          /* a tick from the number down to where the bar starts */
          cairo_move_to (cr, mark->x0, number_y + ROW_H - 1);
          cairo_line_to (cr, mark->x0, y + 0.5);
          cairo_set_line_width (cr, 0.3);
          cairo_stroke (cr);
        }
      else
        {
          cairo_set_source_rgb (cr, lane->r, lane->g, lane->b);
          cairo_arc (cr, mark->x0, dots_y, 2.2, 0, 2 * G_PI);
          cairo_fill (cr);
          if (mark->row > 0)
            {
              cairo_move_to (cr, mark->x0, number_y + ROW_H - 1);
              cairo_line_to (cr, mark->x0, dots_y - 2);
              cairo_set_line_width (cr, 0.3);
              cairo_stroke (cr);
            }
        }
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
      show_text (self, cr, NUMBER_FONT, number, number_x, number_y, 0.5);
    }
}

void
gloss_timeline_strip_draw (GlossTimelineStrip *self,
                           cairo_t            *cr,
                           double              x,
                           double              y)
{
  double bottom = self->height - AXIS_H;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  for (guint i = 0; i < self->n_lanes; i++)
    draw_band (self, cr, &self->lanes[i], i);
  draw_axis (self, cr, 0, bottom);
  for (guint i = 0; i < self->n_lanes; i++)
    draw_lane (self, cr, &self->lanes[i]);
  cairo_restore (cr);
}
