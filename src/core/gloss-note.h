/* gloss-note.h: a highlight, or a note on a passage or a whole document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How a highlight is drawn. */
typedef enum
{
  GLOSS_HIGHLIGHT_BACKGROUND,
  GLOSS_HIGHLIGHT_UNDERLINE,
  GLOSS_HIGHLIGHT_STRIKE,
} GlossHighlightStyle;

/* Where the anchor stands after the text last changed. */
typedef enum
{
  GLOSS_ANCHOR_OK,        /* the quote is where it was */
  GLOSS_ANCHOR_MOVED,     /* the same quote, found elsewhere */
  GLOSS_ANCHOR_FUZZY,     /* a slightly changed quote: worth a look */
  GLOSS_ANCHOR_ORPHANED,  /* not placed: needs attention, old quote kept */
} GlossAnchorStatus;

#define GLOSS_TYPE_HIGHLIGHT_STYLE (gloss_highlight_style_get_type ())
#define GLOSS_TYPE_ANCHOR_STATUS   (gloss_anchor_status_get_type ())
GType gloss_highlight_style_get_type (void) G_GNUC_CONST;
GType gloss_anchor_status_get_type   (void) G_GNUC_CONST;

#define GLOSS_TYPE_NOTE (gloss_note_get_type ())
G_DECLARE_FINAL_TYPE (GlossNote, gloss_note, GLOSS, NOTE, GObject)

/* Properties (read-only; changes go through GlossAnnotations, which
 * stores them first and then notifies): "id", "doc-id", "has-range",
 * "start", "end", "quote", "prefix", "suffix", "prior-quote", "text",
 * "color", "style", "status", "tags", "created", "modified",
 * "needs-attention". Times are microseconds since the epoch (UTC). */

const char         *gloss_note_get_id              (GlossNote *self);
const char         *gloss_note_get_doc_id          (GlossNote *self);
gboolean            gloss_note_get_has_range       (GlossNote *self);
guint               gloss_note_get_start           (GlossNote *self);
guint               gloss_note_get_end             (GlossNote *self);
const char         *gloss_note_get_quote           (GlossNote *self);
const char         *gloss_note_get_prefix          (GlossNote *self);
const char         *gloss_note_get_suffix          (GlossNote *self);
const char         *gloss_note_get_prior_quote     (GlossNote *self);
const char         *gloss_note_get_text            (GlossNote *self);
const char         *gloss_note_get_color           (GlossNote *self);
GlossHighlightStyle gloss_note_get_style           (GlossNote *self);
GlossAnchorStatus   gloss_note_get_status          (GlossNote *self);
const char * const *gloss_note_get_tags            (GlossNote *self);
gboolean            gloss_note_has_tag             (GlossNote *self,
                                                    const char *tag);
gint64              gloss_note_get_created         (GlossNote *self);
gint64              gloss_note_get_modified        (GlossNote *self);
gboolean            gloss_note_get_needs_attention (GlossNote *self);
const char         *gloss_note_get_text_checksum   (GlossNote *self);
const char         *gloss_note_get_doc_checksum    (GlossNote *self);
GlossNote          *gloss_note_copy                (GlossNote *self);
gboolean            gloss_note_equal_content       (GlossNote *a,
                                                    GlossNote *b);

/* The palette: at least eight colour keys, in palette order. */
const char * const *gloss_note_colors               (void);
gboolean            gloss_note_color_is_valid       (const char *color);
const char         *gloss_note_color_get_hex        (const char *color,
                                                     gboolean    dark,
                                                     gboolean    fill,
                                                     gboolean   *found);
const char         *gloss_note_color_get_label      (const char *color);
const char         *gloss_highlight_style_to_string (GlossHighlightStyle style);
gboolean            gloss_highlight_style_from_string (const char *name,
                                                       GlossHighlightStyle *style);
const char         *gloss_anchor_status_to_string   (GlossAnchorStatus status);
gboolean            gloss_anchor_status_from_string (const char *name,
                                                     GlossAnchorStatus *status);
char               *gloss_note_normalize_tag        (const char *tag);

G_END_DECLS
