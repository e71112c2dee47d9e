/* gloss-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-error.h"

G_DEFINE_QUARK (gloss-import-error-quark, gloss_import_error)
G_DEFINE_QUARK (gloss-store-error-quark, gloss_store_error)
G_DEFINE_QUARK (gloss-search-error-quark, gloss_search_error)
G_DEFINE_QUARK (gloss-knowledge-error-quark, gloss_knowledge_error)
