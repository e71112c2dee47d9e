/* gloss-export.h: notes and teaching handouts as PDF, Markdown and HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-handout.h"
#include "gloss-knowledge-base.h"
#include "gloss-library.h"

G_BEGIN_DECLS

#define GLOSS_EXPORT_ERROR (gloss_export_error_quark ())

/* Why an export was not written. In every case no file is left behind:
 * the destination is written under a temporary name and renamed last. */
typedef enum
{
  GLOSS_EXPORT_ERROR_NOTHING_SELECTED,  /* the selection matches no note */
  GLOSS_EXPORT_ERROR_INVALID,           /* a bad option, date or handout spec */
  GLOSS_EXPORT_ERROR_IO,                /* the destination could not be written */
  GLOSS_EXPORT_ERROR_RENDER,            /* cairo refused to draw */
} GlossExportError;

typedef enum
{
  GLOSS_EXPORT_FORMAT_PDF,
  GLOSS_EXPORT_FORMAT_MARKDOWN,
  GLOSS_EXPORT_FORMAT_HTML,
} GlossExportFormat;

typedef enum
{
  GLOSS_EXPORT_ORDER_POSITION,   /* by document, then place in the text */
  GLOSS_EXPORT_ORDER_TAG,        /* by tag, then document and place */
} GlossExportOrder;

typedef enum
{
  GLOSS_PAPER_A4,
  GLOSS_PAPER_LETTER,
} GlossPaper;

/* What to export and how. Every string and list may be NULL: it does not
 * filter. A note is selected when it passes every filter that is set;
 * within one list (tags, colours, ids) one match is enough. */
typedef struct
{
  GlossExportFormat format;
  GlossExportOrder  order;
  GlossPaper        paper;
  char             *title;       /* the export's title; a default otherwise */
  char             *doc_id;      /* an id or a unique prefix */
  GStrv             tags;
  GStrv             colors;
  GStrv             note_ids;
  gint64            created_from; /* µs since the epoch, inclusive; 0: open */
  gint64            created_to;   /* µs since the epoch, exclusive; 0: open */
  GlossHandout     *handout;     /* owned; a teaching handout instead of notes */
} GlossExportOptions;

/* Called now and then with how much of the export is done, 0 to 1. */
typedef void (*GlossExportProgressFunc) (double   fraction,
                                         gpointer user_data);

GQuark              gloss_export_error_quark            (void);

GlossExportOptions *gloss_export_options_new            (void);
void                gloss_export_options_free           (GlossExportOptions *options);
gboolean            gloss_export_options_set_date_range (GlossExportOptions *options,
                                                         const char         *from,
                                                         const char         *to,
                                                         GError            **error);
gboolean            gloss_export_format_from_string     (const char         *name,
                                                         GlossExportFormat  *format);
gboolean            gloss_paper_from_string             (const char         *name,
                                                         GlossPaper         *paper);
void                gloss_paper_get_size                (GlossPaper          paper,
                                                         double             *width,
                                                         double             *height);

gboolean            gloss_export_write                  (GlossLibrary             *library,
                                                         GlossKnowledgeBase       *knowledge,
                                                         const GlossExportOptions *options,
                                                         GFile                    *file,
                                                         GCancellable             *cancellable,
                                                         GlossExportProgressFunc   progress,
                                                         gpointer                  user_data,
                                                         guint                    *n_entries,
                                                         GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossExportOptions, gloss_export_options_free)

G_END_DECLS
