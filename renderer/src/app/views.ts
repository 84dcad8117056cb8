/** The screens the renderer can show; main picks one with the `view:show` event. */
export type ViewName = 'popover' | 'recent' | 'settings' | 'details';

export interface ViewState {
  view: ViewName;
  /** The history entry the details view shows. */
  historyId?: string;
}

const viewNames: readonly ViewName[] = ['popover', 'recent', 'settings', 'details'];

function isViewName(value: string): value is ViewName {
  return (viewNames as readonly string[]).includes(value);
}

/**
 * Reads the view from a location hash such as `#/popover`, `#/settings` or `#/details/<id>`,
 * so main can load one bundle into each window with the view it wants. Anything else shows
 * the recent tickets.
 */
export function viewFromHash(hash: string): ViewState {
  const [name = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  if (!isViewName(name)) return { view: 'recent' };

  const historyId = rest.length > 0 ? decodeURIComponent(rest.join('/')) : undefined;
  if (name === 'details' && !historyId) return { view: 'recent' };
  return historyId ? { view: name, historyId } : { view: name };
}
