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
 * Describes a JSON.parse failure with its line and column. V8's snippet of the text is left out,
 * because it can contain a secret that was pasted into the file by mistake.
 */
export function describeJsonError(text: string, error: SyntaxError): JsonSyntaxError {
  const reason = error.message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ after JSON at position \d+.*$/s, ' after the end of the JSON value');
  const position = /at position (\d+)/.exec(error.message)?.[1];

  let offset: number;
  if (position !== undefined) offset = Number(position);
  else if (/unexpected end of json input/i.test(error.message)) offset = text.length;
  else offset = findErrorOffset(text);

  return { reason, ...lineAndColumn(text, offset) };
}
