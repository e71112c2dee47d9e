/* gloss-mechanisms-panel.c: the cooperation mechanisms by kind, and the card of one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* GTK 4.8's list views have no section headers, and there are a few
 * dozen mechanisms, so this is a GtkListBox bound to the mechanisms
 * sorted by kind then date, with a header above the first row of each
 * kind. Mechanisms mentioned in the visible passage get the
 * "mentioned" style class and a marker that says so to screen readers.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-kb-card.h"
#include "gloss-kb-format.h"
#include "gloss-mechanisms-panel.h"

struct _GlossMechanismsPanel
{
  GtkWidget          parent_instance;

  GlossMentionIndex *mention_index;
  GListModel        *sorted;
  GStrv              highlighted_ids;

  /* Template children */
  GtkWidget         *box;
  GtkListBox        *list;
  GlossKbCard       *card;
};

G_DEFINE_FINAL_TYPE (GlossMechanismsPanel, gloss_mechanisms_panel, GTK_TYPE_WIDGET)

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

/* The order of the kinds: bilateral first, the forums last. */
static const char * const kinds[] = { "bilateral", "sco", "brics", "un", "bri-eaeu", "forum", NULL };

/* ------------------------------------------------------------------ */
/* Rows                                                               */
/* ------------------------------------------------------------------ */

static guint
kind_rank (GlossKbItem *item)
{
  const char *kind = gloss_kb_item_get_kind (item);

  for (guint i = 0; kinds[i]; i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      return i;
  return G_N_ELEMENTS (kinds);
}

static int
compare_mechanisms (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  GlossKbItem *ia = (GlossKbItem *) a, *ib = (GlossKbItem *) b;
  guint ra = kind_rank (ia), rb = kind_rank (ib);

  if (ra != rb)
    return ra < rb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  /* ISO dates sort as text, whatever their precision */
  return CLAMP (g_strcmp0 (gloss_kb_item_get_date (ia), gloss_kb_item_get_date (ib)), -1, 1);
}

static gboolean
is_highlighted (GlossMechanismsPanel *self,
                GlossKbItem          *item)
{
  return self->highlighted_ids != NULL &&
         g_strv_contains ((const char * const *) self->highlighted_ids, gloss_kb_item_get_id (item));
}

static void
update_row_emphasis (GlossMechanismsPanel *self,
                     GtkListBoxRow        *row)
{
  GlossKbItem *item = g_object_get_data (G_OBJECT (row), "gloss-item");
  GtkWidget *marker = g_object_get_data (G_OBJECT (row), "gloss-marker");
  gboolean mentioned = is_highlighted (self, item);

  if (mentioned)
    gtk_widget_add_css_class (GTK_WIDGET (row), "mentioned");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "mentioned");
  gtk_widget_set_visible (marker, mentioned);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GlossMechanismsPanel *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title, *period_label, *marker;
  g_autofree char *period = gloss_kb_format_period (item);

  title = g_object_new (GTK_TYPE_LABEL,
                        "label", gloss_kb_format_label (item),
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "lines", 2,
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        "tooltip-text", gloss_kb_item_get_title_en (item),
                        NULL);
  period_label = g_object_new (GTK_TYPE_LABEL, "label", period, "xalign", 0.0f, NULL);
  gtk_widget_add_css_class (period_label, "caption");
  gtk_widget_add_css_class (period_label, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), period_label);
  gtk_widget_set_hexpand (text, TRUE);

  marker = gtk_image_new_from_icon_name ("mark-location-symbolic");
  gtk_widget_set_tooltip_text (marker, _("Mentioned in the visible passage"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mentioned in the visible passage"), -1);
  gtk_widget_add_css_class (marker, "mention-marker");

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), marker);
  g_object_set (box, "margin-top", 4, "margin-bottom", 4, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "gloss-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "gloss-marker", marker);
  update_row_emphasis (self, GTK_LIST_BOX_ROW (row));
  return row;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  GlossKbItem *item = g_object_get_data (G_OBJECT (row), "gloss-item");
  GlossKbItem *previous = before ? g_object_get_data (G_OBJECT (before), "gloss-item") : NULL;
  GtkWidget *header;

  if (previous != NULL && kind_rank (previous) == kind_rank (item))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = g_object_new (GTK_TYPE_LABEL,
                         "label", gloss_kb_format_kind (gloss_kb_item_get_kind (item)),
                         "xalign", 0.0f,
                         "margin-start", 12,
                         "margin-top", before ? 12 : 6,
                         "margin-bottom", 4,
                         NULL);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static GtkListBoxRow *
find_row (GlossMechanismsPanel *self,
          GlossKbItem          *item,
          const char           *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GlossKbItem *row_item;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      row_item = g_object_get_data (G_OBJECT (child), "gloss-item");
      if (row_item == item || (id != NULL && g_strcmp0 (gloss_kb_item_get_id (row_item), id) == 0))
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                          */
/* ------------------------------------------------------------------ */

static void
row_selected_cb (GlossMechanismsPanel *self,
                 GtkListBoxRow        *row)
{
  gloss_kb_card_set_item (self->card, row ? g_object_get_data (G_OBJECT (row), "gloss-item") : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

static void
card_passage_activated_cb (GlossMechanismsPanel *self,
                           const char           *doc_id,
                           guint                 start,
                           guint                 end)
{
  g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, doc_id, start, end);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_mechanisms_panel_dispose (GObject *object)
{
  GlossMechanismsPanel *self = GLOSS_MECHANISMS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_MECHANISMS_PANEL);
  g_clear_object (&self->sorted);
  g_clear_object (&self->mention_index);

  G_OBJECT_CLASS (gloss_mechanisms_panel_parent_class)->dispose (object);
}

static void
gloss_mechanisms_panel_finalize (GObject *object)
{
  g_strfreev (GLOSS_MECHANISMS_PANEL (object)->highlighted_ids);

  G_OBJECT_CLASS (gloss_mechanisms_panel_parent_class)->finalize (object);
}

static void
gloss_mechanisms_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GlossMechanismsPanel *self = GLOSS_MECHANISMS_PANEL (object);

  switch (prop_id)
    {
    case PROP_MENTION_INDEX:
      g_value_set_object (value, self->mention_index);
      break;
    case PROP_SELECTED_ITEM:
      g_value_set_object (value, gloss_mechanisms_panel_get_selected_item (self));
      break;
    case PROP_HIGHLIGHTED_IDS:
      g_value_set_boxed (value, self->highlighted_ids);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_mechanisms_panel_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  GlossMechanismsPanel *self = GLOSS_MECHANISMS_PANEL (object);

  switch (prop_id)
    {
    case PROP_MENTION_INDEX:
      gloss_mechanisms_panel_set_mention_index (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ITEM:
      gloss_mechanisms_panel_set_selected_item (self, g_value_get_object (value));
      break;
    case PROP_HIGHLIGHTED_IDS:
      gloss_mechanisms_panel_set_highlighted_ids (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_mechanisms_panel_class_init (GlossMechanismsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gloss_mechanisms_panel_dispose;
  object_class->finalize = gloss_mechanisms_panel_finalize;
  object_class->get_property = gloss_mechanisms_panel_get_property;
  object_class->set_property = gloss_mechanisms_panel_set_property;

  properties[PROP_MENTION_INDEX] =
    g_param_spec_object ("mention-index", NULL, NULL, GLOSS_TYPE_MENTION_INDEX, flags);
  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL, GLOSS_TYPE_KB_ITEM, flags);
  properties[PROP_HIGHLIGHTED_IDS] =
    g_param_spec_boxed ("highlighted-ids", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossMechanismsPanel::passage-activated:
   * @doc_id: the document
   * @start: first character of the mention (code points of the cleaned text)
   * @end: the character after it
   */
  signals[PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (GLOSS_TYPE_KB_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-mechanisms-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossMechanismsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, GlossMechanismsPanel, list);
  gtk_widget_class_bind_template_child (widget_class, GlossMechanismsPanel, card);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_passage_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mechanismspanel");
}

static void
gloss_mechanisms_panel_init (GlossMechanismsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list, header_func, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

GtkWidget *
gloss_mechanisms_panel_new (GlossMentionIndex *mention_index)
{
  return g_object_new (GLOSS_TYPE_MECHANISMS_PANEL, "mention-index", mention_index, NULL);
}

/**
 * gloss_mechanisms_panel_get_mention_index:
 *
 * Returns: (transfer none) (nullable): the mention index
 */
GlossMentionIndex *
gloss_mechanisms_panel_get_mention_index (GlossMechanismsPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_MECHANISMS_PANEL (self), NULL);

  return self->mention_index;
}

void
gloss_mechanisms_panel_set_mention_index (GlossMechanismsPanel *self,
                                          GlossMentionIndex    *mention_index)
{
  GtkSorter *sorter;

  g_return_if_fail (GLOSS_IS_MECHANISMS_PANEL (self));
  g_return_if_fail (mention_index == NULL || GLOSS_IS_MENTION_INDEX (mention_index));

  if (!g_set_object (&self->mention_index, mention_index))
    return;
  g_clear_object (&self->sorted);
  if (mention_index != NULL)
    {
      GListModel *mechanisms =
        gloss_knowledge_base_get_mechanisms (gloss_mention_index_get_knowledge (mention_index));

      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_mechanisms, NULL, NULL));
      self->sorted = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (mechanisms), sorter));
    }
  gtk_list_box_bind_model (self->list, self->sorted, create_row, self, NULL);
  gloss_kb_card_set_mention_index (self->card, mention_index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENTION_INDEX]);
}

/**
 * gloss_mechanisms_panel_get_selected_item:
 *
 * Returns: (transfer none) (nullable): the selected mechanism
 */
GlossKbItem *
gloss_mechanisms_panel_get_selected_item (GlossMechanismsPanel *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GLOSS_IS_MECHANISMS_PANEL (self), NULL);

  row = gtk_list_box_get_selected_row (self->list);
  return row ? g_object_get_data (G_OBJECT (row), "gloss-item") : NULL;
}

void
gloss_mechanisms_panel_set_selected_item (GlossMechanismsPanel *self,
                                          GlossKbItem          *item)
{
  GtkListBoxRow *row;

  g_return_if_fail (GLOSS_IS_MECHANISMS_PANEL (self));

  row = item ? find_row (self, item, NULL) : NULL;
  if (row == NULL)
    gtk_list_box_unselect_all (self->list);
  else
    gtk_list_box_select_row (self->list, row);
}

/**
 * gloss_mechanisms_panel_select_item_by_id:
 *
 * Returns: whether there is a mechanism with this id (now selected)
 */
gboolean
gloss_mechanisms_panel_select_item_by_id (GlossMechanismsPanel *self,
                                          const char           *id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GLOSS_IS_MECHANISMS_PANEL (self), FALSE);

  row = find_row (self, NULL, id);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->list, row);
  return TRUE;
}

const char * const *
gloss_mechanisms_panel_get_highlighted_ids (GlossMechanismsPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_MECHANISMS_PANEL (self), NULL);

  return (const char * const *) self->highlighted_ids;
}

/**
 * gloss_mechanisms_panel_set_highlighted_ids:
 * @ids: (nullable) (array zero-terminated=1): the items mentioned in the
 *   visible passage
 */
void
gloss_mechanisms_panel_set_highlighted_ids (GlossMechanismsPanel *self,
                                            const char * const   *ids)
{
  g_return_if_fail (GLOSS_IS_MECHANISMS_PANEL (self));

  if ((const char * const *) self->highlighted_ids == ids ||
      (self->highlighted_ids && ids && g_strv_equal ((const char * const *) self->highlighted_ids, ids)))
    return;
  g_strfreev (self->highlighted_ids);
  self->highlighted_ids = g_strdupv ((char **) ids);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      update_row_emphasis (self, GTK_LIST_BOX_ROW (child));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED_IDS]);
}

/**
 * gloss_mechanisms_panel_get_card:
 *
 * Returns: (transfer none): the card of the selected mechanism (a #GlossKbCard)
 */
GtkWidget *
gloss_mechanisms_panel_get_card (GlossMechanismsPanel *self)
{
  g_return_val_if_fail (GLOSS_IS_MECHANISMS_PANEL (self), NULL);

  return GTK_WIDGET (self->card);
}
