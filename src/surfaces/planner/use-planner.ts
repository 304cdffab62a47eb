/** Preact hook: a selected part of the planner store, re-rendering only when it changes. */
import { useStoreValue } from '../../ui/use-store-value';
import type { PlannerState, PlannerStore } from './planner-store';

/** Subscribes a component to `selector(state)` of the planner store. */
export function usePlanner<T>(store: PlannerStore, selector: (state: PlannerState) => T): T {
  return useStoreValue(store, selector);
}
