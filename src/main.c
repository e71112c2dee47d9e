/* main.c: one binary, two faces
 *
 * `gloss` opens the window; `gloss [--library DIR] COMMAND …` runs the
 * command line without touching the display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gloss-application.h"
#include "gloss-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GlossApplication) app = NULL;
  /* Run from the build tree (build-aux/gloss-dev run), the catalogues
   * are in build/po, not installed yet. */
  const char *localedir = g_getenv ("GLOSS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (gloss_cli_wants_command_line (argc, argv))
    return gloss_cli_run (argc, argv);

  app = gloss_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
