/* gloss-search-tokenizer.c: the FTS5 tokenizer of the search index
 *
 * The tokenizer ("gloss") sees text that is already folded. It cuts the
 * text at white space into runs and emits, for every character of a run,
 * the bigram that starts there, or, for the last character of a run, the
 * character alone:
 *
 *     "中俄合作 a/70"  →  中俄 俄合 合作 作 | a/ /7 70 0
 *
 * So every substring of two or more characters that contains no space is
 * found by the bigrams it contains, and every single character c by the
 * prefix query "c"* (a bigram starting with c, or c at the end of a run).
 * Latin, digits and punctuation are treated exactly like Chinese, so
 * "GGE" finds "UNGGE" and "/70/" finds "A/70/174": search is substring
 * search everywhere, never word search.
 *
 * In queries (FTS5_TOKENIZE_QUERY) the same cutting applies, except that
 * a run of two or more characters yields only its bigrams: the query
 * builder only ever asks for one bigram or one character at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-search-private.h"

gboolean
gloss_search_is_break (gunichar c)
{
  return g_unichar_isspace (c);
}

/* The next character; invalid UTF-8 (never produced by folding) counts
 * as one character per byte rather than stopping the tokenizer. */
static const char *
next_char (const char *p,
           const char *end,
           gunichar   *c)
{
  gunichar u = g_utf8_get_char_validated (p, end - p);

  if (u == (gunichar) -1 || u == (gunichar) -2)
    {
      *c = (guchar) *p;
      return p + 1;
    }
  *c = u;
  return g_utf8_next_char (p);
}

typedef int (*TokenFunc) (void *ctx, int flags, const char *token, int n, int start, int end);

static int
tokenize (Fts5Tokenizer *tokenizer,
          void          *ctx,
          int            flags,
          const char    *text,
          int            length,
          TokenFunc      emit)
{
  const char *end = text + length;
  const char *p = text;
  gboolean query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  guint run = 0;   /* characters of the current run before p */
  gunichar c;
  const char *q = p < end ? next_char (p, end, &c) : end;

  while (p < end)
    {
      gunichar d = 0;
      const char *r = q < end ? next_char (q, end, &d) : end;
      int rc = SQLITE_OK;

      if (gloss_search_is_break (c))
        run = 0;
      else
        {
          gboolean last = q >= end || gloss_search_is_break (d);

          if (!last)
            rc = emit (ctx, 0, p, r - p, p - text, r - text);
          else if (!query || run == 0)
            rc = emit (ctx, 0, p, q - p, p - text, q - text);
          run++;
        }
      if (rc != SQLITE_OK)
        return rc;
      p = q;
      q = r;
      c = d;
    }
  return SQLITE_OK;
}

static int
tokenizer_create (void           *context,
                  const char    **args,
                  int             n_args,
                  Fts5Tokenizer **tokenizer)
{
  /* stateless: any non-NULL pointer will do */
  *tokenizer = (Fts5Tokenizer *) context;
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
}

gboolean
gloss_search_register_tokenizer (sqlite3 *db)
{
  static fts5_tokenizer methods = { tokenizer_create, tokenizer_delete, tokenize };
  static int dummy;
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (api == NULL)
    return FALSE;
  return api->xCreateTokenizer (api, "gloss", &dummy, &methods, NULL) == SQLITE_OK;
}
