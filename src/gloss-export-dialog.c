/* gloss-export-dialog.c: export notes or a teaching handout, or print them
 *
 * The dialog gathers the choices into GlossExportOptions and lets the
 * widget-free exporter (gloss-export.c) do the work, in a thread: an
 * export of thousands of notes takes seconds and must not freeze the
 * window, and it can be stopped.  The thread opens the library again,
 * with its own database connections and its own copy of the notes, so
 * that nothing it reads is changed under it by the window.
 *
 * The preview and the printout are the PDF the exporter draws: the
 * dialog exports to a temporary PDF and shows (or prints) its pages
 * with poppler, so what is previewed, printed and saved is one drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <poppler.h>

#include "gloss-export.h"
#include "gloss-export-dialog.h"
#include "gloss-highlight-colors.h"
#include "gloss-user-events.h"

/* Pages shown in the preview, their width in pixels, and the pause after
 * a change before the preview is made again. */
#define PREVIEW_PAGES     2
#define PREVIEW_WIDTH     340
#define PREVIEW_DELAY_MS  400

struct _GlossExportDialog
{
  AdwWindow           parent_instance;

  AdwToastOverlay    *toast_overlay;
  AdwViewStack       *kind_stack;
  GtkRevealer        *progress_revealer;
  GtkProgressBar     *progress_bar;
  AdwEntryRow        *title_row;
  AdwComboRow        *format_row;
  AdwComboRow        *paper_row;
  AdwComboRow        *scope_row;
  AdwEntryRow        *tags_row;
  AdwComboRow        *color_row;
  AdwEntryRow        *from_row;
  AdwEntryRow        *to_row;
  AdwComboRow        *order_row;
  AdwEntryRow        *subtitle_row;
  AdwEntryRow        *author_row;
  AdwEntryRow        *handout_tags_row;
  AdwEntryRow        *timeline_from_row;
  AdwEntryRow        *timeline_to_row;
  GtkTextView        *introduction_view;
  GtkListBox         *mechanisms_list;
  GtkStack           *preview_stack;
  GtkBox             *preview_box;
  AdwStatusPage      *preview_status;

  GlossLibrary       *library;
  GlossKnowledgeBase *knowledge;
  GlossDocument      *document;
  GPtrArray          *mechanism_checks;   /* GtkCheckButton, with "item-id" data */

  GCancellable       *preview_cancellable;
  GCancellable       *export_cancellable;
  guint               preview_source;
  guint               n_preview_pages;
};

G_DEFINE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Options from the form                                              */
/* ------------------------------------------------------------------ */

static GStrv
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",，;；", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean any = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] == '\0')
        continue;
      g_strv_builder_add (builder, parts[i]);
      any = TRUE;
    }

  return any ? g_strv_builder_end (builder) : NULL;
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_handout (GlossExportDialog *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->kind_stack), "handout") == 0;
}

/* The handout spec, as the command line would read it from a file. */
static char *
handout_spec (GlossExportDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) tags = split_list (entry_text (self->handout_tags_row));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->introduction_view);
  g_autofree char *introduction = NULL;
  GtkTextIter start, end;
  const char *title = entry_text (self->title_row);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  introduction = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title[0] ? title : _("Handout"));
  json_builder_set_member_name (builder, "subtitle");
  json_builder_add_string_value (builder, entry_text (self->subtitle_row));
  json_builder_set_member_name (builder, "author");
  json_builder_add_string_value (builder, entry_text (self->author_row));
  json_builder_set_member_name (builder, "introduction");
  json_builder_add_string_value (builder, introduction);

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);

  if (entry_text (self->timeline_from_row)[0] != '\0' || entry_text (self->timeline_to_row)[0] != '\0')
    {
      json_builder_set_member_name (builder, "timeline");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, entry_text (self->timeline_from_row)[0] ?
                                     entry_text (self->timeline_from_row) : "1998");
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, entry_text (self->timeline_to_row)[0] ?
                                     entry_text (self->timeline_to_row) : "2026");
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "mechanisms");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->mechanism_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->mechanism_checks, i);

      if (gtk_check_button_get_active (check))
        json_builder_add_string_value (builder, g_object_get_data (G_OBJECT (check), "item-id"));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static GlossExportOptions *
build_options (GlossExportDialog  *self,
               GError            **error)
{
  g_autoptr(GlossExportOptions) options = gloss_export_options_new ();
  const char * const *colors = gloss_note_colors ();
  guint color = adw_combo_row_get_selected (self->color_row);
  const char *title = entry_text (self->title_row);

  options->format = adw_combo_row_get_selected (self->format_row) == 1 ? GLOSS_EXPORT_FORMAT_MARKDOWN
                  : adw_combo_row_get_selected (self->format_row) == 2 ? GLOSS_EXPORT_FORMAT_HTML
                  : GLOSS_EXPORT_FORMAT_PDF;
  options->paper = adw_combo_row_get_selected (self->paper_row) == 1 ? GLOSS_PAPER_LETTER : GLOSS_PAPER_A4;
  options->order = adw_combo_row_get_selected (self->order_row) == 1 ? GLOSS_EXPORT_ORDER_TAG
                                                                     : GLOSS_EXPORT_ORDER_POSITION;
  options->title = title[0] ? g_strdup (title) : NULL;

  if (is_handout (self))
    {
      g_autofree char *spec = handout_spec (self);

      options->handout = gloss_handout_new_from_data (spec, -1, _("the handout"), error);
      if (options->handout == NULL)
        return NULL;
      return g_steal_pointer (&options);
    }

  if (adw_combo_row_get_selected (self->scope_row) == 1 && self->document != NULL)
    options->doc_id = g_strdup (gloss_document_get_id (self->document));
  options->tags = split_list (entry_text (self->tags_row));
  if (color > 0 && color <= g_strv_length ((char **) colors))
    {
      options->colors = g_new0 (char *, 2);
      options->colors[0] = g_strdup (colors[color - 1]);
    }
  if (!gloss_export_options_set_date_range (options,
                                            entry_text (self->from_row)[0] ? entry_text (self->from_row) : NULL,
                                            entry_text (self->to_row)[0] ? entry_text (self->to_row) : NULL,
                                            error))
    return NULL;

  return g_steal_pointer (&options);
}

/* ------------------------------------------------------------------ */
/* The export, in a thread                                            */
/* ------------------------------------------------------------------ */

typedef struct
{
  char               *library_dir;
  GlossExportOptions *options;
  GFile              *file;
  GWeakRef            dialog;      /* for progress, which may outlive it */
  guint               n_entries;
} Job;

static void
job_free (Job *job)
{
  g_free (job->library_dir);
  gloss_export_options_free (job->options);
  g_clear_object (&job->file);
  g_weak_ref_clear (&job->dialog);
  g_free (job);
}

typedef struct
{
  GWeakRef *dialog;
  double    fraction;
} Progress;

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;
  g_autoptr(GlossExportDialog) self = g_weak_ref_get (progress->dialog);

  if (self != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
  g_free (progress);

  return G_SOURCE_REMOVE;
}

static void
job_progress (double   fraction,
              gpointer user_data)
{
  Job *job = user_data;
  Progress *progress = g_new (Progress, 1);

  progress->dialog = &job->dialog;
  progress->fraction = fraction;
  g_idle_add (show_progress_cb, progress);
}

static void
run_job (GTask        *task,
         gpointer      source,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GlossLibrary) library = NULL;
  g_autoptr(GlossKnowledgeBase) knowledge = NULL;
  g_autoptr(GError) error = NULL;

  library = gloss_library_open (job->library_dir, &error);
  if (library == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  knowledge = gloss_knowledge_base_new_bundled (&error);
  if (knowledge == NULL ||
      !gloss_user_events_merge (library, knowledge, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!gloss_export_write (library, knowledge, job->options, job->file, cancellable,
                           job_progress, job, &job->n_entries, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
start_job (GlossExportDialog   *self,
           GlossExportOptions  *options,
           GFile               *file,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, NULL);
  Job *job = g_new0 (Job, 1);

  job->library_dir = g_strdup (gloss_library_get_dir (self->library));
  job->options = options;
  job->file = g_object_ref (file);
  g_weak_ref_init (&job->dialog, self);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

/* ------------------------------------------------------------------ */
/* Preview                                                            */
/* ------------------------------------------------------------------ */

static GdkTexture *
render_page (PopplerPage *page)
{
  double width, height, scale;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int w, h;

  poppler_page_get_size (page, &width, &height);
  scale = PREVIEW_WIDTH / width;
  w = PREVIEW_WIDTH;
  h = (int) (height * scale);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * h);
  cairo_surface_destroy (surface);

  return gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, w));
}

static void
clear_preview (GlossExportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_box))) != NULL)
    gtk_box_remove (self->preview_box, child);
  self->n_preview_pages = 0;
}

static void
show_preview_message (GlossExportDialog *self,
                      const char        *title,
                      const char        *description)
{
  adw_status_page_set_title (self->preview_status, title);
  adw_status_page_set_description (self->preview_status, description);
  gtk_stack_set_visible_child_name (self->preview_stack, "message");
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf;
  g_autofree char *uri = NULL;
  int n;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_preview_message (self, _("No Preview"), error->message);
      return;
    }

  uri = g_file_get_uri (job->file);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_file_delete (job->file, NULL, NULL);
  if (pdf == NULL)
    {
      show_preview_message (self, _("No Preview"), error->message);
      return;
    }

  clear_preview (self);
  n = poppler_document_get_n_pages (pdf);
  for (int i = 0; i < MIN (n, PREVIEW_PAGES); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autoptr(GdkTexture) texture = render_page (page);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      g_autofree char *label = g_strdup_printf (_("Page %d of %d"), i + 1, n);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_add_css_class (picture, "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (self->preview_box, picture);
      self->n_preview_pages++;
      g_object_unref (page);
    }
  g_object_unref (pdf);
  gtk_stack_set_visible_child_name (self->preview_stack, "pages");
}

static gboolean
update_preview_cb (gpointer user_data)
{
  GlossExportDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  GlossExportOptions *options;

  self->preview_source = 0;
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);

  options = build_options (self, &error);
  if (options == NULL)
    {
      show_preview_message (self, _("No Preview"), error->message);
      return G_SOURCE_REMOVE;
    }
  options->format = GLOSS_EXPORT_FORMAT_PDF;

  file = g_file_new_tmp ("gloss-preview-XXXXXX.pdf", &stream, &error);
  if (file == NULL)
    {
      gloss_export_options_free (options);
      show_preview_message (self, _("No Preview"), error->message);
      return G_SOURCE_REMOVE;
    }
  g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);

  self->preview_cancellable = g_cancellable_new ();
  start_job (self, options, file, self->preview_cancellable, preview_done_cb);

  return G_SOURCE_REMOVE;
}

static void
queue_preview (GlossExportDialog *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, update_preview_cb, self);
}

/* ------------------------------------------------------------------ */
/* Save                                                               */
/* ------------------------------------------------------------------ */

static void
set_busy (GlossExportDialog *self,
          gboolean           busy)
{
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.print", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.stop", busy);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  g_clear_object (&self->export_cancellable);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, job->file, job->n_entries);
  gtk_window_destroy (GTK_WINDOW (self));
}

static const char *
format_suffix (GlossExportFormat format)
{
  switch (format)
    {
    case GLOSS_EXPORT_FORMAT_MARKDOWN:
      return "md";
    case GLOSS_EXPORT_FORMAT_HTML:
      return "html";
    case GLOSS_EXPORT_FORMAT_PDF:
    default:
      return "pdf";
    }
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     GlossExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    gloss_export_dialog_export_to (self, file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (widget);
  g_autoptr(GlossExportOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  const char *title = entry_text (self->title_row);

  options = build_options (self, &error);
  if (options == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = g_strdup_printf ("%s.%s", title[0] ? title : (is_handout (self) ? _("Handout") : _("Notes")),
                          format_suffix (options->format));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (widget);

  g_cancellable_cancel (self->export_cancellable);
}

/* ------------------------------------------------------------------ */
/* Print: the PDF's pages, drawn on the printer's context             */
/* ------------------------------------------------------------------ */

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PopplerDocument   *pdf)
{
  /* poppler-glib 22 declares no g_autoptr cleanups */
  PopplerPage *page = poppler_document_get_page (pdf, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  poppler_page_get_size (page, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  g_object_unref (page);
}

static void
print_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GtkPrintOperation) operation = NULL;
  PopplerDocument *pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  set_busy (self, FALSE);
  g_clear_object (&self->export_cancellable);
  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      (uri = g_file_get_uri (job->file),
       (pdf = poppler_document_new_from_file (uri, NULL, &error)) == NULL))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      g_file_delete (job->file, NULL, NULL);
      return;
    }
  g_file_delete (job->file, NULL, NULL);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (pdf));
  gtk_print_operation_set_job_name (operation, gtk_window_get_title (GTK_WINDOW (self)));
  /* the operation owns the document now */
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         pdf, (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  GlossExportOptions *options = build_options (self, &error);

  if (options == NULL ||
      (file = g_file_new_tmp ("gloss-print-XXXXXX.pdf", &stream, &error)) == NULL)
    {
      g_clear_pointer (&options, gloss_export_options_free);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);
  options->format = GLOSS_EXPORT_FORMAT_PDF;

  set_busy (self, TRUE);
  self->export_cancellable = g_cancellable_new ();
  start_job (self, options, file, self->export_cancellable, print_ready_cb);
}

/* ------------------------------------------------------------------ */
/* Form                                                               */
/* ------------------------------------------------------------------ */

static void
fill_colors (GlossExportDialog *self)
{
  const char * const *colors = gloss_note_colors ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("All colours"));
  for (guint i = 0; colors[i] != NULL; i++)
    {
      g_autofree char *name = gloss_highlight_colors_dup_name (gloss_library_get_annotations (self->library),
                                                               colors[i]);
      gtk_string_list_append (names, name);
    }
  adw_combo_row_set_model (self->color_row, G_LIST_MODEL (names));
}

static void
fill_mechanisms (GlossExportDialog *self)
{
  GListModel *mechanisms = self->knowledge ? gloss_knowledge_base_get_mechanisms (self->knowledge) : NULL;
  guint n = mechanisms ? g_list_model_get_n_items (mechanisms) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossKbItem) item = g_list_model_get_item (mechanisms, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gloss_kb_item_get_title_zh (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gloss_kb_item_get_title_en (item));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "item-id",
                              g_strdup (gloss_kb_item_get_id (item)), g_free);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (queue_preview), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->mechanisms_list, row);
      g_ptr_array_add (self->mechanism_checks, check);
    }
}

static void
watch_changes (GlossExportDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->tags_row), GTK_WIDGET (self->from_row),
    GTK_WIDGET (self->to_row), GTK_WIDGET (self->subtitle_row), GTK_WIDGET (self->author_row),
    GTK_WIDGET (self->handout_tags_row), GTK_WIDGET (self->timeline_from_row),
    GTK_WIDGET (self->timeline_to_row),
  };
  GtkWidget *combos[] = {
    GTK_WIDGET (self->paper_row), GTK_WIDGET (self->scope_row),
    GTK_WIDGET (self->color_row), GTK_WIDGET (self->order_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect_swapped (rows[i], "changed", G_CALLBACK (queue_preview), self);
  for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
    g_signal_connect_swapped (combos[i], "notify::selected", G_CALLBACK (queue_preview), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->introduction_view), "changed",
                            G_CALLBACK (queue_preview), self);
  g_signal_connect_swapped (self->kind_stack, "notify::visible-child-name",
                            G_CALLBACK (queue_preview), self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
gloss_export_dialog_dispose (GObject *object)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_cancellable_cancel (self->preview_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->library);
  g_clear_object (&self->knowledge);
  g_clear_object (&self->document);
  g_clear_pointer (&self->mechanism_checks, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->dispose (object);
}

static void
gloss_export_dialog_class_init (GlossExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_export_dialog_dispose;

  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-export-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, name)
  BIND (toast_overlay);
  BIND (kind_stack);
  BIND (progress_revealer);
  BIND (progress_bar);
  BIND (title_row);
  BIND (format_row);
  BIND (paper_row);
  BIND (scope_row);
  BIND (tags_row);
  BIND (color_row);
  BIND (from_row);
  BIND (to_row);
  BIND (order_row);
  BIND (subtitle_row);
  BIND (author_row);
  BIND (handout_tags_row);
  BIND (timeline_from_row);
  BIND (timeline_to_row);
  BIND (introduction_view);
  BIND (mechanisms_list);
  BIND (preview_stack);
  BIND (preview_box);
  BIND (preview_status);
#undef BIND

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "export.stop", NULL, stop_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "export.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "export.print", NULL);
}

static void
gloss_export_dialog_init (GlossExportDialog *self)
{
  self->mechanism_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.stop", FALSE);
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

/**
 * gloss_export_dialog_new:
 * @document: (nullable): the open document, for "The open document"
 */
GtkWidget *
gloss_export_dialog_new (GtkWindow          *parent,
                         GlossLibrary       *library,
                         GlossKnowledgeBase *knowledge,
                         GlossDocument      *document)
{
  GlossExportDialog *self;

  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), NULL);

  self = g_object_new (GLOSS_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->library = g_object_ref (library);
  self->knowledge = knowledge ? g_object_ref (knowledge) : NULL;
  self->document = document ? g_object_ref (document) : NULL;

  fill_colors (self);
  fill_mechanisms (self);
  if (document != NULL)
    adw_combo_row_set_selected (self->scope_row, 1);
  watch_changes (self);
  queue_preview (self);

  return GTK_WIDGET (self);
}

void
gloss_export_dialog_show_handout (GlossExportDialog *self)
{
  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));

  adw_view_stack_set_visible_child_name (self->kind_stack, "handout");
}

/**
 * gloss_export_dialog_get_n_preview_pages:
 *
 * Returns: how many pages the preview shows now
 */
guint
gloss_export_dialog_get_n_preview_pages (GlossExportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), 0);

  return self->n_preview_pages;
}

/**
 * gloss_export_dialog_export_to:
 * @file: where to write (what the file chooser returned)
 *
 * Exports with the choices made, in the background; "exported" follows
 * and the dialog closes, or a toast says why not.
 */
void
gloss_export_dialog_export_to (GlossExportDialog *self,
                               GFile             *file)
{
  g_autoptr(GError) error = NULL;
  GlossExportOptions *options;

  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  options = build_options (self, &error);
  if (options == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  set_busy (self, TRUE);
  self->export_cancellable = g_cancellable_new ();
  start_job (self, options, file, self->export_cancellable, save_done_cb);
}
