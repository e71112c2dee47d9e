/* gloss-fold.h: folding text for search, with a map back to the original
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GLOSS_FOLD_DEFAULT       = 0,
  GLOSS_FOLD_TRADITIONAL   = 1 << 0,   /* also fold Traditional Chinese to Simplified */
  GLOSS_FOLD_DROP_SPACE    = 1 << 1,   /* drop white space: "UN GGE" = "UNGGE" */
  GLOSS_FOLD_UNIFY_DASHES  = 1 << 2,   /* every hyphen and dash becomes "-" */
} GlossFoldFlags;

/* Where the folded text differs in length from the original, for example
 * "ﬁ" → "fi", "…" → "..." or a dropped space: everything else maps one
 * to one. */
typedef struct _GlossFoldMap GlossFoldMap;

char         *gloss_fold                   (const char          *text,
                                            gssize               length,
                                            GlossFoldFlags       flags,
                                            GlossFoldMap       **map);
gunichar      gloss_fold_traditional_char  (gunichar             c);

GlossFoldMap *gloss_fold_map_new_from_data (const void          *data,
                                            gsize                size);
GBytes       *gloss_fold_map_to_bytes      (const GlossFoldMap  *self);
gboolean      gloss_fold_map_is_identity   (const GlossFoldMap  *self);
void          gloss_fold_map_to_original   (const GlossFoldMap  *self,
                                            guint                folded_start,
                                            guint                folded_end,
                                            guint               *original_start,
                                            guint               *original_end);
void          gloss_fold_map_free          (GlossFoldMap        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossFoldMap, gloss_fold_map_free)

G_END_DECLS
