import { describe, expect, it } from 'vitest';
import { caseStyle } from './service-request-style';

describe('caseStyle', () => {
  it('marks new open cases largest, then open, then closed', () => {
    const fresh = caseStyle({ status: 'open' }, 1000, 20_000);
    const open = caseStyle({ status: 'open' }, 60_000, 20_000);
    const closed = caseStyle({ status: 'closed' }, 1000, 20_000);
    expect(fresh.size).toBeGreaterThan(open.size);
    expect(open.size).toBeGreaterThan(closed.size);
    expect(new Set([fresh.colour, open.colour, closed.colour]).size).toBe(3);
  });
});
