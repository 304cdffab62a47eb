import { describe, expect, it, vi } from 'vitest';
import { whilePageShown } from './while-page-shown';

/** A page transition event as the browser fires it (Node has no PageTransitionEvent). */
const transition = (type: 'pagehide' | 'pageshow', persisted: boolean) => Object.assign(new Event(type), { persisted });

describe('whilePageShown', () => {
  it('starts at once and stops when the page is hidden, once', () => {
    const page = new EventTarget();
    const stop = vi.fn();
    const start = vi.fn(() => stop);
    whilePageShown(start, page);
    expect(start).toHaveBeenCalledOnce();
    expect(stop).not.toHaveBeenCalled();
    page.dispatchEvent(transition('pagehide', false));
    page.dispatchEvent(transition('pagehide', false));
    expect(stop).toHaveBeenCalledOnce();
  });

  it('starts again when the back/forward cache shows the page again, and only then', () => {
    const page = new EventTarget();
    const stops: ReturnType<typeof vi.fn>[] = [];
    const start = vi.fn(() => {
      const stop = vi.fn();
      stops.push(stop);
      return stop;
    });
    whilePageShown(start, page);
    // A first show of the page (not from the cache) starts nothing more.
    page.dispatchEvent(transition('pageshow', false));
    expect(start).toHaveBeenCalledOnce();
    page.dispatchEvent(transition('pagehide', true));
    expect(stops[0]).toHaveBeenCalledOnce();
    page.dispatchEvent(transition('pageshow', true));
    expect(start).toHaveBeenCalledTimes(2);
    page.dispatchEvent(transition('pagehide', false));
    expect(stops[1]).toHaveBeenCalledOnce();
  });
});
