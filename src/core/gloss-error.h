/* gloss-error.h: error domains of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GLOSS_IMPORT_ERROR (gloss_import_error_quark ())
#define GLOSS_STORE_ERROR  (gloss_store_error_quark ())
#define GLOSS_SEARCH_ERROR (gloss_search_error_quark ())
#define GLOSS_KNOWLEDGE_ERROR (gloss_knowledge_error_quark ())

/* Why a file could not become a document. Every message names the file. */
typedef enum
{
  GLOSS_IMPORT_ERROR_UNREADABLE,   /* missing, a directory, no permission */
  GLOSS_IMPORT_ERROR_EMPTY,
  GLOSS_IMPORT_ERROR_TOO_LARGE,
  GLOSS_IMPORT_ERROR_BINARY,
  GLOSS_IMPORT_ERROR_NUL_BYTES,
  GLOSS_IMPORT_ERROR_ENCODING,
  GLOSS_IMPORT_ERROR_NO_TEXT,      /* a PDF without a text layer, or only white space */
  GLOSS_IMPORT_ERROR_PDF,          /* a damaged or encrypted PDF */
  GLOSS_IMPORT_ERROR_DUPLICATE,
} GlossImportError;

/* Why the library could not be opened or written. */
typedef enum
{
  GLOSS_STORE_ERROR_IO,
  GLOSS_STORE_ERROR_CORRUPT,       /* reported and left untouched */
  GLOSS_STORE_ERROR_TOO_NEW,       /* written by a newer Gloss */
  GLOSS_STORE_ERROR_NOT_FOUND,     /* no such document */
  GLOSS_STORE_ERROR_AMBIGUOUS,     /* a document id prefix matches several */
  GLOSS_STORE_ERROR_INVALID,       /* a value the store refuses (empty title, bad year) */
  GLOSS_STORE_ERROR_SQL,
  GLOSS_STORE_ERROR_BUSY,          /* another process held the library too long */
} GlossStoreError;

GQuark gloss_import_error_quark (void);
GQuark gloss_store_error_quark  (void);

/* Why the knowledge base (timeline, mechanisms) refused its data. */
typedef enum
{
  GLOSS_KNOWLEDGE_ERROR_PARSE,     /* not JSON, or not {"items": [...]} */
  GLOSS_KNOWLEDGE_ERROR_INVALID,   /* the message lists every problem, one a line */
  GLOSS_KNOWLEDGE_ERROR_DUPLICATE, /* an item with this id is already there */
} GlossKnowledgeError;

GQuark gloss_knowledge_error_quark (void);

/* Why a search could not run. */
typedef enum
{
  GLOSS_SEARCH_ERROR_EMPTY_QUERY,  /* nothing to search for: only spaces or punctuation */
  GLOSS_SEARCH_ERROR_INVALID_QUERY,/* not valid UTF-8 */
  GLOSS_SEARCH_ERROR_INDEX,        /* the index could not be read or written */
} GlossSearchError;

GQuark gloss_search_error_quark (void);

G_END_DECLS
