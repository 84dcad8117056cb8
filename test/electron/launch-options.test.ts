import { describe, expect, it } from 'vitest';

import { parseLaunchOptions } from '../../electron/app/launch-options';

describe('parseLaunchOptions', () => {
  it.each([
    ['nothing', ['/repo'], {}],
    [
      'separate values',
      ['/repo', '--config', '/x.json', '--port', '18000'],
      { config: '/x.json', port: 18000 },
    ],
    ['= values', ['--config=/x.json', '--port=18000'], { config: '/x.json', port: 18000 }],
    [
      'Chromium switches around them',
      ['--no-sandbox', '--inspect=0', '--remote-debugging-port=0', '/repo', '--port', '18000'],
      { port: 18000 },
    ],
    ['the last of a repeated option', ['--port', '18000', '--port', '18001'], { port: 18001 }],
  ])('reads %s', (_case, args, expected) => {
    expect(parseLaunchOptions(args)).toEqual({ config: undefined, port: undefined, ...expected });
  });

  it.each([
    ['--config at the end', ['--config']],
    ['--config before another option', ['--config', '--port', '18000']],
    ['an empty --port=', ['--port=']],
  ])('rejects %s', (_case, args) => {
    expect(() => parseLaunchOptions(args)).toThrow(/needs a value/);
  });

  it.each([['80'], ['70000'], ['abc']])('rejects port %s', (port) => {
    expect(() => parseLaunchOptions(['--port', port])).toThrow(/1024 to 65535/);
  });
});
