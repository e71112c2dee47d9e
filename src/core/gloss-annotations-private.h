/* gloss-annotations-private.h: what the library does with annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "gloss-annotations.h"
#include "gloss-note-private.h"

G_BEGIN_DECLS

GlossAnnotations *_gloss_annotations_new          (sqlite3          *db,
                                                   GError          **error);
GStrv             _gloss_annotations_stale_documents (GlossAnnotations *self,
                                                   GError          **error);
GPtrArray        *_gloss_annotations_plan_reanchor (GlossAnnotations *self,
                                                   const char       *doc_id,
                                                   const char       *doc_checksum,
                                                   GlossContent     *content);
gboolean          _gloss_annotations_write_states (GlossAnnotations *self,
                                                   GPtrArray        *states,
                                                   GError          **error);
void              _gloss_annotations_apply_states (GlossAnnotations *self,
                                                   GPtrArray        *states);
gboolean          _gloss_annotations_merge        (GlossAnnotations *self,
                                                   GPtrArray        *incoming,
                                                   GlossImportReport *report,
                                                   GError          **error);
char             *_gloss_text_checksum            (GlossContent     *content);

/* One write transaction on user.db, waiting out another process's. */
gboolean          _gloss_user_db_begin            (sqlite3          *db,
                                                   GError          **error);
gboolean          _gloss_user_db_commit           (sqlite3          *db,
                                                   GError          **error);
void              _gloss_user_db_rollback         (sqlite3          *db);

G_END_DECLS
