/* gloss-note-history.c: undo and redo of changes to notes
 *
 * Every change the user makes to a note (adding a highlight, editing
 * its text, recolouring, re-tagging, re-attaching, deleting) is kept as
 * the pair of snapshots around it.  Undo puts the "before" snapshot
 * back (or removes what was added); redo puts the "after" back (or
 * deletes again).  Both go through GlossAnnotations, so they are
 * written to user.db at once, like any other change: an undone delete
 * survives a crash just as the delete would have.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include "gloss-note-history.h"

/* Enough for a long session; the oldest changes go first. */
#define MAX_CHANGES 200

typedef struct
{
  GlossNote *before;   /* NULL: the change added the note */
  GlossNote *after;    /* NULL: the change deleted it */
  char      *label;
} Change;

struct _GlossNoteHistory
{
  GObject           parent_instance;

  GlossAnnotations *annotations;
  GQueue            undo;   /* of Change, newest first */
  GQueue            redo;
};

G_DEFINE_FINAL_TYPE (GlossNoteHistory, gloss_note_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_free (Change *change)
{
  g_clear_object (&change->before);
  g_clear_object (&change->after);
  g_free (change->label);
  g_free (change);
}

static void
notify_state (GlossNoteHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
}

/* Makes the store hold @target, where it now holds @current (NULL on
 * either side: the note is absent). */
static gboolean
apply (GlossNoteHistory  *self,
       GlossNote         *current,
       GlossNote         *target,
       GError           **error)
{
  if (target != NULL)
    return gloss_annotations_restore (self->annotations, target, NULL, error);

  return gloss_annotations_remove_by_id (self->annotations, gloss_note_get_id (current),
                                         NULL, error);
}

static gboolean
move_change (GlossNoteHistory  *self,
             GQueue            *from,
             GQueue            *to,
             gboolean           undoing,
             GError           **error)
{
  Change *change = g_queue_peek_head (from);

  if (change == NULL)
    return TRUE;

  if (!apply (self,
              undoing ? change->after : change->before,
              undoing ? change->before : change->after,
              error))
    return FALSE;

  g_queue_push_head (to, g_queue_pop_head (from));
  notify_state (self);

  return TRUE;
}

/* ------------------------------------------------------------------ */

static void
gloss_note_history_finalize (GObject *object)
{
  GlossNoteHistory *self = GLOSS_NOTE_HISTORY (object);

  g_queue_clear_full (&self->undo, (GDestroyNotify) change_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) change_free);
  g_clear_object (&self->annotations);

  G_OBJECT_CLASS (gloss_note_history_parent_class)->finalize (object);
}

static void
gloss_note_history_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossNoteHistory *self = GLOSS_NOTE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gloss_note_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, gloss_note_history_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, gloss_note_history_get_undo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_note_history_class_init (GlossNoteHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_note_history_finalize;
  object_class->get_property = gloss_note_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* What undo would undo, for a menu item or a toast ("Delete highlight"). */
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_note_history_init (GlossNoteHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/* ------------------------------------------------------------------ */

GlossNoteHistory *
gloss_note_history_new (GlossAnnotations *annotations)
{
  GlossNoteHistory *self;

  g_return_val_if_fail (GLOSS_IS_ANNOTATIONS (annotations), NULL);

  self = g_object_new (GLOSS_TYPE_NOTE_HISTORY, NULL);
  self->annotations = g_object_ref (annotations);

  return self;
}

/**
 * gloss_note_history_push:
 * @before: (nullable): the note before the change (NULL: it was added)
 * @after: (nullable): the note after it (NULL: it was deleted)
 * @label: what the change was, for the user ("Add highlight")
 *
 * Records a change that has been made.  A new change ends what could
 * be redone.
 */
void
gloss_note_history_push (GlossNoteHistory *self,
                         GlossNote        *before,
                         GlossNote        *after,
                         const char       *label)
{
  Change *change;

  g_return_if_fail (GLOSS_IS_NOTE_HISTORY (self));
  g_return_if_fail (before != NULL || after != NULL);

  change = g_new0 (Change, 1);
  change->before = before ? gloss_note_copy (before) : NULL;
  change->after = after ? gloss_note_copy (after) : NULL;
  change->label = g_strdup (label);

  g_queue_push_head (&self->undo, change);
  while (g_queue_get_length (&self->undo) > MAX_CHANGES)
    change_free (g_queue_pop_tail (&self->undo));
  g_queue_clear_full (&self->redo, (GDestroyNotify) change_free);

  notify_state (self);
}

gboolean
gloss_note_history_undo (GlossNoteHistory  *self,
                         GError           **error)
{
  g_return_val_if_fail (GLOSS_IS_NOTE_HISTORY (self), FALSE);

  return move_change (self, &self->undo, &self->redo, TRUE, error);
}

gboolean
gloss_note_history_redo (GlossNoteHistory  *self,
                         GError           **error)
{
  g_return_val_if_fail (GLOSS_IS_NOTE_HISTORY (self), FALSE);

  return move_change (self, &self->redo, &self->undo, FALSE, error);
}

gboolean
gloss_note_history_get_can_undo (GlossNoteHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTE_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

gboolean
gloss_note_history_get_can_redo (GlossNoteHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_NOTE_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}

const char *
gloss_note_history_get_undo_label (GlossNoteHistory *self)
{
  Change *change;

  g_return_val_if_fail (GLOSS_IS_NOTE_HISTORY (self), NULL);

  change = g_queue_peek_head (&self->undo);
  return change ? change->label : NULL;
}

void
gloss_note_history_clear (GlossNoteHistory *self)
{
  g_return_if_fail (GLOSS_IS_NOTE_HISTORY (self));

  g_queue_clear_full (&self->undo, (GDestroyNotify) change_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) change_free);
  notify_state (self);
}
