/* gloss-content-private.h: building a GlossContent (cleaner and store only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-content.h"

G_BEGIN_DECLS

/* Takes ownership of the text and of the arrays (of GlossBlock,
 * GlossFootnoteRef and GlossPageStart). */
GlossContent *_gloss_content_new (char   *text,
                                  GArray *blocks,
                                  GArray *footnote_refs,
                                  GArray *page_starts);

G_END_DECLS
