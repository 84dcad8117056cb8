import { readFile } from 'node:fs/promises';

import type { Config } from '../../shared/config';
import type { ConfigIssue } from '../../shared/ipc';
import { checkConfigText } from '../core/config/check';
import exampleConfig from '../core/config/config.example.json';
import { writeFileAtomic } from '../core/history/atomic-write';
import type { Logger } from '../core/log';

/** The result of checking or saving config text, as the settings editor receives it. */
export interface ConfigCheckResponse {
  ok: boolean;
  issues: ConfigIssue[];
  /** Settings that are valid but fail when a screen pop arrives; absent while there are issues. */
  warnings?: ConfigIssue[];
}

/** Reads, checks and saves the config file the app uses. */
export interface ConfigFile {
  /** Returns the file's text, or the documented example when no file exists yet. */
  read(): Promise<{ path: string; text: string }>;
  check(text: string): ConfigCheckResponse;
  /** Saves the text only when it checks clean, then hands the new config to `onSaved`. */
  save(text: string): Promise<ConfigCheckResponse>;
}

export interface ConfigFileOptions {
  path: string;
  onSaved: (config: Config) => Promise<void>;
  log: Logger;
}

export function createConfigFile(options: ConfigFileOptions): ConfigFile {
  const { path, log } = options;

  return {
    async read() {
      try {
        return { path, text: await readFile(path, 'utf8') };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        return { path, text: `${JSON.stringify(exampleConfig, null, 2)}\n` };
      }
    },

    check(text) {
      const result = checkConfigText(text);
      if (!result.ok) return { ok: false, issues: result.problems };
      return { ok: true, issues: [], warnings: result.warnings };
    },

    async save(text) {
      const result = checkConfigText(text);
      if (!result.ok) return { ok: false, issues: result.problems };

      // The file keeps the admin's text (comments, key order); only the parsed copy is applied.
      await writeFileAtomic(path, text.endsWith('\n') ? text : `${text}\n`);
      log.info(`Saved the config to ${path} from Settings.`);
      await options.onSaved(result.config);
      return { ok: true, issues: [], warnings: result.warnings };
    },
  };
}
