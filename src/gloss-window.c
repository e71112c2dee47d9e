/* gloss-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window owns the session and wires the panes to it: the sidebar
 * follows the session by itself; the reading view is loaded when the
 * session's content changes and reports its top offset back as the
 * session's visible offset.  The window's own verbs are actions:
 *
 *   win.toggle-sidebar   F9      show or hide the sidebar
 *   win.edit-details     Ctrl+E  edit title, authors and year
 *   win.open-document(s)         open a document by id (library list)
 *   win.go-to-offset(u)          scroll the text there (contents list)
 *   win.search           Ctrl+Shift+F  search the library (sidebar page)
 *   win.find             Ctrl+F  find in the open document
 *   win.highlight(s)     1–8 (with a selection)  highlight in a colour
 *   win.show-palette     Ctrl+H  the palette over the selection
 *   win.edit-note        Ctrl+M  the note of the highlight at the selection
 *   win.show-notes       Ctrl+Shift+N  the notes page of the sidebar
 *   win.undo / win.redo  Ctrl+Z / Ctrl+Shift+Z  changes to notes
 *   win.export           Ctrl+Shift+E  notes to PDF, Markdown or HTML, or print
 *   win.export-handout           a teaching handout
 *   win.show-timeline            show or hide the timeline (stateful)
 *   win.show-mechanisms          show or hide the mechanisms (stateful)
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-metadata-dialog.h"
#include "gloss-sidebar.h"
#include "gloss-window.h"
#include "gloss-export-dialog.h"
#include "gloss-find-bar.h"
#include "gloss-knowledge-base.h"
#include "gloss-search-pane.h"
#include "gloss-highlight-layer.h"
#include "gloss-highlight-palette.h"
#include "gloss-note-editor.h"
#include "gloss-note-history.h"
#include "gloss-notes-pane.h"
#include "gloss-mention-layer.h"
#include "gloss-panels.h"
#include "gloss-user-events.h"
#include "gloss-reader-settings.h"

/* How long a toast reporting a failure stays up, in seconds. */
#define ERROR_TOAST_TIMEOUT 10
/* How often the notes are checked for changes made elsewhere (the
 * command line, another window). */
#define NOTES_WATCH_MS 1000

struct _GlossWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwFlap              *flap;
  GlossSidebar         *sidebar;
  AdwWindowTitle       *window_title;
  GlossReaderView      *reader_view;
  GlossFindBar         *find_bar;
  GtkDropTarget        *drop_target;
  GtkPaned             *panels_paned;
  GlossPanels          *panels;

  GlossLibrary         *library;
  GlossSession         *session;
  GlossKnowledgeBase   *knowledge;
  GlossNoteHistory     *history;
  GlossHighlightLayer  *highlights;
  GlossHighlightPalette *palette;
  GlossNoteEditor      *note_editor;
  GSettings            *settings;
  GlossReaderSettings  *reader_settings;  /* fonts, spacing, colour scheme */
  GBindingGroup        *document_bindings;
  /* Opened after the first frame, unless another is opened first. */
  GlossDocument        *start_document;
  guint                 start_document_source;
  GCancellable         *cancellable;

  gboolean              sidebar_visible;

  /* Knowledge panels */
  GlossMentionIndex    *mention_index;
  GlossMentionLayer    *mention_layer;
  guint                 visible_items_source;
  int                   panels_area_width;
  gboolean              panels_placed;
  /* Shown on a window too narrow for them, because the reader asked. */
  gboolean              panels_forced;
};

G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_SESSION,
  PROP_SIDEBAR_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_panels_state (GlossWindow *self);

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

static void
show_error_toast (GlossWindow  *self,
                  const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, ERROR_TOAST_TIMEOUT);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
set_sidebar_visible (GlossWindow *self,
                     gboolean     visible)
{
  visible = !!visible;
  if (visible == self->sidebar_visible)
    return;

  self->sidebar_visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR_VISIBLE]);
}

/* On a narrow window the sidebar covers the text; once the reader has
 * picked something in it, get it out of the way. */
static void
hide_sidebar_if_folded (GlossWindow *self)
{
  if (adw_flap_get_folded (self->flap))
    set_sidebar_visible (self, FALSE);
}

static void
update_actions (GlossWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-details",
                                 gloss_session_get_document (self->session) != NULL);
}

static void
update_subtitle (GlossWindow *self)
{
  const char *section = gloss_session_get_section (self->session);
  gint page = gloss_session_get_page (self->session);
  g_autofree char *subtitle = NULL;

  if (section != NULL && page > 0)
    /* Translators: the section heading and the printed page number at
     * the top of the reading view, in the window subtitle */
    subtitle = g_strdup_printf (_("%s · p. %d"), section, page);
  else if (section != NULL)
    subtitle = g_strdup (section);
  else if (page > 0)
    /* Translators: a printed page number */
    subtitle = g_strdup_printf (_("p. %d"), page);

  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
}

/* ------------------------------------------------------------------ */
/* Session                                                            */
/* ------------------------------------------------------------------ */

static void
session_document_changed_cb (GlossWindow *self)
{
  GlossDocument *document = gloss_session_get_document (self->session);

  g_binding_group_set_source (self->document_bindings, document);
  if (document != NULL)
    g_settings_set_string (self->settings, "last-document",
                           gloss_document_get_id (document));
  update_actions (self);
}

static void
session_content_changed_cb (GlossWindow *self)
{
  gloss_reader_view_load (self->reader_view,
                          gloss_session_get_content (self->session),
                          gloss_session_get_visible_offset (self->session));
}

/* The document to show at start: the one open when the app last quit,
 * or else the first of the library (the bundled article). */
static GlossDocument *
find_start_document (GlossWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-document");
  GListModel *documents = gloss_library_get_documents (self->library);

  if (last[0] != '\0')
    {
      guint n = g_list_model_get_n_items (documents);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossDocument) document = g_list_model_get_item (documents, i);

          if (g_strcmp0 (gloss_document_get_id (document), last) == 0)
            return g_steal_pointer (&document);
        }
    }

  return g_list_model_get_item (documents, 0);
}

/* ------------------------------------------------------------------ */
/* Import                                                             */
/* ------------------------------------------------------------------ */

static void
import_file_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  document = gloss_library_import_file_finish (GLOSS_LIBRARY (object), result, &error);

  /* Cancelled: the window is going away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (document == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  escaped = g_markup_escape_text (gloss_document_get_title (document), -1);
  /* Translators: a toast shown when a document has been imported */
  toast = adw_toast_new_format (_("Imported “%s”"), escaped);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  gloss_window_open_document (self, document);
}

static gboolean
drop_cb (GlossWindow   *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (const GSList *l = files; l != NULL; l = l->next)
    gloss_window_import_file (self, l->data);
  g_slist_free (files);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Actions                                                            */
/* ------------------------------------------------------------------ */

static void
edit_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossDocument *document = gloss_session_get_document (self->session);
  GtkWindow *dialog;

  if (document == NULL)
    return;

  dialog = gloss_metadata_dialog_new (GTK_WINDOW (self), self->library, document);
  gtk_window_present (dialog);
}

static void
open_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = gloss_library_lookup (self->library, g_variant_get_string (parameter, NULL), &error);
  if (document == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  if (gloss_window_open_document (self, document))
    hide_sidebar_if_folded (self);
}

static void
go_to_offset_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gloss_reader_view_scroll_to_offset (self->reader_view, g_variant_get_uint32 (parameter));
  hide_sidebar_if_folded (self);
}

/* ------------------------------------------------------------------ */
/* GtkWindow                                                          */
/* ------------------------------------------------------------------ */

static void
save_window_state (GlossWindow *self)
{
  int width;
  int height;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  /* The default size is the size before maximizing, which is the one
   * to come back to. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  /* A folded sidebar hides itself; that is not the reader's choice. */
  if (!adw_flap_get_folded (self->flap))
    g_settings_set_boolean (self->settings, "sidebar-visible", self->sidebar_visible);
  g_settings_apply (self->settings);
}

static gboolean
gloss_window_close_request (GtkWindow *window)
{
  GlossWindow *self = GLOSS_WINDOW (window);

  save_window_state (self);
  save_panels_state (self);
  gloss_session_save_position (self->session);

  return GTK_WINDOW_CLASS (gloss_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

/* ------------------------------------------------------------------ */
/* Passages, search and find                                          */
/* ------------------------------------------------------------------ */

/* Opens document doc_id (unless it is open) and reveals [start, end). */
static gboolean
open_passage (GlossWindow      *self,
              const char       *doc_id,
              guint             start,
              guint             end,
              GlossRevealFlags  flags)
{
  GlossDocument *open = gloss_session_get_document (self->session);

  if (open == NULL || g_strcmp0 (gloss_document_get_id (open), doc_id) != 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossDocument) document = gloss_library_lookup (self->library, doc_id, &error);

      if (document == NULL || !gloss_window_open_document (self, document))
        {
          if (error != NULL)
            show_error_toast (self, error);
          return FALSE;
        }
    }

  gloss_reader_view_reveal_range (self->reader_view, start, end, flags);
  return TRUE;
}

static void
search_result_activated_cb (GlossWindow *self,
                            const char  *doc_id,
                            guint        start,
                            guint        end)
{
  if (open_passage (self, doc_id, start, end, GLOSS_REVEAL_SELECT | GLOSS_REVEAL_FLASH))
    {
      hide_sidebar_if_folded (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
    }
}

static void
find_match_selected_cb (GlossWindow *self,
                        guint        start,
                        guint        end)
{
  gloss_reader_view_reveal_range (self->reader_view, start, end, GLOSS_REVEAL_SELECT);
}

static void
reader_buffer_changed_cb (GlossWindow *self)
{
  gloss_find_bar_set_content (self->find_bar, gloss_reader_view_get_content (self->reader_view));
  gloss_find_bar_set_buffer (self->find_bar, gloss_reader_view_get_buffer (self->reader_view));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  set_sidebar_visible (self, TRUE);
  gloss_sidebar_show_page (self->sidebar, "search");
  gloss_search_pane_focus_entry (gloss_sidebar_get_search_pane (self->sidebar));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (gloss_reader_view_get_content (self->reader_view) == NULL)
    return;
  gloss_find_bar_set_origin (self->find_bar, gloss_reader_view_get_top_offset (self->reader_view));
  gloss_find_bar_open (self->find_bar);
}

static void
set_up_search (GlossWindow *self)
{
  GlossSearchPane *pane = gloss_sidebar_get_search_pane (self->sidebar);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAction) fold_action = NULL;

  self->knowledge = gloss_knowledge_base_new_bundled (&error);
  if (self->knowledge == NULL)
    g_warning ("The bundled timeline and mechanisms cannot be read: %s", error->message);

  gloss_search_pane_set_library (pane, self->library);
  gloss_search_pane_set_knowledge_base (pane, self->knowledge);
  g_signal_connect_object (pane, "result-activated",
                           G_CALLBACK (search_result_activated_cb), self,
                           G_CONNECT_SWAPPED);

  g_settings_bind (self->settings, "fold-chinese-variants", pane,
                   "fold-chinese-variants", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "fold-chinese-variants", self->find_bar,
                   "fold-chinese-variants", G_SETTINGS_BIND_GET);
  fold_action = g_settings_create_action (self->settings, "fold-chinese-variants");
  g_action_map_add_action (G_ACTION_MAP (self), fold_action);

  g_signal_connect_object (self->reader_view, "notify::buffer",
                           G_CALLBACK (reader_buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reader_buffer_changed_cb (self);
}

/* ------------------------------------------------------------------ */
/* Highlights and notes                                               */
/* ------------------------------------------------------------------ */

static GlossAnnotations *
annotations (GlossWindow *self)
{
  return gloss_library_get_annotations (self->library);
}

static void
show_undo_toast (GlossWindow *self,
                 const char  *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_history_actions (GlossWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 gloss_note_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 gloss_note_history_get_can_redo (self->history));
}

static void palette_color_chosen_cb (GlossWindow         *self,
                                     const char          *color,
                                     GlossHighlightStyle  style);
static void editor_changed_cb        (GlossWindow         *self,
                                     GlossNote           *before,
                                     GlossNote           *after);
static void note_delete_requested_cb (GlossWindow         *self,
                                     GlossNote           *note);
static void note_error_cb            (GlossWindow         *self,
                                     const GError        *error);

/* The palette and the note editor are made when first needed: they
 * are not part of the first frame. */
static GlossHighlightPalette *
ensure_palette (GlossWindow *self)
{
  if (self->palette != NULL)
    return self->palette;

  self->palette = GLOSS_HIGHLIGHT_PALETTE (g_object_ref_sink (gloss_highlight_palette_new (annotations (self))));
  g_signal_connect_object (self->palette, "color-chosen",
                           G_CALLBACK (palette_color_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->palette, "error", G_CALLBACK (note_error_cb), self,
                           G_CONNECT_SWAPPED);
  return self->palette;
}

static GlossNoteEditor *
ensure_note_editor (GlossWindow *self)
{
  if (self->note_editor != NULL)
    return self->note_editor;

  self->note_editor = GLOSS_NOTE_EDITOR (g_object_ref_sink (gloss_note_editor_new (annotations (self))));
  g_signal_connect_object (self->note_editor, "changed", G_CALLBACK (editor_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_editor, "delete-requested",
                           G_CALLBACK (note_delete_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_editor, "error", G_CALLBACK (note_error_cb), self,
                           G_CONNECT_SWAPPED);
  return self->note_editor;
}

/* Opens the note editor on @note, over its passage in the text. */
static void
edit_note (GlossWindow *self,
           GlossNote   *note)
{
  ensure_note_editor (self);
  gloss_note_editor_set_note (self->note_editor, note);
  if (gloss_note_get_has_range (note))
    gloss_reader_view_popup (self->reader_view, GTK_WIDGET (self->note_editor),
                             gloss_note_get_start (note), gloss_note_get_end (note));
  else
    gloss_reader_view_popup (self->reader_view, GTK_WIDGET (self->note_editor),
                             gloss_reader_view_get_top_offset (self->reader_view),
                             gloss_reader_view_get_top_offset (self->reader_view));
  gtk_widget_grab_focus (GTK_WIDGET (self->note_editor));
}

/* Highlights the selection in @color; returns the new note or NULL. */
static GlossNote *
highlight_selection (GlossWindow *self,
                     const char  *color)
{
  GlossDocument *document = gloss_session_get_document (self->session);
  GlossHighlightStyle style = gloss_highlight_palette_get_style (ensure_palette (self));
  g_autoptr(GError) error = NULL;
  GlossNote *note;
  guint start, end;

  if (document == NULL || !gloss_reader_view_get_selection (self->reader_view, &start, &end))
    {
      AdwToast *toast = adw_toast_new (_("Select a passage to highlight first"));

      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return NULL;
    }

  note = gloss_annotations_add (annotations (self), document,
                                gloss_session_get_content (self->session),
                                start, end, color, style, NULL, NULL, &error);
  if (note == NULL)
    {
      show_error_toast (self, error);
      return NULL;
    }

  gloss_note_history_push (self->history, NULL, note, _("Add highlight"));
  gloss_highlight_palette_set_color (self->palette, color);
  gloss_reader_view_popdown (self->reader_view);
  gloss_reader_view_select_range (self->reader_view, end, end);

  return note;
}

static void
delete_note (GlossWindow *self,
             GlossNote   *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossNote) deleted = NULL;

  gloss_reader_view_popdown (self->reader_view);
  deleted = gloss_annotations_delete (annotations (self), note, &error);
  if (deleted == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  gloss_note_history_push (self->history, deleted, NULL, _("Delete highlight"));
  show_undo_toast (self, gloss_note_get_has_range (deleted) ? _("Highlight deleted")
                                                             : _("Note deleted"));
}

static void
palette_color_chosen_cb (GlossWindow         *self,
                         const char          *color,
                         GlossHighlightStyle  style)
{
  highlight_selection (self, color);
}

static void
editor_changed_cb (GlossWindow *self,
                   GlossNote   *before,
                   GlossNote   *after)
{
  gloss_note_history_push (self->history, before, after, _("Edit note"));
}

static void
note_delete_requested_cb (GlossWindow *self,
                          GlossNote   *note)
{
  delete_note (self, note);
}

static void
note_error_cb (GlossWindow  *self,
               const GError *error)
{
  show_error_toast (self, error);
}

static void
note_activated_cb (GlossWindow *self,
                   GlossNote   *note)
{
  const char *doc_id = gloss_note_get_doc_id (note);

  if (!gloss_note_get_has_range (note) || gloss_note_get_status (note) == GLOSS_ANCHOR_ORPHANED)
    {
      GlossDocument *open = gloss_session_get_document (self->session);

      if (open == NULL || g_strcmp0 (gloss_document_get_id (open), doc_id) != 0)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.open-document", "s", doc_id);
      edit_note (self, note);
      return;
    }

  if (open_passage (self, doc_id, gloss_note_get_start (note), gloss_note_get_end (note),
                    GLOSS_REVEAL_FLASH))
    {
      hide_sidebar_if_folded (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
    }
}

static void
note_created_cb (GlossWindow *self,
                 GlossNote   *note)
{
  gloss_note_history_push (self->history, NULL, note, _("Add note"));
  edit_note (self, note);
}

/* Re-attaches a note that lost its passage to the selection. */
static void
note_reattach_requested_cb (GlossWindow *self,
                            GlossNote   *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossNote) before = NULL;
  GlossDocument *open = gloss_session_get_document (self->session);
  guint start, end;

  if (open == NULL ||
      g_strcmp0 (gloss_document_get_id (open), gloss_note_get_doc_id (note)) != 0 ||
      !gloss_reader_view_get_selection (self->reader_view, &start, &end))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Open its document and select the passage to attach the note to")));
      return;
    }

  before = gloss_annotations_reattach (annotations (self), note,
                                       gloss_session_get_content (self->session),
                                       start, end, &error);
  if (before == NULL)
    {
      show_error_toast (self, error);
      return;
    }
  gloss_note_history_push (self->history, before, note, _("Re-attach note"));
}

/* A click, or Enter, on a highlight opens its note. */
static gboolean
text_activated_cb (GlossWindow *self,
                   guint        offset)
{
  GlossNote *note = gloss_highlight_layer_note_at (self->highlights, offset, offset);

  if (note == NULL)
    return FALSE;

  edit_note (self, note);
  return TRUE;
}

/* Digits 1–8 highlight the selection in the palette's colours. */
static gboolean
reader_key_pressed_cb (GlossWindow           *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  const char * const *colors = gloss_note_colors ();
  guint digit;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      !gloss_reader_view_get_selection (self->reader_view, NULL, NULL))
    return GDK_EVENT_PROPAGATE;

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_8)
    digit = keyval - GDK_KEY_1;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_8)
    digit = keyval - GDK_KEY_KP_1;
  else
    return GDK_EVENT_PROPAGATE;

  if (digit >= g_strv_length ((char **) colors))
    return GDK_EVENT_PROPAGATE;

  highlight_selection (self, colors[digit]);
  return GDK_EVENT_STOP;
}

static void
attach_highlights (GlossWindow *self)
{
  GlossDocument *document = gloss_session_get_document (self->session);

  gloss_highlight_layer_attach (self->highlights,
                                gloss_reader_view_get_buffer (self->reader_view),
                                document ? gloss_document_get_id (document) : NULL);
}

static void
dark_changed_cb (GlossWindow     *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *manager)
{
  gloss_highlight_layer_set_dark (self->highlights, adw_style_manager_get_dark (manager));
}

static void
notes_document_changed_cb (GlossWindow *self)
{
  gloss_notes_pane_set_document (gloss_sidebar_get_notes_pane (self->sidebar),
                                 gloss_session_get_document (self->session));
}

static void
highlight_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  highlight_selection (GLOSS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_palette_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  guint start, end;

  if (!gloss_reader_view_get_selection (self->reader_view, &start, &end))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Select a passage to highlight first")));
      return;
    }

  gloss_reader_view_popup (self->reader_view, GTK_WIDGET (ensure_palette (self)), start, end);
  gtk_widget_grab_focus (GTK_WIDGET (self->palette));
}

/* Opens the note of the highlight at the selection, highlighting the
 * selection first if it is not highlighted yet. */
static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkTextBuffer *buffer = gloss_reader_view_get_buffer (self->reader_view);
  GlossNote *note;
  GtkTextIter insert;
  guint start, end;

  if (!gloss_reader_view_get_selection (self->reader_view, &start, &end))
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
      start = end = gtk_text_iter_get_offset (&insert);
    }

  note = gloss_highlight_layer_note_at (self->highlights, start, end);
  if (note == NULL && start != end)
    note = highlight_selection (self, gloss_highlight_palette_get_color (ensure_palette (self)));
  if (note != NULL)
    edit_note (self, note);
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Select a passage or a highlight to write a note")));
}

static void
show_notes_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  set_sidebar_visible (self, TRUE);
  gloss_sidebar_show_page (self->sidebar, "notes");
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  /* A note being typed is saved first, so that it is what gets undone. */
  if (self->note_editor != NULL)
    gloss_note_editor_commit (self->note_editor);
  gloss_reader_view_popdown (self->reader_view);
  if (!gloss_note_history_undo (self->history, &error))
    show_error_toast (self, error);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  gloss_reader_view_popdown (self->reader_view);
  if (!gloss_note_history_redo (self->history, &error))
    show_error_toast (self, error);
}

/* Web Annotation export and import: a teacher hands highlights to
 * students, a user moves to another machine. */
static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    GlossWindow     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (!gloss_library_export_annotations (self->library, file, NULL, NULL, &n, &error))
        show_error_toast (self, error);
      else
        {
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u annotation",
                                                  "Exported %u annotations", n), n);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_annotations_response_cb (GtkNativeDialog *chooser,
                                int              response,
                                GlossWindow     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GlossImportReport report = { 0, };

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (!gloss_library_import_annotations (self->library, file, &report, &error))
        show_error_toast (self, error);
      else
        {
          /* Translators: what an import of annotations did */
          message = g_strdup_printf (_("Added %u, updated %u, already there %u, need attention %u, no such document %u"),
                                     report.added, report.updated, report.unchanged,
                                     report.unplaced, report.skipped);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileChooserNative *
annotations_chooser (GlossWindow          *self,
                     const char           *title,
                     GtkFileChooserAction  action,
                     const char           *accept)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept, _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Web Annotation (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_mime_type (filter, "application/ld+json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "jsonld");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  return chooser;
}

static void
export_annotations_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *chooser = annotations_chooser (self, _("Export Annotations"),
                                                       GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "gloss-annotations.json");
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_annotations_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *chooser = annotations_chooser (self, _("Import Annotations"),
                                                       GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));

  g_signal_connect (chooser, "response", G_CALLBACK (import_annotations_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
set_up_notes (GlossWindow *self)
{
  GlossNotesPane *pane = gloss_sidebar_get_notes_pane (self->sidebar);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->history = gloss_note_history_new (annotations (self));
  g_signal_connect_object (self->history, "notify::can-undo",
                           G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo",
                           G_CALLBACK (update_history_actions), self, G_CONNECT_SWAPPED);
  update_history_actions (self);

  self->highlights = gloss_highlight_layer_new (annotations (self));
  gloss_highlight_layer_set_dark (self->highlights, adw_style_manager_get_dark (manager));
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_view, "notify::buffer",
                           G_CALLBACK (attach_highlights), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_view, "offset-activated",
                           G_CALLBACK (text_activated_cb), self, G_CONNECT_SWAPPED);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (reader_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->reader_view), keys);

  gloss_notes_pane_set_library (pane, self->library);
  g_signal_connect_object (pane, "note-activated", G_CALLBACK (note_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (pane, "note-created", G_CALLBACK (note_created_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (pane, "delete-requested", G_CALLBACK (note_delete_requested_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (pane, "reattach-requested",
                           G_CALLBACK (note_reattach_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pane, "error", G_CALLBACK (note_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::document",
                           G_CALLBACK (notes_document_changed_cb), self, G_CONNECT_SWAPPED);

  /* Notes added from the command line or another window show up. */
  gloss_annotations_watch (annotations (self), NOTES_WATCH_MS);

  attach_highlights (self);
}

/* ------------------------------------------------------------------ */
/* Knowledge panels                                                   */
/* ------------------------------------------------------------------ */

/* The panels beside the text: the timeline above the mechanisms, each
 * one's visibility a setting and a stateful action (win.show-timeline,
 * win.show-mechanisms).  The width of the text-and-panels area decides
 * their layout, since libadwaita 1.2 has no breakpoints:
 *
 *   PANELS_STACK_MIN and wider   both panels stacked
 *   narrower                     one at a time, with a switcher
 *   under PANELS_SIDE_MIN        none: the text needs the room, unless
 *                                the reader asks for a panel
 *
 * The text keeps READER_MIN_WIDTH whenever the panels are beside it.
 *
 * Links go both ways: a passage chosen on a card opens in the text; a
 * mention clicked in the text (or Enter on it) selects its item; and
 * the items mentioned in the visible passage light up as one reads. */

#define PANELS_STACK_MIN    1000
#define PANELS_SIDE_MIN     800
#define READER_MIN_WIDTH    480
/* How long the view has to rest before the panels follow it. */
#define VISIBLE_ITEMS_DELAY_MS 150

static void
update_panels_layout (GlossWindow *self)
{
  int width = self->panels_area_width;
  gboolean wanted = gloss_panels_get_show_timeline (self->panels) ||
                    gloss_panels_get_show_mechanisms (self->panels);
  gboolean room = width == 0 || width >= PANELS_SIDE_MIN;
  gboolean shown = wanted && (room || self->panels_forced);

  if (room)
    self->panels_forced = FALSE;

  gloss_panels_set_folded (self->panels, width > 0 && width < PANELS_STACK_MIN);
  gtk_widget_set_visible (GTK_WIDGET (self->panels), shown);
  /* Below PANELS_SIDE_MIN the floor would keep the window from getting
   * any narrower. */
  gtk_widget_set_size_request (GTK_WIDGET (self->reader_view),
                               shown && room ? READER_MIN_WIDTH : -1, -1);
}

/* Gives the panels their remembered width, once the area's width is
 * known; from then on the paned keeps it as the window is resized (the
 * text takes the difference). */
static void
place_panels (GlossWindow *self)
{
  int width = self->panels_area_width;

  if (self->panels_placed || width <= 0)
    return;

  self->panels_placed = TRUE;
  gtk_paned_set_position (self->panels_paned,
                          MAX (width - gloss_panels_get_natural_width (self->panels), READER_MIN_WIDTH));
  /* The timeline's card needs the room more than the mechanisms' list. */
  if (g_settings_get_int (self->settings, "timeline-height") == 0)
    gloss_panels_set_split_position (self->panels,
                                     gtk_widget_get_height (GTK_WIDGET (self->panels_paned)) * 2 / 3);
}

/* After each layout: the area's width is only known once allocated, and
 * a change of layout takes effect on the next frame. */
static void
frame_layout_cb (GdkFrameClock *clock,
                 GlossWindow   *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->panels_paned));

  if (width == self->panels_area_width)
    return;

  self->panels_area_width = width;
  update_panels_layout (self);
  place_panels (self);
}

static void
panels_realize_cb (GlossWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "layout",
                           G_CALLBACK (frame_layout_cb), self, G_CONNECT_AFTER);
}

/* The reader turned a panel on: show it even where it hardly fits. */
static void
panels_shown_changed_cb (GlossWindow *self)
{
  self->panels_forced = TRUE;
  update_panels_layout (self);
}

static void
save_panels_state (GlossWindow *self)
{
  if (self->mention_index == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->panels)) ||
      gloss_panels_get_folded (self->panels))
    return;

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "panels-width",
                      gtk_widget_get_width (GTK_WIDGET (self->panels)));
  if (gloss_panels_get_show_timeline (self->panels) &&
      gloss_panels_get_show_mechanisms (self->panels))
    g_settings_set_int (self->settings, "timeline-height",
                        gloss_panels_get_split_position (self->panels));
  g_settings_apply (self->settings);
}

static void
panels_passage_activated_cb (GlossWindow *self,
                             const char  *doc_id,
                             guint        start,
                             guint        end)
{
  if (open_passage (self, doc_id, start, end, GLOSS_REVEAL_SELECT | GLOSS_REVEAL_FLASH))
    gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
}

static gboolean
reader_offset_activated_cb (GlossWindow *self,
                            guint        offset)
{
  GlossMention *mention = gloss_mention_layer_mention_at (self->mention_layer, offset);
  GlossKbItem *item;

  if (mention == NULL)
    return FALSE;

  item = gloss_knowledge_base_lookup (self->knowledge, gloss_mention_get_item_id (mention));
  if (item == NULL || !gloss_panels_show_item (self->panels, item))
    return FALSE;

  self->panels_forced = TRUE;
  update_panels_layout (self);
  return TRUE;
}

static gboolean
update_visible_items_cb (gpointer user_data)
{
  GlossWindow *self = user_data;
  const char *doc_id = gloss_mention_layer_get_document_id (self->mention_layer);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint start, end;

  self->visible_items_source = 0;
  gloss_reader_view_get_visible_range (self->reader_view, &start, &end);
  if (doc_id != NULL && end > start)
    {
      items = gloss_mention_index_items_in_range (self->mention_index, doc_id, start, end, &error);
      if (items == NULL)
        g_warning ("The items mentioned on screen cannot be found: %s", error->message);
    }
  gloss_panels_set_highlighted_items (self->panels, items);

  return G_SOURCE_REMOVE;
}

static void
queue_visible_items (GlossWindow *self)
{
  g_clear_handle_id (&self->visible_items_source, g_source_remove);
  self->visible_items_source = g_timeout_add (VISIBLE_ITEMS_DELAY_MS, update_visible_items_cb, self);
}

static void
reader_buffer_changed_for_mentions_cb (GlossWindow *self)
{
  GlossDocument *document = gloss_session_get_document (self->session);

  gloss_mention_layer_attach (self->mention_layer,
                              gloss_reader_view_get_buffer (self->reader_view),
                              document ? gloss_document_get_id (document) : NULL);
  queue_visible_items (self);
}

/* A faint accent colour: the mentions are there, but the text reads
 * first.  It follows the light or dark style. */
static void
update_mention_color (GlossWindow *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self->reader_view));
  GdkRGBA color;

  if (!gtk_style_context_lookup_color (context, "accent_color", &color))
    gtk_style_context_get_color (context, &color);
  color.alpha = adw_style_manager_get_high_contrast (adw_style_manager_get_default ()) ? 1.0 : 0.6;
  gloss_mention_layer_set_color (self->mention_layer, &color);
}

static void
bind_panels_settings (GlossWindow *self)
{
  g_autoptr(GAction) timeline_action = g_settings_create_action (self->settings, "show-timeline");
  g_autoptr(GAction) mechanisms_action = g_settings_create_action (self->settings, "show-mechanisms");
  int timeline_height = g_settings_get_int (self->settings, "timeline-height");

  g_settings_bind (self->settings, "show-timeline", self->panels, "show-timeline",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-mechanisms", self->panels, "show-mechanisms",
                   G_SETTINGS_BIND_DEFAULT);
  g_action_map_add_action (G_ACTION_MAP (self), timeline_action);
  g_action_map_add_action (G_ACTION_MAP (self), mechanisms_action);

  /* The sizes are saved on closing, not while dragging. */
  gloss_panels_set_natural_width (self->panels, g_settings_get_int (self->settings, "panels-width"));
  if (timeline_height > 0)
    gloss_panels_set_split_position (self->panels, timeline_height);
}

/* GTK 4.8 keeps a window's action group alive past the window, with
 * the actions' state handlers still connected: a setting changed later
 * (another window, a test resetting it) would notify a dead group. */
static void
unbind_panels_settings (GlossWindow *self)
{
  if (g_action_map_lookup_action (G_ACTION_MAP (self), "show-timeline") == NULL)
    return;

  g_action_map_remove_action (G_ACTION_MAP (self), "show-timeline");
  g_action_map_remove_action (G_ACTION_MAP (self), "show-mechanisms");
}

static void
set_up_panels (GlossWindow *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(GError) error = NULL;

  if (self->knowledge == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->panels), FALSE);
      return;
    }

  /* The reader's own events belong on the timeline too. */
  if (!gloss_user_events_merge (self->library, self->knowledge, &error))
    g_warning ("Your own timeline events cannot be read: %s", error->message);

  self->mention_index = gloss_mention_index_new (self->library, self->knowledge);
  self->mention_layer = gloss_mention_layer_new (self->mention_index);
  gloss_panels_set_mention_index (self->panels, self->mention_index);
  bind_panels_settings (self);

  g_signal_connect_object (self->panels, "notify::show-timeline",
                           G_CALLBACK (panels_shown_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->panels, "notify::show-mechanisms",
                           G_CALLBACK (panels_shown_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "realize", G_CALLBACK (panels_realize_cb), NULL);

  g_signal_connect_object (self->reader_view, "notify::buffer",
                           G_CALLBACK (reader_buffer_changed_for_mentions_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_view, "notify::top-offset",
                           G_CALLBACK (queue_visible_items), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_view, "notify::loading",
                           G_CALLBACK (queue_visible_items), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_view, "offset-activated",
                           G_CALLBACK (reader_offset_activated_cb), self, G_CONNECT_SWAPPED);
  reader_buffer_changed_for_mentions_cb (self);

  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (update_mention_color), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style_manager, "notify::high-contrast",
                           G_CALLBACK (update_mention_color), self, G_CONNECT_SWAPPED);
  update_mention_color (self);
  update_panels_layout (self);
}

/* ------------------------------------------------------------------ */
/* Export and print                                                   */
/* ------------------------------------------------------------------ */

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (g_variant_get_string (parameter, NULL), NULL, &error))
    show_error_toast (self, error);
}

static void
exported_cb (GlossWindow *self,
             GFile       *file,
             guint        n_entries)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: %u passages or notes were written to the file %s */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u entry to %s",
                                        "Exported %u entries to %s", n_entries),
                           n_entries, name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_detailed_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_export_dialog (GlossWindow *self,
                    gboolean     handout)
{
  GtkWidget *dialog = gloss_export_dialog_new (GTK_WINDOW (self), self->library, self->knowledge,
                                               gloss_session_get_document (self->session));

  if (handout)
    gloss_export_dialog_show_handout (GLOSS_EXPORT_DIALOG (dialog));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  show_export_dialog (GLOSS_WINDOW (widget), FALSE);
}

static void
export_handout_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  show_export_dialog (GLOSS_WINDOW (widget), TRUE);
}

static gboolean
open_start_document_cb (gpointer user_data)
{
  GlossWindow *self = user_data;
  g_autoptr(GlossDocument) document = g_steal_pointer (&self->start_document);

  self->start_document_source = 0;

  /* The reader came to read: Space, Page Down and the arrow keys work
   * on the text at once, not on the library list. */
  if (document != NULL && gloss_window_open_document (self, document))
    gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));

  return G_SOURCE_REMOVE;
}

/* Not in the paint handler itself: the frame is done only when every
 * after-paint handler has run. */
static void
start_document_after_paint_cb (GdkFrameClock *clock,
                               GlossWindow   *self)
{
  g_signal_handlers_disconnect_by_func (clock, start_document_after_paint_cb, self);
  /* Without a reference: a window closed before it runs goes at
   * once, and dispose removes the source. */
  self->start_document_source = g_idle_add_full (G_PRIORITY_DEFAULT, open_start_document_cb,
                                                 self, NULL);
}

static void
open_start_document_on_map (GlossWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, open_start_document_on_map, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (start_document_after_paint_cb), self, 0);
}

static void
gloss_window_constructed (GObject *object)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  G_OBJECT_CLASS (gloss_window_parent_class)->constructed (object);

  g_assert (GLOSS_IS_LIBRARY (self->library));

  self->session = gloss_session_new (self->library);
  g_signal_connect_object (self->session, "notify::document",
                           G_CALLBACK (session_document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::content",
                           G_CALLBACK (session_content_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::section",
                           G_CALLBACK (update_subtitle), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::page",
                           G_CALLBACK (update_subtitle), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self->reader_view, "top-offset",
                          self->session, "visible-offset",
                          G_BINDING_DEFAULT);
  gloss_sidebar_set_session (self->sidebar, self->session);
  set_up_search (self);
  set_up_notes (self);
  set_up_panels (self);

  update_actions (self);

  /* The window comes up first, and the document follows on the next
   * frame: laying out its first screen (and loading its CJK fonts)
   * would otherwise delay the first frame by a sixth. */
  self->start_document = find_start_document (self);
  if (self->start_document != NULL)
    g_signal_connect (self, "map", G_CALLBACK (open_start_document_on_map), NULL);
}

static void
gloss_window_dispose (GObject *object)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->visible_items_source, g_source_remove);
  g_clear_handle_id (&self->start_document_source, g_source_remove);
  unbind_panels_settings (self);

  /* Removed by hand: left in the map, the settings action was seen to
   * outlive the window's action group, still connected to it, so that
   * changing the key after the window had gone (from the preferences,
   * in another window) logged a critical. */
  g_action_map_remove_action (G_ACTION_MAP (self), "fold-chinese-variants");

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);

  g_clear_object (&self->start_document);
  g_clear_object (&self->document_bindings);
  g_clear_object (&self->session);
  g_clear_object (&self->mention_layer);
  g_clear_object (&self->mention_index);
  g_clear_object (&self->knowledge);
  g_clear_object (&self->history);
  g_clear_object (&self->highlights);
  g_clear_object (&self->palette);
  g_clear_object (&self->note_editor);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_object (&self->reader_settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gloss_window_parent_class)->dispose (object);
}

static void
gloss_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, self->sidebar_visible);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_SIDEBAR_VISIBLE:
      set_sidebar_visible (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gloss_window_constructed;
  object_class->dispose = gloss_window_dispose;
  object_class->get_property = gloss_window_get_property;
  object_class->set_property = gloss_window_set_property;

  window_class->close_request = gloss_window_close_request;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         GLOSS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         GLOSS_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLOSS_TYPE_READER_VIEW);
  g_type_ensure (GLOSS_TYPE_SIDEBAR);
  g_type_ensure (GLOSS_TYPE_FIND_BAR);
  g_type_ensure (GLOSS_TYPE_PANELS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossreader/Gloss/gloss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, reader_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, find_bar);
  gtk_widget_class_bind_template_callback (widget_class, find_match_selected_cb);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, drop_target);
  gtk_widget_class_bind_template_callback (widget_class, drop_cb);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, panels_paned);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, panels);
  gtk_widget_class_bind_template_callback (widget_class, panels_passage_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "sidebar-visible");
  gtk_widget_class_install_action (widget_class, "win.edit-details", NULL, edit_details_action);
  gtk_widget_class_install_action (widget_class, "win.open-document", "s", open_document_action);
  gtk_widget_class_install_action (widget_class, "win.go-to-offset", "u", go_to_offset_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.highlight", "s", highlight_action);
  gtk_widget_class_install_action (widget_class, "win.show-palette", NULL, show_palette_action);
  gtk_widget_class_install_action (widget_class, "win.edit-note", NULL, edit_note_action);
  gtk_widget_class_install_action (widget_class, "win.show-notes", NULL, show_notes_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-handout", NULL, export_handout_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.export-annotations", NULL, export_annotations_action);
  gtk_widget_class_install_action (widget_class, "win.import-annotations", NULL, import_annotations_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
}

static void
gloss_window_init (GlossWindow *self)
{
  GType drop_types[] = { GDK_TYPE_FILE_LIST };

  self->sidebar_visible = TRUE;
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The reading preferences: the view's typography, and the sepia
   * style class on this window. */
  self->reader_settings = gloss_reader_settings_new (self->reader_view, GTK_WIDGET (self));

  gtk_drop_target_set_gtypes (self->drop_target, drop_types, G_N_ELEMENTS (drop_types));

  /* The title follows the open document, also when it is renamed. */
  self->document_bindings = g_binding_group_new ();
  g_binding_group_bind (self->document_bindings, "title",
                        self->window_title, "title", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->document_bindings, "title",
                        self, "title", G_BINDING_SYNC_CREATE);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  set_sidebar_visible (self, g_settings_get_boolean (self->settings, "sidebar-visible"));
}

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

/**
 * gloss_window_new:
 * @application: the application
 * @library: the library to show
 *
 * Returns: (transfer none): a new window, which opens the document read
 *   last (or the first of the library)
 */
GlossWindow *
gloss_window_new (GtkApplication *application,
                  GlossLibrary   *library)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (GLOSS_IS_LIBRARY (library), NULL);

  return g_object_new (GLOSS_TYPE_WINDOW,
                       "application", application,
                       "library", library,
                       NULL);
}

/**
 * gloss_window_get_session:
 *
 * Returns: (transfer none): the session the panes of the window follow
 */
GlossSession *
gloss_window_get_session (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->session;
}

/**
 * gloss_window_get_reader_view:
 *
 * Returns: (transfer none): the reading view
 */
GlossReaderView *
gloss_window_get_reader_view (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->reader_view;
}

/**
 * gloss_window_get_sidebar:
 *
 * Returns: (transfer none): the library and contents sidebar
 */
GlossSidebar *
gloss_window_get_sidebar (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->sidebar;
}

/**
 * gloss_window_get_panels:
 *
 * Returns: (transfer none): the timeline and mechanisms beside the text
 */
GlossPanels *
gloss_window_get_panels (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->panels;
}

/**
 * gloss_window_open_document:
 * @self: a #GlossWindow
 * @document: a document of the window's library
 *
 * Opens @document at its saved reading position.  A failure is shown
 * as a toast.
 *
 * Returns: %TRUE if @document is now open
 */
gboolean
gloss_window_open_document (GlossWindow   *self,
                            GlossDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (document), FALSE);

  g_clear_object (&self->start_document);
  if (!gloss_session_open_document (self->session, document, &error))
    {
      show_error_toast (self, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_window_import_file:
 * @self: a #GlossWindow
 * @file: a text, Markdown or PDF file
 *
 * Adds @file to the library in the background, then opens it.  Whether
 * it worked or why not (the message names the file) is shown as a toast.
 */
void
gloss_window_import_file (GlossWindow *self,
                          GFile       *file)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  gloss_library_import_file_async (self->library, file, self->cancellable,
                                   import_file_cb, g_object_ref (self));
}

/**
 * gloss_window_show_toast:
 * @self: a #GlossWindow
 * @message: plain text, not markup
 *
 * Shows @message in a toast over the window.
 */
void
gloss_window_show_toast (GlossWindow *self,
                         const char  *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}
