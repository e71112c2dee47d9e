/* gloss-search-pane.c: search the whole library, as you type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pane owns the library's search index (search.db, or search-t2s.db
 * when Traditional Chinese is folded too) and brings it up to date on a
 * worker thread when it gets a library, and again when the documents
 * change. Until the index is ready, a query waits on a progress page and
 * runs when it is.
 *
 * Typing runs a search 150 ms after the last key (GtkSearchEntry's own
 * delay), on a worker thread (gloss_search_results_collect_async()).
 * Each query cancels the one before it, and a result that arrives after
 * a newer query started is dropped: its generation is out of date.
 *
 * The pane only reports what was activated, by signals; opening the
 * document or the card is the window's business.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-search-pane.h"

/* Delay between the last key and the search. */
#define SEARCH_DELAY_MS 150

/* Hits in documents listed at most; the count is exact beyond it. */
#define RESULT_LIMIT 2000

/* Characters of the query quoted in a message. */
#define QUOTE_CHARS 40

struct _GlossSearchPane
{
  GtkWidget           parent_instance;

  /* Template children */
  GtkWidget          *box;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *message_page;
  GtkListView        *results_view;
  GtkNoSelection     *results_selection;

  GlossLibrary       *library;
  GlossKnowledgeBase *knowledge;
  gboolean            fold_chinese_variants;

  GlossSearchIndex   *index;
  GCancellable       *update_cancellable;
  gboolean            index_ready;
  char               *index_error;       /* why the index could not be built */
  gboolean            reindex_pending;   /* the documents changed during an update */

  GCancellable       *search_cancellable;
  guint               generation;        /* of the latest query */
  gboolean            rebuilt_after_error;
  GlossSearchResults *results;
};

G_DEFINE_FINAL_TYPE (GlossSearchPane, gloss_search_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_KNOWLEDGE_BASE,
  PROP_FOLD_CHINESE_VARIANTS,
  PROP_QUERY,
  PROP_STATE,
  PROP_BUSY,
  PROP_RESULTS,
  N_PROPS
};

enum {
  RESULT_ACTIVATED,
  NOTE_ACTIVATED,
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_search (GlossSearchPane *self);

/* What a worker's callback needs: the pane, if it is still there, and
 * which query or update the work was for. */
typedef struct
{
  GWeakRef pane;
  guint    generation;
} Call;

static Call *
call_new (GlossSearchPane *self,
          guint            generation)
{
  Call *call = g_new0 (Call, 1);

  g_weak_ref_init (&call->pane, self);
  call->generation = generation;
  return call;
}

static void
call_free (Call *call)
{
  g_weak_ref_clear (&call->pane);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

/* ------------------------------------------------------------------ */
/* State                                                              */
/* ------------------------------------------------------------------ */

static void
set_page (GlossSearchPane *self,
          const char      *name)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), name) == 0)
    return;

  gtk_stack_set_visible_child_name (self->stack, name);
  /* a spinner that nobody sees should not wake the frame clock */
  gtk_spinner_set_spinning (self->spinner, g_str_equal (name, "indexing"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
show_message (GlossSearchPane *self,
              const char      *icon_name,
              const char      *title,
              const char      *description)
{
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->message_page), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (self->message_page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->message_page), description);
  set_page (self, "message");
}

static void
set_results (GlossSearchPane    *self,
             GlossSearchResults *results)
{
  if (self->results == results)
    return;

  g_set_object (&self->results, results);
  gtk_no_selection_set_model (self->results_selection,
                              results ? gloss_search_results_get_rows (results) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULTS]);
}

static void
notify_busy (GlossSearchPane *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The query for a message: short, on one line. */
static char *
quote_query (const char *query)
{
  g_autofree char *line = g_strdup (query);
  g_autoptr(GString) quoted = NULL;

  g_strdelimit (g_strstrip (line), "\n\r\t", ' ');
  if (g_utf8_strlen (line, -1) <= QUOTE_CHARS)
    return g_steal_pointer (&line);

  quoted = g_string_new_len (line, g_utf8_offset_to_pointer (line, QUOTE_CHARS - 1) - line);
  g_string_append (quoted, "…");
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/* "37 matches in 2 documents · 3 notes · 1 card" */
static char *
format_count (GlossSearchResults *results)
{
  guint64 n = gloss_search_results_get_n_matches (results);
  guint documents = gloss_search_results_get_n_documents (results);
  guint notes = gloss_search_results_get_n_notes (results);
  guint cards = gloss_search_results_get_n_cards (results);
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  g_autoptr(GString) text = g_string_new (NULL);
  gulong plural = (gulong) MIN (n, G_MAXULONG);

  if (n == 0)
    g_string_append (text, _("No matches in documents"));
  else if (gloss_search_results_get_truncated (results))
    /* Translators: %s is a number of matches, %u the number listed */
    g_string_append_printf (text, ngettext ("%s match, the first %u listed",
                                            "%s matches, the first %u listed", plural),
                            number, RESULT_LIMIT);
  else if (documents == 1)
    g_string_append_printf (text, ngettext ("%s match in one document",
                                            "%s matches in one document", plural), number);
  else
    /* Translators: %s is a number of matches, %u of documents (two or more) */
    g_string_append_printf (text, ngettext ("%s match in %u documents",
                                            "%s matches in %u documents", plural),
                            number, documents);

  if (notes > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u note", "%u notes", notes), notes);
    }
  if (cards > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u card", "%u cards", cards), cards);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_results (GlossSearchPane    *self,
              GlossSearchResults *results)
{
  GListModel *rows = gloss_search_results_get_rows (results);
  g_autofree char *count = format_count (results);

  set_results (self, results);
  gtk_label_set_text (self->count_label, count);

  if (g_list_model_get_n_items (rows) == 0)
    {
      g_autofree char *quoted = quote_query (gloss_search_results_get_query (results));
      g_autofree char *description =
        /* Translators: %s is what the user searched for */
        g_strdup_printf (_("Nothing in the documents, your notes or the cards matches “%s”"), quoted);

      gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
      show_message (self, "edit-find-symbolic", _("No Results"), description);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->count_label), TRUE);
  set_page (self, "results");
}

static void
show_error (GlossSearchPane *self,
            const GError    *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
  set_results (self, NULL);

  if (g_error_matches (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_EMPTY_QUERY) ||
      g_error_matches (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INVALID_QUERY))
    {
      show_message (self, "edit-find-symbolic", _("Nothing to Search For"),
                    _("Type letters, digits or Chinese characters: spaces and punctuation alone match nothing"));
      return;
    }

  /* SQLite's words are no help to a reader: they go to the log, and the
   * index, which can always be rebuilt, is rebuilt once */
  g_warning ("search failed: %s", error->message);
  show_message (self, "dialog-warning-symbolic", _("Search Failed"),
                _("The search index could not be read. It is rebuilt; try again in a moment."));
  if (!self->rebuilt_after_error)
    {
      self->rebuilt_after_error = TRUE;
      gloss_search_pane_reindex (self);
    }
}

/* ------------------------------------------------------------------ */
/* The index                                                          */
/* ------------------------------------------------------------------ */

static void
update_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GlossSearchPane) self = g_weak_ref_get (&call->pane);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = gloss_search_index_update_finish (GLOSS_SEARCH_INDEX (source), result, &error);
  if (self == NULL || source != G_OBJECT (self->index) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->update_cancellable);
  if (self->reindex_pending)
    {
      gloss_search_pane_reindex (self);
      return;
    }

  g_clear_pointer (&self->index_error, g_free);
  if (!ok)
    {
      g_warning ("the search index could not be brought up to date: %s", error->message);
      self->index_error = g_strdup (error->message);
    }
  self->index_ready = ok;
  notify_busy (self);
  start_search (self);
}

/* Throws away the index object (not the file) and makes one for the
 * current library and folding, then brings it up to date. */
static void
reset_index (GlossSearchPane *self)
{
  g_cancellable_cancel (self->update_cancellable);
  g_clear_object (&self->update_cancellable);
  g_clear_object (&self->index);
  self->index_ready = FALSE;
  self->reindex_pending = FALSE;
  g_clear_pointer (&self->index_error, g_free);

  if (self->library != NULL)
    {
      self->index = gloss_search_index_new (gloss_library_get_dir (self->library),
                                            self->fold_chinese_variants ?
                                            GLOSS_FOLD_TRADITIONAL : GLOSS_FOLD_DEFAULT);
      gloss_search_pane_reindex (self);
    }
  start_search (self);
}

static void
documents_changed_cb (GlossSearchPane *self)
{
  gloss_search_pane_reindex (self);
}

/* ------------------------------------------------------------------ */
/* Searching                                                          */
/* ------------------------------------------------------------------ */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GlossSearchPane) self = g_weak_ref_get (&call->pane);
  g_autoptr(GlossSearchResults) results = NULL;
  g_autoptr(GError) error = NULL;

  results = gloss_search_results_collect_finish (result, &error);
  /* a newer query has been typed: this one is stale */
  if (self == NULL || call->generation != self->generation)
    return;

  g_clear_object (&self->search_cancellable);
  notify_busy (self);
  if (results == NULL)
    show_error (self, error);
  else
    {
      self->rebuilt_after_error = FALSE;
      show_results (self, results);
    }
}

static void
start_search (GlossSearchPane *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->generation++;

  if (is_blank (query))
    {
      set_results (self, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
      set_page (self, "start");
    }
  else if (self->index == NULL)
    {
      set_results (self, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
      show_message (self, "folder-documents-symbolic", _("No Library"),
                    _("There is no library to search"));
    }
  else if (self->index_error != NULL)
    {
      set_results (self, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
      show_message (self, "dialog-warning-symbolic", _("Search Is Not Available"),
                    _("The search index could not be built. Check that the library folder "
                      "is writable and has free space."));
    }
  else if (!self->index_ready)
    {
      /* update_done_cb() starts the search again */
      gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
      set_page (self, "indexing");
    }
  else
    {
      self->search_cancellable = g_cancellable_new ();
      gloss_search_results_collect_async (self->index, self->library, self->knowledge, query,
                                          RESULT_LIMIT, self->search_cancellable,
                                          search_done_cb, call_new (self, self->generation));
    }
  notify_busy (self);
}

static void
search_changed_cb (GlossSearchPane *self)
{
  start_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/* Enter goes to the first result. */
static void
search_activate_cb (GlossSearchPane *self)
{
  GListModel *rows = self->results ? gloss_search_results_get_rows (self->results) : NULL;

  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    if (gloss_search_pane_activate_result (self, i))
      return;
}

static void
stop_search_cb (GlossSearchPane *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ------------------------------------------------------------------ */
/* Result rows                                                        */
/* ------------------------------------------------------------------ */

/* A row is a heading line (title and count), a snippet and a line of
 * detail; a result shows the parts its kind needs. */
static void
result_setup_cb (GlossSearchPane          *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "hexpand", TRUE,
                                   "ellipsize", PANGO_ELLIPSIZE_END,
                                   NULL);
  GtkWidget *count = g_object_new (GTK_TYPE_LABEL, "valign", GTK_ALIGN_CENTER, NULL);
  GtkWidget *snippet = g_object_new (GTK_TYPE_LABEL,
                                     "xalign", 0.0f,
                                     "wrap", TRUE,
                                     "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                     "lines", 3,
                                     "ellipsize", PANGO_ELLIPSIZE_END,
                                     "use-markup", TRUE,
                                     NULL);
  GtkWidget *detail = g_object_new (GTK_TYPE_LABEL,
                                    "xalign", 0.0f,
                                    "ellipsize", PANGO_ELLIPSIZE_END,
                                    NULL);

  gtk_widget_add_css_class (row, "search-result");
  gtk_widget_add_css_class (heading, "search-group");
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (count, "search-group-count");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (snippet, "search-snippet");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");

  gtk_box_append (GTK_BOX (heading), title);
  gtk_box_append (GTK_BOX (heading), count);
  gtk_box_append (GTK_BOX (row), heading);
  gtk_box_append (GTK_BOX (row), snippet);
  gtk_box_append (GTK_BOX (row), detail);
  gtk_list_item_set_child (item, row);
}

static const char *
group_title (GlossSearchResult *result)
{
  switch (gloss_search_result_get_group (result))
    {
    case GLOSS_SEARCH_SOURCE_NOTE:
      return _("Notes");
    case GLOSS_SEARCH_SOURCE_CARD:
      return _("Timeline and Mechanisms");
    case GLOSS_SEARCH_SOURCE_DOCUMENT:
    default:
      return gloss_search_result_get_title (result);
    }
}

static void
bind_group (GtkWidget         *heading,
            GlossSearchResult *result)
{
  GtkWidget *title = gtk_widget_get_first_child (heading);
  GtkWidget *count = gtk_widget_get_next_sibling (title);
  guint n = gloss_search_result_get_count (result);
  g_autofree char *number = gloss_search_result_get_count_is_partial (result) ?
                            /* Translators: a count of results, when there are more */
                            g_strdup_printf (_("%u+"), n) : g_strdup_printf ("%u", n);
  g_autofree char *described = g_strdup_printf (ngettext ("%u result", "%u results", n), n);

  gtk_label_set_text (GTK_LABEL (title), group_title (result));
  gtk_widget_set_tooltip_text (title, group_title (result));
  gtk_label_set_text (GTK_LABEL (count), number);
  gtk_widget_set_tooltip_text (count, described);
}

static char *
format_detail (GlossSearchResult *result)
{
  gint page = gloss_search_result_get_page (result);

  switch (gloss_search_result_get_kind (result))
    {
    case GLOSS_SEARCH_RESULT_TEXT:
      /* Translators: the printed page of a search result */
      return page > 0 ? g_strdup_printf (_("p. %d"), page) : NULL;
    case GLOSS_SEARCH_RESULT_NOTE:
      return g_strdup (gloss_search_result_get_title (result));
    case GLOSS_SEARCH_RESULT_CARD:
      /* a card found by its title needs it only once */
      if (g_strcmp0 (gloss_search_result_get_snippet (result),
                     gloss_search_result_get_title (result)) == 0)
        return NULL;
      return g_strdup (gloss_search_result_get_title (result));
    case GLOSS_SEARCH_RESULT_GROUP:
    default:
      return NULL;
    }
}

static void
result_bind_cb (GlossSearchPane          *self,
                GtkListItem              *item,
                GtkSignalListItemFactory *factory)
{
  GlossSearchResult *result = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *heading = gtk_widget_get_first_child (row);
  GtkWidget *snippet = gtk_widget_get_next_sibling (heading);
  GtkWidget *detail = gtk_widget_get_next_sibling (snippet);
  gboolean group = gloss_search_result_get_kind (result) == GLOSS_SEARCH_RESULT_GROUP;
  g_autofree char *markup = gloss_search_result_dup_snippet_markup (result);
  g_autofree char *detail_text = format_detail (result);

  gtk_list_item_set_activatable (item, !group);
  gtk_widget_set_visible (heading, group);
  gtk_widget_set_visible (snippet, !group);
  gtk_widget_set_visible (detail, detail_text != NULL);

  if (group)
    {
      bind_group (heading, result);
      gtk_widget_add_css_class (row, "group");
    }
  else
    gtk_widget_remove_css_class (row, "group");

  gtk_label_set_markup (GTK_LABEL (snippet), markup ? markup : "");
  gtk_label_set_text (GTK_LABEL (detail), detail_text ? detail_text : "");
}

static void
result_activate_cb (GlossSearchPane *self,
                    guint            position,
                    GtkListView     *view)
{
  gloss_search_pane_activate_result (self, position);
}

/* ------------------------------------------------------------------ */
/* Actions                                                            */
/* ------------------------------------------------------------------ */

static void
focus_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gloss_search_pane_focus_entry (GLOSS_SEARCH_PANE (widget));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gloss_search_pane_set_query (GLOSS_SEARCH_PANE (widget), "");
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_search_pane_dispose (GObject *object)
{
  GlossSearchPane *self = GLOSS_SEARCH_PANE (object);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_cancellable_cancel (self->update_cancellable);
  g_clear_object (&self->update_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SEARCH_PANE);

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (gloss_library_get_documents (self->library), self);
  g_clear_object (&self->results);
  g_clear_object (&self->index);
  g_clear_object (&self->library);
  g_clear_object (&self->knowledge);

  G_OBJECT_CLASS (gloss_search_pane_parent_class)->dispose (object);
}

static void
gloss_search_pane_finalize (GObject *object)
{
  GlossSearchPane *self = GLOSS_SEARCH_PANE (object);

  g_clear_pointer (&self->index_error, g_free);

  G_OBJECT_CLASS (gloss_search_pane_parent_class)->finalize (object);
}

static void
gloss_search_pane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossSearchPane *self = GLOSS_SEARCH_PANE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_KNOWLEDGE_BASE:
      g_value_set_object (value, self->knowledge);
      break;

    case PROP_FOLD_CHINESE_VARIANTS:
      g_value_set_boolean (value, self->fold_chinese_variants);
      break;

    case PROP_QUERY:
      g_value_set_string (value, gloss_search_pane_get_query (self));
      break;

    case PROP_STATE:
      g_value_set_string (value, gloss_search_pane_get_state (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, gloss_search_pane_get_busy (self));
      break;

    case PROP_RESULTS:
      g_value_set_object (value, self->results);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_search_pane_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossSearchPane *self = GLOSS_SEARCH_PANE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      gloss_search_pane_set_library (self, g_value_get_object (value));
      break;

    case PROP_KNOWLEDGE_BASE:
      gloss_search_pane_set_knowledge_base (self, g_value_get_object (value));
      break;

    case PROP_FOLD_CHINESE_VARIANTS:
      gloss_search_pane_set_fold_chinese_variants (self, g_value_get_boolean (value));
      break;

    case PROP_QUERY:
      gloss_search_pane_set_query (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_search_pane_class_init (GlossSearchPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_search_pane_dispose;
  object_class->finalize = gloss_search_pane_finalize;
  object_class->get_property = gloss_search_pane_get_property;
  object_class->set_property = gloss_search_pane_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         GLOSS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KNOWLEDGE_BASE] =
    g_param_spec_object ("knowledge-base", NULL, NULL,
                         GLOSS_TYPE_KNOWLEDGE_BASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FOLD_CHINESE_VARIANTS] =
    g_param_spec_boolean ("fold-chinese-variants", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GlossSearchPane:state:
   *
   * What the pane shows: "start" (no query), "indexing" (the query
   * waits for the index), "message" (no results, or why there are
   * none), "results".
   */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL,
                         "start",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RESULTS] =
    g_param_spec_object ("results", NULL, NULL,
                         GLOSS_TYPE_SEARCH_RESULTS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossSearchPane::result-activated:
   * @doc_id: the document
   * @start: where the match starts, in code points of its cleaned text
   * @end: where it ends (exclusive)
   */
  signals[RESULT_ACTIVATED] =
    g_signal_new ("result-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * GlossSearchPane::note-activated:
   * @note_id: the note whose text or quote matched
   */
  signals[NOTE_ACTIVATED] =
    g_signal_new ("note-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * GlossSearchPane::item-activated:
   * @item_id: the timeline event or mechanism that matched
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "search.focus", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "search.clear", NULL, clear_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-search-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSearchPane, box);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchPane, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchPane, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchPane, message_page);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchPane, results_view);
  gtk_widget_class_bind_template_child (widget_class, GlossSearchPane, results_selection);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "searchpane");
}

static void
gloss_search_pane_init (GlossSearchPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

GtkWidget *
gloss_search_pane_new (void)
{
  return g_object_new (GLOSS_TYPE_SEARCH_PANE, NULL);
}

/* Returns: (transfer none) (nullable): the library searched */
GlossLibrary *
gloss_search_pane_get_library (GlossSearchPane *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_PANE (self), NULL);

  return self->library;
}

/**
 * gloss_search_pane_set_library:
 *
 * Searches @library from now on: its index is brought up to date on a
 * worker thread (built, the first time), and again whenever documents
 * are added or removed.
 */
void
gloss_search_pane_set_library (GlossSearchPane *self,
                               GlossLibrary    *library)
{
  g_return_if_fail (GLOSS_IS_SEARCH_PANE (self));
  g_return_if_fail (library == NULL || GLOSS_IS_LIBRARY (library));

  if (self->library == library)
    return;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (gloss_library_get_documents (self->library), self);
  g_set_object (&self->library, library);
  if (library != NULL)
    g_signal_connect_object (gloss_library_get_documents (library), "items-changed",
                             G_CALLBACK (documents_changed_cb), self, G_CONNECT_SWAPPED);

  reset_index (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/* Returns: (transfer none) (nullable): where cards are searched */
GlossKnowledgeBase *
gloss_search_pane_get_knowledge_base (GlossSearchPane *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_PANE (self), NULL);

  return self->knowledge;
}

void
gloss_search_pane_set_knowledge_base (GlossSearchPane    *self,
                                      GlossKnowledgeBase *knowledge)
{
  g_return_if_fail (GLOSS_IS_SEARCH_PANE (self));
  g_return_if_fail (knowledge == NULL || GLOSS_IS_KNOWLEDGE_BASE (knowledge));

  if (!g_set_object (&self->knowledge, knowledge))
    return;

  start_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOWLEDGE_BASE]);
}

gboolean
gloss_search_pane_get_fold_chinese_variants (GlossSearchPane *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_PANE (self), FALSE);

  return self->fold_chinese_variants;
}

/**
 * gloss_search_pane_set_fold_chinese_variants:
 * @fold: whether 網絡 also finds 网络 and the other way round
 *
 * Switches to the other index (each folding has its own file, so
 * switching back costs nothing), building it if needed.
 */
void
gloss_search_pane_set_fold_chinese_variants (GlossSearchPane *self,
                                             gboolean         fold)
{
  g_return_if_fail (GLOSS_IS_SEARCH_PANE (self));

  fold = !!fold;
  if (self->fold_chinese_variants == fold)
    return;

  self->fold_chinese_variants = fold;
  reset_index (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLD_CHINESE_VARIANTS]);
}

const char *
gloss_search_pane_get_query (GlossSearchPane *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_PANE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/**
 * gloss_search_pane_set_query:
 *
 * Puts @query in the entry, as if typed: the search follows after the
 * usual delay.
 */
void
gloss_search_pane_set_query (GlossSearchPane *self,
                             const char      *query)
{
  g_return_if_fail (GLOSS_IS_SEARCH_PANE (self));

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    query = "";
  if (g_strcmp0 (query, gloss_search_pane_get_query (self)) == 0)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
}

const char *
gloss_search_pane_get_state (GlossSearchPane *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_PANE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Whether a search, or an update of the index, is running. */
gboolean
gloss_search_pane_get_busy (GlossSearchPane *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_PANE (self), FALSE);

  return self->search_cancellable != NULL || self->update_cancellable != NULL;
}

/* Returns: (transfer none) (nullable): the results shown */
GlossSearchResults *
gloss_search_pane_get_results (GlossSearchPane *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_PANE (self), NULL);

  return self->results;
}

/* The line above the results, such as "37 matches in 2 documents". */
const char *
gloss_search_pane_get_count_text (GlossSearchPane *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_PANE (self), NULL);

  return gtk_label_get_text (self->count_label);
}

/**
 * gloss_search_pane_activate_result:
 * @position: a row of gloss_search_results_get_rows()
 *
 * Emits the signal that the row stands for, as clicking it does.
 *
 * Returns: %FALSE for a heading or a position out of range
 */
gboolean
gloss_search_pane_activate_result (GlossSearchPane *self,
                                   guint            position)
{
  g_autoptr(GlossSearchResult) result = NULL;

  g_return_val_if_fail (GLOSS_IS_SEARCH_PANE (self), FALSE);

  if (self->results == NULL)
    return FALSE;
  result = g_list_model_get_item (gloss_search_results_get_rows (self->results), position);
  if (result == NULL)
    return FALSE;

  switch (gloss_search_result_get_kind (result))
    {
    case GLOSS_SEARCH_RESULT_TEXT:
      g_signal_emit (self, signals[RESULT_ACTIVATED], 0, gloss_search_result_get_id (result),
                     gloss_search_result_get_start (result), gloss_search_result_get_end (result));
      return TRUE;

    case GLOSS_SEARCH_RESULT_NOTE:
      g_signal_emit (self, signals[NOTE_ACTIVATED], 0, gloss_search_result_get_id (result));
      return TRUE;

    case GLOSS_SEARCH_RESULT_CARD:
      g_signal_emit (self, signals[ITEM_ACTIVATED], 0, gloss_search_result_get_id (result));
      return TRUE;

    case GLOSS_SEARCH_RESULT_GROUP:
    default:
      return FALSE;
    }
}

/* Focuses the entry with its text selected, so that typing replaces it. */
void
gloss_search_pane_focus_entry (GlossSearchPane *self)
{
  g_return_if_fail (GLOSS_IS_SEARCH_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * gloss_search_pane_reindex:
 *
 * Brings the index up to date with the library, on a worker thread, and
 * runs the query again when that is done. The pane does this by itself
 * when documents are added or removed; call it after a document's text
 * changed in place (a re-import).
 */
void
gloss_search_pane_reindex (GlossSearchPane *self)
{
  g_return_if_fail (GLOSS_IS_SEARCH_PANE (self));

  if (self->index == NULL)
    return;

  /* one update at a time: another one follows this one if needed */
  if (self->update_cancellable != NULL)
    {
      self->reindex_pending = TRUE;
      return;
    }

  self->reindex_pending = FALSE;
  self->index_ready = FALSE;
  self->update_cancellable = g_cancellable_new ();
  gloss_search_index_update_async (self->index, self->update_cancellable,
                                   update_done_cb, call_new (self, 0));
  notify_busy (self);
}
