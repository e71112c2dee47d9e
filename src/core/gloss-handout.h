/* gloss-handout.h: what a teaching handout holds, read from a small JSON spec
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A handout spec is one JSON object (every field but "title" optional):
 *
 *   {
 *     "title":        "联合国网络规范进程",          the handout's title
 *     "subtitle":     "第三讲",                      under the title
 *     "author":       "王老师",                      byline and PDF author
 *     "introduction": "text; a blank line separates paragraphs; *em*, **strong**, [a](https://…)",
 *     "notes":        ["NOTE-ID", …],               chosen notes, by id …
 *     "tags":         ["课堂"],                       … and/or every note with one of these tags
 *     "timeline":     { "from": "2004", "to": "2021-12-31",
 *                       "lanes": ["gge", "oewg", "ga", "other"] },
 *     "mechanisms":   ["MECHANISM-ID", …],          cards, in this order
 *     "paper":        "a4" | "letter"
 *   }
 *
 * Dates are YYYY, YYYY-MM or YYYY-MM-DD; "from" starts at the first day of
 * its year or month, "to" ends at the last. Without "notes" and "tags" the
 * handout has no passages; without "timeline" no timeline; the sources
 * list gathers the sources of the events and mechanisms shown. */
typedef struct
{
  char   *title;
  char   *subtitle;
  char   *author;
  char   *introduction;
  GStrv   note_ids;
  GStrv   tags;
  gboolean has_timeline;
  GDate   timeline_from;      /* valid when has_timeline */
  GDate   timeline_to;
  GStrv   lanes;              /* NULL: every lane */
  GStrv   mechanisms;
  char   *paper;              /* nullable */
} GlossHandout;

GlossHandout *gloss_handout_new_from_data (const char   *data,
                                           gssize        length,
                                           const char   *name,
                                           GError      **error);
GlossHandout *gloss_handout_new_from_file (GFile        *file,
                                           GError      **error);
GlossHandout *gloss_handout_copy          (const GlossHandout *handout);
void          gloss_handout_free          (GlossHandout *handout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossHandout, gloss_handout_free)

G_END_DECLS
