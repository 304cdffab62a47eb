/**
 * Runs something for as long as the page is shown: started now, stopped when the page is hidden for
 * good or into the back/forward cache, started again if the cache brings the page back. For what a
 * surface starts and never tears down itself (the route poller), so it ends with the page.
 */

/** Starts `start()` now and keeps it running while the page is shown; `start` returns its stop function. */
export function whilePageShown(start: () => () => void, page: EventTarget = window): void {
  let stop: (() => void) | null = start();
  page.addEventListener('pagehide', () => {
    stop?.();
    stop = null;
  });
  page.addEventListener('pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted && !stop) stop = start();
  });
}
