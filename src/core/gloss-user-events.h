/* gloss-user-events.h: the user's own timeline events, kept in user.db
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-knowledge-base.h"
#include "gloss-library.h"

G_BEGIN_DECLS

#define GLOSS_USER_EVENT_ERROR (gloss_user_event_error_quark ())

/* Which field of an event was refused (or that the event is unknown);
 * an editor shows the message next to that field. */
typedef enum
{
  GLOSS_USER_EVENT_ERROR_DATE,
  GLOSS_USER_EVENT_ERROR_END_DATE,
  GLOSS_USER_EVENT_ERROR_LANE,
  GLOSS_USER_EVENT_ERROR_TYPE,
  GLOSS_USER_EVENT_ERROR_TITLE,
  GLOSS_USER_EVENT_ERROR_SUMMARY,
  GLOSS_USER_EVENT_ERROR_SOURCE,
  GLOSS_USER_EVENT_ERROR_NOT_FOUND,  /* no user event with this id */
  GLOSS_USER_EVENT_ERROR_DUPLICATE,  /* the id is taken (by a bundled item too) */
} GlossUserEventError;

#define GLOSS_USER_EVENT_N_FIELDS (GLOSS_USER_EVENT_ERROR_SOURCE + 1)

/* What the user types in; every string is borrowed and may be NULL or
 * blank where the comment says so. */
typedef struct
{
  const char *date;                 /* YYYY, YYYY-MM or YYYY-MM-DD */
  const char *date_precision;       /* "year", "month", "day" */
  const char *end_date;             /* nullable: a single day or period */
  const char *end_date_precision;   /* with end_date */
  const char *lane;                 /* "gge", "oewg", "ga", "other" */
  const char *item_type;            /* nullable: "meeting" */
  const char *title_zh;             /* one of the titles may be blank */
  const char *title_en;
  const char *summary;              /* one text, for both languages */
  const char *symbol;               /* nullable: a UN document symbol */
  const char *source_url;           /* required: http(s) */
  const char *source_title;         /* nullable: the URL stands for it */
} GlossUserEventFields;

GQuark       gloss_user_event_error_quark   (void);
GError      *gloss_user_event_check_field   (const GlossUserEventFields *fields,
                                             GlossUserEventError         field);
GlossKbItem *gloss_user_event_new           (const char                 *id,
                                             const GlossUserEventFields *fields,
                                             GError                    **error);
GListModel  *gloss_user_events_list         (GlossLibrary               *library,
                                             GError                    **error);
gboolean     gloss_user_events_add          (GlossLibrary               *library,
                                             GlossKnowledgeBase         *knowledge,
                                             GlossKbItem                *item,
                                             GError                    **error);
gboolean     gloss_user_events_update       (GlossLibrary               *library,
                                             GlossKnowledgeBase         *knowledge,
                                             GlossKbItem                *item,
                                             GError                    **error);
gboolean     gloss_user_events_remove       (GlossLibrary               *library,
                                             GlossKnowledgeBase         *knowledge,
                                             const char                 *id,
                                             GError                    **error);
gboolean     gloss_user_events_merge        (GlossLibrary               *library,
                                             GlossKnowledgeBase         *knowledge,
                                             GError                    **error);

G_END_DECLS
