/* gloss-note-markup.h: a note's light Markdown as Pango markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *gloss_note_markup_from_markdown (const char *text);
char *gloss_note_markup_for_print     (const char *text);

G_END_DECLS
