/* gloss-mention-group.c: the mentions of an item in one document
 *
 * What an item's card lists: one group per document, each with its
 * passages (a GtkTreeListModel can expand "mentions" under each group).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-mention-group.h"

#include "gloss-mention.h"

struct _GlossMentionGroup
{
  GObject        parent_instance;

  GlossDocument *document;
  GListModel    *mentions;
};

G_DEFINE_FINAL_TYPE (GlossMentionGroup, gloss_mention_group, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_MENTIONS,
  PROP_N_MENTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_mention_group_dispose (GObject *object)
{
  GlossMentionGroup *self = GLOSS_MENTION_GROUP (object);

  g_clear_object (&self->document);
  g_clear_object (&self->mentions);

  G_OBJECT_CLASS (gloss_mention_group_parent_class)->dispose (object);
}

static void
gloss_mention_group_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossMentionGroup *self = GLOSS_MENTION_GROUP (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:   g_value_set_object (value, self->document); break;
    case PROP_MENTIONS:   g_value_set_object (value, self->mentions); break;
    case PROP_N_MENTIONS: g_value_set_uint (value, gloss_mention_group_get_n_mentions (self)); break;
    default:              G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_mention_group_class_init (GlossMentionGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gloss_mention_group_dispose;
  object_class->get_property = gloss_mention_group_get_property;

  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT, flags);
  properties[PROP_MENTIONS] = g_param_spec_object ("mentions", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_N_MENTIONS] = g_param_spec_uint ("n-mentions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_mention_group_init (GlossMentionGroup *self)
{
}

/**
 * gloss_mention_group_new:
 * @mentions: a list model of #GlossMention
 */
GlossMentionGroup *
gloss_mention_group_new (GlossDocument *document,
                         GListModel    *mentions)
{
  GlossMentionGroup *self;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (mentions), NULL);

  self = g_object_new (GLOSS_TYPE_MENTION_GROUP, NULL);
  self->document = g_object_ref (document);
  self->mentions = g_object_ref (mentions);
  return self;
}

GlossDocument *
gloss_mention_group_get_document (GlossMentionGroup *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION_GROUP (self), NULL);
  return self->document;
}

/**
 * gloss_mention_group_get_mentions:
 *
 * Returns: (transfer none): a list model of #GlossMention
 */
GListModel *
gloss_mention_group_get_mentions (GlossMentionGroup *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION_GROUP (self), NULL);
  return self->mentions;
}

guint
gloss_mention_group_get_n_mentions (GlossMentionGroup *self)
{
  g_return_val_if_fail (GLOSS_IS_MENTION_GROUP (self), 0);
  return g_list_model_get_n_items (self->mentions);
}
