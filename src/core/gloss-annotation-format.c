/* gloss-annotation-format.c: notes as W3C Web Annotation JSON
 *
 * Export writes an AnnotationCollection whose first page holds every
 * Annotation (https://www.w3.org/TR/annotation-model/):
 *
 *   target   { source: "urn:sha256:<checksum of the original>",
 *              gloss:document: "<doc id>",
 *              selector: [TextQuoteSelector {exact, prefix, suffix},
 *                         TextPositionSelector {start, end}] }
 *   body     [TextualBody purpose "commenting" (the note),
 *             TextualBody purpose "tagging" (one per tag)]
 *   gloss:color, gloss:colorName, gloss:style, gloss:status  (our namespace)
 *
 * Positions count code points of the cleaned text, as everywhere in
 * Gloss; the quote and its context let another library (another
 * cleaning) place the note again. Import accepts that collection, an
 * AnnotationPage, a bare array or a single Annotation, and tolerates
 * what other tools write (body or target as one object, a plain string
 * target).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-annotation-format.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-error.h"

#define GLOSS_NS "https://glossreader.github.io/ns/annotation#"
#define SHA256_URN "urn:sha256:"
#define UUID_URN "urn:uuid:"

void
gloss_parsed_annotation_free (GlossParsedAnnotation *parsed)
{
  if (parsed == NULL)
    return;
  _gloss_note_data_clear (&parsed->data);
  g_free (parsed->source_checksum);
  g_free (parsed);
}

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) exact = g_date_time_add (time, usec % G_USEC_PER_SEC);

  return g_date_time_format (exact, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static void
add_string (JsonBuilder *b,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

static void
add_time (JsonBuilder *b,
          const char  *member,
          gint64       usec)
{
  g_autofree char *text = format_time (usec);

  add_string (b, member, text);
}

static void
build_body (JsonBuilder *b,
            GlossNote   *note)
{
  const char * const *tags = gloss_note_get_tags (note);

  json_builder_set_member_name (b, "body");
  json_builder_begin_array (b);
  if (*gloss_note_get_text (note))
    {
      json_builder_begin_object (b);
      add_string (b, "type", "TextualBody");
      add_string (b, "value", gloss_note_get_text (note));
      add_string (b, "format", "text/plain");
      add_string (b, "purpose", "commenting");
      json_builder_end_object (b);
    }
  for (guint i = 0; tags[i]; i++)
    {
      json_builder_begin_object (b);
      add_string (b, "type", "TextualBody");
      add_string (b, "value", tags[i]);
      add_string (b, "purpose", "tagging");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
build_target (JsonBuilder *b,
              GlossNote   *note)
{
  g_autofree char *source = g_strconcat (SHA256_URN, gloss_note_get_doc_checksum (note), NULL);

  json_builder_set_member_name (b, "target");
  json_builder_begin_object (b);
  add_string (b, "source", source);
  add_string (b, "gloss:document", gloss_note_get_doc_id (note));
  if (gloss_note_get_has_range (note))
    {
      json_builder_set_member_name (b, "selector");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      add_string (b, "type", "TextQuoteSelector");
      add_string (b, "exact", gloss_note_get_quote (note));
      add_string (b, "prefix", gloss_note_get_prefix (note));
      add_string (b, "suffix", gloss_note_get_suffix (note));
      json_builder_end_object (b);
      json_builder_begin_object (b);
      add_string (b, "type", "TextPositionSelector");
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, gloss_note_get_start (note));
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, gloss_note_get_end (note));
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

static void
build_annotation (JsonBuilder      *b,
                  GlossAnnotations *annotations,
                  GlossNote        *note)
{
  g_autofree char *id = g_strconcat (UUID_URN, gloss_note_get_id (note), NULL);
  g_autofree char *color_name = gloss_annotations_dup_color_name (annotations, gloss_note_get_color (note));

  json_builder_begin_object (b);
  add_string (b, "id", id);
  add_string (b, "type", "Annotation");
  add_string (b, "motivation", *gloss_note_get_text (note) ? "commenting" : "highlighting");
  add_time (b, "created", gloss_note_get_created (note));
  add_time (b, "modified", gloss_note_get_modified (note));
  build_body (b, note);
  build_target (b, note);
  add_string (b, "gloss:color", gloss_note_get_color (note));
  if (color_name != NULL)
    add_string (b, "gloss:colorName", color_name);
  add_string (b, "gloss:style", gloss_highlight_style_to_string (gloss_note_get_style (note)));
  add_string (b, "gloss:status", gloss_anchor_status_to_string (gloss_note_get_status (note)));
  if (gloss_note_get_prior_quote (note) != NULL)
    add_string (b, "gloss:priorQuote", gloss_note_get_prior_quote (note));
  json_builder_end_object (b);
}

/**
 * gloss_annotation_format_build:
 * @notes: (element-type GlossNote): what to export
 *
 * Returns: (transfer full): an AnnotationCollection
 */
JsonNode *
gloss_annotation_format_build (GlossAnnotations *annotations,
                               GPtrArray        *notes)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "@context");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "http://www.w3.org/ns/anno.jsonld");
  json_builder_begin_object (b);
  add_string (b, "gloss", GLOSS_NS);
  json_builder_end_object (b);
  json_builder_end_array (b);
  add_string (b, "type", "AnnotationCollection");
  add_string (b, "label", "Gloss annotations");
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, notes->len);
  json_builder_set_member_name (b, "first");
  json_builder_begin_object (b);
  add_string (b, "type", "AnnotationPage");
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < notes->len; i++)
    build_annotation (b, annotations, g_ptr_array_index (notes, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ------------------------------------------------------------------ */
/* Reading                                                            */

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_uint (JsonObject *object,
             const char *member,
             guint      *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXINT)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static gint64
parse_time (const char *text,
            gint64      fallback)
{
  g_autoptr(GDateTime) time = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  if (time == NULL)
    return fallback;
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/* Our own ids come back as they were; another tool's id becomes a
 * UUID derived from it, so importing its file twice adds nothing. */
static char *
parse_id (const char *id)
{
  g_autofree char *hash = NULL;

  if (id == NULL)
    return g_uuid_string_random ();
  if (g_str_has_prefix (id, UUID_URN) && g_uuid_string_is_valid (id + strlen (UUID_URN)))
    return g_ascii_strdown (id + strlen (UUID_URN), -1);
  if (g_uuid_string_is_valid (id))
    return g_ascii_strdown (id, -1);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, id, -1);
  return g_strdup_printf ("%.8s-%.4s-5%.3s-a%.3s-%.12s", hash, hash + 8, hash + 13, hash + 17, hash + 20);
}

/* A member that may be one object or an array of them. */
static GList *
objects_of (JsonObject *object,
            const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  GList *list = NULL;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_list_prepend (NULL, json_node_get_object (node));
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            list = g_list_prepend (list, json_node_get_object (element));
        }
    }
  return g_list_reverse (list);
}

static void
parse_body (JsonObject            *annotation,
            GlossParsedAnnotation *parsed)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  GList *bodies = objects_of (annotation, "body");

  for (GList *l = bodies; l; l = l->next)
    {
      const char *value = member_string (l->data, "value");
      const char *purpose = member_string (l->data, "purpose");
      g_autofree char *tag = NULL;

      if (value == NULL)
        continue;
      if (g_strcmp0 (purpose, "tagging") == 0)
        {
          if ((tag = gloss_note_normalize_tag (value)) != NULL)
            g_strv_builder_add (tags, tag);
          continue;
        }
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, value);
    }
  g_list_free (bodies);
  parsed->data.text = g_string_free (g_steal_pointer (&text), FALSE);
  parsed->data.tags = g_strv_builder_end (tags);
}

static void
parse_selectors (JsonObject            *target,
                 GlossParsedAnnotation *parsed)
{
  GList *selectors = objects_of (target, "selector");

  for (GList *l = selectors; l; l = l->next)
    {
      const char *type = member_string (l->data, "type");

      if (g_strcmp0 (type, "TextQuoteSelector") == 0 && member_string (l->data, "exact"))
        {
          parsed->data.has_range = TRUE;
          parsed->data.quote = g_strdup (member_string (l->data, "exact"));
          parsed->data.prefix = g_strdup (member_string (l->data, "prefix"));
          parsed->data.suffix = g_strdup (member_string (l->data, "suffix"));
        }
      else if (g_strcmp0 (type, "TextPositionSelector") == 0 &&
               member_uint (l->data, "start", &parsed->data.start) &&
               member_uint (l->data, "end", &parsed->data.end) &&
               parsed->data.end > parsed->data.start)
        {
          parsed->has_position = TRUE;
          parsed->data.has_range = TRUE;
        }
    }
  g_list_free (selectors);
}

static gboolean
parse_target (JsonObject            *annotation,
              GlossParsedAnnotation *parsed)
{
  JsonNode *node = json_object_get_member (annotation, "target");
  JsonObject *target = NULL;
  const char *source;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    node = json_array_get_element (json_node_get_array (node), 0);
  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      target = json_node_get_object (node);
      source = member_string (target, "source");
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    source = json_node_get_string (node);
  else
    return FALSE;

  if (source && g_str_has_prefix (source, SHA256_URN))
    parsed->source_checksum = g_ascii_strdown (source + strlen (SHA256_URN), -1);
  parsed->data.doc_id = g_strdup (member_string (target, "gloss:document"));
  if (target != NULL)
    parse_selectors (target, parsed);
  return parsed->source_checksum != NULL || parsed->data.doc_id != NULL;
}

static GlossParsedAnnotation *
parse_annotation (JsonObject *annotation)
{
  GlossParsedAnnotation *parsed = g_new0 (GlossParsedAnnotation, 1);
  GlossNoteData *d = &parsed->data;
  const char *color = member_string (annotation, "gloss:color");
  gint64 now = g_get_real_time ();

  if (g_strcmp0 (member_string (annotation, "type"), "Annotation") != 0 ||
      !parse_target (annotation, parsed))
    {
      gloss_parsed_annotation_free (parsed);
      return NULL;
    }
  d->id = parse_id (member_string (annotation, "id"));
  parse_body (annotation, parsed);
  d->color = g_strdup (gloss_note_color_is_valid (color) ? color : "yellow");
  if (!gloss_highlight_style_from_string (member_string (annotation, "gloss:style"), &d->style))
    d->style = GLOSS_HIGHLIGHT_BACKGROUND;
  d->prior_quote = g_strdup (member_string (annotation, "gloss:priorQuote"));
  d->created = parse_time (member_string (annotation, "created"), now);
  d->modified = parse_time (member_string (annotation, "modified"), d->created);
  return parsed;
}

static JsonArray *
find_items (JsonNode *root)
{
  JsonObject *object;
  JsonNode *node;

  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_node_get_array (root);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  if ((node = json_object_get_member (object, "first")) && JSON_NODE_HOLDS_OBJECT (node))
    object = json_node_get_object (node);
  if ((node = json_object_get_member (object, "items")) && JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);
  return NULL;
}

/**
 * gloss_annotation_format_parse:
 * @n_invalid: (out): how many entries were not annotations Gloss can use
 *
 * Returns: (transfer full) (element-type GlossParsedAnnotation): the
 *   annotations, or NULL if @root is no annotation file at all
 */
GPtrArray *
gloss_annotation_format_parse (JsonNode *root,
                               guint    *n_invalid,
                               GError  **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_parsed_annotation_free);
  JsonArray *items = find_items (root);

  *n_invalid = 0;
  if (items == NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      g_strcmp0 (member_string (json_node_get_object (root), "type"), "Annotation") == 0)
    {
      GlossParsedAnnotation *one = parse_annotation (json_node_get_object (root));

      if (one)
        g_ptr_array_add (result, one);
      else
        (*n_invalid)++;
      return g_steal_pointer (&result);
    }
  if (items == NULL)
    {
      g_set_error (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_INVALID,
                   /* Translators: “Web Annotation” is a W3C standard and
                    * AnnotationCollection a term of it; keep them as they are */
                   _("not a Web Annotation file: no AnnotationCollection, page or array of annotations"));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      GlossParsedAnnotation *parsed = JSON_NODE_HOLDS_OBJECT (node) ?
                                      parse_annotation (json_node_get_object (node)) : NULL;

      if (parsed)
        g_ptr_array_add (result, parsed);
      else
        (*n_invalid)++;
    }
  return g_steal_pointer (&result);
}
