/* gloss-cleaner.h: raw extracted text to clean blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-content.h"

G_BEGIN_DECLS

/* Bumped whenever the cleaning changes, so stored cleaned text is rebuilt. */
#define GLOSS_CLEANER_VERSION 1

/* text: valid UTF-8, \n line ends; a form feed (\f) is a known page break
 * and page_labels (nullable) gives the printed number of each page. */
GlossContent *gloss_clean_plain_text (const char   *text,
                                      const gint   *page_labels,
                                      guint         n_page_labels);
GlossContent *gloss_clean_markdown   (const char   *text);

G_END_DECLS
