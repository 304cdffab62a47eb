/** Readiness and rebuild state of the page, mirrored on <html> for tests, tools and CSS. */

/** Marks the page ready (tiles drawn) and records when, for the benchmark. */
export function markReady(): void {
  const root = document.documentElement;
  if (root.dataset.ready !== 'true') {
    root.dataset.ready = 'true';
    const w = window as unknown as { sandtableReadyAt?: number[] };
    (w.sandtableReadyAt ??= []).push(performance.now());
  }
}

/** Marks the page not ready while the scene is rebuilt, counting the rebuilds. */
export function markRebuilding(): void {
  const root = document.documentElement;
  root.dataset.ready = 'false';
  root.dataset.rebuilds = String(Number(root.dataset.rebuilds ?? '0') + 1);
}

/** Mirrors the tour state on <html data-touring>. */
export function markTouring(touring: boolean): void {
  document.documentElement.dataset.touring = String(touring);
}
