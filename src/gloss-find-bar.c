/* gloss-find-bar.c: find in the open document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The bar finds in the content (the cleaned text), not in the buffer:
 * the reading view fills its buffer in slices, so the buffer may hold
 * only the beginning of the text, while the content is all there. The
 * two agree on offsets (code points), so a match found in the content is
 * tagged in the buffer as soon as the buffer holds it.
 *
 * Matching follows the search's rules (gloss-fold.h): the text is folded
 * once, on a worker thread, when the content is set; each query is
 * folded the same way and looked for, on a worker thread too, as one
 * literal string (ends trimmed), occurrences left to right without
 * overlap, then mapped back to offsets in the original text. A 20 MB text
 * thus never blocks the window, and tags go on in idle slices of a few
 * milliseconds, since a buffer takes tens of thousands of them slowly.
 */

#define G_LOG_DOMAIN "Gloss"

#define _GNU_SOURCE
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gloss-find-bar.h"
#include "gloss-fold.h"

#define MATCH_TAG   "find-match"
#define CURRENT_TAG "find-current"

/* Delay between the last key and the search: short, the document is one. */
#define SEARCH_DELAY_MS 100

/* Budget of one tagging slice, well inside a frame. */
#define TAG_SLICE_USEC 4000

/* How often the matching worker looks at its cancellable. */
#define CANCEL_CHECK 1024

typedef struct
{
  guint start;
  guint end;
} Match;

/* The content's text folded, shared with the workers (refcounted). */
typedef struct
{
  char         *text;
  gsize         length;
  GlossFoldMap *map;
} Folded;

struct _GlossFindBar
{
  GtkWidget       parent_instance;

  /* Template children */
  GtkRevealer    *revealer;
  GtkSearchEntry *entry;
  GtkLabel       *count_label;

  GlossContent   *content;
  GtkTextBuffer  *buffer;
  GtkTextTag     *match_tag;
  GtkTextTag     *current_tag;
  gboolean        own_tags;       /* made here, so coloured here */
  gboolean        fold_chinese_variants;
  gboolean        active;
  guint           origin;

  Folded         *folded;
  GCancellable   *fold_cancellable;
  GCancellable   *match_cancellable;
  guint           generation;
  char           *matched_query;  /* folded; what matches are for, or NULL */

  GArray         *matches;        /* of Match, in order */
  gint            current;        /* -1: none */
  guint           n_tagged;       /* matches[0, n_tagged) carry MATCH_TAG */
  gint            current_tagged; /* the match that carries CURRENT_TAG, or -1 */
  guint           tag_source;
};

G_DEFINE_FINAL_TYPE (GlossFindBar, gloss_find_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_BUFFER,
  PROP_FOLD_CHINESE_VARIANTS,
  PROP_ACTIVE,
  PROP_QUERY,
  PROP_ORIGIN,
  PROP_N_MATCHES,
  PROP_CURRENT,
  PROP_BUSY,
  N_PROPS
};

enum {
  MATCH_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_matching (GlossFindBar *self);

/* ------------------------------------------------------------------ */
/* Folding and matching, on workers                                   */
/* ------------------------------------------------------------------ */

static void
folded_clear (gpointer data)
{
  Folded *folded = data;

  g_free (folded->text);
  g_clear_pointer (&folded->map, gloss_fold_map_free);
}

static Folded *
folded_ref (Folded *folded)
{
  return g_atomic_rc_box_acquire (folded);
}

static void
folded_unref (Folded *folded)
{
  g_atomic_rc_box_release_full (folded, folded_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Folded, folded_unref)

typedef struct
{
  GlossContent   *content;
  GlossFoldFlags  flags;
} FoldData;

static void
fold_data_free (FoldData *data)
{
  g_clear_object (&data->content);
  g_free (data);
}

static void
fold_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  FoldData *data = task_data;
  Folded *folded = g_atomic_rc_box_new0 (Folded);

  folded->text = gloss_fold (gloss_content_get_text (data->content),
                             gloss_content_get_text_length (data->content),
                             data->flags, &folded->map);
  folded->length = strlen (folded->text);
  g_task_return_pointer (task, folded, (GDestroyNotify) folded_unref);
}

typedef struct
{
  Folded *folded;
  char   *query;     /* folded */
} MatchData;

static void
match_data_free (MatchData *data)
{
  g_clear_pointer (&data->folded, folded_unref);
  g_free (data->query);
  g_free (data);
}

static void
match_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  MatchData *data = task_data;
  const char *text = data->folded->text;
  gsize length = data->folded->length;
  gsize query_length = strlen (data->query);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  gsize from = 0, counted_byte = 0;
  guint counted_char = 0;
  const char *p;

  while (from < length && (p = memmem (text + from, length - from, data->query, query_length)))
    {
      guint folded_start, folded_end;
      Match match;

      if (matches->len % CANCEL_CHECK == 0 && g_task_return_error_if_cancelled (task))
        return;

      /* matches come in order, so counting characters goes forward */
      counted_char += g_utf8_strlen (text + counted_byte, (p - text) - counted_byte);
      counted_byte = p - text;
      folded_start = counted_char;
      folded_end = folded_start + g_utf8_strlen (p, query_length);
      gloss_fold_map_to_original (data->folded->map, folded_start, folded_end,
                                  &match.start, &match.end);
      g_array_append_val (matches, match);
      from = counted_byte + query_length;
    }
  g_task_return_pointer (task, g_steal_pointer (&matches), (GDestroyNotify) g_array_unref);
}

/* ------------------------------------------------------------------ */
/* Tags                                                               */
/* ------------------------------------------------------------------ */

static void
update_tag_colors (GlossFindBar *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA match, current;

  if (!self->own_tags || self->match_tag == NULL)
    return;

  /* libadwaita's yellow and orange; text tags do not follow CSS, so each
   * scheme gets its own, keeping the text readable on top */
  gdk_rgba_parse (&match, dark ? "rgba(229, 165, 10, 0.35)" : "rgba(246, 211, 45, 0.5)");
  gdk_rgba_parse (&current, dark ? "rgba(198, 70, 0, 0.85)" : "rgba(255, 163, 72, 0.95)");
  g_object_set (self->match_tag, "background-rgba", &match, NULL);
  g_object_set (self->current_tag, "background-rgba", &current, NULL);
}

static GtkTextTag *
ensure_tag (GlossFindBar *self,
            const char   *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag != NULL)
    return tag;

  tag = gtk_text_tag_new (name);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);
  /* above highlights and every other layer of the reading view */
  gtk_text_tag_set_priority (tag, gtk_text_tag_table_get_size (table) - 1);
  self->own_tags = TRUE;
  return tag;
}

static gboolean
apply_at (GlossFindBar *self,
          GtkTextTag   *tag,
          const Match  *match,
          gboolean      apply)
{
  GtkTextIter start, end;

  if (match->end > (guint) gtk_text_buffer_get_char_count (self->buffer))
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, match->start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, match->end);
  if (apply)
    gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
  else
    gtk_text_buffer_remove_tag (self->buffer, tag, &start, &end);
  return TRUE;
}

static void
remove_all_tags (GlossFindBar *self)
{
  GtkTextIter start, end;

  g_clear_handle_id (&self->tag_source, g_source_remove);
  self->n_tagged = 0;
  self->current_tagged = -1;
  if (self->buffer == NULL || self->match_tag == NULL)
    return;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->match_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->current_tag, &start, &end);
}

static void
tag_current (GlossFindBar *self)
{
  if (self->buffer == NULL || self->current_tagged == self->current)
    return;

  if (self->current_tagged >= 0)
    apply_at (self, self->current_tag,
              &g_array_index (self->matches, Match, self->current_tagged), FALSE);
  self->current_tagged = -1;
  if (self->current >= 0 &&
      apply_at (self, self->current_tag, &g_array_index (self->matches, Match, self->current), TRUE))
    self->current_tagged = self->current;
}

static gboolean
tag_slice_cb (gpointer user_data)
{
  GlossFindBar *self = user_data;
  gint64 deadline = g_get_monotonic_time () + TAG_SLICE_USEC;

  while (self->matches != NULL && self->n_tagged < self->matches->len)
    {
      /* what the buffer does not hold yet waits for buffer_grew() */
      if (!apply_at (self, self->match_tag, &g_array_index (self->matches, Match, self->n_tagged), TRUE))
        break;
      self->n_tagged++;
      if (self->n_tagged % 64 == 0 && g_get_monotonic_time () > deadline)
        return G_SOURCE_CONTINUE;
    }
  tag_current (self);
  self->tag_source = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_tagging (GlossFindBar *self)
{
  if (self->tag_source != 0 || self->buffer == NULL || self->matches == NULL)
    return;
  if (self->n_tagged >= self->matches->len && self->current_tagged == self->current)
    return;

  self->tag_source = g_idle_add_full (G_PRIORITY_LOW, tag_slice_cb, self, NULL);
}

/* ------------------------------------------------------------------ */
/* Matches                                                            */
/* ------------------------------------------------------------------ */

static void
update_count (GlossFindBar *self)
{
  g_autofree char *text = NULL;
  guint n = self->matches ? self->matches->len : 0;
  gboolean searching = self->match_cancellable != NULL || self->fold_cancellable != NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (searching || query[0] == '\0' || self->matches == NULL)
    text = g_strdup ("");
  else if (n == 0)
    text = g_strdup (_("No matches"));
  else
    /* Translators: the current match and how many there are, "3 of 41" */
    text = g_strdup_printf (_("%u of %u"), self->current + 1, n);

  gtk_label_set_text (self->count_label, text);
  if (n == 0 && self->matches != NULL && !searching)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.next", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.previous", n > 0);
}

static void
select_match (GlossFindBar *self,
              gint          index)
{
  const Match *match;

  self->current = index;
  tag_current (self);
  schedule_tagging (self);
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);

  if (index < 0)
    return;
  match = &g_array_index (self->matches, Match, index);
  g_signal_emit (self, signals[MATCH_SELECTED], 0, match->start, match->end);
}

static void
set_matches (GlossFindBar *self,
             GArray       *matches)
{
  gint first = -1;

  remove_all_tags (self);
  g_clear_pointer (&self->matches, g_array_unref);
  self->matches = matches;
  self->current = -1;

  /* the first match from where the reader is */
  for (guint i = 0; matches != NULL && i < matches->len && first < 0; i++)
    if (g_array_index (matches, Match, i).start >= self->origin)
      first = i;
  if (first < 0 && matches != NULL && matches->len > 0)
    first = 0;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
  select_match (self, first);
}

static void
notify_busy (GlossFindBar *self)
{
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
match_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GlossFindBar *self = GLOSS_FIND_BAR (source);
  g_autoptr(GError) error = NULL;
  GArray *matches;

  matches = g_task_propagate_pointer (G_TASK (result), &error);
  /* a newer query or content replaced this one */
  if (GPOINTER_TO_UINT (user_data) != self->generation || matches == NULL)
    {
      g_clear_pointer (&matches, g_array_unref);
      return;
    }

  g_clear_object (&self->match_cancellable);
  set_matches (self, matches);
  notify_busy (self);
}

static char *
fold_query (GlossFindBar *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  char *folded = gloss_fold (query, -1, self->fold_chinese_variants ?
                                        GLOSS_FOLD_TRADITIONAL : GLOSS_FOLD_DEFAULT, NULL);

  return g_strstrip (folded);
}

static void
start_matching (GlossFindBar *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *query = NULL;
  MatchData *data;

  g_cancellable_cancel (self->match_cancellable);
  g_clear_object (&self->match_cancellable);
  self->generation++;

  g_clear_pointer (&self->matched_query, g_free);
  query = fold_query (self);
  if (!self->active || self->content == NULL || query[0] == '\0')
    {
      set_matches (self, NULL);
      notify_busy (self);
      return;
    }
  if (self->folded == NULL)
    {
      /* fold_done_cb() comes back here */
      notify_busy (self);
      return;
    }

  self->matched_query = g_strdup (query);

  data = g_new0 (MatchData, 1);
  data->folded = folded_ref (self->folded);
  data->query = g_steal_pointer (&query);
  self->match_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->match_cancellable, match_done_cb,
                     GUINT_TO_POINTER (self->generation));
  g_task_set_source_tag (task, start_matching);
  g_task_set_task_data (task, data, (GDestroyNotify) match_data_free);
  g_task_run_in_thread (task, match_in_thread);
  notify_busy (self);
}

static void
fold_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GlossFindBar *self = GLOSS_FIND_BAR (source);
  Folded *folded = g_task_propagate_pointer (G_TASK (result), NULL);

  if (user_data != self->fold_cancellable || folded == NULL)
    {
      g_clear_pointer (&folded, folded_unref);
      return;
    }

  g_clear_object (&self->fold_cancellable);
  g_clear_pointer (&self->folded, folded_unref);
  self->folded = folded;
  start_matching (self);
}

/* Folds the content again: it changed, or the folding did. */
static void
start_folding (GlossFindBar *self)
{
  g_autoptr(GTask) task = NULL;
  FoldData *data;

  g_cancellable_cancel (self->fold_cancellable);
  g_clear_object (&self->fold_cancellable);
  g_clear_pointer (&self->folded, folded_unref);

  if (self->content != NULL)
    {
      data = g_new0 (FoldData, 1);
      data->content = g_object_ref (self->content);
      data->flags = self->fold_chinese_variants ? GLOSS_FOLD_TRADITIONAL : GLOSS_FOLD_DEFAULT;
      self->fold_cancellable = g_cancellable_new ();
      /* the cancellable tells this fold from a later one */
      task = g_task_new (self, self->fold_cancellable, fold_done_cb, self->fold_cancellable);
      g_task_set_source_tag (task, start_folding);
      g_task_set_task_data (task, data, (GDestroyNotify) fold_data_free);
      g_task_run_in_thread (task, fold_in_thread);
    }
  start_matching (self);
}

/* ------------------------------------------------------------------ */
/* Callbacks and actions                                              */
/* ------------------------------------------------------------------ */

static void
buffer_insert_text_cb (GlossFindBar *self)
{
  gloss_find_bar_buffer_grew (self);
}

static void
entry_changed_cb (GlossFindBar *self)
{
  g_autofree char *query = fold_query (self);

  /* the same query, folded, as the one found already or being found
   * (the fold may have started it before the entry's delay was up) */
  if (g_strcmp0 (query, self->matched_query) != 0)
    start_matching (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

static void
entry_activate_cb (GlossFindBar *self)
{
  gloss_find_bar_next (self);
}

static void
entry_next_cb (GlossFindBar *self)
{
  gloss_find_bar_next (self);
}

static void
entry_previous_cb (GlossFindBar *self)
{
  gloss_find_bar_previous (self);
}

static void
entry_stop_cb (GlossFindBar *self)
{
  gloss_find_bar_close (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gloss_find_bar_next (GLOSS_FIND_BAR (widget));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gloss_find_bar_previous (GLOSS_FIND_BAR (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gloss_find_bar_close (GLOSS_FIND_BAR (widget));
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_find_bar_dispose (GObject *object)
{
  GlossFindBar *self = GLOSS_FIND_BAR (object);

  g_cancellable_cancel (self->fold_cancellable);
  g_clear_object (&self->fold_cancellable);
  g_cancellable_cancel (self->match_cancellable);
  g_clear_object (&self->match_cancellable);
  self->generation++;

  gloss_find_bar_set_buffer (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_FIND_BAR);

  g_clear_object (&self->content);
  g_clear_pointer (&self->folded, folded_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->matched_query, g_free);

  G_OBJECT_CLASS (gloss_find_bar_parent_class)->dispose (object);
}

static void
gloss_find_bar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossFindBar *self = GLOSS_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;

    case PROP_BUFFER:
      g_value_set_object (value, self->buffer);
      break;

    case PROP_FOLD_CHINESE_VARIANTS:
      g_value_set_boolean (value, self->fold_chinese_variants);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_QUERY:
      g_value_set_string (value, gloss_find_bar_get_query (self));
      break;

    case PROP_ORIGIN:
      g_value_set_uint (value, self->origin);
      break;

    case PROP_N_MATCHES:
      g_value_set_uint (value, gloss_find_bar_get_n_matches (self));
      break;

    case PROP_CURRENT:
      g_value_set_int (value, self->current);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, gloss_find_bar_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_find_bar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GlossFindBar *self = GLOSS_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      gloss_find_bar_set_content (self, g_value_get_object (value));
      break;

    case PROP_BUFFER:
      gloss_find_bar_set_buffer (self, g_value_get_object (value));
      break;

    case PROP_FOLD_CHINESE_VARIANTS:
      gloss_find_bar_set_fold_chinese_variants (self, g_value_get_boolean (value));
      break;

    case PROP_ACTIVE:
      gloss_find_bar_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_QUERY:
      gloss_find_bar_set_query (self, g_value_get_string (value));
      break;

    case PROP_ORIGIN:
      gloss_find_bar_set_origin (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_find_bar_class_init (GlossFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_find_bar_dispose;
  object_class->get_property = gloss_find_bar_get_property;
  object_class->set_property = gloss_find_bar_set_property;

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL,
                         GLOSS_TYPE_CONTENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BUFFER] =
    g_param_spec_object ("buffer", NULL, NULL,
                         GTK_TYPE_TEXT_BUFFER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FOLD_CHINESE_VARIANTS] =
    g_param_spec_boolean ("fold-chinese-variants", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GlossFindBar:origin:
   *
   * Where a new query's first match is looked for from (a content
   * offset): the window keeps it at the top of the visible text.
   */
  properties[PROP_ORIGIN] =
    g_param_spec_uint ("origin", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CURRENT] =
    g_param_spec_int ("current", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossFindBar::match-selected:
   * @start: where the current match starts, in code points of the content
   * @end: where it ends (exclusive)
   *
   * The current match changed: the view scrolls to it.
   */
  signals[MATCH_SELECTED] =
    g_signal_new ("match-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "find.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "find.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "find.close", NULL, close_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossFindBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossFindBar, entry);
  gtk_widget_class_bind_template_child (widget_class, GlossFindBar, count_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_stop_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findbar");
}

static void
gloss_find_bar_init (GlossFindBar *self)
{
  self->current = -1;
  self->current_tagged = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_search_delay (self->entry, SEARCH_DELAY_MS);
  update_count (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_tag_colors), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

GtkWidget *
gloss_find_bar_new (void)
{
  return g_object_new (GLOSS_TYPE_FIND_BAR, NULL);
}

/* Returns: (transfer none) (nullable): the text searched */
GlossContent *
gloss_find_bar_get_content (GlossFindBar *self)
{
  g_return_val_if_fail (GLOSS_IS_FIND_BAR (self), NULL);

  return self->content;
}

/**
 * gloss_find_bar_set_content:
 *
 * Searches @content from now on; it is folded on a worker thread, and
 * the query, if any, runs again. Set the buffer that shows it too.
 */
void
gloss_find_bar_set_content (GlossFindBar *self,
                            GlossContent *content)
{
  g_return_if_fail (GLOSS_IS_FIND_BAR (self));
  g_return_if_fail (content == NULL || GLOSS_IS_CONTENT (content));

  if (!g_set_object (&self->content, content))
    return;

  start_folding (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

/* Returns: (transfer none) (nullable): where matches are tagged */
GtkTextBuffer *
gloss_find_bar_get_buffer (GlossFindBar *self)
{
  g_return_val_if_fail (GLOSS_IS_FIND_BAR (self), NULL);

  return self->buffer;
}

/**
 * gloss_find_bar_set_buffer:
 *
 * Tags matches in @buffer, whose offsets must be the content's. The
 * buffer may still be filling (at its end only): what it does not hold
 * yet is tagged when text is inserted. The tags "find-match" and
 * "find-current" are made in its tag table unless they are there.
 */
void
gloss_find_bar_set_buffer (GlossFindBar  *self,
                           GtkTextBuffer *buffer)
{
  g_return_if_fail (GLOSS_IS_FIND_BAR (self));
  g_return_if_fail (buffer == NULL || GTK_IS_TEXT_BUFFER (buffer));

  if (self->buffer == buffer)
    return;

  if (self->buffer != NULL)
    {
      remove_all_tags (self);
      g_signal_handlers_disconnect_by_func (self->buffer, buffer_insert_text_cb, self);
    }
  g_set_object (&self->buffer, buffer);
  self->match_tag = NULL;
  self->current_tag = NULL;
  self->own_tags = FALSE;

  if (buffer != NULL)
    {
      self->match_tag = ensure_tag (self, MATCH_TAG);
      self->current_tag = ensure_tag (self, CURRENT_TAG);
      update_tag_colors (self);
      g_signal_connect_object (buffer, "insert-text", G_CALLBACK (buffer_insert_text_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      self->n_tagged = 0;
      self->current_tagged = -1;
      schedule_tagging (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUFFER]);
}

gboolean
gloss_find_bar_get_fold_chinese_variants (GlossFindBar *self)
{
  g_return_val_if_fail (GLOSS_IS_FIND_BAR (self), FALSE);

  return self->fold_chinese_variants;
}

/* With @fold, 網絡 finds 网络 and the other way round. */
void
gloss_find_bar_set_fold_chinese_variants (GlossFindBar *self,
                                          gboolean      fold)
{
  g_return_if_fail (GLOSS_IS_FIND_BAR (self));

  fold = !!fold;
  if (self->fold_chinese_variants == fold)
    return;

  self->fold_chinese_variants = fold;
  start_folding (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLD_CHINESE_VARIANTS]);
}

gboolean
gloss_find_bar_get_active (GlossFindBar *self)
{
  g_return_val_if_fail (GLOSS_IS_FIND_BAR (self), FALSE);

  return self->active;
}

/**
 * gloss_find_bar_set_active:
 *
 * Shows or hides the bar. Hidden, it marks nothing; shown again, it
 * finds the query it had.
 */
void
gloss_find_bar_set_active (GlossFindBar *self,
                           gboolean      active)
{
  g_return_if_fail (GLOSS_IS_FIND_BAR (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  gtk_revealer_set_reveal_child (self->revealer, active);
  start_matching (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

const char *
gloss_find_bar_get_query (GlossFindBar *self)
{
  g_return_val_if_fail (GLOSS_IS_FIND_BAR (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

/* Puts @query in the entry, as if typed. */
void
gloss_find_bar_set_query (GlossFindBar *self,
                          const char   *query)
{
  g_return_if_fail (GLOSS_IS_FIND_BAR (self));

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    query = "";
  if (g_strcmp0 (query, gloss_find_bar_get_query (self)) == 0)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->entry), query);
}

guint
gloss_find_bar_get_origin (GlossFindBar *self)
{
  g_return_val_if_fail (GLOSS_IS_FIND_BAR (self), 0);

  return self->origin;
}

void
gloss_find_bar_set_origin (GlossFindBar *self,
                           guint         origin)
{
  g_return_if_fail (GLOSS_IS_FIND_BAR (self));

  if (self->origin == origin)
    return;

  self->origin = origin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN]);
}

guint
gloss_find_bar_get_n_matches (GlossFindBar *self)
{
  g_return_val_if_fail (GLOSS_IS_FIND_BAR (self), 0);

  return self->matches ? self->matches->len : 0;
}

/* The index of the current match, or -1. */
gint
gloss_find_bar_get_current (GlossFindBar *self)
{
  g_return_val_if_fail (GLOSS_IS_FIND_BAR (self), -1);

  return self->current;
}

/* Whether the content is being folded or the query looked for. */
gboolean
gloss_find_bar_get_busy (GlossFindBar *self)
{
  g_return_val_if_fail (GLOSS_IS_FIND_BAR (self), FALSE);

  return self->fold_cancellable != NULL || self->match_cancellable != NULL;
}

/**
 * gloss_find_bar_get_match:
 * @start: (out): where match @index starts, in code points of the content
 * @end: (out): where it ends (exclusive)
 *
 * Returns: %FALSE if there is no such match
 */
gboolean
gloss_find_bar_get_match (GlossFindBar *self,
                          guint         index,
                          guint        *start,
                          guint        *end)
{
  const Match *match;

  g_return_val_if_fail (GLOSS_IS_FIND_BAR (self), FALSE);

  if (self->matches == NULL || index >= self->matches->len)
    return FALSE;

  match = &g_array_index (self->matches, Match, index);
  if (start != NULL)
    *start = match->start;
  if (end != NULL)
    *end = match->end;
  return TRUE;
}

/* "3 of 41", "No matches", or nothing. */
const char *
gloss_find_bar_get_count_text (GlossFindBar *self)
{
  g_return_val_if_fail (GLOSS_IS_FIND_BAR (self), NULL);

  return gtk_label_get_text (self->count_label);
}

/* Shows the bar with the focus in its entry, the query selected. */
void
gloss_find_bar_open (GlossFindBar *self)
{
  g_return_if_fail (GLOSS_IS_FIND_BAR (self));

  gloss_find_bar_set_active (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

void
gloss_find_bar_close (GlossFindBar *self)
{
  g_return_if_fail (GLOSS_IS_FIND_BAR (self));

  gloss_find_bar_set_active (self, FALSE);
}

/* Goes to the next match, from the last one to the first. */
void
gloss_find_bar_next (GlossFindBar *self)
{
  guint n;

  g_return_if_fail (GLOSS_IS_FIND_BAR (self));

  n = gloss_find_bar_get_n_matches (self);
  if (n > 0)
    select_match (self, (self->current + 1) % n);
}

/* Goes to the previous match, from the first one to the last. */
void
gloss_find_bar_previous (GlossFindBar *self)
{
  guint n;

  g_return_if_fail (GLOSS_IS_FIND_BAR (self));

  n = gloss_find_bar_get_n_matches (self);
  if (n > 0)
    select_match (self, self->current <= 0 ? (gint) n - 1 : self->current - 1);
}

/**
 * gloss_find_bar_buffer_grew:
 *
 * Tags the matches that text appended to the buffer now holds. The bar
 * calls it itself after each insertion into its buffer; cheap, since
 * the tagging is left to an idle slice.
 */
void
gloss_find_bar_buffer_grew (GlossFindBar *self)
{
  g_return_if_fail (GLOSS_IS_FIND_BAR (self));

  schedule_tagging (self);
}
