/** A JSON syntax error with a 1-based line and column. */
export interface JsonSyntaxError {
  reason: string;
  line: number;
  column: number;
}

/** Returns whether `text` parses or fails only because it ends too early. */
function isIncompleteOrValid(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch (error) {
    if (!(error instanceof SyntaxError)) return false;
    if (/unexpected end of json input/i.test(error.message)) return true;

    // V8 reports a cut-off string, number or escape as an error at the end of the text.
    const position = /at position (\d+)/.exec(error.message)?.[1];
    return position !== undefined && Number(position) >= text.length;
  }
}

/**
 * Finds where parsing fails when V8's message gives no position ("Unexpected token 'x', ... is
 * not valid JSON"). Every prefix that ends before the bad character is a valid start of JSON,
 * and every longer one fails on that character, so a binary search finds it.
 */
function findErrorOffset(text: string): number {
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (isIncompleteOrValid(text.slice(0, middle))) good = middle;
    else bad = middle;
  }
  return good;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/**
 * V8's reasons that carry a position and no text of the file, such as "Expected ',' or '}'
 * after property value". Only these letters and marks may pass through to a message.
 */
const fixedReason = /^[A-Za-z ,':{}[\]-]+$/;

/**
 * Turns V8's JSON.parse message into a reason that contains no text of the file. V8 quotes the
 * text around the error in two forms, `"<text>" is not valid JSON` and `..."<text>"... is not
 * valid JSON`, and names the offending character in `Unexpected token 'x'`. A secret pasted into
 * the file, or the first line of a file that is not JSON at all, would show up in either.
 */
function describeReason(message: string): string {
  if (/^Unexpected end of JSON input/i.test(message)) return 'Unexpected end of the JSON text';
  if (/^Unexpected token\b/.test(message) || /is not valid JSON$/.test(message)) {
    return 'Unexpected character';
  }

  const positioned = / (in|after) JSON at position \d+/.exec(message);
  const prefix = positioned ? message.slice(0, positioned.index) : '';
  if (!positioned || !fixedReason.test(prefix)) return 'Invalid JSON';
  return positioned[1] === 'after' ? `${prefix} after the end of the JSON value` : prefix;
}

/**
 * Describes a JSON.parse failure by its reason, line and column only. No text of the file is
 * included, because it can contain a secret that was pasted into the file by mistake, or be a
 * file that was never meant to be shown, such as `--config /etc/shadow`.
 */
export function describeJsonError(text: string, error: SyntaxError): JsonSyntaxError {
  const position = /at position (\d+)/.exec(error.message)?.[1];

  let offset: number;
  if (position !== undefined) offset = Number(position);
  else if (/unexpected end of json input/i.test(error.message)) offset = text.length;
  else offset = findErrorOffset(text);

  return { reason: describeReason(error.message), ...lineAndColumn(text, offset) };
}
