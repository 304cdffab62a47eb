/** Records every Content-Security-Policy violation a page reports, from its first script on (documents and workers alike). */
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Starts recording on every document the page opens; read them with `cspViolations`. */
export async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

/** The violations the current document has reported so far. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? ['(the watcher never ran)']);
}

/** Console lines that are Chromium's own CSP refusals (they name the directive). */
export const isCspMessage = (text: string): boolean => /Content Security Policy|Refused to (load|execute|create|apply|connect|frame)/.test(text);
