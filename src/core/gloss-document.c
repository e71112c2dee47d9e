/* gloss-document.c: a document of the library and its metadata
 *
 * A GlossDocument is light: metadata only. Its cleaned text is a
 * GlossContent, loaded on demand from the library, so that a library of
 * hundreds of megabytes lists in no time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-document-private.h"

struct _GlossDocument
{
  GObject           parent_instance;
  GlossDocumentInfo info;
};

G_DEFINE_FINAL_TYPE (GlossDocument, gloss_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_AUTHORS,
  PROP_YEAR,
  PROP_LANGUAGE,
  PROP_SOURCE,
  PROP_NOTES,
  PROP_TITLE_INFERRED,
  PROP_FORMAT,
  PROP_ENCODING,
  PROP_CHECKSUM,
  PROP_SIZE,
  PROP_N_CHARS,
  PROP_BUNDLED,
  PROP_ADDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_gloss_document_info_clear (GlossDocumentInfo *info)
{
  g_clear_pointer (&info->id, g_free);
  g_clear_pointer (&info->title, g_free);
  g_clear_pointer (&info->authors, g_free);
  g_clear_pointer (&info->language, g_free);
  g_clear_pointer (&info->source, g_free);
  g_clear_pointer (&info->notes, g_free);
  g_clear_pointer (&info->format, g_free);
  g_clear_pointer (&info->encoding, g_free);
  g_clear_pointer (&info->checksum, g_free);
}

static void
gloss_document_finalize (GObject *object)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  _gloss_document_info_clear (&self->info);

  G_OBJECT_CLASS (gloss_document_parent_class)->finalize (object);
}

static void
gloss_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);
  const GlossDocumentInfo *info = &self->info;

  switch (prop_id)
    {
    case PROP_ID:             g_value_set_string (value, info->id); break;
    case PROP_TITLE:          g_value_set_string (value, info->title); break;
    case PROP_AUTHORS:        g_value_set_string (value, info->authors); break;
    case PROP_YEAR:           g_value_set_int (value, info->year); break;
    case PROP_LANGUAGE:       g_value_set_string (value, info->language); break;
    case PROP_SOURCE:         g_value_set_string (value, info->source); break;
    case PROP_NOTES:          g_value_set_string (value, info->notes); break;
    case PROP_TITLE_INFERRED: g_value_set_boolean (value, info->title_inferred); break;
    case PROP_FORMAT:         g_value_set_string (value, info->format); break;
    case PROP_ENCODING:       g_value_set_string (value, info->encoding); break;
    case PROP_CHECKSUM:       g_value_set_string (value, info->checksum); break;
    case PROP_SIZE:           g_value_set_uint64 (value, info->size); break;
    case PROP_N_CHARS:        g_value_set_uint (value, info->n_chars); break;
    case PROP_BUNDLED:        g_value_set_boolean (value, info->bundled); break;
    case PROP_ADDED:          g_value_set_int64 (value, info->added); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
boolean_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
gloss_document_class_init (GlossDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gloss_document_finalize;
  object_class->get_property = gloss_document_get_property;

  properties[PROP_ID] = string_property ("id");
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_AUTHORS] = string_property ("authors");
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_LANGUAGE] = string_property ("language");
  properties[PROP_SOURCE] = string_property ("source");
  properties[PROP_NOTES] = string_property ("notes");
  properties[PROP_TITLE_INFERRED] = boolean_property ("title-inferred");
  properties[PROP_FORMAT] = string_property ("format");
  properties[PROP_ENCODING] = string_property ("encoding");
  properties[PROP_CHECKSUM] = string_property ("checksum");
  properties[PROP_SIZE] = g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_N_CHARS] = g_param_spec_uint ("n-chars", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_BUNDLED] = boolean_property ("bundled");
  properties[PROP_ADDED] = g_param_spec_int64 ("added", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_document_init (GlossDocument *self)
{
}

GlossDocument *
_gloss_document_new (const GlossDocumentInfo *info)
{
  GlossDocument *self = g_object_new (GLOSS_TYPE_DOCUMENT, NULL);

  self->info = *info;
  self->info.id = g_strdup (info->id);
  self->info.title = g_strdup (info->title);
  self->info.authors = g_strdup (info->authors ? info->authors : "");
  self->info.language = g_strdup (info->language ? info->language : "");
  self->info.source = g_strdup (info->source ? info->source : "");
  self->info.notes = g_strdup (info->notes ? info->notes : "");
  self->info.format = g_strdup (info->format);
  self->info.encoding = g_strdup (info->encoding);
  self->info.checksum = g_strdup (info->checksum);
  return self;
}

static void
set_string (GlossDocument *self,
            char         **field,
            const char    *value,
            guint          prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_gloss_document_update (GlossDocument *self,
                        const char    *title,
                        const char    *authors,
                        gint           year)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  set_string (self, &self->info.title, title, PROP_TITLE);
  set_string (self, &self->info.authors, authors, PROP_AUTHORS);
  if (self->info.year != year)
    {
      self->info.year = year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
    }
  /* a title the user typed is no longer an inference */
  if (self->info.title_inferred)
    {
      self->info.title_inferred = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_INFERRED]);
    }
}

void
_gloss_document_set_n_chars (GlossDocument *self,
                             guint          n_chars)
{
  if (self->info.n_chars == n_chars)
    return;
  self->info.n_chars = n_chars;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CHARS]);
}

/* The document now stands for another original (a corrected file):
 * same id and metadata, new bytes. */
void
_gloss_document_replace_original (GlossDocument           *self,
                                  const GlossDocumentInfo *info)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  set_string (self, &self->info.checksum, info->checksum, PROP_CHECKSUM);
  set_string (self, &self->info.format, info->format, PROP_FORMAT);
  set_string (self, &self->info.encoding, info->encoding, PROP_ENCODING);
  if (self->info.size != info->size)
    {
      self->info.size = info->size;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
    }
  _gloss_document_set_n_chars (self, info->n_chars);
}

#define GETTER(type, name, field) \
  type gloss_document_get_##name (GlossDocument *self) \
  { \
    g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0); \
    return self->info.field; \
  }

GETTER (const char *, id, id)
GETTER (const char *, title, title)
GETTER (const char *, authors, authors)
GETTER (gint, year, year)
GETTER (const char *, language, language)
GETTER (const char *, source, source)
GETTER (const char *, notes, notes)
GETTER (gboolean, title_inferred, title_inferred)
GETTER (const char *, format, format)
GETTER (const char *, encoding, encoding)
GETTER (const char *, checksum, checksum)
GETTER (guint64, size, size)
GETTER (guint, n_chars, n_chars)
GETTER (gboolean, bundled, bundled)

/* "鲁传颖, 杨乐 (2020). Title" — the form citations and exports use. */
char *
gloss_document_dup_citation (GlossDocument *self)
{
  GString *s;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);

  s = g_string_new (NULL);
  if (self->info.authors && *self->info.authors)
    g_string_append (s, self->info.authors);
  if (self->info.year > 0)
    g_string_append_printf (s, s->len ? " (%d)" : "(%d)", self->info.year);
  if (s->len)
    g_string_append (s, ". ");
  g_string_append (s, self->info.title);
  return g_string_free (s, FALSE);
}
