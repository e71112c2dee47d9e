/* gloss-mention.c: one passage of a document that mentions an item
 *
 * A value object for list views: the panels show these under an item,
 * grouped by document (GlossMentionGroup), and the reading view marks them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-mention.h"

struct _GlossMention
{
  GObject  parent_instance;

  char    *item_id;
  char    *document_id;
  guint    start;
  guint    end;
  char    *kind;
  gint     page;
  char    *snippet;
};

G_DEFINE_FINAL_TYPE (GlossMention, gloss_mention, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ITEM_ID,
  PROP_DOCUMENT_ID,
  PROP_START,
  PROP_END,
  PROP_KIND,
  PROP_PAGE,
  PROP_SNIPPET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_mention_finalize (GObject *object)
{
  GlossMention *self = GLOSS_MENTION (object);

  g_free (self->item_id);
  g_free (self->document_id);
  g_free (self->kind);
  g_free (self->snippet);

  G_OBJECT_CLASS (gloss_mention_parent_class)->finalize (object);
}

static void
gloss_mention_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossMention *self = GLOSS_MENTION (object);

  switch (prop_id)
    {
    case PROP_ITEM_ID:     g_value_set_string (value, self->item_id); break;
    case PROP_DOCUMENT_ID: g_value_set_string (value, self->document_id); break;
    case PROP_START:       g_value_set_uint (value, self->start); break;
    case PROP_END:         g_value_set_uint (value, self->end); break;
    case PROP_KIND:        g_value_set_string (value, self->kind); break;
    case PROP_PAGE:        g_value_set_int (value, self->page); break;
    case PROP_SNIPPET:     g_value_set_string (value, self->snippet); break;
    default:               G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_mention_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GlossMention *self = GLOSS_MENTION (object);

  switch (prop_id)
    {
    case PROP_ITEM_ID:     self->item_id = g_value_dup_string (value); break;
    case PROP_DOCUMENT_ID: self->document_id = g_value_dup_string (value); break;
    case PROP_START:       self->start = g_value_get_uint (value); break;
    case PROP_END:         self->end = g_value_get_uint (value); break;
    case PROP_KIND:        self->kind = g_value_dup_string (value); break;
    case PROP_PAGE:        self->page = g_value_get_int (value); break;
    case PROP_SNIPPET:     self->snippet = g_value_dup_string (value); break;
    default:               G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_mention_class_init (GlossMentionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_mention_finalize;
  object_class->get_property = gloss_mention_get_property;
  object_class->set_property = gloss_mention_set_property;

  properties[PROP_ITEM_ID] = g_param_spec_string ("item-id", NULL, NULL, NULL, flags);
  properties[PROP_DOCUMENT_ID] = g_param_spec_string ("document-id", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_PAGE] = g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_SNIPPET] = g_param_spec_string ("snippet", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_mention_init (GlossMention *self)
{
}

GlossMention *
gloss_mention_new (const char *item_id,
                   const char *document_id,
                   guint       start,
                   guint       end,
                   const char *kind,
                   gint        page,
                   const char *snippet)
{
  return g_object_new (GLOSS_TYPE_MENTION,
                       "item-id", item_id, "document-id", document_id,
                       "start", start, "end", end, "kind", kind,
                       "page", MAX (page, 0), "snippet", snippet, NULL);
}

const char *
gloss_mention_get_item_id (GlossMention *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION (self), NULL);
  return self->item_id;
}

const char *
gloss_mention_get_document_id (GlossMention *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION (self), NULL);
  return self->document_id;
}

guint
gloss_mention_get_start (GlossMention *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION (self), 0);
  return self->start;
}

guint
gloss_mention_get_end (GlossMention *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION (self), 0);
  return self->end;
}

const char *
gloss_mention_get_kind (GlossMention *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION (self), NULL);
  return self->kind;
}

gint
gloss_mention_get_page (GlossMention *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION (self), 0);
  return self->page;
}

const char *
gloss_mention_get_snippet (GlossMention *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION (self), NULL);
  return self->snippet;
}
