/* gloss-kb-format.c: how knowledge base items read in the interface
 *
 * Dates keep the precision the sources give: a day reads as
 * 2015-07-22 (the form UN documents and the corpus use), a month as
 * "July 2015" in the user's language, a year as 2015. Nothing is made
 * more precise than it is known to be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Gloss"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-kb-format.h"

/**
 * gloss_kb_format_date:
 * @date: (nullable): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @precision: (nullable): "year", "month" or "day"
 *
 * Returns: (transfer full): the date as it reads; a malformed date
 *   reads as it is written rather than not at all
 */
char *
gloss_kb_format_date (const char *date,
                      const char *precision)
{
  GDate parsed;

  if (date == NULL)
    return g_strdup ("");
  if (!gloss_kb_parse_date (date, precision, &parsed, NULL))
    return g_strdup (date);
  if (g_strcmp0 (precision, "month") == 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (&parsed),
                                                         g_date_get_month (&parsed), 1, 0, 0, 0);

      /* Translators: a month and its year, as in "July 2015"; see
       * g_date_time_format() for the codes */
      return g_date_time_format (time, _("%B %Y"));
    }
  return g_strdup (date);
}

/**
 * gloss_kb_format_period:
 *
 * Returns: (transfer full): the item's date, or its period "2019–2021"
 */
char *
gloss_kb_format_period (GlossKbItem *item)
{
  g_autofree char *start = gloss_kb_format_date (gloss_kb_item_get_date (item),
                                                 gloss_kb_item_get_date_precision (item));
  g_autofree char *end = NULL;

  if (gloss_kb_item_get_end_date (item) == NULL)
    return g_steal_pointer (&start);
  end = gloss_kb_format_date (gloss_kb_item_get_end_date (item),
                              gloss_kb_item_get_end_date_precision (item));
  if (g_str_equal (start, end))
    return g_steal_pointer (&start);
  /* an en dash; spaced when either side is more than one word */
  if (strchr (start, ' ') || strchr (end, ' ') || strchr (start, '-') || strchr (end, '-'))
    return g_strdup_printf ("%s – %s", start, end);
  return g_strdup_printf ("%s–%s", start, end);
}

const char *
gloss_kb_format_lane (const char *lane)
{
  if (g_strcmp0 (lane, "gge") == 0)
    /* Translators: the UN Group of Governmental Experts, a lane of the timeline */
    return _("GGE");
  if (g_strcmp0 (lane, "oewg") == 0)
    /* Translators: the UN Open-ended Working Group, a lane of the timeline */
    return _("OEWG");
  if (g_strcmp0 (lane, "ga") == 0)
    return _("General Assembly");
  return _("Other");
}

const char *
gloss_kb_format_kind (const char *kind)
{
  if (g_strcmp0 (kind, "bilateral") == 0)
    return _("Bilateral");
  if (g_strcmp0 (kind, "sco") == 0)
    /* Translators: the Shanghai Cooperation Organisation */
    return _("SCO");
  if (g_strcmp0 (kind, "brics") == 0)
    return _("BRICS");
  if (g_strcmp0 (kind, "un") == 0)
    return _("United Nations");
  if (g_strcmp0 (kind, "bri-eaeu") == 0)
    /* Translators: the Belt and Road Initiative and the Eurasian Economic Union */
    return _("Belt and Road, EAEU");
  if (g_strcmp0 (kind, "forum") == 0)
    return _("Forums");
  return _("Other");
}

const char *
gloss_kb_format_type (const char *item_type)
{
  static const struct { const char *type; const char *label; } types[] = {
    { "resolution", N_("Resolution") },
    { "session", N_("Session") },
    { "report", N_("Report") },
    { "group", N_("Group") },
    { "meeting", N_("Meeting") },
    { "convention", N_("Convention") },
    { "mechanism", N_("Mechanism") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (item_type, types[i].type) == 0)
      return _(types[i].label);
  return "";
}

/* The short name of an item on the timeline and in lists: the Chinese
 * title, the language of the texts being read. */
const char *
gloss_kb_format_label (GlossKbItem *item)
{
  const char *title = gloss_kb_item_get_title_zh (item);

  return title && *title ? title : gloss_kb_item_get_title_en (item);
}
