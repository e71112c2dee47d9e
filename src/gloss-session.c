/* gloss-session.c: the state every pane of a window follows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A window has one session: the library, the open document and its
 * content, and how far the reader has got.  The panes (sidebar, reading
 * view, and later the timeline and the mechanisms panel) bind to it
 * instead of to each other, so each can be built and tested alone.
 *
 * The session also keeps the reading position of the open document:
 * the visible offset is written to the library a second after scrolling
 * stops, and at once when another document is opened or the window
 * closes.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include "gloss-session.h"

/* Writing the position on every scroll step would hit SQLite dozens of
 * times a second; a second after the last change is soon enough. */
#define SAVE_POSITION_DELAY_MS 1000

struct _GlossSession
{
  GObject        parent_instance;

  GlossLibrary  *library;
  GlossDocument *document;
  GlossContent  *content;

  /* Block indices of the HEADING blocks of content, in text order. */
  GArray        *headings;

  guint          visible_offset;
  guint          section_heading;   /* index into headings, or G_MAXUINT */
  char          *section;
  gint           page;

  guint          save_source;
  gboolean       position_dirty;
};

G_DEFINE_FINAL_TYPE (GlossSession, gloss_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_DOCUMENT,
  PROP_CONTENT,
  PROP_VISIBLE_OFFSET,
  PROP_SECTION,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */

static void
collect_headings (GlossSession *self)
{
  guint n_blocks;

  g_array_set_size (self->headings, 0);
  if (self->content == NULL)
    return;

  n_blocks = gloss_content_get_n_blocks (self->content);
  for (guint i = 0; i < n_blocks; i++)
    {
      const GlossBlock *block = gloss_content_get_block (self->content, i);

      if (block->kind == GLOSS_BLOCK_HEADING)
        g_array_append_val (self->headings, i);
    }
}

/* The last heading that starts at or before offset, or G_MAXUINT. */
static guint
find_heading (GlossSession *self,
              guint         offset)
{
  guint lo = 0;
  guint hi = self->headings->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint block_index = g_array_index (self->headings, guint, mid);
      const GlossBlock *block = gloss_content_get_block (self->content, block_index);

      if (block->start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo == 0 ? G_MAXUINT : lo - 1;
}

static void
update_section_and_page (GlossSession *self)
{
  guint heading = G_MAXUINT;
  gint page = 0;

  if (self->content != NULL)
    {
      heading = find_heading (self, self->visible_offset);
      page = gloss_content_page_at (self->content, self->visible_offset);
    }

  if (heading != self->section_heading)
    {
      g_clear_pointer (&self->section, g_free);
      self->section_heading = heading;
      if (heading != G_MAXUINT)
        {
          guint block_index = g_array_index (self->headings, guint, heading);
          self->section = gloss_content_dup_block_text (self->content, block_index);
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
    }

  if (page != self->page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

static gboolean
save_position_cb (gpointer user_data)
{
  GlossSession *self = user_data;

  self->save_source = 0;
  gloss_session_save_position (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_save_position (GlossSession *self)
{
  self->position_dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add_full (G_PRIORITY_LOW,
                                          SAVE_POSITION_DELAY_MS,
                                          save_position_cb, self, NULL);
}

/* ------------------------------------------------------------------ */

static void
gloss_session_dispose (GObject *object)
{
  GlossSession *self = GLOSS_SESSION (object);

  gloss_session_save_position (self);

  g_clear_object (&self->content);
  g_clear_object (&self->document);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (gloss_session_parent_class)->dispose (object);
}

static void
gloss_session_finalize (GObject *object)
{
  GlossSession *self = GLOSS_SESSION (object);

  g_clear_pointer (&self->headings, g_array_unref);
  g_clear_pointer (&self->section, g_free);

  G_OBJECT_CLASS (gloss_session_parent_class)->finalize (object);
}

static void
gloss_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossSession *self = GLOSS_SESSION (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;

    case PROP_VISIBLE_OFFSET:
      g_value_set_uint (value, self->visible_offset);
      break;

    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;

    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_session_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossSession *self = GLOSS_SESSION (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_VISIBLE_OFFSET:
      gloss_session_set_visible_offset (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_session_class_init (GlossSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_session_dispose;
  object_class->finalize = gloss_session_finalize;
  object_class->get_property = gloss_session_get_property;
  object_class->set_property = gloss_session_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         GLOSS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL,
                         GLOSS_TYPE_CONTENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  /* The offset, in code points of the content text, of the first
   * character the reader can see. */
  properties[PROP_VISIBLE_OFFSET] =
    g_param_spec_uint ("visible-offset", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  /* The text of the heading of the section at visible-offset. */
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  /* The printed page at visible-offset, 0 where it is not known. */
  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                      G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_session_init (GlossSession *self)
{
  self->headings = g_array_new (FALSE, FALSE, sizeof (guint));
  self->section_heading = G_MAXUINT;
}

/* ------------------------------------------------------------------ */

GlossSession *
gloss_session_new (GlossLibrary *library)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), NULL);

  return g_object_new (GLOSS_TYPE_SESSION,
                       "library", library,
                       NULL);
}

GlossLibrary *
gloss_session_get_library (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), NULL);

  return self->library;
}

/**
 * gloss_session_get_document:
 *
 * Returns: (transfer none) (nullable): the open document
 */
GlossDocument *
gloss_session_get_document (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), NULL);

  return self->document;
}

/**
 * gloss_session_get_content:
 *
 * Returns: (transfer none) (nullable): the cleaned text of the open document
 */
GlossContent *
gloss_session_get_content (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), NULL);

  return self->content;
}

/**
 * gloss_session_open_document:
 * @self: a #GlossSession
 * @document: a document of the session's library
 * @error: return location for a #GError
 *
 * Loads the content of @document and makes it the open document, with
 * visible-offset set to the reading position stored for it.  The
 * position in the document that was open before is saved first.
 *
 * All properties hold their new values before the first notification,
 * so a handler of any of them sees a consistent session.
 *
 * Returns: %TRUE on success; on failure the session is unchanged
 */
gboolean
gloss_session_open_document (GlossSession   *self,
                             GlossDocument  *document,
                             GError        **error)
{
  g_autoptr(GlossContent) content = NULL;
  guint n_chars;
  guint position;

  g_return_val_if_fail (GLOSS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (document == self->document)
    return TRUE;

  content = gloss_library_load_content (self->library, document, error);
  if (content == NULL)
    return FALSE;

  gloss_session_save_position (self);

  position = gloss_library_get_position (self->library, document);
  n_chars = gloss_content_get_n_chars (content);
  if (position > n_chars)
    position = n_chars;

  g_set_object (&self->document, document);
  g_set_object (&self->content, content);
  self->visible_offset = position;
  collect_headings (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_OFFSET]);

  /* Force a fresh section lookup: the heading indices are new. */
  self->section_heading = G_MAXUINT - 1;
  update_section_and_page (self);

  return TRUE;
}

guint
gloss_session_get_visible_offset (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), 0);

  return self->visible_offset;
}

void
gloss_session_set_visible_offset (GlossSession *self,
                                  guint         offset)
{
  g_return_if_fail (GLOSS_IS_SESSION (self));

  if (offset == self->visible_offset)
    return;

  self->visible_offset = offset;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_OFFSET]);

  update_section_and_page (self);

  if (self->document != NULL)
    schedule_save_position (self);
}

/**
 * gloss_session_get_section_index:
 *
 * Returns: the index (for gloss_session_get_heading()) of the heading
 *   of the section at visible-offset, or %G_MAXUINT before the first
 */
guint
gloss_session_get_section_index (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), G_MAXUINT);

  return self->section_heading >= G_MAXUINT - 1 ? G_MAXUINT : self->section_heading;
}

/**
 * gloss_session_get_section:
 *
 * Returns: (nullable): the heading of the section at visible-offset
 */
const char *
gloss_session_get_section (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), NULL);

  return self->section;
}

gint
gloss_session_get_page (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), 0);

  return self->page;
}

/**
 * gloss_session_get_n_headings:
 *
 * Returns: the number of HEADING blocks of the content
 */
guint
gloss_session_get_n_headings (GlossSession *self)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), 0);

  return self->headings->len;
}

/**
 * gloss_session_get_heading:
 * @index: less than gloss_session_get_n_headings()
 *
 * Returns: the block index (in the content) of the @index-th heading
 */
guint
gloss_session_get_heading (GlossSession *self,
                           guint         index)
{
  g_return_val_if_fail (GLOSS_IS_SESSION (self), 0);
  g_return_val_if_fail (index < self->headings->len, 0);

  return g_array_index (self->headings, guint, index);
}

/**
 * gloss_session_save_position:
 *
 * Writes a pending reading position to the library now rather than
 * after the scroll delay, for example when the window closes.
 */
void
gloss_session_save_position (GlossSession *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GLOSS_IS_SESSION (self));

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->position_dirty || self->document == NULL)
    return;

  self->position_dirty = FALSE;

  if (!gloss_library_set_position (self->library, self->document,
                                   self->visible_offset, &error))
    g_warning ("Could not save the reading position of %s: %s",
               gloss_document_get_id (self->document), error->message);
}
