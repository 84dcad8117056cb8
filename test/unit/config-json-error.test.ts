import { describe, expect, it } from 'vitest';
import { checkConfigText } from '../../electron/core/config/check';
import { describeJsonError } from '../../electron/core/config/json-error';
import { parseConfig } from '../../electron/core/config/load';
import { ToolboxError } from '../../electron/core/errors';

const SENTINEL = 'PRIVKEY-SENTINEL-0123456789abcdef';

function syntaxError(text: string): SyntaxError {
  try {
    JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return error;
    throw error;
  }
  throw new Error(`JSON.parse accepted ${text}`);
}

function parseMessage(text: string): string {
  try {
    parseConfig(text, '/tmp/config.json');
  } catch (error) {
    if (error instanceof ToolboxError) return `${error.message}\n${error.fix ?? ''}`;
    throw error;
  }
  throw new Error('parseConfig accepted invalid JSON');
}

/** Each text makes V8 quote part of it in the message, in one of its excerpt forms. */
const leakingTexts = [
  {
    form: 'excerpt with text cut on both sides',
    text: `{ "psa": { "privateKey": ${SENTINEL}" } }`,
    excerpt: /, \.\.\.".*"\.\.\. is not valid JSON$/,
  },
  { form: 'whole text', text: '{"a": PRIVKEY}', excerpt: /, "[^.].*[^.]" is not valid JSON$/ },
  {
    form: 'excerpt cut at the start',
    text: '{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": 1, "b": PRIVKEY}',
    excerpt: /, \.\.\.".*[^.]" is not valid JSON$/,
  },
  {
    form: 'excerpt cut at the end',
    text: `${SENTINEL} and the rest of a file that is no JSON at all`,
    excerpt: /, "[^.].*"\.\.\. is not valid JSON$/,
  },
];

describe('describeJsonError', () => {
  it.each(leakingTexts)('drops V8 $form', ({ text, excerpt }) => {
    const error = syntaxError(text);
    const described = describeJsonError(text, error);

    // The fixture only proves something while V8 still quotes the text this way.
    expect(error.message).toMatch(excerpt);
    expect(error.message).toContain('PRIVKE');
    expect(described.reason).toBe('Unexpected character');
    expect(JSON.stringify(described)).not.toContain('PRIV');
  });

  it('finds the line and column without a position', () => {
    const text = `{\n  "psa": {\n    "privateKey": ${SENTINEL}"\n  }\n}`;

    expect(describeJsonError(text, syntaxError(text))).toEqual({
      reason: 'Unexpected character',
      line: 3,
      column: 19,
    });
  });

  it('keeps V8 reasons that quote no text', () => {
    const text = '{"a": 1 "b": 2}';

    expect(describeJsonError(text, syntaxError(text)).reason).toBe(
      "Expected ',' or '}' after property value",
    );
  });

  it('describes text after the value', () => {
    const text = `{"a": 1} ${SENTINEL}`;
    const described = describeJsonError(text, syntaxError(text));

    expect(described.reason).toBe(
      'Unexpected non-whitespace character after the end of the JSON value',
    );
    expect(described.column).toBe(10);
  });

  it('describes a cut-off file', () => {
    expect(describeJsonError('{"a": ', syntaxError('{"a": ')).reason).toBe(
      'Unexpected end of the JSON text',
    );
  });

  it('falls back for an unknown message', () => {
    const error = new SyntaxError(`Strange "${SENTINEL}" in JSON at position 3`);

    expect(describeJsonError('{"a"', error).reason).toBe('Invalid JSON');
  });
});

describe('config JSON errors', () => {
  it.each(leakingTexts)('parseConfig leaves out the $form', ({ text }) => {
    const message = parseMessage(text);

    expect(message).toContain('is not valid JSON: Unexpected character at line 1');
    expect(message).not.toContain('PRIV');
  });

  it.each(leakingTexts)('checkConfigText leaves out the $form', ({ text }) => {
    const check = checkConfigText(text);

    expect(check.ok).toBe(false);
    expect(JSON.stringify(check.problems)).not.toContain('PRIV');
    expect(check.problems[0]?.message).toMatch(/^Unexpected character — /);
  });

  it('shows nothing of a file that is no JSON', () => {
    const shadow = 'root:$y$j9T$SECRETHASH:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n';
    const message = parseMessage(shadow);

    expect(message).toContain('Unexpected character at line 1, column 1.');
    expect(message).not.toMatch(/root|SECRETHASH|daemon/);
  });
});
