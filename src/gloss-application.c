/* gloss-application.c: the Gloss application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The application opens the library (from --library DIR, or the default
 * one in the user's data directory) and shows it in a window.  A library
 * that cannot be opened, because it is damaged or was written by a newer
 * Gloss, is reported in a dialog and left exactly as it is: the app never
 * recreates it, since it holds the reader's notes.
 *
 *   app.import       Ctrl+O      add files to the library with a file chooser
 *   app.preferences  Ctrl+comma  the preferences window (one at a time)
 *   app.about                    the about window
 *   app.quit         Ctrl+Q      close every window (saving its state) and quit
 *
 * Keyboard shortcuts (Ctrl+?) are GTK's win.show-help-overlay, which
 * GtkApplication installs from gtk/help-overlay.ui in our resources.
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-backup.h"
#include "gloss-error.h"
#include "gloss-library.h"
#include "gloss-preferences-window.h"
#include "gloss-window.h"

struct _GlossApplication
{
  AdwApplication  parent_instance;

  char           *library_dir;
  GlossLibrary   *library;
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

/* ------------------------------------------------------------------ */

static void show_library_error (GlossApplication *self,
                                const GError     *error);

static char *
dup_library_dir (GlossApplication *self)
{
  return self->library_dir ? g_strdup (self->library_dir) : gloss_library_default_dir ();
}

static void
library_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           GlossApplication *self)
{
  g_autofree char *dir = dup_library_dir (self);
  g_auto(GStrv) backups = gloss_backup_list (dir);
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "restore") || backups[0] == NULL)
    return;

  /* The damaged file is kept aside, never deleted: it may hold more
   * than the backup does, and someone may yet recover it. */
  if (!gloss_backup_restore (dir, backups[0], &aside, &error))
    {
      show_library_error (self, error);
      return;
    }
  g_printerr (_("The damaged library database was moved to %s and the backup %s restored.\n"),
              aside, backups[0]);
  g_application_activate (G_APPLICATION (self));
}

/* Says why the library did not open and, when its database is damaged
 * and there is a backup, offers to restore the newest: never an empty
 * library without asking. */
static void
show_library_error (GlossApplication *self,
                    const GError     *error)
{
  g_autofree char *dir = dup_library_dir (self);
  g_auto(GStrv) backups = gloss_backup_list (dir);
  GtkWidget *dialog;

  /* Also on stderr: whoever started the app from a terminal or a script
   * should see why it did not open. */
  g_printerr ("%s\n", error->message);

  dialog = adw_message_dialog_new (NULL, _("Could Not Open the Library"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s\n\nThe library has been left as it is: nothing in it was changed or replaced."),
                                  error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (g_error_matches (error, GLOSS_STORE_ERROR, GLOSS_STORE_ERROR_CORRUPT) && backups[0] != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore",
                                       _("_Restore the Newest Backup"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_SUGGESTED);
      g_signal_connect_object (dialog, "response", G_CALLBACK (library_error_response_cb),
                               self, 0);
    }
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GlossWindow *
get_gloss_window (GlossApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return GLOSS_IS_WINDOW (window) ? GLOSS_WINDOW (window) : NULL;
}

/* ------------------------------------------------------------------ */
/* Actions                                                            */
/* ------------------------------------------------------------------ */

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GlossWindow) window = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          gloss_window_import_file (window, file);
        }
    }

  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *suffix1,
            const char     *suffix2)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix1);
  if (suffix2 != NULL)
    gtk_file_filter_add_suffix (filter, suffix2);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GlossApplication *self = user_data;
  GlossWindow *window = get_gloss_window (self);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (window == NULL)
    return;

  /* Native, so that under Flatpak it goes through the portal and the
   * app needs no access to the user's files. */
  chooser = gtk_file_chooser_native_new (_("Import Documents"),
                                         GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"),
                                         _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (all, _("All Supported Documents"));
  gtk_file_filter_add_mime_type (all, "text/plain");
  gtk_file_filter_add_mime_type (all, "text/markdown");
  gtk_file_filter_add_mime_type (all, "application/pdf");
  gtk_file_filter_add_suffix (all, "txt");
  gtk_file_filter_add_suffix (all, "md");
  gtk_file_filter_add_suffix (all, "markdown");
  gtk_file_filter_add_suffix (all, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  add_filter (GTK_FILE_CHOOSER (chooser), _("Plain Text"), "text/plain", "txt", NULL);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Markdown"), "text/markdown", "md", "markdown");
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF Documents"), "application/pdf", "pdf", NULL);

  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* One preferences window for the app: asked again, it comes to the
 * front instead of opening a second one bound to the same keys. */
static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GlossApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *preferences = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (GLOSS_IS_PREFERENCES_WINDOW (l->data))
        preferences = l->data;
    }

  if (preferences == NULL)
    {
      preferences = gloss_preferences_window_new (parent);
      gtk_window_set_application (preferences, GTK_APPLICATION (self));
    }

  gtk_window_present (preferences);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GlossApplication *self = user_data;
  static const char *developers[] = { "The Gloss developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (parent,
                         "application-name", _("Gloss"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Read, annotate and teach from research texts on the UN cyber-norms processes"),
                         "developer-name", developers[0],
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Closing, not just quitting, so that each window saves its size and
 * reading position on the way out. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GlossApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "import", import_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* ------------------------------------------------------------------ */
/* GApplication                                                       */
/* ------------------------------------------------------------------ */

static int
gloss_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  GlossApplication *self = GLOSS_APPLICATION (application);

  if (g_variant_dict_lookup (options, "library", "^ay", &self->library_dir))
    {
      /* Another library is another app: do not hand over to a running
       * instance that shows a different one. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
gloss_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.import", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.edit-details", { "<Control>e", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "win.search", { "<Control><Shift>f", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.show-palette", { "<Control>h", NULL } },
    { "win.edit-note", { "<Control>m", NULL } },
    { "win.show-notes", { "<Control><Shift>n", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.export", { "<Control><Shift>e", NULL } },
    { "win.show-timeline", { "<Control><Shift>l", NULL } },
    { "win.show-mechanisms", { "<Control><Shift>m", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (gloss_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           accels[i].action, accels[i].accels);
}

/* For bench/gloss-paint-bench: with GLOSS_REPORT_FIRST_FRAME set, the
 * app prints the monotonic time of its first painted frame and quits,
 * so that the time from exec() to a frame can be measured from outside. */
static void
first_frame_painted_cb (GdkFrameClock *clock,
                        GApplication  *application)
{
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, application);
  g_application_quit (application);
}

static void
report_first_frame_on_map (GtkWidget    *window,
                           GApplication *application)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_painted_cb), application);
}

static void
gloss_application_activate (GApplication *application)
{
  GlossApplication *self = GLOSS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->library == NULL)
    {
      g_autofree char *dir = dup_library_dir (self);

      self->library = gloss_library_open (dir, &error);
      if (self->library == NULL)
        {
          show_library_error (self, error);
          return;
        }
    }

  window = GTK_WINDOW (gloss_window_new (GTK_APPLICATION (self), self->library));
  if (g_getenv ("GLOSS_REPORT_FIRST_FRAME") != NULL)
    g_signal_connect (window, "map", G_CALLBACK (report_first_frame_on_map), self);
  gtk_window_present (window);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_application_dispose (GObject *object)
{
  GlossApplication *self = GLOSS_APPLICATION (object);

  g_clear_object (&self->library);

  G_OBJECT_CLASS (gloss_application_parent_class)->dispose (object);
}

static void
gloss_application_finalize (GObject *object)
{
  GlossApplication *self = GLOSS_APPLICATION (object);

  g_clear_pointer (&self->library_dir, g_free);

  G_OBJECT_CLASS (gloss_application_parent_class)->finalize (object);
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = gloss_application_dispose;
  object_class->finalize = gloss_application_finalize;

  application_class->handle_local_options = gloss_application_handle_local_options;
  application_class->startup = gloss_application_startup;
  application_class->activate = gloss_application_activate;
}

static void
gloss_application_init (GlossApplication *self)
{
  static const GOptionEntry options[] = {
    { "library", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Use the library in DIR instead of the default one"), N_("DIR") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

/* ------------------------------------------------------------------ */

GlossApplication *
gloss_application_new (void)
{
  return g_object_new (GLOSS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/glossreader/Gloss",
                       NULL);
}
