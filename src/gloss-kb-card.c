/* gloss-kb-card.c: the card of one timeline event or mechanism
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the sources say about an item, then where the library's texts
 * mention it. Where a corpus text states a fact differently from the
 * sources, the item's corpus notes say so here, quoting the text; the
 * card reports the difference and never corrects the text.
 *
 * The passages are grouped by document, in the library's order, each
 * with the words around the mention (the mention in bold) and the
 * printed page when the document has page numbers. The snippets are cut
 * from the document's cleaned text, so the mention is placed by its
 * offsets rather than searched for.
 *
 * TODO: the passages are listed synchronously; a first query after an
 * import finds the mentions of the new documents first, which may take
 * a moment on a large library. An async query would keep the card
 * responsive.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gloss-kb-card.h"
#include "gloss-kb-format.h"
#include "gloss-mention-group.h"
#include "gloss-mention.h"
#include "gloss-snippet.h"

/* Characters of context on each side of a mention. */
#define SNIPPET_CONTEXT 40
/* Passages listed per document; the rest are counted. */
#define MAX_PASSAGES    30

struct _GlossKbCard
{
  GtkWidget          parent_instance;

  GlossKbItem       *item;
  GlossMentionIndex *mention_index;
  guint              n_passages;

  /* Template children */
  GtkStack          *stack;
  GtkLabel          *title_zh_label;
  GtkLabel          *title_en_label;
  GtkLabel          *meta_label;
  GtkLabel          *symbol_label;
  GtkWidget         *user_box;
  GtkWidget         *edit_button;
  GtkWidget         *delete_button;
  GtkLabel          *summary_zh_label;
  GtkLabel          *summary_en_label;
  GtkLabel          *members_label;
  GtkWidget         *uncertain_box;
  GtkLabel          *uncertain_label;
  GtkBox            *notes_box;
  GtkBox            *sources_box;
  GtkWidget         *mentions_heading;
  GtkBox            *mentions_box;
};

G_DEFINE_FINAL_TYPE (GlossKbCard, gloss_kb_card, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ITEM,
  PROP_MENTION_INDEX,
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
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "selectable", TRUE,
                                   NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "…words around <b>the mention</b> and after…", the text escaped. */
static char *
snippet_markup (GlossContent *content,
                guint         start,
                guint         end)
{
  guint match_start, match_end;
  g_autofree char *snippet = gloss_snippet_new_from_content (content, start, end, SNIPPET_CONTEXT,
                                                             &match_start, &match_end);
  const char *a = g_utf8_offset_to_pointer (snippet, match_start);
  const char *b = g_utf8_offset_to_pointer (a, match_end - match_start);
  g_autofree char *before = g_markup_escape_text (snippet, a - snippet);
  g_autofree char *mention = g_markup_escape_text (a, b - a);
  g_autofree char *after = g_markup_escape_text (b, -1);

  return g_strdup_printf ("%s<b>%s</b>%s", before, mention, after);
}

/* ------------------------------------------------------------------ */
/* Sections                                                           */
/* ------------------------------------------------------------------ */

static void
fill_meta (GlossKbCard *self)
{
  GlossKbItem *item = self->item;
  g_autofree char *period = gloss_kb_format_period (item);
  g_autoptr(GString) meta = g_string_new (period);
  gboolean mechanism = gloss_kb_item_get_category (item) == GLOSS_KB_MECHANISM;
  const char *type = gloss_kb_format_type (gloss_kb_item_get_item_type (item));

  if (*type)
    g_string_append_printf (meta, " · %s", type);
  g_string_append_printf (meta, " · %s",
                          mechanism ? gloss_kb_format_kind (gloss_kb_item_get_kind (item))
                                    : gloss_kb_format_lane (gloss_kb_item_get_lane (item)));
  gtk_label_set_text (self->meta_label, meta->str);
  set_text (self->symbol_label, gloss_kb_item_get_symbol (item));
}

static void
fill_members (GlossKbCard *self)
{
  const char * const *members = gloss_kb_item_get_members (self->item);
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;

  if (members == NULL || members[0] == NULL)
    {
      set_text (self->members_label, NULL);
      return;
    }
  list = g_strjoinv (", ", (char **) members);
  /* Translators: the members of a cooperation mechanism */
  text = g_strdup_printf (_("Members: %s"), list);
  set_text (self->members_label, text);
}

/* Where the corpus and the sources differ: the quote from the text and
 * what the sources say, as a neutral remark. */
static void
fill_notes (GlossKbCard *self)
{
  guint n = gloss_kb_item_get_n_notes (self->item);

  remove_children (self->notes_box);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_box), n > 0);
  if (n == 0)
    return;
  gtk_box_append (self->notes_box, g_object_new (GTK_TYPE_LABEL,
                                                 "label", _("The Corpus and the Sources"),
                                                 "xalign", 0.0f,
                                                 "margin-top", 12,
                                                 "css-classes", (const char *[]) { "heading", NULL },
                                                 NULL));
  for (guint i = 0; i < n; i++)
    {
      const GlossKbNote *note = gloss_kb_item_get_note (self->item, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      g_autofree char *quote = NULL;

      gtk_widget_add_css_class (box, "kb-corpus-note");
      /* Translators: a corpus text's own words, in Chinese quotation marks */
      quote = g_strdup_printf (_("The text says: “%s”"), note->quote_zh);
      gtk_box_append (GTK_BOX (box), wrapped_label (quote, "kb-quote"));
      gtk_box_append (GTK_BOX (box), wrapped_label (note->note_zh, NULL));
      gtk_box_append (GTK_BOX (box), wrapped_label (note->note_en, "dim-label"));
      gtk_box_append (self->notes_box, box);
    }
}

static void
fill_sources (GlossKbCard *self)
{
  guint n = gloss_kb_item_get_n_sources (self->item);

  remove_children (self->sources_box);
  for (guint i = 0; i < n; i++)
    {
      const GlossKbSource *source = gloss_kb_item_get_source (self->item, i);
      g_autofree char *title = g_markup_escape_text (source->title ? source->title : "", -1);
      g_autofree char *markup = NULL;
      GtkWidget *label;

      if (source->url != NULL)
        {
          g_autofree char *url = g_markup_escape_text (source->url, -1);

          markup = g_strdup_printf ("<a href=\"%s\" title=\"%s\">%s</a>", url, url, title);
        }
      else
        markup = g_steal_pointer (&title);
      if (source->symbol != NULL && (source->title == NULL || !strstr (source->title, source->symbol)))
        {
          g_autofree char *symbol = g_markup_escape_text (source->symbol, -1);
          g_autofree char *plain = g_steal_pointer (&markup);

          markup = g_strdup_printf ("%s (%s)", plain, symbol);
        }
      label = wrapped_label (NULL, NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_box_append (self->sources_box, label);
    }
}

static void
passage_row_activated_cb (GlossKbCard   *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  GlossMention *mention = g_object_get_data (G_OBJECT (row), "gloss-mention");

  g_return_if_fail (GLOSS_IS_MENTION (mention));
  g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, gloss_mention_get_document_id (mention),
                 gloss_mention_get_start (mention), gloss_mention_get_end (mention));
}

static GtkWidget *
passage_row (GlossMention *mention,
             GlossContent *content)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *snippet = wrapped_label (NULL, "kb-snippet");
  g_autofree char *markup = NULL;

  gtk_label_set_selectable (GTK_LABEL (snippet), FALSE);
  gtk_widget_set_hexpand (snippet, TRUE);
  if (content != NULL)
    markup = snippet_markup (content, gloss_mention_get_start (mention), gloss_mention_get_end (mention));
  else
    markup = g_markup_escape_text (gloss_mention_get_snippet (mention) ? gloss_mention_get_snippet (mention) : "",
                                   -1);
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_box_append (GTK_BOX (box), snippet);

  if (gloss_mention_get_page (mention) > 0)
    {
      /* Translators: a page number in the list of passages */
      g_autofree char *page = g_strdup_printf (_("p. %d"), gloss_mention_get_page (mention));
      GtkWidget *label = gtk_label_new (page);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), label);
    }

  g_object_set (box, "margin-top", 8, "margin-bottom", 8, "margin-start", 10, "margin-end", 10, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "gloss-mention", g_object_ref (mention), g_object_unref);
  return row;
}

static void
add_group (GlossKbCard       *self,
           GlossLibrary      *library,
           GlossMentionGroup *group)
{
  GlossDocument *document = gloss_mention_group_get_document (group);
  GListModel *mentions = gloss_mention_group_get_mentions (group);
  guint n = g_list_model_get_n_items (mentions);
  g_autoptr(GlossContent) content = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list;

  /* without the text, the stored snippet (plain) still says where */
  content = gloss_library_load_content (library, document, &error);
  if (content == NULL)
    g_warning ("Cannot load %s for its passages: %s", gloss_document_get_id (document), error->message);

  gtk_box_append (self->mentions_box, g_object_new (GTK_TYPE_LABEL,
                                                    "label", gloss_document_get_title (document),
                                                    "xalign", 0.0f,
                                                    "wrap", TRUE,
                                                    "css-classes", (const char *[]) { "kb-document", NULL },
                                                    NULL));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gloss_document_get_title (document), -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (passage_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < MIN (n, MAX_PASSAGES); i++)
    {
      g_autoptr(GlossMention) mention = g_list_model_get_item (mentions, i);

      gtk_list_box_append (GTK_LIST_BOX (list), passage_row (mention, content));
      self->n_passages++;
    }
  gtk_box_append (self->mentions_box, list);
  if (n > MAX_PASSAGES)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more passage in this document",
                                                         "and %u more passages in this document",
                                                         n - MAX_PASSAGES), n - MAX_PASSAGES);

      gtk_box_append (self->mentions_box, wrapped_label (more, "dim-label"));
    }
}

static void
fill_mentions (GlossKbCard *self)
{
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GError) error = NULL;
  GlossLibrary *library;
  guint n;

  remove_children (self->mentions_box);
  self->n_passages = 0;
  gtk_widget_set_visible (self->mentions_heading, self->mention_index != NULL);
  if (self->mention_index == NULL)
    return;

  library = gloss_mention_index_get_library (self->mention_index);
  groups = gloss_mention_index_list_item_mentions (self->mention_index, gloss_kb_item_get_id (self->item),
                                                   &error);
  if (groups == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The passages cannot be listed: %s"), error->message);

      gtk_box_append (self->mentions_box, wrapped_label (text, "error"));
      return;
    }
  n = g_list_model_get_n_items (groups);
  if (n == 0)
    gtk_box_append (self->mentions_box, wrapped_label (_("No text in the library mentions it"), "dim-label"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossMentionGroup) group = g_list_model_get_item (groups, i);

      add_group (self, library, group);
    }
}

static void
update (GlossKbCard *self)
{
  GlossKbItem *item = self->item;
  gboolean user = item != NULL && gloss_kb_item_get_user_defined (item);

  gtk_stack_set_visible_child_name (self->stack, item ? "item" : "empty");
  if (item == NULL)
    {
      remove_children (self->mentions_box);
      self->n_passages = 0;
      return;
    }

  set_text (self->title_zh_label, gloss_kb_item_get_title_zh (item));
  set_text (self->title_en_label, gloss_kb_item_get_title_en (item));
  fill_meta (self);
  gtk_widget_set_visible (self->user_box, user);
  if (user)
    {
      /* the target first: the action wants a string, never nothing */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s", gloss_kb_item_get_id (item));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "kb.edit-event");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s", gloss_kb_item_get_id (item));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "kb.delete-event");
    }
  set_text (self->summary_zh_label, gloss_kb_item_get_summary_zh (item));
  /* the user's events have one summary for both languages */
  set_text (self->summary_en_label,
            g_strcmp0 (gloss_kb_item_get_summary_en (item), gloss_kb_item_get_summary_zh (item)) != 0
            ? gloss_kb_item_get_summary_en (item) : NULL);
  fill_members (self);
  set_text (self->uncertain_label, gloss_kb_item_get_uncertain (item));
  gtk_widget_set_visible (self->uncertain_box, gloss_kb_item_get_uncertain (item) != NULL);
  fill_notes (self);
  fill_sources (self);
  fill_mentions (self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_kb_card_dispose (GObject *object)
{
  GlossKbCard *self = GLOSS_KB_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_KB_CARD);
  g_clear_object (&self->item);
  g_clear_object (&self->mention_index);

  G_OBJECT_CLASS (gloss_kb_card_parent_class)->dispose (object);
}

static void
gloss_kb_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossKbCard *self = GLOSS_KB_CARD (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_MENTION_INDEX:
      g_value_set_object (value, self->mention_index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_kb_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossKbCard *self = GLOSS_KB_CARD (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      gloss_kb_card_set_item (self, g_value_get_object (value));
      break;
    case PROP_MENTION_INDEX:
      gloss_kb_card_set_mention_index (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_kb_card_class_init (GlossKbCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gloss_kb_card_dispose;
  object_class->get_property = gloss_kb_card_get_property;
  object_class->set_property = gloss_kb_card_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, GLOSS_TYPE_KB_ITEM, flags);
  properties[PROP_MENTION_INDEX] =
    g_param_spec_object ("mention-index", NULL, NULL, GLOSS_TYPE_MENTION_INDEX, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossKbCard::passage-activated:
   * @doc_id: the document
   * @start: the mention's first character (code points of the cleaned text)
   * @end: the character after the mention
   *
   * The user chose a passage: open it in the reading view.
   */
  signals[PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-kb-card.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, title_zh_label);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, title_en_label);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, meta_label);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, symbol_label);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, user_box);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, edit_button);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, delete_button);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, summary_zh_label);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, summary_en_label);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, members_label);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, uncertain_box);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, uncertain_label);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, notes_box);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, sources_box);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, mentions_heading);
  gtk_widget_class_bind_template_child (widget_class, GlossKbCard, mentions_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kbcard");
}

static void
gloss_kb_card_init (GlossKbCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

GtkWidget *
gloss_kb_card_new (void)
{
  return g_object_new (GLOSS_TYPE_KB_CARD, NULL);
}

/**
 * gloss_kb_card_get_item:
 *
 * Returns: (transfer none) (nullable): the item shown
 */
GlossKbItem *
gloss_kb_card_get_item (GlossKbCard *self)
{
  g_return_val_if_fail (GLOSS_IS_KB_CARD (self), NULL);

  return self->item;
}

void
gloss_kb_card_set_item (GlossKbCard *self,
                        GlossKbItem *item)
{
  g_return_if_fail (GLOSS_IS_KB_CARD (self));
  g_return_if_fail (item == NULL || GLOSS_IS_KB_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * gloss_kb_card_get_mention_index:
 *
 * Returns: (transfer none) (nullable): where the passages come from
 */
GlossMentionIndex *
gloss_kb_card_get_mention_index (GlossKbCard *self)
{
  g_return_val_if_fail (GLOSS_IS_KB_CARD (self), NULL);

  return self->mention_index;
}

void
gloss_kb_card_set_mention_index (GlossKbCard       *self,
                                 GlossMentionIndex *index)
{
  g_return_if_fail (GLOSS_IS_KB_CARD (self));
  g_return_if_fail (index == NULL || GLOSS_IS_MENTION_INDEX (index));

  if (!g_set_object (&self->mention_index, index))
    return;
  if (self->item != NULL)
    fill_mentions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENTION_INDEX]);
}

/**
 * gloss_kb_card_refresh:
 *
 * Lists the passages anew, after an import or a change of the
 * knowledge base.
 */
void
gloss_kb_card_refresh (GlossKbCard *self)
{
  g_return_if_fail (GLOSS_IS_KB_CARD (self));

  update (self);
}

/**
 * gloss_kb_card_get_n_passages:
 *
 * Returns: how many passages the card lists
 */
guint
gloss_kb_card_get_n_passages (GlossKbCard *self)
{
  g_return_val_if_fail (GLOSS_IS_KB_CARD (self), 0);

  return self->n_passages;
}
