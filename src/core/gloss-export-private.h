/* gloss-export-private.h: the plan of an export, shared by its writers
 *
 * An export is first turned into a plan: a flat list of blocks (title,
 * headings, entries, a timeline strip, cards, sources) that says what
 * the reader gets, in order. The PDF layout, Markdown and HTML writers
 * all render the same plan, so the three formats hold the same content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "gloss-export.h"
#include "gloss-export-layout.h"

G_BEGIN_DECLS

/* One exported note: the passage, the note and where it comes from. */
typedef struct
{
  char   *note_id;
  char   *doc_id;
  char   *doc_title;
  char   *authors;     /* as the library keeps them: "A; B", may be empty */
  gint    year;        /* 0: unknown */
  guint   start;
  char   *quote;       /* may be empty: a note on the whole document */
  char   *text;        /* the note, light Markdown; may be empty */
  char   *color;       /* the colour key */
  char   *color_name;  /* what the user called it, else the colour's name */
  GStrv   tags;
  gint    page;        /* printed page of the passage; 0: unknown */
  char   *section;     /* the heading the passage is under; nullable */
  gint64  created;
} GlossExportEntry;

typedef enum
{
  GLOSS_PLAN_TITLE,       /* text: title; detail: subtitle; extra: byline */
  GLOSS_PLAN_TOC,         /* the contents, made from the headings */
  GLOSS_PLAN_PAGE_BREAK,
  GLOSS_PLAN_HEADING,     /* level 1 or 2; text; detail: a line under it */
  GLOSS_PLAN_PARAGRAPH,   /* text: light Markdown */
  GLOSS_PLAN_ENTRY,
  GLOSS_PLAN_TIMELINE,    /* items: the events, from/to, lanes */
  GLOSS_PLAN_EVENT,       /* one event of the list under the strip; number */
  GLOSS_PLAN_CARD,        /* item: a mechanism */
  GLOSS_PLAN_SOURCE,      /* text: title; detail: symbol; extra: url */
} GlossPlanKind;

typedef struct
{
  GlossPlanKind     kind;
  guint             level;
  guint             number;
  char             *text;
  char             *detail;
  char             *extra;
  char             *anchor;    /* a link target name, for headings */
  GlossExportEntry *entry;     /* borrowed from the plan's entries */
  GlossKbItem      *item;
  GPtrArray        *items;     /* of GlossKbItem */
  GDate             from;
  GDate             to;
  GStrv             lanes;
} GlossPlanBlock;

typedef struct
{
  char      *title;
  char      *subject;
  char      *author;
  gboolean   handout;
  GPtrArray *entries;   /* of GlossExportEntry, the notes selected */
  GPtrArray *blocks;    /* of GlossPlanBlock */
} GlossExportPlan;

/* gloss-export-entry.c */
GlossExportEntry *gloss_export_entry_new          (GlossLibrary     *library,
                                                   GlossNote        *note,
                                                   GlossDocument    *document,
                                                   GlossContent     *content);
void              gloss_export_entry_free         (GlossExportEntry *entry);
char             *gloss_export_entry_dup_citation (GlossExportEntry *entry);
char             *gloss_export_entry_dup_place    (GlossExportEntry *entry);
char             *gloss_export_dup_authors        (const char       *authors);
void              gloss_export_color_get_rgb      (const char       *color,
                                                   gboolean          fill,
                                                   double            rgb[3]);
char             *gloss_export_color_dup_hex      (const char       *color,
                                                   gboolean          fill);
GPtrArray        *gloss_export_collect            (GlossLibrary             *library,
                                                   const GlossExportOptions *options,
                                                   GCancellable             *cancellable,
                                                   GError                  **error);

/* gloss-export-plan.c */
GlossExportPlan  *gloss_export_plan_new           (GlossLibrary             *library,
                                                   GlossKnowledgeBase       *knowledge,
                                                   const GlossExportOptions *options,
                                                   GCancellable             *cancellable,
                                                   GError                  **error);
void              gloss_export_plan_free          (GlossExportPlan  *plan);
GlossPlanBlock   *gloss_export_plan_add           (GlossExportPlan  *plan,
                                                   GlossPlanKind     kind,
                                                   const char       *text);
void              gloss_export_plan_add_entries   (GlossExportPlan  *plan,
                                                   GPtrArray        *entries,
                                                   GlossExportOrder  order,
                                                   guint             level);

/* gloss-export-handout.c */
gboolean          gloss_export_plan_fill_handout  (GlossExportPlan          *plan,
                                                   GlossLibrary             *library,
                                                   GlossKnowledgeBase       *knowledge,
                                                   const GlossExportOptions *options,
                                                   GCancellable             *cancellable,
                                                   GError                  **error);
char             *gloss_export_dup_item_dates     (GlossKbItem      *item);

/* gloss-export-text.c */
char             *gloss_export_plan_to_markdown   (GlossExportPlan  *plan);
char             *gloss_export_plan_to_html       (GlossExportPlan  *plan);

/* gloss-export-layout.c: what the PDF writer needs beyond drawing */
typedef struct
{
  guint       level;
  const char *title;
  const char *dest;
  guint       page;
} GlossOutlineItem;

GlossExportLayout *gloss_export_layout_new_for_plan (GlossExportPlan *plan,
                                                     double           paper_width,
                                                     double           paper_height,
                                                     GCancellable    *cancellable,
                                                     GError         **error);
GArray           *gloss_export_layout_get_outline  (GlossExportLayout *self);

/* gloss-export-timeline.c: the timeline strip */
typedef struct _GlossTimelineStrip GlossTimelineStrip;
GlossTimelineStrip *gloss_timeline_strip_new        (GlossPlanBlock     *block,
                                                     PangoContext       *context,
                                                     double              width);
double              gloss_timeline_strip_get_height (GlossTimelineStrip *strip);
void                gloss_timeline_strip_draw       (GlossTimelineStrip *strip,
                                                     cairo_t            *cr,
                                                     double              x,
                                                     double              y);
void                gloss_timeline_strip_free       (GlossTimelineStrip *strip);

/* gloss-export-pdf.c */
gboolean          gloss_export_plan_write_pdf     (GlossExportPlan         *plan,
                                                   GlossPaper               paper,
                                                   GOutputStream           *out,
                                                   GCancellable            *cancellable,
                                                   GlossExportProgressFunc  progress,
                                                   gpointer                 user_data,
                                                   GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossExportPlan, gloss_export_plan_free)

G_END_DECLS
