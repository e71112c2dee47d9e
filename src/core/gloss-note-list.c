/* gloss-note-list.c: the notes pane's view of the notes
 *
 * The core cannot use GtkFilterListModel, so this does filtering and
 * sorting in one: on any change it recomputes the visible list (a few
 * thousand notes at most) and reports only the span that differs, so a
 * view keeps its selection and scroll position when one note changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-note-list.h"

#include <string.h>

struct _GlossNoteList
{
  GObject        parent_instance;

  GListModel    *model;
  GPtrArray     *items;       /* of GlossNote, visible, in order */
  char          *doc_id;
  char          *color;
  char          *tag;
  char          *search;      /* folded, see fold() */
  gboolean       needs_attention;
  GlossNoteSort  sort;
  GHashTable    *watched;     /* GlossNote → notify handler id */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossNoteList, gloss_note_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_ENUM_TYPE (GlossNoteSort, gloss_note_sort,
  G_DEFINE_ENUM_VALUE (GLOSS_NOTE_SORT_POSITION, "position"),
  G_DEFINE_ENUM_VALUE (GLOSS_NOTE_SORT_CREATED, "created"),
  G_DEFINE_ENUM_VALUE (GLOSS_NOTE_SORT_MODIFIED, "modified"))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_DOC_ID,
  PROP_COLOR,
  PROP_TAG,
  PROP_SEARCH,
  PROP_NEEDS_ATTENTION,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return GLOSS_TYPE_NOTE;
}

static guint
get_n_items (GListModel *model)
{
  return GLOSS_NOTE_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GlossNoteList *self = GLOSS_NOTE_LIST (model);

  return position < self->items->len ? g_object_ref (g_ptr_array_index (self->items, position)) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Case and width folded, so that "ＧＧＥ" finds "gge". */
static char *
fold (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (nfkc ? nfkc : "", -1);
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = fold (haystack);

  return strstr (folded, needle) != NULL;
}

static gboolean
matches_search (GlossNoteList *self,
                GlossNote     *note)
{
  const char * const *tags = gloss_note_get_tags (note);

  if (contains_folded (gloss_note_get_quote (note), self->search) ||
      contains_folded (gloss_note_get_text (note), self->search))
    return TRUE;
  for (guint i = 0; tags[i]; i++)
    if (contains_folded (tags[i], self->search))
      return TRUE;
  return FALSE;
}

static gboolean
passes (GlossNoteList *self,
        GlossNote     *note)
{
  return (self->doc_id == NULL || g_strcmp0 (gloss_note_get_doc_id (note), self->doc_id) == 0) &&
         (self->color == NULL || g_strcmp0 (gloss_note_get_color (note), self->color) == 0) &&
         (self->tag == NULL || gloss_note_has_tag (note, self->tag)) &&
         (!self->needs_attention || gloss_note_get_needs_attention (note)) &&
         (self->search == NULL || matches_search (self, note));
}

static gint
compare_position (GlossNote *a,
                  GlossNote *b)
{
  gint c = g_strcmp0 (gloss_note_get_doc_id (a), gloss_note_get_doc_id (b));

  if (c == 0)
    c = (gint) gloss_note_get_has_range (a) - (gint) gloss_note_get_has_range (b);
  if (c == 0 && gloss_note_get_start (a) != gloss_note_get_start (b))
    c = gloss_note_get_start (a) < gloss_note_get_start (b) ? -1 : 1;
  if (c == 0 && gloss_note_get_end (a) != gloss_note_get_end (b))
    c = gloss_note_get_end (a) < gloss_note_get_end (b) ? -1 : 1;
  return c ? c : g_strcmp0 (gloss_note_get_id (a), gloss_note_get_id (b));
}

static gint
compare_time (gint64 a,
              gint64 b)
{
  return a == b ? 0 : a > b ? -1 : 1;   /* newest first */
}

static gint
compare_items (gconstpointer pa,
               gconstpointer pb,
               gpointer      data)
{
  GlossNoteList *self = data;
  GlossNote *a = *(GlossNote **) pa;
  GlossNote *b = *(GlossNote **) pb;
  gint c = 0;

  if (self->sort == GLOSS_NOTE_SORT_CREATED)
    c = compare_time (gloss_note_get_created (a), gloss_note_get_created (b));
  else if (self->sort == GLOSS_NOTE_SORT_MODIFIED)
    c = compare_time (gloss_note_get_modified (a), gloss_note_get_modified (b));
  return c ? c : compare_position (a, b);
}

static void note_changed (GlossNote *note, GParamSpec *pspec, GlossNoteList *self);

/* Every note of the source is watched, so that a note that starts or
 * stops passing a filter (recoloured, re-tagged) moves in or out. */
static void
watch_notes (GlossNoteList *self)
{
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  GHashTableIter iter;
  gpointer note, handler;
  g_autoptr(GHashTable) current = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossNote) item = g_list_model_get_item (self->model, i);

      g_hash_table_add (current, item);
      if (!g_hash_table_contains (self->watched, item))
        g_hash_table_insert (self->watched, g_object_ref (item),
                             GSIZE_TO_POINTER (g_signal_connect (item, "notify",
                                                                 G_CALLBACK (note_changed), self)));
    }
  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &note, &handler))
    if (!g_hash_table_contains (current, note))
      {
        g_signal_handler_disconnect (note, GPOINTER_TO_SIZE (handler));
        g_object_unref (note);
        g_hash_table_iter_remove (&iter);
      }
}

static void
refilter (GlossNoteList *self)
{
  g_autoptr(GPtrArray) old = self->items;
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  guint head = 0, tail = 0;

  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossNote) note = g_list_model_get_item (self->model, i);

      if (passes (self, note))
        g_ptr_array_add (self->items, g_steal_pointer (&note));
    }
  g_ptr_array_sort_with_data (self->items, compare_items, self);

  /* report only what lies between the unchanged head and tail */
  while (head < old->len && head < self->items->len &&
         old->pdata[head] == self->items->pdata[head])
    head++;
  while (tail < old->len - head && tail < self->items->len - head &&
         old->pdata[old->len - 1 - tail] == self->items->pdata[self->items->len - 1 - tail])
    tail++;
  if (old->len != self->items->len || head < old->len)
    g_list_model_items_changed (G_LIST_MODEL (self), head, old->len - head - tail,
                                self->items->len - head - tail);
}

static void
note_changed (GlossNote     *note,
              GParamSpec    *pspec,
              GlossNoteList *self)
{
  refilter (self);
}

static void
source_changed (GListModel    *model,
                guint          position,
                guint          removed,
                guint          added,
                GlossNoteList *self)
{
  watch_notes (self);
  refilter (self);
}

static void
set_model (GlossNoteList *self,
           GListModel    *model)
{
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, source_changed, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (source_changed), self);
  watch_notes (self);
  refilter (self);
}

static gboolean
set_filter_string (GlossNoteList *self,
                   char         **field,
                   const char    *value,
                   guint          prop)
{
  const char *wanted = value && *value ? value : NULL;

  if (g_strcmp0 (*field, wanted) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (wanted);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  refilter (self);
  return TRUE;
}

static void
gloss_note_list_dispose (GObject *object)
{
  GlossNoteList *self = GLOSS_NOTE_LIST (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, source_changed, self);
  g_clear_object (&self->model);
  if (self->watched != NULL)
    {
      GHashTableIter iter;
      gpointer note, handler;

      g_hash_table_iter_init (&iter, self->watched);
      while (g_hash_table_iter_next (&iter, &note, &handler))
        {
          g_signal_handler_disconnect (note, GPOINTER_TO_SIZE (handler));
          g_object_unref (note);
        }
      g_clear_pointer (&self->watched, g_hash_table_unref);
    }
  G_OBJECT_CLASS (gloss_note_list_parent_class)->dispose (object);
}

static void
gloss_note_list_finalize (GObject *object)
{
  GlossNoteList *self = GLOSS_NOTE_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self->doc_id);
  g_free (self->color);
  g_free (self->tag);
  g_free (self->search);
  G_OBJECT_CLASS (gloss_note_list_parent_class)->finalize (object);
}

static void
gloss_note_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlossNoteList *self = GLOSS_NOTE_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:           g_value_set_object (value, self->model); break;
    case PROP_DOC_ID:          g_value_set_string (value, self->doc_id); break;
    case PROP_COLOR:           g_value_set_string (value, self->color); break;
    case PROP_TAG:             g_value_set_string (value, self->tag); break;
    case PROP_SEARCH:          g_value_set_string (value, self->search); break;
    case PROP_NEEDS_ATTENTION: g_value_set_boolean (value, self->needs_attention); break;
    case PROP_SORT:            g_value_set_enum (value, self->sort); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_note_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GlossNoteList *self = GLOSS_NOTE_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:           set_model (self, g_value_get_object (value)); break;
    case PROP_DOC_ID:          gloss_note_list_set_doc_id (self, g_value_get_string (value)); break;
    case PROP_COLOR:           gloss_note_list_set_color (self, g_value_get_string (value)); break;
    case PROP_TAG:             gloss_note_list_set_tag (self, g_value_get_string (value)); break;
    case PROP_SEARCH:          gloss_note_list_set_search (self, g_value_get_string (value)); break;
    case PROP_NEEDS_ATTENTION: gloss_note_list_set_needs_attention (self, g_value_get_boolean (value)); break;
    case PROP_SORT:            gloss_note_list_set_sort (self, g_value_get_enum (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_note_list_class_init (GlossNoteListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gloss_note_list_dispose;
  object_class->finalize = gloss_note_list_finalize;
  object_class->get_property = gloss_note_list_get_property;
  object_class->set_property = gloss_note_list_set_property;

  properties[PROP_MODEL] = g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_DOC_ID] = g_param_spec_string ("doc-id", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_TAG] = g_param_spec_string ("tag", NULL, NULL, NULL, flags);
  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, flags);
  properties[PROP_NEEDS_ATTENTION] = g_param_spec_boolean ("needs-attention", NULL, NULL, FALSE, flags);
  properties[PROP_SORT] = g_param_spec_enum ("sort", NULL, NULL, GLOSS_TYPE_NOTE_SORT,
                                             GLOSS_NOTE_SORT_POSITION, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_note_list_init (GlossNoteList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->watched = g_hash_table_new (NULL, NULL);
}

GlossNoteList *
gloss_note_list_new (GListModel *model)
{
  return g_object_new (GLOSS_TYPE_NOTE_LIST, "model", model, NULL);
}

void
gloss_note_list_set_doc_id (GlossNoteList *self,
                            const char    *doc_id)
{
  g_return_if_fail (GLOSS_IS_NOTE_LIST (self));
  set_filter_string (self, &self->doc_id, doc_id, PROP_DOC_ID);
}

void
gloss_note_list_set_color (GlossNoteList *self,
                           const char    *color)
{
  g_return_if_fail (GLOSS_IS_NOTE_LIST (self));
  set_filter_string (self, &self->color, color, PROP_COLOR);
}

void
gloss_note_list_set_tag (GlossNoteList *self,
                         const char    *tag)
{
  g_autofree char *normalized = tag ? gloss_note_normalize_tag (tag) : NULL;

  g_return_if_fail (GLOSS_IS_NOTE_LIST (self));
  set_filter_string (self, &self->tag, normalized, PROP_TAG);
}

void
gloss_note_list_set_search (GlossNoteList *self,
                            const char    *search)
{
  g_autofree char *folded = search && *search ? fold (search) : NULL;

  g_return_if_fail (GLOSS_IS_NOTE_LIST (self));
  set_filter_string (self, &self->search, folded, PROP_SEARCH);
}

void
gloss_note_list_set_needs_attention (GlossNoteList *self,
                                     gboolean       needs_attention)
{
  g_return_if_fail (GLOSS_IS_NOTE_LIST (self));
  if (self->needs_attention == !!needs_attention)
    return;
  self->needs_attention = !!needs_attention;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_ATTENTION]);
  refilter (self);
}

void
gloss_note_list_set_sort (GlossNoteList *self,
                          GlossNoteSort  sort)
{
  g_return_if_fail (GLOSS_IS_NOTE_LIST (self));
  if (self->sort == sort)
    return;
  self->sort = sort;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  refilter (self);
}
