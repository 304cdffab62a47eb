/** Preact hook: a selected part of the planner store, re-rendering only when it changes. */
import { useEffect, useState } from 'preact/hooks';
import type { PlannerState, PlannerStore } from './planner-store';

/** Subscribes a component to `selector(state)` (compared with Object.is). */
export function usePlanner<T>(store: PlannerStore, selector: (state: PlannerState) => T): T {
  const [value, setValue] = useState(() => selector(store.getState()));
  useEffect(() => {
    setValue(() => selector(store.getState()));
    return store.subscribe((state) => {
      const next = selector(state);
      setValue((previous) => (Object.is(previous, next) ? previous : next));
    });
  }, [store]);
  return value;
}
