/* gloss-text-util.h: character classes for cleaning CJK text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean gloss_unichar_is_cjk            (gunichar c);
gboolean gloss_unichar_is_fullwidth_alnum (gunichar c);
gboolean gloss_unichar_is_latin_letter   (gunichar c);
gboolean gloss_unichar_is_closing        (gunichar c);
gboolean gloss_unichar_is_sentence_end   (gunichar c);
gboolean gloss_unichar_is_circled_number (gunichar c);
gboolean gloss_unichar_is_space          (gunichar c);
double   gloss_text_em_width             (const char *text);
char    *gloss_text_strip                (const char *text);
gboolean gloss_text_has_prefix_ci        (const char *text,
                                          const char *prefix);
gint     gloss_text_parse_number         (const char *text);

G_END_DECLS
