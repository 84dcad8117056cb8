import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../toolbox';

export interface Loaded<T> {
  /** Undefined until the first response arrives. */
  value?: T;
  /** Message of the last failed load. */
  error?: string;
  reload: () => void;
  /** Replaces the value with one a request returned, e.g. the status after a pause. */
  replace: (value: T) => void;
}

/**
 * Loads a value from main once and again on `reload`. `follow` subscribes to the event that
 * carries the new value, so the view updates without asking again. Both functions must be
 * defined at module level: the hook calls them once per load and once per mount.
 */
export function useLoaded<T>(
  load: () => Promise<T>,
  follow?: (update: (value: T) => void) => () => void,
): Loaded<T> {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const eventCount = useRef(0);
  const reload = useCallback(() => setGeneration((current) => current + 1), []);
  const replace = useCallback((next: T) => {
    setValue(next);
    setError(undefined);
  }, []);

  useEffect(() => {
    let current = true;
    const eventsBefore = eventCount.current;
    load().then(
      (loaded) => {
        // An event that arrived while the request ran carries newer state than its response.
        if (!current || eventCount.current !== eventsBefore) return;
        setValue(loaded);
        setError(undefined);
      },
      (failure: unknown) => {
        if (current) setError(errorMessage(failure));
      },
    );
    return () => {
      current = false;
    };
  }, [load, generation]);

  useEffect(() => {
    if (!follow) return undefined;
    return follow((next) => {
      eventCount.current += 1;
      setValue(next);
      setError(undefined);
    });
  }, [follow]);

  return { value, error, reload, replace };
}
