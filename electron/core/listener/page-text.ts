/** Reflected values (ids, form and contact names) longer than this are shortened on pages. */
export const MAX_VALUE_LENGTH = 200;
/** Messages, fixes, warnings and step details longer than this are shortened on pages. */
export const MAX_TEXT_LENGTH = 1000;

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values. Control characters (C0,
 * DEL and C1, Unicode category Cc) become visible `\uXXXX` text, because browsers drop or
 * replace them and a NUL byte in the page confuses tools that read it.
 */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/\p{Cc}/gu, (character) => {
      const code = character.charCodeAt(0).toString(16).padStart(4, '0');
      return `\\u${code}`;
    })
    .replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

/** Shortens `text` over `maxLength` characters to its start plus "… (N characters)". */
export function shortenText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;

  // Cutting between the two halves of a surrogate pair would leave an invalid character.
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
  return `${text.slice(0, cut)}… (${text.length} characters)`;
}

/** Escapes a reflected value (an id, a form or contact name) after shortening it. */
export function valueHtml(value: string): string {
  return escapeHtml(shortenText(value, MAX_VALUE_LENGTH));
}

/** Escapes a message, fix, warning or step detail after shortening it. */
export function textHtml(text: string): string {
  return escapeHtml(shortenText(text, MAX_TEXT_LENGTH));
}
