/* gloss-reader-settings.h: the reading view follows the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-reader-view.h"

G_BEGIN_DECLS

/* The values of the color-scheme key, as in the schema's enum. */
typedef enum
{
  GLOSS_COLOR_SCHEME_SYSTEM,
  GLOSS_COLOR_SCHEME_LIGHT,
  GLOSS_COLOR_SCHEME_DARK,
  GLOSS_COLOR_SCHEME_SEPIA,
} GlossColorScheme;

#define GLOSS_TYPE_READER_SETTINGS (gloss_reader_settings_get_type ())
G_DECLARE_FINAL_TYPE (GlossReaderSettings, gloss_reader_settings, GLOSS, READER_SETTINGS, GObject)

GlossReaderSettings *gloss_reader_settings_new (GlossReaderView *view,
                                                GtkWidget       *themed);

G_END_DECLS
