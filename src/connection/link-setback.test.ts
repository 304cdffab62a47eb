import { describe, expect, it } from 'vitest';
import { noRoomRefusal } from '../protocol/feed-wire';
import { joinSetback, KICK_BACKOFF_MAX_MS, KICK_BACKOFF_MS, kickBackoffMs, kickSetback, NO_ROOM_RETRY_MS } from './link-setback';

describe('joinSetback', () => {
  it('reads the server refusal of a room that is not open as a slow retry of that room', () => {
    expect(joinSetback(noRoomRefusal('ring', ['main', 'east']), 'ring')).toEqual({ kind: 'no-room', room: 'ring', retryInMs: NO_ROOM_RETRY_MS });
    expect(joinSetback(noRoomRefusal('ring', []), 'ring')?.kind).toBe('no-room');
  });

  it('leaves every other refusal to the ordinary retry', () => {
    for (const error of [
      'too many feed:join; slow down',
      'too many rooms on this server (32); an empty room is released after 30 s',
      'the city is starting; try again',
      'invalid join: room: a room name is 1–32 lower-case letters, digits or dashes',
    ]) {
      expect(joinSetback(error, 'ring')).toBeNull();
    }
  });

  it('retries a room far slower than a lost link (2 s)', () => {
    expect(NO_ROOM_RETRY_MS).toBeGreaterThanOrEqual(15_000);
  });
});

describe('kickBackoffMs', () => {
  it('waits a calm minute after the first kick and doubles with each further one, up to its cap', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(kickBackoffMs)).toEqual([60_000, 120_000, 240_000, 480_000, 600_000, 600_000, 600_000]);
    expect(kickBackoffMs(1)).toBe(KICK_BACKOFF_MS);
    expect(kickBackoffMs(100)).toBe(KICK_BACKOFF_MAX_MS);
  });

  it('never waits less than the first pause, even for a count below one', () => {
    expect(kickBackoffMs(0)).toBe(KICK_BACKOFF_MS);
  });
});

describe('kickSetback', () => {
  it('keeps what the server said and the pause of this kick', () => {
    const kick = { event: 'feed:join', reason: 'too many feed:join after being told to slow down; this connection is closed' };
    expect(kickSetback(kick, 2)).toEqual({ kind: 'kicked', ...kick, retryInMs: 120_000 });
  });
});
