import type { SecretName } from '../secrets/names';
import { secretSetCommand } from '../secrets/require-secret';
import { UsageError } from './command';

/** Thrown when the user presses Ctrl+C at the hidden prompt. */
export class PromptCancelled extends Error {
  constructor() {
    super('Cancelled; nothing was stored.');
    this.name = 'PromptCancelled';
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line from the terminal in raw mode, so the typed or pasted value is not echoed. */
function promptHidden(prompt: string): Promise<string> {
  const input = process.stdin;

  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n' || character === '\u0004') return finish();
        if (character === '\u0003') return finish(new PromptCancelled());
        const isBackspace = character === '\u007f' || character === '\b';
        value = isBackspace ? Array.from(value).slice(0, -1).join('') : value + character;
      }
    };

    // Raw mode goes on before the prompt appears, so even a quick paste is never echoed.
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
    process.stderr.write(prompt);
  });
}

/**
 * Describes whitespace in a secret value that is more likely a copy-and-paste slip than part of
 * the secret, without showing the value. Returns undefined for a value without any.
 */
export function describeStrayWhitespace(value: string): string | undefined {
  const findings: string[] = [];
  if (/^\s|\s$/.test(value)) findings.push('starts or ends with whitespace');
  if (/[\r\n]/.test(value)) findings.push('contains a line break');
  return findings.length > 0 ? findings.join(' and ') : undefined;
}

/**
 * Reads a secret value for `name`: from a hidden prompt when stdin is a terminal, otherwise all
 * of stdin without one trailing line break. The value never comes from the command line, where
 * other users and the shell history could see it.
 */
export async function readSecretValue(name: SecretName): Promise<string> {
  const value = process.stdin.isTTY
    ? await promptHidden(`Value for ${name} (input hidden): `)
    : (await readAll(process.stdin)).replace(/\r?\n$/, '');

  if (value.length === 0) {
    throw new UsageError(
      `No value for ${name} was given on standard input, so nothing was stored. Type it at the ` +
        `prompt, or redirect it from a file: ${secretSetCommand(name)} < value.txt`,
      'secret',
    );
  }
  return value;
}
