/* gloss-preferences-window.h: the reading and search preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSS_TYPE_PREFERENCES_WINDOW (gloss_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, GLOSS, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWindow *gloss_preferences_window_new (GtkWindow *parent);

G_END_DECLS
