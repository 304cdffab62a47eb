/** Preact hook: a selected part of any vanilla zustand store, re-rendering only when it changes. */
import { useEffect, useState } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

/** Subscribes a component to `selector(state)` (compared with Object.is). */
export function useStoreValue<S, T>(store: StoreApi<S>, selector: (state: S) => T): T {
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
