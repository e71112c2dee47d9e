/* test-gui-preferences.c: the preferences window, and the reading view
 * and the window following the preferences
 *
 * Runs under a display (xvfb-run -a), with GSETTINGS_BACKEND=memory and
 * the schema compiled into the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "gloss-application.h"
#include "gloss-library.h"
#include "gloss-preferences-window.h"
#include "gloss-reader-style.h"
#include "gloss-reader-view.h"
#include "gloss-window.h"
#include "test-gui-util.h"
#include "test-util.h"

/* Every key the preferences window writes: reset after each test, as
 * the memory backend is shared by the whole process. */
static const char * const preference_keys[] = {
  "reading-font-cjk",
  "use-latin-font",
  "reading-font-latin",
  "text-size",
  "line-spacing",
  "paragraph-spacing",
  "column-width",
  "color-scheme",
  "fold-chinese-variants",
};

typedef struct
{
  char         *dir;
  GlossLibrary *library;
  GlossWindow  *window;
  GSettings    *settings;
} Fixture;

/* ------------------------------------------------------------------ */

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  *(gboolean *) data = TRUE;
}

/* Waits until @widget is on screen and a frame has been painted since:
 * a frame lays out whatever was queued before it paints. */
static void
settle (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  test_iterate_until (widget_is_mapped, widget);

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  test_iterate_until (test_flag_is_set, &painted);
  g_signal_handler_disconnect (clock, handler);
}

static gboolean
reader_has_text (gpointer data)
{
  return gloss_reader_view_get_content (data) != NULL && !gloss_reader_view_get_loading (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GlossReaderView *view;

  fixture->settings = g_settings_new (APP_ID);
  /* The reading view alone beside the sidebar: wide enough for the
   * column width to show in its margins. */
  g_settings_set_boolean (fixture->settings, "show-timeline", FALSE);
  g_settings_set_boolean (fixture->settings, "show-mechanisms", FALSE);
  fixture->library = test_open_library (&fixture->dir);
  fixture->window = g_object_ref (gloss_window_new (NULL, fixture->library));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));

  /* The window opens the first document after its first frame; let it
   * finish, so that nothing is under way when the test ends. */
  view = gloss_window_get_reader_view (fixture->window);
  test_iterate_until (reader_has_text, view);
  settle (GTK_WIDGET (view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->library);

  for (guint i = 0; i < G_N_ELEMENTS (preference_keys); i++)
    g_settings_reset (fixture->settings, preference_keys[i]);
  g_clear_object (&fixture->settings);

  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static GtkTextTag *
lookup_tag (Fixture    *fixture,
            const char *name)
{
  GlossReaderView *view = gloss_window_get_reader_view (fixture->window);
  GlossReaderStyle *style = gloss_reader_view_get_style (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gloss_reader_style_get_tag_table (style), name);

  g_assert_nonnull (tag);

  return tag;
}

static int
tag_font_size (GtkTextTag *tag)
{
  g_autoptr(PangoFontDescription) font = NULL;

  g_object_get (tag, "font-desc", &font, NULL);
  g_assert_nonnull (font);

  return pango_font_description_get_size (font);
}

static char *
tag_font_family (GtkTextTag *tag)
{
  g_autoptr(PangoFontDescription) font = NULL;

  g_object_get (tag, "font-desc", &font, NULL);
  g_assert_nonnull (font);

  return g_strdup (pango_font_description_get_family (font));
}

static int
tag_int (GtkTextTag *tag,
         const char *property)
{
  int value;

  g_object_get (tag, property, &value, NULL);

  return value;
}

/* ------------------------------------------------------------------ */

/* The text size sets the body text, and every other block keeps its
 * size relative to it. */
static void
test_text_size (Fixture       *fixture,
                gconstpointer  data)
{
  GtkTextTag *paragraph = lookup_tag (fixture, "paragraph");
  GtkTextTag *heading = lookup_tag (fixture, "heading-1");
  int heading_before = tag_font_size (heading);
  int indent_before = tag_int (paragraph, "indent");

  g_assert_cmpint (tag_font_size (paragraph), ==, 14 * PANGO_SCALE);

  g_settings_set_double (fixture->settings, "text-size", 21.0);
  g_assert_cmpint (tag_font_size (paragraph), ==, 21 * PANGO_SCALE);
  g_assert_cmpint (abs (tag_font_size (heading) - heading_before * 3 / 2), <=, 1);

  /* The two-character indent is counted in the new, larger em. */
  g_assert_cmpint (tag_int (paragraph, "indent"), >, indent_before * 5 / 4);
}

/* Line spacing opens up the lines of a paragraph; paragraph spacing
 * the space after it. */
static void
test_spacing (Fixture       *fixture,
              gconstpointer  data)
{
  GtkTextTag *paragraph = lookup_tag (fixture, "paragraph");
  int inside_before = tag_int (paragraph, "pixels-inside-wrap");
  int below_before = tag_int (paragraph, "pixels-below-lines");
  int inside;

  g_settings_set_double (fixture->settings, "line-spacing", 2.25);
  inside = tag_int (paragraph, "pixels-inside-wrap");
  g_assert_cmpint (inside, >, inside_before);
  g_assert_cmpint (tag_int (paragraph, "pixels-below-lines") - inside, ==, below_before - inside_before);

  g_settings_set_double (fixture->settings, "paragraph-spacing", 1.5);
  g_assert_cmpint (tag_int (paragraph, "pixels-below-lines") - inside, >, below_before - inside_before);

  g_settings_set_double (fixture->settings, "line-spacing", 1.2);
  g_assert_cmpint (tag_int (paragraph, "pixels-inside-wrap"), <, inside_before);
}

/* A narrower column leaves wider margins in the same window. */
static void
test_column_width (Fixture       *fixture,
                   gconstpointer  data)
{
  GlossReaderView *view = gloss_window_get_reader_view (fixture->window);
  GlossReaderStyle *style = gloss_reader_view_get_style (view);
  int margin_before = gloss_reader_style_get_margin (style);

  g_assert_cmpint (margin_before, >, 0);

  g_settings_set_int (fixture->settings, "column-width", 24);
  settle (GTK_WIDGET (view));
  g_assert_cmpint (gloss_reader_style_get_margin (style), >, margin_before);
}

/* The Chinese face leads the body text's families; a Latin face, once
 * switched on, goes before it.  Headings keep their own. */
static void
test_fonts (Fixture       *fixture,
            gconstpointer  data)
{
  GtkTextTag *paragraph = lookup_tag (fixture, "paragraph");
  GtkTextTag *heading = lookup_tag (fixture, "heading-1");
  g_autofree char *heading_family = tag_font_family (heading);
  g_autofree char *family = tag_font_family (paragraph);

  g_assert_true (g_str_has_prefix (family, "Noto Serif CJK SC,"));

  g_settings_set_string (fixture->settings, "reading-font-cjk", "Noto Sans CJK SC");
  g_clear_pointer (&family, g_free);
  family = tag_font_family (paragraph);
  g_assert_true (g_str_has_prefix (family, "Noto Sans CJK SC,"));

  /* Chosen but not switched on: nothing changes. */
  g_settings_set_string (fixture->settings, "reading-font-latin", "DejaVu Serif");
  g_clear_pointer (&family, g_free);
  family = tag_font_family (paragraph);
  g_assert_true (g_str_has_prefix (family, "Noto Sans CJK SC,"));

  g_settings_set_boolean (fixture->settings, "use-latin-font", TRUE);
  g_clear_pointer (&family, g_free);
  family = tag_font_family (paragraph);
  g_assert_true (g_str_has_prefix (family, "DejaVu Serif,Noto Sans CJK SC,"));

  g_clear_pointer (&family, g_free);
  family = tag_font_family (heading);
  g_assert_cmpstr (family, ==, heading_family);
}

static void
test_color_scheme (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *window = GTK_WIDGET (fixture->window);

  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_false (gtk_widget_has_css_class (window, "sepia"));

  g_settings_set_string (fixture->settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));

  g_settings_set_string (fixture->settings, "color-scheme", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));
  g_assert_false (gtk_widget_has_css_class (window, "sepia"));

  /* Sepia is a light app with warm paper in the reading view. */
  g_settings_set_string (fixture->settings, "color-scheme", "sepia");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_true (gtk_widget_has_css_class (window, "sepia"));

  g_settings_set_string (fixture->settings, "color-scheme", "system");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_false (gtk_widget_has_css_class (window, "sepia"));
}

/* ------------------------------------------------------------------ */

/* libadwaita draws an expander row's header as an action row of its
 * own, with the expander's title: that one is the expander's to label. */
static gboolean
is_expander_header (GtkWidget *row)
{
  GtkWidget *expander = gtk_widget_get_ancestor (gtk_widget_get_parent (row), ADW_TYPE_EXPANDER_ROW);

  return expander != NULL &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander))) == 0;
}

/* The rows a user can reach, not the header inside each expander row. */
static GPtrArray *
collect_rows (GtkWidget *root)
{
  GPtrArray *rows = test_collect_widgets (root, ADW_TYPE_PREFERENCES_ROW);

  for (guint i = rows->len; i > 0; i--)
    if (is_expander_header (g_ptr_array_index (rows, i - 1)))
      g_ptr_array_remove_index (rows, i - 1);

  return rows;
}

static GtkWidget *
get_child (GtkWindow  *preferences,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                  GLOSS_TYPE_PREFERENCES_WINDOW, name);

  g_assert_true (GTK_IS_WIDGET (child));

  return GTK_WIDGET (child);
}

/* Every row has a title and an accessible label, on the row itself or
 * on the control it activates. */
static void
test_window_rows (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *preferences = gloss_preferences_window_new (GTK_WINDOW (fixture->window));
  g_autoptr(GPtrArray) rows = NULL;

  g_object_ref (preferences);
  gtk_window_present (preferences);
  test_iterate_until (widget_is_mapped, preferences);

  /* The expander's child rows are built even while it is closed. */
  rows = collect_rows (GTK_WIDGET (preferences));
  g_assert_cmpuint (rows->len, >=, 9);

  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = rows->pdata[i];
      const char *title = adw_preferences_row_get_title (row);
      GtkWidget *control = NULL;

      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");

      if (ADW_IS_ACTION_ROW (row))
        control = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      if (control != NULL)
        {
          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL))
            g_error ("the control of the row “%s” has no accessible label", title);
        }
      else if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL))
        {
          g_error ("the row “%s” has no accessible label", title);
        }
    }

  gtk_window_destroy (preferences);
  g_assert_finalize_object (preferences);
}

/* The rows show the settings and write them back, and the reading view
 * follows a change made in the window. */
static void
test_window_writes_settings (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWindow *preferences;
  GtkTextTag *paragraph = lookup_tag (fixture, "paragraph");

  g_settings_set_double (fixture->settings, "line-spacing", 2.0);
  g_settings_set_string (fixture->settings, "color-scheme", "dark");

  preferences = g_object_ref (gloss_preferences_window_new (GTK_WINDOW (fixture->window)));
  gtk_window_present (preferences);
  test_iterate_until (widget_is_mapped, preferences);

  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (get_child (preferences, "text_size_spin"))), ==, 14.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (get_child (preferences, "line_spacing_spin"))), ==, 2.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (get_child (preferences, "column_width_spin"))), ==, 38.0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (get_child (preferences, "color_scheme_row"))), ==, 2);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_child (preferences, "text_size_spin")), 16.0);
  g_assert_cmpfloat (g_settings_get_double (fixture->settings, "text-size"), ==, 16.0);
  g_assert_cmpint (tag_font_size (paragraph), ==, 16 * PANGO_SCALE);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_child (preferences, "column_width_spin")), 30.0);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "column-width"), ==, 30);

  adw_combo_row_set_selected (ADW_COMBO_ROW (get_child (preferences, "color_scheme_row")), 3);
  {
    g_autofree char *scheme = g_settings_get_string (fixture->settings, "color-scheme");

    g_assert_cmpstr (scheme, ==, "sepia");
  }
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->window), "sepia"));

  gtk_switch_set_active (GTK_SWITCH (get_child (preferences, "fold_switch")), TRUE);
  g_assert_true (g_settings_get_boolean (fixture->settings, "fold-chinese-variants"));

  gtk_window_destroy (preferences);
  g_assert_finalize_object (preferences);
}

/* The search option.  Run after the tests above on purpose: their
 * windows are gone by now, and changing fold-chinese-variants must not
 * reach the settings action one of them had (it used to, with a
 * critical, until the window removed it on dispose). */
static void
test_window_fold_switch (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *preferences = g_object_ref (gloss_preferences_window_new (NULL));

  gtk_window_present (preferences);
  test_iterate_until (widget_is_mapped, preferences);

  g_assert_false (gtk_switch_get_active (GTK_SWITCH (get_child (preferences, "fold_switch"))));
  gtk_switch_set_active (GTK_SWITCH (get_child (preferences, "fold_switch")), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "fold-chinese-variants"));

  g_settings_set_boolean (settings, "fold-chinese-variants", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (get_child (preferences, "fold_switch"))));

  gtk_window_destroy (preferences);
  g_assert_finalize_object (preferences);
  g_settings_reset (settings, "fold-chinese-variants");
}

/* app.preferences opens one preferences window, however often it is
 * asked for. */
static void
test_app_action (void)
{
  g_autoptr(GlossApplication) app = gloss_application_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *first = NULL;
  guint n_preferences = 0;
  g_autoptr(GList) windows = NULL;

  /* Not unique: this test must not hand the action to a running Gloss. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  for (const GList *l = windows; l != NULL; l = l->next)
    {
      if (GLOSS_IS_PREFERENCES_WINDOW (l->data))
        {
          first = l->data;
          n_preferences++;
        }
    }
  g_assert_cmpuint (n_preferences, ==, 1);

  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");

    g_assert_cmpstr (accels[0], ==, "<Control>comma");
  }

  gtk_window_destroy (first);
}

int
main (int   argc,
      char *argv[])
{
  /* Accessible properties can only be read back from the test AT
   * context; "none", as the other GUI tests run, keeps none. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/preferences/text-size", Fixture, NULL,
              fixture_set_up, test_text_size, fixture_tear_down);
  g_test_add ("/gui/preferences/spacing", Fixture, NULL,
              fixture_set_up, test_spacing, fixture_tear_down);
  g_test_add ("/gui/preferences/column-width", Fixture, NULL,
              fixture_set_up, test_column_width, fixture_tear_down);
  g_test_add ("/gui/preferences/fonts", Fixture, NULL,
              fixture_set_up, test_fonts, fixture_tear_down);
  g_test_add ("/gui/preferences/color-scheme", Fixture, NULL,
              fixture_set_up, test_color_scheme, fixture_tear_down);
  g_test_add ("/gui/preferences/window-rows", Fixture, NULL,
              fixture_set_up, test_window_rows, fixture_tear_down);
  g_test_add ("/gui/preferences/window-writes-settings", Fixture, NULL,
              fixture_set_up, test_window_writes_settings, fixture_tear_down);
  g_test_add_func ("/gui/preferences/window-fold-switch", test_window_fold_switch);
  g_test_add_func ("/gui/preferences/app-action", test_app_action);

  return g_test_run ();
}
