import type { WindowView } from '../windows/app-origin';
import { testQuery } from '../app/pop-queries';
import type { ConfigFile } from '../app/config-file';
import type { Runtime } from '../app/runtime';
import { listScreenPopTemplates } from '../core/forms/screen-pop-url';
import {
  isSecretName,
  secretNames,
  type SecretName,
  type SecretStore,
} from '../core/secrets/names';
import type { LinkOpener } from '../shell/link-opener';
import type { IpcHandlers } from './dispatch';

export interface IpcHandlerDeps {
  runtime: Runtime;
  configFile: ConfigFile;
  secrets: SecretStore;
  openLink: LinkOpener;
  writeClipboard: (text: string) => void;
  showView: (view: Exclude<WindowView, 'popover'>, historyId?: string) => void;
}

/** How much of an unknown secret name an error message quotes; the rest is only counted. */
const QUOTED_NAME_LENGTH = 40;

function toSecretName(name: string): SecretName {
  if (isSecretName(name)) return name;

  const quoted =
    name.length <= QUOTED_NAME_LENGTH
      ? JSON.stringify(name)
      : `${JSON.stringify(name.slice(0, QUOTED_NAME_LENGTH))}… (${name.length} characters)`;
  throw new Error(
    `Unknown secret name ${quoted}; use one of: ${Object.keys(secretNames).join(', ')}.`,
  );
}

/**
 * Builds the handler of every channel. Handlers receive requests already validated by the
 * dispatcher. Secrets are write-only: `secrets:status` returns names and whether each is set,
 * and no handler ever reads a secret value.
 */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const { runtime, configFile, secrets } = deps;

  return {
    'history:list': () => runtime.history(),
    'forms:list': () => runtime.forms(),
    'pop:reopen': ({ historyId, formName }) => runtime.reopen(historyId, formName),
    'pop:test': (request) => runtime.testPop(testQuery(request)),
    'link:open': ({ url }) => deps.openLink(url),
    'clipboard:write': ({ text }) => {
      deps.writeClipboard(text);
      return undefined;
    },
    'config:read': () => configFile.read(),
    'config:check': ({ text }) => configFile.check(text),
    'config:save': ({ text }) => configFile.save(text),
    'secrets:status': async () => {
      const stored = new Set(await secrets.list());
      return Object.entries(secretNames).map(([name, description]) => ({
        name,
        description,
        isSet: stored.has(name as SecretName),
      }));
    },
    'secrets:set': async ({ name, value }) => {
      await secrets.set(toSecretName(name), value);
      await runtime.reloadSecrets();
    },
    'secrets:delete': async ({ name }) => {
      await secrets.delete(toSecretName(name));
      await runtime.reloadSecrets();
    },
    'listener:status': () => runtime.status(),
    'listener:pause': () => runtime.pause(),
    'listener:resume': () => runtime.resume(),
    'templates:list': () => {
      const config = runtime.config();
      if (!config) return [];
      return listScreenPopTemplates(config, {
        names: () => runtime.forms().map((form) => form.name),
      });
    },
    'window:open': ({ view, historyId }) => {
      deps.showView(view, historyId);
      return undefined;
    },
  };
}
