import { describe, expect, it } from 'vitest';
import type { HubSocket } from './hub-socket';
import { readAck, request } from './request';

/** A socket stand-in whose every acknowledged emit resolves to `reply` (or rejects, as socket.io's timeout does). */
function answering(reply: () => Promise<unknown>) {
  const sent: { event: string; payload: unknown; timeoutMs: number }[] = [];
  const socket = {
    timeout: (timeoutMs: number) => ({
      emitWithAck: (event: string, payload: unknown) => {
        sent.push({ event, payload, timeoutMs });
        return reply();
      },
    }),
  } as unknown as HubSocket;
  return { socket, sent };
}

const welcome = { serverVersion: '0.1.0', defaultCity: 'shanghai-bund' };

describe('request', () => {
  it('sends the event with its payload and timeout and hands back a reply that validates', async () => {
    const { socket, sent } = answering(async () => ({ ok: true, serverTimeMs: 1_700_000_000_123 }));
    expect(await request(socket, 'time:ping', 42, { timeoutMs: 5_000 })).toEqual({ ok: true, serverTimeMs: 1_700_000_000_123 });
    expect(sent).toEqual([{ event: 'time:ping', payload: 42, timeoutMs: 5_000 }]);
  });

  it('passes a refusal on as it came', async () => {
    const { socket } = answering(async () => ({ ok: false, error: 'the kiosk role may not plan scenarios' }));
    expect(await request(socket, 'scenario:list', {}, { timeoutMs: 8_000 })).toEqual({ ok: false, error: 'the kiosk role may not plan scenarios' });
  });

  it('reads a reply missing an ack field as a refusal naming the event, not a throw', async () => {
    const { socket } = answering(async () => ({ ok: true }));
    expect(await request(socket, 'time:ping', 42, { timeoutMs: 5_000 })).toEqual({ ok: false, error: 'the server sent an invalid reply to time:ping' });
  });

  it('reads a bad ack (wrong type, no ok, a refusal without its reason, nothing) as a refusal naming the event', async () => {
    for (const reply of [{ ok: true, serverTimeMs: 'noon' }, { serverTimeMs: 1 }, { ok: false }, null, 'ok']) {
      const { socket } = answering(async () => reply);
      expect(await request(socket, 'time:ping', 42, { timeoutMs: 5_000 })).toEqual({ ok: false, error: 'the server sent an invalid reply to time:ping' });
    }
  });

  it('still rejects when no reply comes, so an unanswered request differs from a refused one', async () => {
    const { socket } = answering(() => Promise.reject(new Error('operation has timed out')));
    await expect(request(socket, 'time:ping', 42, { timeoutMs: 5_000 })).rejects.toThrow('operation has timed out');
  });
});

describe('readAck', () => {
  it("checks the nested ack schema of the table's event (hello's welcome)", () => {
    expect(readAck('hello', { ok: true, welcome })).toEqual({ ok: true, welcome });
    expect(readAck('hello', { ok: true, welcome: { ...welcome, serverVersion: 7 } })).toEqual({ ok: false, error: 'the server sent an invalid reply to hello' });
    expect(readAck('hello', { ok: true })).toEqual({ ok: false, error: 'the server sent an invalid reply to hello' });
  });
});
