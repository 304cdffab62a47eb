import { describe, expect, it } from 'vitest';
import { createClockController } from './clock-controller';
import type { HubSocket } from './hub-socket';

/** A socket stand-in that answers every acknowledged emit with `answer`, recording what was sent. */
function fakeSocket(answer: (event: string, payload: unknown) => Promise<unknown>) {
  const sent: [string, unknown][] = [];
  const socket = {
    timeout: () => ({
      emitWithAck: (event: string, payload: unknown) => {
        sent.push([event, payload]);
        return answer(event, payload);
      },
    }),
  } as unknown as HubSocket;
  return { socket, sent };
}

describe('createClockController', () => {
  it('sends a command and reports the server taking it', async () => {
    const { socket, sent } = fakeSocket(async () => ({ ok: true, clock: { simTimeMs: 0, serverTimeMs: 0, rate: 60, playing: false, revision: 1 } }));
    expect(await createClockController(socket, false).command({ playing: false, rate: 60 })).toEqual({ ok: true });
    expect(sent).toEqual([['clock:command', { playing: false, rate: 60 }]]);
  });

  it('passes the server refusal on, and an unanswered request as an error without a reason', async () => {
    const refused = fakeSocket(async () => ({ ok: false, error: 'the wall role may not change the clock' }));
    expect(await createClockController(refused.socket, false).command({ playing: true })).toEqual({ ok: false, error: 'the wall role may not change the clock' });
    const silent = fakeSocket(() => Promise.reject(new Error('operation has timed out')));
    expect(await createClockController(silent.socket, false).command({ playing: true })).toEqual({ ok: false, error: null });
  });

  it('reads a reply without the clock the table promises as a refusal naming the event', async () => {
    const { socket } = fakeSocket(async () => ({ ok: true, clock: {} }));
    expect(await createClockController(socket, false).command({ playing: true })).toEqual({ ok: false, error: 'the server sent an invalid reply to clock:command' });
  });

  it('lays a weather day only where asked to', async () => {
    const { socket, sent } = fakeSocket(async () => ({ ok: true, date: '2013-08-07' }));
    expect(createClockController(socket, false).weatherDay).toBeUndefined();
    expect(await createClockController(socket, true).weatherDay!('2013-08-07')).toEqual({ ok: true });
    expect(sent).toEqual([['room:weather-day', { date: '2013-08-07' }]]);
  });
});
