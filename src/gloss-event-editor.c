/* gloss-event-editor.c: a window to add or edit one of the user's events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The precision of a date follows from what is typed: 2015-07-22 is a
 * day, 2015-07 a month, 2015 a year, so the user cannot claim more
 * precision than they wrote. Every field is checked on Save and each
 * problem is shown under its group, the field marked; nothing is
 * stored until all are fixed. A source address is required, as for
 * every item of the knowledge base.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-event-editor.h"
#include "gloss-kb-format.h"
#include "gloss-user-events.h"

struct _GlossEventEditor
{
  AdwWindow           parent_instance;

  GlossLibrary       *library;
  GlossKnowledgeBase *knowledge;
  GlossKbItem        *item;
  char               *errors[GLOSS_USER_EVENT_N_FIELDS];

  /* Template children */
  AdwWindowTitle     *window_title;
  AdwEntryRow        *date_row;
  AdwEntryRow        *end_date_row;
  AdwComboRow        *lane_row;
  AdwComboRow        *type_row;
  AdwEntryRow        *title_zh_row;
  AdwEntryRow        *title_en_row;
  AdwEntryRow        *summary_row;
  AdwEntryRow        *symbol_row;
  AdwEntryRow        *source_url_row;
  AdwEntryRow        *source_title_row;
  GtkLabel           *when_error;
  GtkLabel           *what_error;
  GtkLabel           *source_error;
};

G_DEFINE_FINAL_TYPE (GlossEventEditor, gloss_event_editor, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_LIBRARY,
  PROP_KNOWLEDGE,
  PROP_ITEM,
  N_PROPS
};

enum
{
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const lanes[] = { "gge", "oewg", "ga", "other", NULL };
static const char * const types[] = { "meeting", "session", "report", "resolution", "group",
                                      "convention", NULL };

/* ------------------------------------------------------------------ */
/* Fields                                                             */
/* ------------------------------------------------------------------ */

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (text_of (row)));
}

/* The precision a date was written with, by its shape. */
static const char *
precision_of (const char *date)
{
  gsize len = strlen (date);

  return len == 4 ? "year" : len == 7 ? "month" : "day";
}

static AdwEntryRow *
row_for (GlossEventEditor *self,
         const char       *field)
{
  const struct { const char *name; gsize offset; } rows[] = {
    { "date", G_STRUCT_OFFSET (GlossEventEditor, date_row) },
    { "end-date", G_STRUCT_OFFSET (GlossEventEditor, end_date_row) },
    { "title-zh", G_STRUCT_OFFSET (GlossEventEditor, title_zh_row) },
    { "title-en", G_STRUCT_OFFSET (GlossEventEditor, title_en_row) },
    { "summary", G_STRUCT_OFFSET (GlossEventEditor, summary_row) },
    { "symbol", G_STRUCT_OFFSET (GlossEventEditor, symbol_row) },
    { "source-url", G_STRUCT_OFFSET (GlossEventEditor, source_url_row) },
    { "source-title", G_STRUCT_OFFSET (GlossEventEditor, source_title_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].name, field))
      return G_STRUCT_MEMBER (AdwEntryRow *, self, rows[i].offset);
  return NULL;
}

static AdwEntryRow *
row_of_field (GlossEventEditor    *self,
              GlossUserEventError  field)
{
  switch (field)
    {
    case GLOSS_USER_EVENT_ERROR_DATE:     return self->date_row;
    case GLOSS_USER_EVENT_ERROR_END_DATE: return self->end_date_row;
    case GLOSS_USER_EVENT_ERROR_TITLE:    return self->title_zh_row;
    case GLOSS_USER_EVENT_ERROR_SUMMARY:  return self->summary_row;
    case GLOSS_USER_EVENT_ERROR_SOURCE:   return self->source_url_row;
    case GLOSS_USER_EVENT_ERROR_LANE:
    case GLOSS_USER_EVENT_ERROR_TYPE:
    case GLOSS_USER_EVENT_ERROR_NOT_FOUND:
    case GLOSS_USER_EVENT_ERROR_DUPLICATE:
    default:                              return NULL;
    }
}

/* What the user reads: the core's messages are English and technical,
 * so each field says in the user's language what to write. */
static char *
message_for (GlossEventEditor           *self,
             const GlossUserEventFields *f,
             const GError               *error)
{
  switch (error->code)
    {
    case GLOSS_USER_EVENT_ERROR_DATE:
      if (*f->date == '\0')
        return g_strdup (_("Enter the date of the event."));
      return g_strdup_printf (_("“%s” is not a date. Write YYYY-MM-DD, or YYYY-MM or YYYY."), f->date);
    case GLOSS_USER_EVENT_ERROR_END_DATE:
      if (gloss_kb_parse_date (f->end_date, f->end_date_precision, NULL, NULL))
        return g_strdup (_("The end date is before the date."));
      return g_strdup_printf (_("“%s” is not a date. Write YYYY-MM-DD, or YYYY-MM or YYYY."), f->end_date);
    case GLOSS_USER_EVENT_ERROR_TITLE:
      return g_strdup (_("Give the event a title, in Chinese or in English."));
    case GLOSS_USER_EVENT_ERROR_SUMMARY:
      return g_strdup (_("Write a one-sentence summary."));
    case GLOSS_USER_EVENT_ERROR_SOURCE:
      if (*f->source_url == '\0')
        return g_strdup (_("Give the address of a page that records the event."));
      return g_strdup_printf (_("“%s” is not a web address: it starts with https:// or http://."),
                              f->source_url);
    default:
      return g_strdup (error->message);
    }
}

static void
show_errors (GlossEventEditor *self)
{
  struct { GtkLabel *label; guint first, last; } groups[] = {
    { self->when_error, GLOSS_USER_EVENT_ERROR_DATE, GLOSS_USER_EVENT_ERROR_END_DATE },
    { self->what_error, GLOSS_USER_EVENT_ERROR_LANE, GLOSS_USER_EVENT_ERROR_SUMMARY },
    { self->source_error, GLOSS_USER_EVENT_ERROR_SOURCE, GLOSS_USER_EVENT_ERROR_SOURCE },
  };

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint field = groups[g].first; field <= groups[g].last; field++)
        {
          AdwEntryRow *row = row_of_field (self, field);

          if (row != NULL && self->errors[field] != NULL)
            gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          else if (row != NULL)
            gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
          if (self->errors[field] != NULL)
            g_string_append_printf (text, "%s%s", text->len ? "\n" : "", self->errors[field]);
        }
      gtk_label_set_text (groups[g].label, text->str);
      gtk_widget_set_visible (GTK_WIDGET (groups[g].label), text->len > 0);
    }
}

static void
clear_errors (GlossEventEditor *self)
{
  for (guint i = 0; i < GLOSS_USER_EVENT_N_FIELDS; i++)
    g_clear_pointer (&self->errors[i], g_free);
}

/* ------------------------------------------------------------------ */
/* Saving                                                             */
/* ------------------------------------------------------------------ */

static gboolean
store (GlossEventEditor           *self,
       const GlossUserEventFields *fields)
{
  g_autoptr(GlossKbItem) item = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = self->item ? gloss_kb_item_get_id (self->item) : NULL;
  gboolean ok;

  item = gloss_user_event_new (id, fields, &error);
  ok = item != NULL &&
       (self->item ? gloss_user_events_update (self->library, self->knowledge, item, &error)
                   : gloss_user_events_add (self->library, self->knowledge, item, &error));
  if (!ok)
    {
      /* the library could not be written: say so where Save is */
      g_free (self->errors[GLOSS_USER_EVENT_ERROR_SOURCE]);
      self->errors[GLOSS_USER_EVENT_ERROR_SOURCE] =
        g_strdup_printf (_("The event could not be saved: %s"), error->message);
      show_errors (self);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, item);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/**
 * gloss_event_editor_save:
 *
 * Checks every field, shows what is wrong next to it, and stores the
 * event when nothing is. What the Save button does.
 *
 * Returns: whether the event was saved
 */
gboolean
gloss_event_editor_save (GlossEventEditor *self)
{
  g_autofree char *date = stripped (self->date_row);
  g_autofree char *end_date = stripped (self->end_date_row);
  g_autofree char *source_url = stripped (self->source_url_row);
  GlossUserEventFields fields = {
    .date = date,
    .date_precision = precision_of (date),
    .end_date = *end_date ? end_date : NULL,
    .end_date_precision = *end_date ? precision_of (end_date) : NULL,
    .lane = lanes[MIN (adw_combo_row_get_selected (self->lane_row), G_N_ELEMENTS (lanes) - 2)],
    .item_type = types[MIN (adw_combo_row_get_selected (self->type_row), G_N_ELEMENTS (types) - 2)],
    .title_zh = text_of (self->title_zh_row),
    .title_en = text_of (self->title_en_row),
    .summary = text_of (self->summary_row),
    .symbol = text_of (self->symbol_row),
    .source_url = source_url,
    .source_title = text_of (self->source_title_row),
  };
  gboolean valid = TRUE;

  g_return_val_if_fail (GLOSS_IS_EVENT_EDITOR (self), FALSE);

  clear_errors (self);
  for (guint field = 0; field < GLOSS_USER_EVENT_N_FIELDS; field++)
    {
      g_autoptr(GError) error = gloss_user_event_check_field (&fields, field);

      if (error != NULL)
        {
          self->errors[field] = message_for (self, &fields, error);
          valid = FALSE;
        }
    }
  show_errors (self);
  return valid && store (self, &fields);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gloss_event_editor_save (GLOSS_EVENT_EDITOR (widget));
}

/* ------------------------------------------------------------------ */
/* Filling in                                                         */
/* ------------------------------------------------------------------ */

static guint
index_of (const char * const *list,
          const char         *value)
{
  for (guint i = 0; list[i]; i++)
    if (g_strcmp0 (list[i], value) == 0)
      return i;
  return 0;
}

static void
fill_models (GlossEventEditor *self)
{
  g_autoptr(GtkStringList) lane_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) type_names = gtk_string_list_new (NULL);

  for (guint i = 0; lanes[i]; i++)
    gtk_string_list_append (lane_names, gloss_kb_format_lane (lanes[i]));
  for (guint i = 0; types[i]; i++)
    gtk_string_list_append (type_names, gloss_kb_format_type (types[i]));
  adw_combo_row_set_model (self->lane_row, G_LIST_MODEL (lane_names));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (type_names));
  adw_combo_row_set_selected (self->lane_row, index_of (lanes, "other"));
}

static void
set_row (AdwEntryRow *row,
         const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
fill_from_item (GlossEventEditor *self)
{
  GlossKbItem *item = self->item;
  const GlossKbSource *source;

  adw_window_title_set_title (self->window_title, item ? _("Edit Event") : _("New Event"));
  if (item == NULL)
    return;
  source = gloss_kb_item_get_n_sources (item) > 0 ? gloss_kb_item_get_source (item, 0) : NULL;
  set_row (self->date_row, gloss_kb_item_get_date (item));
  set_row (self->end_date_row, gloss_kb_item_get_end_date (item));
  adw_combo_row_set_selected (self->lane_row, index_of (lanes, gloss_kb_item_get_lane (item)));
  adw_combo_row_set_selected (self->type_row, index_of (types, gloss_kb_item_get_item_type (item)));
  set_row (self->title_zh_row, gloss_kb_item_get_title_zh (item));
  set_row (self->title_en_row, gloss_kb_item_get_title_en (item));
  set_row (self->summary_row, gloss_kb_item_get_summary_en (item));
  set_row (self->symbol_row, gloss_kb_item_get_symbol (item));
  set_row (self->source_url_row, source ? source->url : NULL);
  /* a title that is only the address was never typed */
  if (source != NULL && g_strcmp0 (source->title, source->url) != 0)
    set_row (self->source_title_row, source->title);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_event_editor_constructed (GObject *object)
{
  GlossEventEditor *self = GLOSS_EVENT_EDITOR (object);

  G_OBJECT_CLASS (gloss_event_editor_parent_class)->constructed (object);

  fill_models (self);
  fill_from_item (self);
}

static void
gloss_event_editor_dispose (GObject *object)
{
  GlossEventEditor *self = GLOSS_EVENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_EVENT_EDITOR);
  g_clear_object (&self->library);
  g_clear_object (&self->knowledge);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (gloss_event_editor_parent_class)->dispose (object);
}

static void
gloss_event_editor_finalize (GObject *object)
{
  clear_errors (GLOSS_EVENT_EDITOR (object));

  G_OBJECT_CLASS (gloss_event_editor_parent_class)->finalize (object);
}

static void
gloss_event_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossEventEditor *self = GLOSS_EVENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:   g_value_set_object (value, self->library); break;
    case PROP_KNOWLEDGE: g_value_set_object (value, self->knowledge); break;
    case PROP_ITEM:      g_value_set_object (value, self->item); break;
    default:             G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_event_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossEventEditor *self = GLOSS_EVENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:   self->library = g_value_dup_object (value); break;
    case PROP_KNOWLEDGE: self->knowledge = g_value_dup_object (value); break;
    case PROP_ITEM:      self->item = g_value_dup_object (value); break;
    default:             G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_event_editor_class_init (GlossEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = gloss_event_editor_constructed;
  object_class->dispose = gloss_event_editor_dispose;
  object_class->finalize = gloss_event_editor_finalize;
  object_class->get_property = gloss_event_editor_get_property;
  object_class->set_property = gloss_event_editor_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, GLOSS_TYPE_LIBRARY, flags);
  properties[PROP_KNOWLEDGE] =
    g_param_spec_object ("knowledge", NULL, NULL, GLOSS_TYPE_KNOWLEDGE_BASE, flags);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, GLOSS_TYPE_KB_ITEM, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossEventEditor::saved:
   * @item: the event as stored
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_KB_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossEventEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossEventEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, GlossEventEditor, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, GlossEventEditor, lane_row);
  gtk_widget_class_bind_template_child (widget_class, GlossEventEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, GlossEventEditor, title_zh_row);
  gtk_widget_class_bind_template_child (widget_class, GlossEventEditor, title_en_row);
  gtk_widget_class_bind_template_child (widget_class, GlossEventEditor, summary_row);
  gtk_widget_class_bind_template_child (widget_class, GlossEventEditor, symbol_row);
  gtk_widget_class_bind_template_child (widget_class, GlossEventEditor, source_url_row);
  gtk_widget_class_bind_template_child (widget_class, GlossEventEditor, source_title_row);
  gtk_widget_class_bind_template_child (widget_class, GlossEventEditor, when_error);
  gtk_widget_class_bind_template_child (widget_class, GlossEventEditor, what_error);
  gtk_widget_class_bind_template_child (widget_class, GlossEventEditor, source_error);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
gloss_event_editor_init (GlossEventEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

/**
 * gloss_event_editor_new:
 * @parent: (nullable): the window it is modal to
 * @item: (nullable): the user's event to edit, or %NULL for a new one
 */
GlossEventEditor *
gloss_event_editor_new (GtkWindow          *parent,
                        GlossLibrary       *library,
                        GlossKnowledgeBase *knowledge,
                        GlossKbItem        *item)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (GLOSS_IS_KNOWLEDGE_BASE (knowledge), NULL);
  g_return_val_if_fail (item == NULL || gloss_kb_item_get_user_defined (item), NULL);

  return g_object_new (GLOSS_TYPE_EVENT_EDITOR,
                       "transient-for", parent,
                       "library", library,
                       "knowledge", knowledge,
                       "item", item,
                       NULL);
}

/**
 * gloss_event_editor_set_text:
 * @field: "date", "end-date", "title-zh", "title-en", "summary",
 *   "symbol", "source-url" or "source-title"
 *
 * Types into a field, as the user would (for tests and for prefilling
 * an event from a selected passage).
 */
void
gloss_event_editor_set_text (GlossEventEditor *self,
                             const char       *field,
                             const char       *text)
{
  AdwEntryRow *row;

  g_return_if_fail (GLOSS_IS_EVENT_EDITOR (self));

  row = row_for (self, field);
  g_return_if_fail (row != NULL);
  set_row (row, text);
}

/**
 * gloss_event_editor_get_error:
 * @field: as for gloss_event_editor_set_text(); "title-zh" carries the
 *   title's error, "source-url" the source's and the library's
 *
 * Returns: (nullable): the problem shown for the field after the last Save
 */
const char *
gloss_event_editor_get_error (GlossEventEditor *self,
                              const char       *field)
{
  static const struct { const char *name; GlossUserEventError code; } fields[] = {
    { "date", GLOSS_USER_EVENT_ERROR_DATE },
    { "end-date", GLOSS_USER_EVENT_ERROR_END_DATE },
    { "title-zh", GLOSS_USER_EVENT_ERROR_TITLE },
    { "summary", GLOSS_USER_EVENT_ERROR_SUMMARY },
    { "source-url", GLOSS_USER_EVENT_ERROR_SOURCE },
  };

  g_return_val_if_fail (GLOSS_IS_EVENT_EDITOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, field))
      return self->errors[fields[i].code];
  return NULL;
}
