/* test-gui-panels.c: the timeline and mechanisms panels, on the bundled texts
 *
 * Runs under a display (xvfb-run -a), with GSETTINGS_BACKEND=memory and
 * the schema compiled into the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "gloss-event-editor.h"
#include "gloss-kb-card.h"
#include "gloss-mechanisms-panel.h"
#include "gloss-mention-index.h"
#include "gloss-timeline-panel.h"
#include "gloss-timeline-view.h"
#include "gloss-user-events.h"
#include "test-gui-util.h"
#include "test-util.h"

#define ARTICLE_ID "000_19fab0aeb8cf70aa"
#define REPORT_ID  "gge-2015-report"

typedef struct
{
  char               *dir;
  GlossLibrary       *library;
  GlossKnowledgeBase *knowledge;
  GlossMentionIndex  *index;
  GtkWindow          *window;
  GlossTimelinePanel *panel;
} Fixture;

/* ------------------------------------------------------------------ */

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->library = test_open_library (&fixture->dir);
  fixture->knowledge = gloss_knowledge_base_new_bundled (&error);
  g_assert_no_error (error);
  fixture->index = gloss_mention_index_new (fixture->library, fixture->knowledge);
  fixture->panel = GLOSS_TIMELINE_PANEL (gloss_timeline_panel_new (fixture->index));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (fixture->window);
  gtk_window_set_default_size (fixture->window, 1100, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->panel));
  gtk_window_present (fixture->window);
  iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  iterate ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->index);
  g_assert_finalize_object (fixture->knowledge);
  g_assert_finalize_object (fixture->library);

  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

/* Every list box row under @widget, in order. */
/* The text of a passage, in the compatibility form the detection
 * matches (full-width Ａ／７０／１７４ reads A/70/174). */
static char *
passage_text (Fixture *fixture,
              TestPassage *passage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = gloss_library_lookup (fixture->library, passage->doc_id, &error);
  g_autoptr(GlossContent) content = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  content = gloss_library_load_content (fixture->library, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (passage->end, >, passage->start);
  g_assert_cmpuint (passage->end, <=, gloss_content_get_n_chars (content));
  text = gloss_content_dup_range (content, passage->start, passage->end);
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
}

static gboolean
is_alias (GlossKbItem *item,
          const char  *text)
{
  const char * const *aliases = gloss_kb_item_get_aliases (item);
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; aliases[i]; i++)
    {
      g_autofree char *normal = g_utf8_normalize (aliases[i], -1, G_NORMALIZE_NFKC);
      g_autofree char *alias = g_utf8_casefold (normal, -1);

      if (g_str_equal (alias, folded))
        return TRUE;
    }
  return FALSE;
}

/* Presses @keyval on @widget through its class's key bindings, the way
 * a key press reaches them (GTK 4 has no synthetic key events). */
static void
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              iterate ();
              return;
            }
        }
    }
  g_error ("no key binding for %s", gdk_keyval_name (keyval));
}

static const char *
selected_id (Fixture *fixture)
{
  GlossKbItem *item = gloss_timeline_panel_get_selected_item (fixture->panel);

  return item ? gloss_kb_item_get_id (item) : NULL;
}

/* ------------------------------------------------------------------ */

/* Selecting the 2015 report fills its card with the passages that
 * mention it; choosing one gives offsets whose text is the mention. */
static void
test_select_and_open_passage (Fixture       *fixture,
                              gconstpointer  data)
{
  GlossKbCard *card = GLOSS_KB_CARD (gloss_timeline_panel_get_card (fixture->panel));
  g_autoptr(GPtrArray) rows = NULL;
  TestPassage passage = { 0 };
  gboolean article_seen = FALSE;

  g_assert_null (gloss_kb_card_get_item (card));
  g_assert_true (gloss_timeline_panel_select_item_by_id (fixture->panel, REPORT_ID));
  g_assert_false (gloss_timeline_panel_select_item_by_id (fixture->panel, "no-such-event"));
  iterate ();
  g_assert_cmpstr (selected_id (fixture), ==, REPORT_ID);
  g_assert_cmpstr (gloss_kb_item_get_id (gloss_kb_card_get_item (card)), ==, REPORT_ID);
  g_assert_cmpuint (gloss_kb_card_get_n_passages (card), >, 0);

  rows = test_collect_widgets (GTK_WIDGET (card), GTK_TYPE_LIST_BOX_ROW);
  g_assert_cmpuint (rows->len, ==, gloss_kb_card_get_n_passages (card));
  g_signal_connect (fixture->panel, "passage-activated", G_CALLBACK (test_passage_activated_cb), &passage);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *text = NULL;

      gtk_widget_activate (g_ptr_array_index (rows, i));
      g_assert_cmpuint (passage.count, ==, i + 1);
      text = passage_text (fixture, &passage);
      g_test_message ("passage %u: %s %u–%u “%s”", i, passage.doc_id, passage.start, passage.end, text);
      /* each passage is one of the report's names, or a dated reference to it */
      g_assert_true (is_alias (gloss_kb_card_get_item (card), text) || strstr (text, "2015") != NULL);
      article_seen |= g_str_equal (passage.doc_id, ARTICLE_ID) && strstr (text, "A/70/174") != NULL;
    }
  /* the article writes the symbol in full-width form, Ａ／７０／１７４ */
  g_assert_true (article_seen);
  g_free (passage.doc_id);
}

/* Left and Right move event by event in date order, Home and End go to
 * the ends, and the selected event is brought into view. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GlossTimelineView *view = gloss_timeline_panel_get_view (fixture->panel);
  GtkWidget *widget = GTK_WIDGET (view);
  GDate start, end, target;

  g_assert_true (gtk_widget_get_focusable (widget));
  gtk_widget_grab_focus (widget);
  g_assert_true (gtk_widget_has_focus (widget));

  /* nothing selected: Right starts from the first event in view */
  press_key (widget, GDK_KEY_Right, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "ga-1998-res-53-70");

  g_assert_true (gloss_timeline_panel_select_item_by_id (fixture->panel, REPORT_ID));
  press_key (widget, GDK_KEY_Right, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "ga-2015-res-70-237");
  press_key (widget, GDK_KEY_Left, 0);
  press_key (widget, GDK_KEY_Left, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "gge-2014-2015");

  /* zoomed in, End goes to the last event and shows it */
  for (guint i = 0; i < 8; i++)
    press_key (widget, GDK_KEY_plus, 0);
  gloss_timeline_view_get_visible_range (view, &start, &end);
  g_assert_cmpint (g_date_days_between (&start, &end), <, 365);
  press_key (widget, GDK_KEY_End, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "global-mechanism-org-session");
  gloss_timeline_view_get_visible_range (view, &start, &end);
  g_date_clear (&target, 1);
  g_date_set_dmy (&target, 30, 3, 2026);
  g_assert_cmpint (g_date_compare (&start, &target), <=, 0);
  g_assert_cmpint (g_date_compare (&target, &end), <=, 0);
  press_key (widget, GDK_KEY_Home, 0);
  g_assert_cmpstr (selected_id (fixture), ==, "ga-1998-res-53-70");

  /* the card follows the keyboard */
  g_assert_cmpstr (gloss_kb_item_get_id (gloss_kb_card_get_item (
                     GLOSS_KB_CARD (gloss_timeline_panel_get_card (fixture->panel)))), ==, "ga-1998-res-53-70");
}

/* Zoom goes from the whole span down to about two months, and back. */
static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  GlossTimelineView *view = gloss_timeline_panel_get_view (fixture->panel);
  gboolean can_in = FALSE, can_out = TRUE;
  GDate start, end;
  guint steps = 0;

  g_object_get (view, "can-zoom-in", &can_in, "can-zoom-out", &can_out, NULL);
  g_assert_true (can_in);
  g_assert_false (can_out);
  gloss_timeline_view_get_visible_range (view, &start, &end);
  g_assert_cmpint (g_date_get_year (&start), ==, 1998);
  g_assert_cmpint (g_date_get_year (&end), ==, 2026);

  while (can_in)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "timeline-panel.zoom-in", NULL));
      g_object_get (view, "can-zoom-in", &can_in, NULL);
      g_assert_cmpuint (++steps, <, 50);
    }
  gloss_timeline_view_get_visible_range (view, &start, &end);
  g_assert_cmpint (g_date_days_between (&start, &end), <=, 62);
  g_assert_cmpint (g_date_days_between (&start, &end), >=, 55);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "timeline-panel.zoom-all", NULL));
  g_object_get (view, "can-zoom-out", &can_out, NULL);
  g_assert_false (can_out);
}

/* The highlighted ids reach the view, and are kept by value. */
static void
test_highlighted (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(GStrv) ids = g_strsplit (REPORT_ID ",oewg-2019-2021", ",", -1);
  g_auto(GStrv) read = NULL;

  gloss_timeline_panel_set_highlighted_ids (fixture->panel, (const char * const *) ids);
  g_object_get (gloss_timeline_panel_get_view (fixture->panel), "highlighted-ids", &read, NULL);
  g_assert_true (g_strv_equal ((const char * const *) read, (const char * const *) ids));
  g_assert_true (read != ids);
  gloss_timeline_panel_set_highlighted_ids (fixture->panel, NULL);
  g_assert_null (gloss_timeline_panel_get_highlighted_ids (fixture->panel));
}

/* The editor refuses bad input field by field, then saves an event that
 * appears on the timeline; deleting it takes it away. */
static void
test_user_event (Fixture       *fixture,
                 gconstpointer  data)
{
  GlossEventEditor *editor = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (gloss_knowledge_base_get_timeline (fixture->knowledge));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GlossKbItem *item;

  /* the Add Event button's action opens the editor */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "kb.add-event", NULL));
  iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GLOSS_IS_EVENT_EDITOR (window))
        editor = g_object_ref (GLOSS_EVENT_EDITOR (window));
    }
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == fixture->window);
  gloss_event_editor_set_text (editor, "date", "2015-13-01");
  gloss_event_editor_set_text (editor, "title-zh", "我的研讨会");
  gloss_event_editor_set_text (editor, "summary", "A seminar.");
  g_assert_false (gloss_event_editor_save (editor));
  g_assert_nonnull (strstr (gloss_event_editor_get_error (editor, "date"), "2015-13-01"));
  g_assert_nonnull (gloss_event_editor_get_error (editor, "source-url"));
  g_assert_null (gloss_event_editor_get_error (editor, "title-zh"));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_knowledge_base_get_timeline (fixture->knowledge)), ==, n);

  gloss_event_editor_set_text (editor, "date", "2016-03");
  gloss_event_editor_set_text (editor, "source-url", "not a url");
  g_assert_false (gloss_event_editor_save (editor));
  g_assert_null (gloss_event_editor_get_error (editor, "date"));
  g_assert_nonnull (strstr (gloss_event_editor_get_error (editor, "source-url"), "not a url"));

  gloss_event_editor_set_text (editor, "source-url", "https://example.org/seminar");
  g_assert_true (gloss_event_editor_save (editor));
  iterate ();
  g_assert_finalize_object (editor);

  g_assert_cmpuint (g_list_model_get_n_items (gloss_knowledge_base_get_timeline (fixture->knowledge)), ==, n + 1);
  /* the panel selected what was saved */
  item = gloss_timeline_panel_get_selected_item (fixture->panel);
  g_assert_nonnull (item);
  g_assert_true (gloss_kb_item_get_user_defined (item));
  g_assert_cmpstr (gloss_kb_item_get_date_precision (item), ==, "month");
  id = g_strdup (gloss_kb_item_get_id (item));

  g_assert_true (gloss_user_events_remove (fixture->library, fixture->knowledge, id, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_false (gloss_timeline_panel_select_item_by_id (fixture->panel, id));
  g_assert_null (gloss_timeline_panel_get_selected_item (fixture->panel));
}

/* The mechanisms panel: a selected mechanism shows its card, with its
 * members, and passages open like the timeline's. */
static void
test_mechanisms (Fixture       *fixture,
                 gconstpointer  data)
{
  GlossMechanismsPanel *panel = GLOSS_MECHANISMS_PANEL (gloss_mechanisms_panel_new (fixture->index));
  GlossKbCard *card = GLOSS_KB_CARD (gloss_mechanisms_panel_get_card (panel));
  const char *ids[] = { "ru-cn-2015-agreement", NULL };

  gtk_window_set_child (fixture->window, GTK_WIDGET (panel));
  iterate ();
  g_assert_true (gloss_mechanisms_panel_select_item_by_id (panel, "ru-cn-2015-agreement"));
  g_assert_false (gloss_mechanisms_panel_select_item_by_id (panel, REPORT_ID));
  g_assert_cmpstr (gloss_kb_item_get_id (gloss_mechanisms_panel_get_selected_item (panel)), ==,
                   "ru-cn-2015-agreement");
  g_assert_true (gloss_kb_card_get_item (card) == gloss_mechanisms_panel_get_selected_item (panel));

  gloss_mechanisms_panel_set_highlighted_ids (panel, ids);
  g_assert_true (g_strv_equal (gloss_mechanisms_panel_get_highlighted_ids (panel), ids));
  gloss_mechanisms_panel_set_selected_item (panel, NULL);
  g_assert_null (gloss_kb_card_get_item (card));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/panels/timeline/select-and-open-passage", Fixture, NULL,
              fixture_set_up, test_select_and_open_passage, fixture_tear_down);
  g_test_add ("/panels/timeline/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/panels/timeline/zoom", Fixture, NULL, fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/panels/timeline/highlighted", Fixture, NULL, fixture_set_up, test_highlighted, fixture_tear_down);
  g_test_add ("/panels/timeline/user-event", Fixture, NULL, fixture_set_up, test_user_event, fixture_tear_down);
  g_test_add ("/panels/mechanisms", Fixture, NULL, fixture_set_up, test_mechanisms, fixture_tear_down);

  return g_test_run ();
}
