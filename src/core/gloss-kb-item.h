/* gloss-kb-item.h: one item of the knowledge base, a timeline event or
 * a cooperation mechanism
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  GLOSS_KB_TIMELINE,
  GLOSS_KB_MECHANISM,
} GlossKbCategory;

/* A source that records the item: a UN document, an official page. */
typedef struct
{
  char *title;
  char *symbol;             /* nullable */
  char *url;                /* nullable: no reliable address was found */
} GlossKbSource;

/* Where a corpus text states a fact differently from the sources. */
typedef struct
{
  char *quote_zh;           /* the corpus wording, exactly as `show` prints it */
  char *note_en;
  char *note_zh;
} GlossKbNote;

#define GLOSS_TYPE_KB_ITEM (gloss_kb_item_get_type ())
G_DECLARE_FINAL_TYPE (GlossKbItem, gloss_kb_item, GLOSS, KB_ITEM, GObject)

/* Properties (construct-only, readable): "id", "category", "date",
 * "date-precision", "end-date", "end-date-precision", "lane", "item-type",
 * "kind", "title-zh", "title-en", "symbol", "summary-en", "summary-zh",
 * "uncertain", "user-defined"; readable: "year", "end-year". Lists
 * (aliases, members, sources, corpus notes) have accessors below. */

GlossKbItem         *gloss_kb_item_new_from_json      (JsonObject      *object,
                                                       GlossKbCategory  category);
const char          *gloss_kb_item_get_id             (GlossKbItem *self);
GlossKbCategory      gloss_kb_item_get_category       (GlossKbItem *self);
const char          *gloss_kb_item_get_date           (GlossKbItem *self);
const char          *gloss_kb_item_get_date_precision (GlossKbItem *self);
const char          *gloss_kb_item_get_end_date       (GlossKbItem *self);
const char          *gloss_kb_item_get_end_date_precision (GlossKbItem *self);
gint                 gloss_kb_item_get_year           (GlossKbItem *self);
gint                 gloss_kb_item_get_end_year       (GlossKbItem *self);
const char          *gloss_kb_item_get_lane           (GlossKbItem *self);
const char          *gloss_kb_item_get_item_type      (GlossKbItem *self);
const char          *gloss_kb_item_get_kind           (GlossKbItem *self);
const char          *gloss_kb_item_get_title_zh       (GlossKbItem *self);
const char          *gloss_kb_item_get_title_en       (GlossKbItem *self);
const char          *gloss_kb_item_get_symbol         (GlossKbItem *self);
const char          *gloss_kb_item_get_summary_en     (GlossKbItem *self);
const char          *gloss_kb_item_get_summary_zh     (GlossKbItem *self);
const char          *gloss_kb_item_get_uncertain      (GlossKbItem *self);
gboolean             gloss_kb_item_get_user_defined   (GlossKbItem *self);
const char * const  *gloss_kb_item_get_aliases        (GlossKbItem *self);
const char * const  *gloss_kb_item_get_members        (GlossKbItem *self);
guint                gloss_kb_item_get_n_sources      (GlossKbItem *self);
const GlossKbSource *gloss_kb_item_get_source         (GlossKbItem *self,
                                                       guint        index);
guint                gloss_kb_item_get_n_notes        (GlossKbItem *self);
const GlossKbNote   *gloss_kb_item_get_note           (GlossKbItem *self,
                                                       guint        index);
void                 gloss_kb_item_set_aliases        (GlossKbItem        *self,
                                                       const char * const *aliases);
void                 gloss_kb_item_add_source         (GlossKbItem *self,
                                                       const char  *title,
                                                       const char  *symbol,
                                                       const char  *url);
gboolean             gloss_kb_item_check              (GlossKbItem *self,
                                                       GString     *problems);

gboolean             gloss_kb_parse_date              (const char  *date,
                                                       const char  *precision,
                                                       GDate       *out,
                                                       const char **why);

G_END_DECLS
