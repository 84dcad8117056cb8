import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfigDir, resolvePaths } from '../../electron/core/config/paths';

describe('defaultConfigDir', () => {
  it('uses APPDATA on Windows', () => {
    const folder = defaultConfigDir({
      platform: 'win32',
      env: { APPDATA: 'C:\\Users\\tech\\AppData\\Roaming' },
      homeDir: 'C:\\Users\\tech',
    });

    expect(folder).toBe('C:\\Users\\tech\\AppData\\Roaming\\Technician Toolbox');
  });

  it('uses Application Support on macOS', () => {
    const folder = defaultConfigDir({ platform: 'darwin', env: {}, homeDir: '/Users/tech' });

    expect(folder).toBe('/Users/tech/Library/Application Support/Technician Toolbox');
  });

  it('uses XDG_CONFIG_HOME on Linux', () => {
    const folder = defaultConfigDir({
      platform: 'linux',
      env: { XDG_CONFIG_HOME: '/srv/conf' },
      homeDir: '/home/tech',
    });

    expect(folder).toBe('/srv/conf/Technician Toolbox');
  });

  it('falls back to ~/.config on Linux', () => {
    const folder = defaultConfigDir({ platform: 'linux', env: {}, homeDir: '/home/tech' });

    expect(folder).toBe('/home/tech/.config/Technician Toolbox');
  });
});

describe('resolvePaths', () => {
  const linux = { platform: 'linux' as const, env: {}, homeDir: '/home/tech' };

  it('puts history and log next to the default config', () => {
    expect(resolvePaths(undefined, linux)).toEqual({
      config: '/home/tech/.config/Technician Toolbox/config.json',
      history: '/home/tech/.config/Technician Toolbox/history.json',
      log: '/home/tech/.config/Technician Toolbox/logs/toolbox.log',
    });
  });

  it('moves history with --config', () => {
    const paths = resolvePaths('/tmp/other/settings.json', linux);

    expect(paths.config).toBe('/tmp/other/settings.json');
    expect(paths.history).toBe('/tmp/other/history.json');
    expect(paths.log).toBe('/tmp/other/logs/toolbox.log');
  });

  it('reads TOOLBOX_CONFIG when --config is absent', () => {
    const paths = resolvePaths(undefined, { ...linux, env: { TOOLBOX_CONFIG: 'relative.json' } });

    expect(paths.config).toBe(path.resolve('relative.json'));
  });

  it('prefers --config over TOOLBOX_CONFIG', () => {
    const env = { TOOLBOX_CONFIG: '/b/c.json' };
    const paths = resolvePaths('/a/config.json', { ...linux, env });

    expect(paths.config).toBe('/a/config.json');
  });
});
