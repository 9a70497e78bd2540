/**
 * ingest: the rules for short stored text fields (titles, outlets, authors,
 * tag labels, notes) and for comparing names. Pure.
 *
 * - Control characters (C0 but \n and \t, DEL, C1) never reach the store: a
 *   NUL in a title ended up in the Markdown export, and none of them means
 *   anything in a title or a note.
 * - Zero-width and bidirectional controls are kept in the field as written
 *   (they can be part of a spelling, and the page shows what was given), but
 *   names are compared without them, so `Reu\u200Bters` and `Reuters` are
 *   one outlet.
 */

// C0 controls but tab and line feed, DEL, C1 controls
const CONTROLS_BUT_TAB_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const ALL_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen, Mongolian vowel separator,
// bidi marks, embeddings, overrides and isolates, Arabic letter mark
const INVISIBLE = /[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;

/** A one-line field: controls (line breaks and tabs included) become spaces, runs of white space one space, trimmed. */
export function cleanLine(value: string): string {
  return value.replace(ALL_CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/** A text with lines (a note): CR LF and CR become \n; other controls but \n and \t are removed; trimmed. */
export function cleanMultiline(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROLS_BUT_TAB_NEWLINE, '').trim();
}

/** The value without zero-width and bidi controls. */
export function removeInvisible(value: string): string {
  return value.replace(INVISIBLE, '');
}

/**
 * The key two names (outlet, author, speaker) are compared by: without
 * zero-width and bidi controls, NFKC, white space collapsed, lower case.
 */
export function nameKey(value: string): string {
  return value
    .replace(INVISIBLE, '')
    .replace(ALL_CONTROLS, ' ')
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
