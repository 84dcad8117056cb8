import { useCallback, useEffect, useState } from 'react';
import { subscribe } from '../toolbox';
import { viewFromHash, type ViewState } from './views';

export interface ViewControl {
  current: ViewState;
  /** Shows `next` and remembers the current view for `back`. */
  show: (next: ViewState) => void;
  /** Returns to the view shown before the current one (the recent tickets if none). */
  back: () => void;
}

/** Tracks the view on screen: from the location hash at start, then `view:show` and the UI. */
export function useView(): ViewControl {
  const [stack, setStack] = useState<ViewState[]>(() => [viewFromHash(window.location.hash)]);

  const show = useCallback((next: ViewState) => {
    setStack((current) => [...current.slice(-9), next]);
  }, []);

  const back = useCallback(() => {
    setStack((current) => (current.length > 1 ? current.slice(0, -1) : [{ view: 'recent' }]));
  }, []);

  useEffect(() => subscribe('view:show', (request) => show(request)), [show]);

  useEffect(() => {
    const onHashChange = () => show(viewFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [show]);

  const current = stack[stack.length - 1] ?? { view: 'recent' };
  return { current, show, back };
}
