import { useLayoutEffect } from 'react';

/**
 * Calls `onEscape` when Escape is pressed anywhere in the window. The listener is attached
 * before the view is painted, so an Escape pressed as soon as the view appears is not lost.
 */
export function useEscape(onEscape: () => void): void {
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onEscape();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onEscape]);
}
