/* gloss-store.h: the two SQLite databases of a library (core-internal)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "gloss-content.h"
#include "gloss-document-private.h"

G_BEGIN_DECLS

/* What the user wrote lives in user.db, which is never recreated;
 * what can be rebuilt from the original bytes lives in corpus.db. */
#define GLOSS_USER_SCHEMA_VERSION   4
#define GLOSS_CORPUS_SCHEMA_VERSION 2

typedef struct _GlossStore GlossStore;

GlossStore   *gloss_store_open            (const char    *dir,
                                           gboolean      *created,
                                           GError       **error);
void          gloss_store_free            (GlossStore    *self);
sqlite3      *gloss_store_get_user_db     (GlossStore    *self);
sqlite3      *gloss_store_get_corpus_db   (GlossStore    *self);
gboolean      gloss_store_exec            (sqlite3       *db,
                                           const char    *sql,
                                           GError       **error);
GPtrArray    *gloss_store_list_documents  (GlossStore    *self,
                                           GError       **error);
char         *gloss_store_find_checksum   (GlossStore    *self,
                                           const char    *checksum);
gboolean      gloss_store_id_exists       (GlossStore    *self,
                                           const char    *id);
gboolean      gloss_store_insert_document (GlossStore    *self,
                                           const GlossDocumentInfo *info,
                                           const char    *filename,
                                           GBytes        *original,
                                           GError       **error);
GBytes       *gloss_store_load_original   (GlossStore    *self,
                                           const char    *id,
                                           GError       **error);
gboolean      gloss_store_update_metadata (GlossStore    *self,
                                           const char    *id,
                                           const char    *title,
                                           const char    *authors,
                                           gint           year,
                                           GError       **error);
gboolean      gloss_store_get_position    (GlossStore    *self,
                                           const char    *id,
                                           guint         *offset);
gboolean      gloss_store_set_position    (GlossStore    *self,
                                           const char    *id,
                                           guint          offset,
                                           GError       **error);
gboolean      gloss_store_replace_original (GlossStore   *self,
                                           const char    *id,
                                           const GlossDocumentInfo *info,
                                           const char    *filename,
                                           GBytes        *original,
                                           GError       **error);
GlossContent *gloss_store_load_content    (GlossStore    *self,
                                           const char    *id,
                                           const char    *checksum);
gboolean      gloss_store_save_content    (GlossStore    *self,
                                           const char    *id,
                                           const char    *checksum,
                                           GlossContent  *content,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossStore, gloss_store_free)

G_END_DECLS
