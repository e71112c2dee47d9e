/* gloss-panels.c: the area beside the text with the timeline and the mechanisms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Beside the text, the timeline sits above the mechanisms in a vertical
 * GtkPaned; either can be turned off, and the other then takes the
 * whole height.  On a narrow window (the window decides, and sets
 * "folded") two stacked panels would each be too short to use, so only
 * one shows at a time, picked with a switcher at the top.
 *
 * The width beside the text is the window's GtkPaned's to keep; this
 * widget only says how much it would like ("natural-width", also its
 * natural size), and the window gives it that much at start.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include "gloss-kb-item.h"
#include "gloss-panels.h"

struct _GlossPanels
{
  GtkWidget             parent_instance;

  /* Template children */
  GtkWidget            *box;
  GtkWidget            *switcher;
  GtkPaned             *paned;
  GlossTimelinePanel   *timeline;
  GlossMechanismsPanel *mechanisms;

  gboolean              show_timeline;
  gboolean              show_mechanisms;
  gboolean              folded;
  char                 *visible_panel;
  int                   natural_width;
};

G_DEFINE_FINAL_TYPE (GlossPanels, gloss_panels, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MENTION_INDEX,
  PROP_SHOW_TIMELINE,
  PROP_SHOW_MECHANISMS,
  PROP_FOLDED,
  PROP_VISIBLE_PANEL,
  PROP_NATURAL_WIDTH,
  PROP_SPLIT_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PASSAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */

static void
update_layout (GlossPanels *self)
{
  gboolean one_at_a_time = self->folded && self->show_timeline && self->show_mechanisms;
  gboolean timeline = self->show_timeline;
  gboolean mechanisms = self->show_mechanisms;

  if (one_at_a_time)
    {
      timeline = g_str_equal (self->visible_panel, "timeline");
      mechanisms = !timeline;
    }

  gtk_widget_set_visible (self->switcher, one_at_a_time);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline), timeline);
  gtk_widget_set_visible (GTK_WIDGET (self->mechanisms), mechanisms);
}

static void
passage_activated_cb (GlossPanels *self,
                      const char  *doc_id,
                      guint        start,
                      guint        end)
{
  g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, doc_id, start, end);
}

static void
paned_position_changed_cb (GlossPanels *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPLIT_POSITION]);
}

/* ------------------------------------------------------------------ */
/* GtkWidget                                                          */
/* ------------------------------------------------------------------ */

static void
gloss_panels_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GlossPanels *self = GLOSS_PANELS (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);

  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->natural_width > 0)
    *natural = MAX (*minimum, self->natural_width);
}

static void
gloss_panels_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  GlossPanels *self = GLOSS_PANELS (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_panels_dispose (GObject *object)
{
  GlossPanels *self = GLOSS_PANELS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PANELS);

  G_OBJECT_CLASS (gloss_panels_parent_class)->dispose (object);
}

static void
gloss_panels_finalize (GObject *object)
{
  GlossPanels *self = GLOSS_PANELS (object);

  g_free (self->visible_panel);

  G_OBJECT_CLASS (gloss_panels_parent_class)->finalize (object);
}

static void
gloss_panels_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossPanels *self = GLOSS_PANELS (object);

  switch (prop_id)
    {
    case PROP_MENTION_INDEX:
      g_value_set_object (value, gloss_timeline_panel_get_mention_index (self->timeline));
      break;

    case PROP_SHOW_TIMELINE:
      g_value_set_boolean (value, self->show_timeline);
      break;

    case PROP_SHOW_MECHANISMS:
      g_value_set_boolean (value, self->show_mechanisms);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    case PROP_VISIBLE_PANEL:
      g_value_set_string (value, self->visible_panel);
      break;

    case PROP_NATURAL_WIDTH:
      g_value_set_int (value, self->natural_width);
      break;

    case PROP_SPLIT_POSITION:
      g_value_set_int (value, gloss_panels_get_split_position (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_panels_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GlossPanels *self = GLOSS_PANELS (object);

  switch (prop_id)
    {
    case PROP_MENTION_INDEX:
      gloss_panels_set_mention_index (self, g_value_get_object (value));
      break;

    case PROP_SHOW_TIMELINE:
      gloss_panels_set_show_timeline (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_MECHANISMS:
      gloss_panels_set_show_mechanisms (self, g_value_get_boolean (value));
      break;

    case PROP_FOLDED:
      gloss_panels_set_folded (self, g_value_get_boolean (value));
      break;

    case PROP_VISIBLE_PANEL:
      gloss_panels_set_visible_panel (self, g_value_get_string (value));
      break;

    case PROP_NATURAL_WIDTH:
      gloss_panels_set_natural_width (self, g_value_get_int (value));
      break;

    case PROP_SPLIT_POSITION:
      gloss_panels_set_split_position (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_panels_class_init (GlossPanelsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gloss_panels_dispose;
  object_class->finalize = gloss_panels_finalize;
  object_class->get_property = gloss_panels_get_property;
  object_class->set_property = gloss_panels_set_property;

  widget_class->measure = gloss_panels_measure;
  widget_class->size_allocate = gloss_panels_size_allocate;

  properties[PROP_MENTION_INDEX] =
    g_param_spec_object ("mention-index", NULL, NULL, GLOSS_TYPE_MENTION_INDEX, flags);
  properties[PROP_SHOW_TIMELINE] =
    g_param_spec_boolean ("show-timeline", NULL, NULL, TRUE, flags);
  properties[PROP_SHOW_MECHANISMS] =
    g_param_spec_boolean ("show-mechanisms", NULL, NULL, TRUE, flags);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE, flags);
  properties[PROP_VISIBLE_PANEL] =
    g_param_spec_string ("visible-panel", NULL, NULL, "timeline", flags);
  properties[PROP_NATURAL_WIDTH] =
    g_param_spec_int ("natural-width", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_SPLIT_POSITION] =
    g_param_spec_int ("split-position", NULL, NULL, 0, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossPanels::passage-activated:
   *
   * A passage was chosen on the card of an event or a mechanism.
   */
  signals[PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (GLOSS_TYPE_TIMELINE_PANEL);
  g_type_ensure (GLOSS_TYPE_MECHANISMS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-panels.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossPanels, box);
  gtk_widget_class_bind_template_child (widget_class, GlossPanels, switcher);
  gtk_widget_class_bind_template_child (widget_class, GlossPanels, paned);
  gtk_widget_class_bind_template_child (widget_class, GlossPanels, timeline);
  gtk_widget_class_bind_template_child (widget_class, GlossPanels, mechanisms);
  gtk_widget_class_bind_template_callback (widget_class, passage_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "panels.visible-panel", "visible-panel");

  gtk_widget_class_set_css_name (widget_class, "panels");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gloss_panels_init (GlossPanels *self)
{
  self->show_timeline = TRUE;
  self->show_mechanisms = TRUE;
  self->visible_panel = g_strdup ("timeline");

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->paned, "notify::position",
                           G_CALLBACK (paned_position_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_layout (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

GtkWidget *
gloss_panels_new (void)
{
  return g_object_new (GLOSS_TYPE_PANELS, NULL);
}

void
gloss_panels_set_mention_index (GlossPanels       *self,
                                GlossMentionIndex *mention_index)
{
  g_return_if_fail (GLOSS_IS_PANELS (self));
  g_return_if_fail (mention_index == NULL || GLOSS_IS_MENTION_INDEX (mention_index));

  if (gloss_timeline_panel_get_mention_index (self->timeline) == mention_index)
    return;

  gloss_timeline_panel_set_mention_index (self->timeline, mention_index);
  gloss_mechanisms_panel_set_mention_index (self->mechanisms, mention_index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENTION_INDEX]);
}

/**
 * gloss_panels_get_timeline_panel:
 *
 * Returns: (transfer none): the timeline panel
 */
GlossTimelinePanel *
gloss_panels_get_timeline_panel (GlossPanels *self)
{
  g_return_val_if_fail (GLOSS_IS_PANELS (self), NULL);

  return self->timeline;
}

/**
 * gloss_panels_get_mechanisms_panel:
 *
 * Returns: (transfer none): the mechanisms panel
 */
GlossMechanismsPanel *
gloss_panels_get_mechanisms_panel (GlossPanels *self)
{
  g_return_val_if_fail (GLOSS_IS_PANELS (self), NULL);

  return self->mechanisms;
}

gboolean
gloss_panels_get_show_timeline (GlossPanels *self)
{
  g_return_val_if_fail (GLOSS_IS_PANELS (self), FALSE);

  return self->show_timeline;
}

void
gloss_panels_set_show_timeline (GlossPanels *self,
                                gboolean     show)
{
  g_return_if_fail (GLOSS_IS_PANELS (self));

  show = !!show;
  if (show == self->show_timeline)
    return;

  self->show_timeline = show;
  /* a panel just turned on is the one to see */
  if (show)
    gloss_panels_set_visible_panel (self, "timeline");
  update_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TIMELINE]);
}

gboolean
gloss_panels_get_show_mechanisms (GlossPanels *self)
{
  g_return_val_if_fail (GLOSS_IS_PANELS (self), FALSE);

  return self->show_mechanisms;
}

void
gloss_panels_set_show_mechanisms (GlossPanels *self,
                                  gboolean     show)
{
  g_return_if_fail (GLOSS_IS_PANELS (self));

  show = !!show;
  if (show == self->show_mechanisms)
    return;

  self->show_mechanisms = show;
  if (show)
    gloss_panels_set_visible_panel (self, "mechanisms");
  update_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MECHANISMS]);
}

gboolean
gloss_panels_get_folded (GlossPanels *self)
{
  g_return_val_if_fail (GLOSS_IS_PANELS (self), FALSE);

  return self->folded;
}

void
gloss_panels_set_folded (GlossPanels *self,
                         gboolean     folded)
{
  g_return_if_fail (GLOSS_IS_PANELS (self));

  folded = !!folded;
  if (folded == self->folded)
    return;

  self->folded = folded;
  update_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

const char *
gloss_panels_get_visible_panel (GlossPanels *self)
{
  g_return_val_if_fail (GLOSS_IS_PANELS (self), NULL);

  return self->visible_panel;
}

/**
 * gloss_panels_set_visible_panel:
 * @name: "timeline" or "mechanisms"
 *
 * Which panel shows when only one fits; see #GlossPanels:folded.
 */
void
gloss_panels_set_visible_panel (GlossPanels *self,
                                const char  *name)
{
  g_return_if_fail (GLOSS_IS_PANELS (self));
  g_return_if_fail (g_strcmp0 (name, "timeline") == 0 || g_strcmp0 (name, "mechanisms") == 0);

  if (g_str_equal (name, self->visible_panel))
    return;

  g_free (self->visible_panel);
  self->visible_panel = g_strdup (name);
  update_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PANEL]);
}

int
gloss_panels_get_natural_width (GlossPanels *self)
{
  g_return_val_if_fail (GLOSS_IS_PANELS (self), 0);

  return self->natural_width;
}

void
gloss_panels_set_natural_width (GlossPanels *self,
                                int          width)
{
  g_return_if_fail (GLOSS_IS_PANELS (self));

  width = MAX (width, 0);
  if (width == self->natural_width)
    return;

  self->natural_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NATURAL_WIDTH]);
}

int
gloss_panels_get_split_position (GlossPanels *self)
{
  g_return_val_if_fail (GLOSS_IS_PANELS (self), 0);

  return gtk_paned_get_position (self->paned);
}

/* Before the first allocation the paned keeps the position as given. */
void
gloss_panels_set_split_position (GlossPanels *self,
                                 int          position)
{
  g_return_if_fail (GLOSS_IS_PANELS (self));

  gtk_paned_set_position (self->paned, MAX (position, 0));
}

/**
 * gloss_panels_show_item:
 * @item: a timeline event or a mechanism
 *
 * Selects @item in its panel, and turns that panel on and shows it.
 *
 * Returns: %FALSE if its panel does not know @item
 */
gboolean
gloss_panels_show_item (GlossPanels *self,
                        GlossKbItem *item)
{
  const char *id;

  g_return_val_if_fail (GLOSS_IS_PANELS (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_KB_ITEM (item), FALSE);

  id = gloss_kb_item_get_id (item);
  if (gloss_kb_item_get_category (item) == GLOSS_KB_TIMELINE)
    {
      if (!gloss_timeline_panel_select_item_by_id (self->timeline, id))
        return FALSE;
      gloss_panels_set_show_timeline (self, TRUE);
      gloss_panels_set_visible_panel (self, "timeline");
    }
  else
    {
      if (!gloss_mechanisms_panel_select_item_by_id (self->mechanisms, id))
        return FALSE;
      gloss_panels_set_show_mechanisms (self, TRUE);
      gloss_panels_set_visible_panel (self, "mechanisms");
    }

  return TRUE;
}

/**
 * gloss_panels_set_highlighted_items:
 * @items: (element-type GlossKbItem) (nullable): the items to light up,
 *   events and mechanisms mixed
 *
 * Lights up each item in its own panel.
 */
void
gloss_panels_set_highlighted_items (GlossPanels *self,
                                    GPtrArray   *items)
{
  g_autoptr(GStrvBuilder) events = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) mechanisms = g_strv_builder_new ();
  g_auto(GStrv) event_ids = NULL;
  g_auto(GStrv) mechanism_ids = NULL;

  g_return_if_fail (GLOSS_IS_PANELS (self));

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      GlossKbItem *item = g_ptr_array_index (items, i);

      g_strv_builder_add (gloss_kb_item_get_category (item) == GLOSS_KB_TIMELINE ? events : mechanisms,
                          gloss_kb_item_get_id (item));
    }

  event_ids = g_strv_builder_end (events);
  mechanism_ids = g_strv_builder_end (mechanisms);
  gloss_timeline_panel_set_highlighted_ids (self->timeline, (const char * const *) event_ids);
  gloss_mechanisms_panel_set_highlighted_ids (self->mechanisms, (const char * const *) mechanism_ids);
}
