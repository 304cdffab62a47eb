/** Preact hook: a selected slice of the vanilla store, re-rendering only when it changes. */
import { useEffect, useState } from 'preact/hooks';
import type { AppState, AppStore } from '../store/app-store';

/** Subscribes a component to `selector(state)` (compared with Object.is). */
export function useAppState<T>(store: AppStore, selector: (state: AppState) => T): T {
  const [value, setValue] = useState(() => selector(store.getState()));
  useEffect(() => {
    setValue(() => selector(store.getState()));
    return store.subscribe((state) => {
      const next = selector(state);
      setValue((previous) => (Object.is(previous, next) ? previous : next));
    });
    // The selector is expected to be stable per component (a module-level or inline pure function).
  }, [store]);
  return value;
}
