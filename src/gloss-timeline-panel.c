/* gloss-timeline-panel.c: the timeline, its zoom, and the selected event's card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The panel follows the mention index it is given: its knowledge base's
 * timeline is what the view draws, and its library is where the user's
 * own events are kept (gloss-user-events.c). Adding, editing and
 * deleting an event change both, so the view, which follows the
 * timeline model, redraws by itself.
 *
 * The zoom buttons cannot reach the view's own actions (actions are
 * looked up among a widget's ancestors, and the view is not one of the
 * header's), so the panel has its own that forward to the view.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-event-editor.h"
#include "gloss-kb-card.h"
#include "gloss-timeline-panel.h"
#include "gloss-user-events.h"

struct _GlossTimelinePanel
{
  GtkWidget          parent_instance;

  GlossMentionIndex *mention_index;

  /* Template children */
  GtkWidget         *box;
  GlossTimelineView *view;
  GlossKbCard       *card;
};

G_DEFINE_FINAL_TYPE (GlossTimelinePanel, gloss_timeline_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_MENTION_INDEX,
  PROP_SELECTED_ITEM,
  PROP_HIGHLIGHTED_IDS,
  N_PROPS
};

enum
{
  PASSAGE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Callbacks                                                          */
/* ------------------------------------------------------------------ */

static void
view_selection_changed_cb (GlossTimelinePanel *self)
{
  gloss_kb_card_set_item (self->card, gloss_timeline_view_get_selected_item (self->view));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

static void
view_zoom_changed_cb (GlossTimelinePanel *self)
{
  gboolean can_in, can_out;

  g_object_get (self->view, "can-zoom-in", &can_in, "can-zoom-out", &can_out, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-panel.zoom-in", can_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-panel.zoom-out", can_out);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-panel.zoom-all", can_out);
}

static void
card_passage_activated_cb (GlossTimelinePanel *self,
                           const char         *doc_id,
                           guint               start,
                           guint               end)
{
  g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, doc_id, start, end);
}

/* ------------------------------------------------------------------ */
/* Actions                                                            */
/* ------------------------------------------------------------------ */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossTimelinePanel *self = GLOSS_TIMELINE_PANEL (widget);

  if (g_str_equal (action_name, "timeline-panel.zoom-in"))
    gloss_timeline_view_zoom_in (self->view);
  else if (g_str_equal (action_name, "timeline-panel.zoom-out"))
    gloss_timeline_view_zoom_out (self->view);
  else
    gloss_timeline_view_zoom_all (self->view);
}

static GlossKnowledgeBase *
get_knowledge (GlossTimelinePanel *self)
{
  return self->mention_index ? gloss_mention_index_get_knowledge (self->mention_index) : NULL;
}

static void
editor_saved_cb (GlossTimelinePanel *self,
                 GlossKbItem        *item)
{
  gloss_timeline_view_set_selected_item (self->view, item);
  gloss_kb_card_refresh (self->card);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
open_editor (GlossTimelinePanel *self,
             GlossKbItem        *item)
{
  GlossEventEditor *editor;

  g_return_if_fail (self->mention_index != NULL);

  editor = gloss_event_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   gloss_mention_index_get_library (self->mention_index),
                                   get_knowledge (self), item);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static GlossKbItem *
lookup_user_event (GlossTimelinePanel *self,
                   GVariant           *parameter)
{
  GlossKnowledgeBase *knowledge = get_knowledge (self);
  GlossKbItem *item = knowledge ? gloss_knowledge_base_lookup (knowledge, g_variant_get_string (parameter, NULL))
                                : NULL;

  return item != NULL && gloss_kb_item_get_user_defined (item) ? item : NULL;
}

static void
add_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (GLOSS_TIMELINE_PANEL (widget), NULL);
}

static void
edit_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlossTimelinePanel *self = GLOSS_TIMELINE_PANEL (widget);
  GlossKbItem *item = lookup_user_event (self, parameter);

  if (item != NULL)
    open_editor (self, item);
}

static void
show_error (GlossTimelinePanel *self,
            const char         *heading,
            const char         *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    GlossTimelinePanel *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "gloss-event-id");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->mention_index == NULL)
    return;
  if (!gloss_user_events_remove (gloss_mention_index_get_library (self->mention_index),
                                 get_knowledge (self), id, &error))
    show_error (self, _("The Event Could Not Be Deleted"), error->message);
}

static void
delete_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossTimelinePanel *self = GLOSS_TIMELINE_PANEL (widget);
  GlossKbItem *item = lookup_user_event (self, parameter);
  GtkWidget *dialog;

  if (item == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Delete the Event?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be removed from your timeline."),
                                  gloss_kb_item_get_title_zh (item));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "gloss-event-id",
                          g_strdup (gloss_kb_item_get_id (item)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_timeline_panel_dispose (GObject *object)
{
  GlossTimelinePanel *self = GLOSS_TIMELINE_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_TIMELINE_PANEL);
  g_clear_object (&self->mention_index);

  G_OBJECT_CLASS (gloss_timeline_panel_parent_class)->dispose (object);
}

static void
gloss_timeline_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossTimelinePanel *self = GLOSS_TIMELINE_PANEL (object);

  switch (prop_id)
    {
    case PROP_MENTION_INDEX:
      g_value_set_object (value, self->mention_index);
      break;
    case PROP_SELECTED_ITEM:
      g_value_set_object (value, gloss_timeline_panel_get_selected_item (self));
      break;
    case PROP_HIGHLIGHTED_IDS:
      g_value_set_boxed (value, gloss_timeline_panel_get_highlighted_ids (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_timeline_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GlossTimelinePanel *self = GLOSS_TIMELINE_PANEL (object);

  switch (prop_id)
    {
    case PROP_MENTION_INDEX:
      gloss_timeline_panel_set_mention_index (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ITEM:
      gloss_timeline_panel_set_selected_item (self, g_value_get_object (value));
      break;
    case PROP_HIGHLIGHTED_IDS:
      gloss_timeline_panel_set_highlighted_ids (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_timeline_panel_class_init (GlossTimelinePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gloss_timeline_panel_dispose;
  object_class->get_property = gloss_timeline_panel_get_property;
  object_class->set_property = gloss_timeline_panel_set_property;

  properties[PROP_MENTION_INDEX] =
    g_param_spec_object ("mention-index", NULL, NULL, GLOSS_TYPE_MENTION_INDEX, flags);
  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL, GLOSS_TYPE_KB_ITEM, flags);
  properties[PROP_HIGHLIGHTED_IDS] =
    g_param_spec_boxed ("highlighted-ids", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossTimelinePanel::passage-activated:
   * @doc_id: the document
   * @start: first character of the mention (code points of the cleaned text)
   * @end: the character after it
   */
  signals[PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (GLOSS_TYPE_TIMELINE_VIEW);
  g_type_ensure (GLOSS_TYPE_KB_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-timeline-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossTimelinePanel, box);
  gtk_widget_class_bind_template_child (widget_class, GlossTimelinePanel, view);
  gtk_widget_class_bind_template_child (widget_class, GlossTimelinePanel, card);
  gtk_widget_class_bind_template_callback (widget_class, view_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_zoom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_passage_activated_cb);

  gtk_widget_class_install_action (widget_class, "timeline-panel.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline-panel.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline-panel.zoom-all", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "kb.add-event", NULL, add_event_action);
  gtk_widget_class_install_action (widget_class, "kb.edit-event", "s", edit_event_action);
  gtk_widget_class_install_action (widget_class, "kb.delete-event", "s", delete_event_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelinepanel");
}

static void
gloss_timeline_panel_init (GlossTimelinePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  view_zoom_changed_cb (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kb.add-event", FALSE);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

GtkWidget *
gloss_timeline_panel_new (GlossMentionIndex *mention_index)
{
  return g_object_new (GLOSS_TYPE_TIMELINE_PANEL, "mention-index", mention_index, NULL);
}

/**
 * gloss_timeline_panel_get_mention_index:
 *
 * Returns: (transfer none) (nullable): the mention index
 */
GlossMentionIndex *
gloss_timeline_panel_get_mention_index (GlossTimelinePanel *self)
{
  g_return_val_if_fail (GLOSS_IS_TIMELINE_PANEL (self), NULL);

  return self->mention_index;
}

void
gloss_timeline_panel_set_mention_index (GlossTimelinePanel *self,
                                        GlossMentionIndex  *mention_index)
{
  GlossKnowledgeBase *knowledge;

  g_return_if_fail (GLOSS_IS_TIMELINE_PANEL (self));
  g_return_if_fail (mention_index == NULL || GLOSS_IS_MENTION_INDEX (mention_index));

  if (!g_set_object (&self->mention_index, mention_index))
    return;
  knowledge = get_knowledge (self);
  gloss_timeline_view_set_model (self->view, knowledge ? gloss_knowledge_base_get_timeline (knowledge) : NULL);
  gloss_kb_card_set_mention_index (self->card, mention_index);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kb.add-event", mention_index != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENTION_INDEX]);
}

/**
 * gloss_timeline_panel_get_selected_item:
 *
 * Returns: (transfer none) (nullable): the selected event
 */
GlossKbItem *
gloss_timeline_panel_get_selected_item (GlossTimelinePanel *self)
{
  g_return_val_if_fail (GLOSS_IS_TIMELINE_PANEL (self), NULL);

  return gloss_timeline_view_get_selected_item (self->view);
}

void
gloss_timeline_panel_set_selected_item (GlossTimelinePanel *self,
                                        GlossKbItem        *item)
{
  g_return_if_fail (GLOSS_IS_TIMELINE_PANEL (self));

  gloss_timeline_view_set_selected_item (self->view, item);
}

/**
 * gloss_timeline_panel_select_item_by_id:
 *
 * Returns: whether the timeline has an event with this id
 */
gboolean
gloss_timeline_panel_select_item_by_id (GlossTimelinePanel *self,
                                        const char         *id)
{
  g_return_val_if_fail (GLOSS_IS_TIMELINE_PANEL (self), FALSE);

  return gloss_timeline_view_select_item_by_id (self->view, id);
}

const char * const *
gloss_timeline_panel_get_highlighted_ids (GlossTimelinePanel *self)
{
  g_return_val_if_fail (GLOSS_IS_TIMELINE_PANEL (self), NULL);

  return gloss_timeline_view_get_highlighted_ids (self->view);
}

void
gloss_timeline_panel_set_highlighted_ids (GlossTimelinePanel *self,
                                          const char * const *ids)
{
  const char * const *before;

  g_return_if_fail (GLOSS_IS_TIMELINE_PANEL (self));

  before = gloss_timeline_view_get_highlighted_ids (self->view);
  if (before == ids || (before && ids && g_strv_equal (before, ids)))
    return;
  gloss_timeline_view_set_highlighted_ids (self->view, ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED_IDS]);
}

/**
 * gloss_timeline_panel_get_view:
 *
 * Returns: (transfer none): the timeline view
 */
GlossTimelineView *
gloss_timeline_panel_get_view (GlossTimelinePanel *self)
{
  g_return_val_if_fail (GLOSS_IS_TIMELINE_PANEL (self), NULL);

  return self->view;
}

/**
 * gloss_timeline_panel_get_card:
 *
 * Returns: (transfer none): the card of the selected event (a #GlossKbCard)
 */
GtkWidget *
gloss_timeline_panel_get_card (GlossTimelinePanel *self)
{
  g_return_val_if_fail (GLOSS_IS_TIMELINE_PANEL (self), NULL);

  return GTK_WIDGET (self->card);
}
