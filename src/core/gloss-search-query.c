/* gloss-search-query.c: what the user typed, as terms and an FTS5 query
 *
 * The query is folded like the text, then split at white space into
 * terms; a "quoted phrase" is one term, spaces included (spaces at its
 * ends are dropped). Every term must occur in the same paragraph.
 *
 * Nothing the user typed reaches FTS5's query parser as syntax: the
 * FTS5 expression is built here only from double-quoted tokens (one
 * bigram, or one character as a prefix query), with any double quote
 * inside doubled. `"`, `*`, `-`, `:`, NEAR, AND, OR are all just text.
 *
 * The expression only finds candidate paragraphs; each is then checked
 * against the folded text, so the expression may use a sample of a long
 * term's bigrams (a 10 000-character query asks FTS5 for 16 of them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gloss-search-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-error.h"

#define MAX_TOKENS_PER_TERM 16

void
gloss_search_query_free (GlossSearchQuery *query)
{
  if (query == NULL)
    return;
  g_clear_pointer (&query->terms, g_ptr_array_unref);
  g_free (query->match);
  g_free (query);
}

static gboolean
has_searchable_char (const char *term)
{
  for (const char *p = term; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
add_term (GPtrArray  *terms,
          const char *start,
          const char *end,
          gboolean    phrase)
{
  g_autofree char *term = NULL;

  if (phrase)
    {
      /* a phrase keeps its inner spaces, not the ones at its ends */
      while (start < end && gloss_search_is_break (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      while (end > start && gloss_search_is_break (g_utf8_get_char (g_utf8_prev_char (end))))
        end = g_utf8_prev_char (end);
    }
  if (start >= end)
    return;

  term = g_strndup (start, end - start);
  for (guint i = 0; i < terms->len; i++)
    if (g_str_equal (terms->pdata[i], term))
      return;
  g_ptr_array_add (terms, g_steal_pointer (&term));
}

/* The terms of a folded query: words split at breaks, "quoted phrases"
 * whole; the notes and cards are matched with the same terms. */
GPtrArray *
_gloss_search_split_terms (const char *folded)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  const char *word = NULL;

  for (const char *p = folded; *p;)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"')
        {
          const char *close;

          if (word != NULL)
            add_term (terms, word, p, FALSE);
          word = NULL;
          close = strchr (p + 1, '"');
          add_term (terms, p + 1, close ? close : p + strlen (p), TRUE);
          p = close ? close + 1 : p + strlen (p);
          continue;
        }
      if (gloss_search_is_break (c))
        {
          if (word != NULL)
            add_term (terms, word, p, FALSE);
          word = NULL;
        }
      else if (word == NULL)
        word = p;
      p = g_utf8_next_char (p);
    }
  if (word != NULL)
    add_term (terms, word, word + strlen (word), FALSE);
  return terms;
}

static void
append_token (GString    *match,
              const char *token,
              gsize       length,
              gboolean    prefix)
{
  if (match->len > 0)
    g_string_append (match, " AND ");
  g_string_append_c (match, '"');
  for (gsize i = 0; i < length; i++)
    {
      if (token[i] == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, token[i]);
    }
  g_string_append (match, prefix ? "\"*" : "\"");
}

/* The tokens of one term: its bigrams (a sample of at most
 * MAX_TOKENS_PER_TERM, spread over the term), and for each run of a
 * single character between spaces, that character as a prefix query.
 * Returns: whether it added a prefix query. */
static gboolean
append_term (GString    *match,
             const char *term)
{
  g_autoptr(GPtrArray) bigrams = g_ptr_array_new ();   /* start pointers */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean prefix = FALSE;

  for (const char *p = term; *p;)
    {
      const char *q = g_utf8_next_char (p);
      gboolean p_break = gloss_search_is_break (g_utf8_get_char (p));
      gboolean q_break = *q == '\0' || gloss_search_is_break (g_utf8_get_char (q));
      gboolean alone = p == term || gloss_search_is_break (g_utf8_get_char (g_utf8_prev_char (p)));

      if (!p_break && !q_break)
        g_ptr_array_add (bigrams, (char *) p);
      else if (!p_break && alone)
        {
          append_token (match, p, q - p, TRUE);
          prefix = TRUE;
        }
      p = q;
    }

  for (guint i = 0; i < MIN (bigrams->len, MAX_TOKENS_PER_TERM); i++)
    {
      /* spread the sample over the whole term */
      guint index = bigrams->len <= MAX_TOKENS_PER_TERM ? i :
                    (guint) ((guint64) i * bigrams->len / MAX_TOKENS_PER_TERM);
      const char *p = bigrams->pdata[index];
      const char *end = g_utf8_next_char (g_utf8_next_char (p));
      char *token;

      token = g_strndup (p, end - p);
      if (!g_hash_table_add (seen, token))
        continue;
      append_token (match, p, end - p, FALSE);
    }
  return prefix;
}

/**
 * gloss_search_query_parse:
 *
 * Returns: (transfer full): the query, or %NULL with
 *   %GLOSS_SEARCH_ERROR_INVALID_QUERY (not UTF-8) or
 *   %GLOSS_SEARCH_ERROR_EMPTY_QUERY (nothing but spaces and punctuation)
 */
GlossSearchQuery *
gloss_search_query_parse (const char     *text,
                          GlossFoldFlags  flags,
                          GError        **error)
{
  g_autoptr(GlossSearchQuery) query = g_new0 (GlossSearchQuery, 1);
  g_autofree char *folded = NULL;
  g_autoptr(GString) match = g_string_new (NULL);
  gboolean searchable = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_INVALID_QUERY,
                   _("the query is not valid UTF-8 text"));
      return NULL;
    }

  folded = gloss_fold (text, -1, flags, NULL);
  query->terms = _gloss_search_split_terms (folded);
  for (guint i = 0; i < query->terms->len; i++)
    searchable |= has_searchable_char (query->terms->pdata[i]);
  if (!searchable)
    {
      g_set_error (error, GLOSS_SEARCH_ERROR, GLOSS_SEARCH_ERROR_EMPTY_QUERY,
                   _("nothing to search for: the query has no letters, digits or characters, "
                     "only spaces or punctuation"));
      return NULL;
    }

  for (guint i = 0; i < query->terms->len; i++)
    query->prefix |= append_term (match, query->terms->pdata[i]);
  query->match = g_string_free (g_steal_pointer (&match), FALSE);
  return g_steal_pointer (&query);
}
