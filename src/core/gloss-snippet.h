/* gloss-snippet.h: a short piece of text around a match, for result lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-content.h"

G_BEGIN_DECLS

/* Characters shown either side of a match. */
#define GLOSS_SNIPPET_CONTEXT 30

char *gloss_snippet_new              (const char   *text,
                                      guint         start,
                                      guint         end,
                                      guint         context,
                                      guint        *match_start,
                                      guint        *match_end);
char *gloss_snippet_new_from_content (GlossContent *content,
                                      guint         start,
                                      guint         end,
                                      guint         context,
                                      guint        *match_start,
                                      guint        *match_end);

G_END_DECLS
