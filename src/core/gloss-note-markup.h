/* gloss-note-markup.h: a note's light Markdown as Pango markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *gloss_note_markup_from_markdown (const char *text);
char *gloss_note_markup_for_print     (const char *text,
                                       GPtrArray  *targets);

char     *gloss_note_markup_dup_print_url    (const char *url);
char     *gloss_note_markup_for_print_url    (const char *url);
char     *gloss_note_markup_open_print_link  (guint       index);
gboolean  gloss_note_markup_parse_print_link (const char *language,
                                              guint      *index);

G_END_DECLS
