/* gloss-handout.c: reading a teaching handout's spec (see gloss-handout.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gloss-export.h"
#include "gloss-kb-item.h"

static gboolean
invalid (GError    **error,
         const char *name,
         const char *why)
{
  /* Translators: a file's name (or what failed), then why */
  g_set_error (error, GLOSS_EXPORT_ERROR, GLOSS_EXPORT_ERROR_INVALID, _("%s: %s"), name, why);
  return FALSE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *member,
            char       **out,
            const char  *name,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *why = g_strdup_printf (_("“%s” must be a string"), member);

      return invalid (error, name, why);
    }
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_strings (JsonObject  *object,
             const char  *member,
             GStrv       *out,
             const char  *name,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto bad;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        goto bad;
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;

bad:
  {
    g_autofree char *why = g_strdup_printf (_("“%s” must be a list of strings"), member);

    return invalid (error, name, why);
  }
}

/* A date of the spec: @end takes the last day of a year or month. */
static gboolean
parse_date (const char *text,
            gboolean    end,
            GDate      *date)
{
  static const char * const precisions[] = { "day", "month", "year" };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (precisions); i++)
    if (gloss_kb_parse_date (text, precisions[i], date, NULL))
      {
        if (end && i == 1)
          g_date_set_day (date, g_date_get_days_in_month (g_date_get_month (date),
                                                          g_date_get_year (date)));
        else if (end && i == 2)
          g_date_set_dmy (date, 31, G_DATE_DECEMBER, g_date_get_year (date));
        return TRUE;
      }
  return FALSE;
}

static gboolean
read_timeline (GlossHandout *handout,
               JsonObject   *object,
               const char   *name,
               GError      **error)
{
  JsonNode *node = json_object_get_member (object, "timeline");
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  JsonObject *timeline;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, name, _("“timeline” must be an object with “from” and “to”"));
  timeline = json_node_get_object (node);
  if (!get_string (timeline, "from", &from, name, error) ||
      !get_string (timeline, "to", &to, name, error) ||
      !get_strings (timeline, "lanes", &handout->lanes, name, error))
    return FALSE;
  if (!parse_date (from, FALSE, &handout->timeline_from) ||
      !parse_date (to, TRUE, &handout->timeline_to))
    return invalid (error, name, _("the timeline’s “from” and “to” must be dates (YYYY, YYYY-MM or YYYY-MM-DD)"));
  if (g_date_compare (&handout->timeline_from, &handout->timeline_to) > 0)
    return invalid (error, name, _("the timeline ends before it starts"));
  handout->has_timeline = TRUE;
  return TRUE;
}

/**
 * gloss_handout_new_from_data:
 * @name: what to call the spec in messages (its file name)
 *
 * Returns: (transfer full): the handout, or %NULL with @error set
 *   (GLOSS_EXPORT_ERROR_INVALID, the message naming @name and the field)
 */
GlossHandout *
gloss_handout_new_from_data (const char *data,
                             gssize      length,
                             const char *name,
                             GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GlossHandout) handout = g_new0 (GlossHandout, 1);
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object;

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      invalid (error, name, parse_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      invalid (error, name, _("a handout spec is one JSON object"));
      return NULL;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  if (!get_string (object, "title", &handout->title, name, error) ||
      !get_string (object, "subtitle", &handout->subtitle, name, error) ||
      !get_string (object, "author", &handout->author, name, error) ||
      !get_string (object, "introduction", &handout->introduction, name, error) ||
      !get_string (object, "paper", &handout->paper, name, error) ||
      !get_strings (object, "notes", &handout->note_ids, name, error) ||
      !get_strings (object, "tags", &handout->tags, name, error) ||
      !get_strings (object, "mechanisms", &handout->mechanisms, name, error) ||
      !read_timeline (handout, object, name, error))
    return NULL;
  if (handout->title == NULL || *g_strstrip (handout->title) == '\0')
    {
      invalid (error, name, _("a handout needs a “title”"));
      return NULL;
    }
  return g_steal_pointer (&handout);
}

GlossHandout *
gloss_handout_new_from_file (GFile   *file,
                             GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local_error))
    {
      invalid (error, name, local_error->message);
      return NULL;
    }
  return gloss_handout_new_from_data (data, length, name, error);
}

GlossHandout *
gloss_handout_copy (const GlossHandout *handout)
{
  GlossHandout *copy = g_memdup2 (handout, sizeof *handout);

  copy->title = g_strdup (handout->title);
  copy->subtitle = g_strdup (handout->subtitle);
  copy->author = g_strdup (handout->author);
  copy->introduction = g_strdup (handout->introduction);
  copy->note_ids = g_strdupv (handout->note_ids);
  copy->tags = g_strdupv (handout->tags);
  copy->lanes = g_strdupv (handout->lanes);
  copy->mechanisms = g_strdupv (handout->mechanisms);
  copy->paper = g_strdup (handout->paper);
  return copy;
}

void
gloss_handout_free (GlossHandout *handout)
{
  if (handout == NULL)
    return;
  g_free (handout->title);
  g_free (handout->subtitle);
  g_free (handout->author);
  g_free (handout->introduction);
  g_strfreev (handout->note_ids);
  g_strfreev (handout->tags);
  g_strfreev (handout->lanes);
  g_strfreev (handout->mechanisms);
  g_free (handout->paper);
  g_free (handout);
}
