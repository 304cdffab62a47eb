import { describe, expect, it } from 'vitest';
import { offsetSample, pickRoom } from './hub-connection';

describe('pickRoom', () => {
  it('takes a slug and falls back to the main hall otherwise', () => {
    expect(pickRoom('hall-a')).toBe('hall-a');
    expect(pickRoom(null)).toBe('main');
    expect(pickRoom('../x')).toBe('main');
    expect(pickRoom('A')).toBe('main');
  });
});

describe('offsetSample', () => {
  it('reads the server clock at the middle of the round trip', () => {
    // Sent at 1000 ms, answered at 1100 ms after a time origin of 1_700_000_000_000; the server said 1_700_000_001_550.
    expect(offsetSample(1_700_000_001_550, 1000, 1100, 1_700_000_000_000)).toEqual({ offsetMs: 500, roundTripMs: 100 });
  });
});
