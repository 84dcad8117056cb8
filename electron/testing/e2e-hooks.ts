import type { MenuItemConstructorOptions } from 'electron';

/**
 * Set to `1` only by the Electron end-to-end test; the hooks do not exist otherwise, and never
 * in a packaged app.
 */
export const E2E_HOOKS_ENV = 'TOOLBOX_E2E_HOOKS';

/** A menu item as the e2e test reads it: labels, state and children, without functions. */
export interface MenuSnapshot {
  label?: string;
  type?: string;
  enabled: boolean;
  checked?: boolean;
  submenu?: MenuSnapshot[];
}

/** The hooks the e2e test reads through `electronApp.evaluate(() => globalThis.__toolboxE2e)`. */
export interface E2eHooks {
  menu(): MenuSnapshot[];
  /** Clicks the item reached by following `labels` through the submenus. */
  clickMenuItem(labels: string[]): void;
  /** Links the app would have opened in the default browser. */
  openedLinks(): string[];
}

/**
 * Returns whether to install the hooks: TOOLBOX_E2E_HOOKS is 1 and the app runs from the
 * repository. An installed app ignores the variable, because the hooks replace the browser with
 * a recorder and no form would open.
 */
export function e2eHooksEnabled(
  isPackaged: boolean,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return !isPackaged && env[E2E_HOOKS_ENV] === '1';
}

function snapshot(items: MenuItemConstructorOptions[]): MenuSnapshot[] {
  return items.map((item) => ({
    label: item.label,
    type: item.type,
    enabled: item.enabled !== false,
    checked: item.checked,
    submenu: Array.isArray(item.submenu) ? snapshot(item.submenu) : undefined,
  }));
}

/**
 * Exposes the tray menu and the opened links on `globalThis.__toolboxE2e` for the Playwright
 * `_electron` test, which cannot click a native tray menu. Main calls it only when
 * e2eHooksEnabled returns true. Returns the function that records a link instead of opening a
 * browser, which main uses in place of shell.openExternal while the hooks are on.
 */
export function installE2eHooks(
  menuTemplate: () => MenuItemConstructorOptions[],
): (url: string) => Promise<void> {
  const opened: string[] = [];

  const hooks: E2eHooks = {
    menu: () => snapshot(menuTemplate()),
    clickMenuItem(labels) {
      let items = menuTemplate();
      let item: MenuItemConstructorOptions | undefined;
      for (const label of labels) {
        item = items.find((candidate) => candidate.label === label);
        if (!item) throw new Error(`No tray menu item "${label}" (path ${labels.join(' > ')}).`);
        items = Array.isArray(item.submenu) ? item.submenu : [];
      }
      const click = item?.click as ((item: { checked: boolean }) => void) | undefined;
      if (!click) throw new Error(`Tray menu item ${labels.join(' > ')} has no click action.`);
      click({ checked: !item?.checked });
    },
    openedLinks: () => [...opened],
  };
  (globalThis as { __toolboxE2e?: E2eHooks }).__toolboxE2e = hooks;

  return async (url) => {
    opened.push(url);
  };
}
