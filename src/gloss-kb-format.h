/* gloss-kb-format.h: how knowledge base items read in the interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-kb-item.h"

G_BEGIN_DECLS

char       *gloss_kb_format_date   (const char  *date,
                                    const char  *precision);
char       *gloss_kb_format_period (GlossKbItem *item);
const char *gloss_kb_format_lane   (const char  *lane);
const char *gloss_kb_format_kind   (const char  *kind);
const char *gloss_kb_format_type   (const char  *item_type);
const char *gloss_kb_format_label  (GlossKbItem *item);

G_END_DECLS
