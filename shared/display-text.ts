/**
 * C0 controls (U+0000–U+001F), DEL, C1 controls (U+0080–U+009F) and the Unicode line and
 * paragraph separators (U+2028, U+2029). A line break in a menu label starts a second line or
 * item on some platforms, and the other controls show as boxes or move the cursor.
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Unicode bidirectional controls: the embeddings and overrides U+202A–U+202E, the isolates
 * U+2066–U+2069, and the marks U+200E, U+200F and U+061C. U+202E (right-to-left override) makes
 * "moc.elgoog" read as "google.com", so text from the PSA must not carry them.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * Makes text from the PSA, Graph or a screen pop URL safe to show on one line: control
 * characters become spaces and bidirectional controls are removed. Used by the tray menu, the
 * notifications and the renderer's names of tickets, contacts and companies.
 */
export function cleanDisplayText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ').replace(BIDI_CONTROLS, '');
}
