/** Preact hook: a selected slice of the app store, re-rendering only when it changes. */
import type { AppState, AppStore } from '../store/app-store';
import { useStoreValue } from './use-store-value';

/** Subscribes a component to `selector(state)` of the app store. */
export function useAppState<T>(store: AppStore, selector: (state: AppState) => T): T {
  return useStoreValue(store, selector);
}
