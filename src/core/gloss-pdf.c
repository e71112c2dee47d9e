/* gloss-pdf.c: the text layer of a PDF, page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-decode.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-text-util.h"

/* The printed number of a page, from the PDF's page labels when they are
 * numbers ("401"), else its position. Roman numerals of front matter are
 * not numbers a citation can use, so they become 0 (unknown). */
static gint
page_label (PopplerPage *page,
            guint        index,
            gboolean     labelled)
{
  g_autofree char *label = NULL;
  gint value;

  if (!labelled)
    return index + 1;
  label = poppler_page_get_label (page);
  value = label ? gloss_text_parse_number (label) : -1;
  return value > 0 ? value : 0;
}

char *
gloss_pdf_extract_text (GBytes      *bytes,
                        const char  *name,
                        GArray     **page_labels,
                        GError     **error)
{
  /* poppler-glib 22 has no autoptr support for its own types */
  g_autoptr(GObject) doc_object = NULL;
  PopplerDocument *doc;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (gint));
  gboolean labelled = FALSE, any_text = FALSE;
  int n_pages;

  doc = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  doc_object = (GObject *) doc;
  if (doc == NULL)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_PDF,
                   /* Translators: the file's name, then Poppler's reason */
                   _("%s: the PDF cannot be read: %s"), name, local_error->message);
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (doc);
  if (n_pages <= 0)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_NO_TEXT,
                   /* Translators: %s is the file's name */
                   _("%s: the PDF has no pages"), name);
      return NULL;
    }

  /* Use the labels only if the PDF defines some that differ from plain
   * page positions somewhere; otherwise positions are the same thing. */
  for (int i = 0; i < n_pages && !labelled; i++)
    {
      g_autoptr(GObject) page = (GObject *) poppler_document_get_page (doc, i);
      g_autofree char *label = poppler_page_get_label (POPPLER_PAGE (page));

      labelled = label != NULL && gloss_text_parse_number (label) != i + 1;
    }

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(GObject) page = (GObject *) poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (POPPLER_PAGE (page));
      gint value = page_label (POPPLER_PAGE (page), i, labelled);

      if (i > 0)
        g_string_append_c (text, '\f');
      if (page_text != NULL)
        {
          for (const char *p = page_text; *p; p = g_utf8_next_char (p))
            if (!gloss_unichar_is_space (g_utf8_get_char (p)))
              {
                any_text = TRUE;
                break;
              }
          /* form feeds inside a page would be taken for page breaks */
          for (char *p = page_text; *p; p++)
            if (*p == '\f')
              *p = '\n';
          g_string_append (text, page_text);
        }
      g_string_append_c (text, '\n');
      g_array_append_val (labels, value);
    }

  if (!any_text)
    {
      g_set_error (error, GLOSS_IMPORT_ERROR, GLOSS_IMPORT_ERROR_NO_TEXT,
                   /* Translators: %s is the file's name */
                   _("%s: the PDF has no text layer (a scan?); Gloss cannot read its text"), name);
      return NULL;
    }

  if (page_labels != NULL)
    *page_labels = g_steal_pointer (&labels);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
