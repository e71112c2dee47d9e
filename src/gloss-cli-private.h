/* gloss-cli-private.h: what the commands of the command line share, for
 * the commands that live in files of their own (gloss-cli-TOPIC.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-library.h"

G_BEGIN_DECLS

typedef struct
{
  const char *library_dir;
  const char *command;
  int         argc;      /* of the command's own arguments */
  char      **argv;
} Invocation;

/* Prints one JSON document on stdout, UTF-8 as is (never through g_print,
 * which converts to the locale's charset). */
void gloss_cli_print_json (JsonNode *root);

int  gloss_cli_error      (int         status,
                           const char *command,
                           const char *format,
                           ...) G_GNUC_PRINTF (3, 4);

/* Each command prints its output or its error and returns the exit status. */

/* gloss-cli-knowledge.c */
int gloss_cli_timeline   (GlossLibrary *library,
                          Invocation   *inv);
int gloss_cli_mechanisms (GlossLibrary *library,
                          Invocation   *inv);

/* gloss-cli-search.c */
int gloss_cli_search     (GlossLibrary *library,
                          Invocation   *inv);

/* gloss-cli-export.c */
int gloss_cli_export             (GlossLibrary *library,
                                  Invocation   *inv);

/* gloss-cli-notes.c */
int gloss_cli_note               (GlossLibrary *library,
                                  Invocation   *inv);
int gloss_cli_import_annotations (GlossLibrary *library,
                                  Invocation   *inv);

G_END_DECLS
