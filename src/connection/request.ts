/** Sends a client event and reads its acknowledgement against the table, so a caller only ever sees a reply that validated. */
import { z } from 'zod';
import { CLIENT_EVENTS, type AckOf, type ClientEventName, type ClientPayload } from '../protocol/socket-events';
import type { HubSocket } from './hub-socket';

/** Options of a request. */
export interface RequestOptions {
  /** How long to wait for the acknowledgement (ms); past it the promise rejects, as socket.io's timeout does. */
  timeoutMs: number;
}

const refusalSchema = z.object({ ok: z.literal(false), error: z.string() });
const ackSchemas = new Map<ClientEventName, z.ZodType>();

/** The schema of an event's whole reply: a refusal, or `ok: true` with the table's ack fields (built once per event). */
function replySchema(event: ClientEventName): z.ZodType {
  let schema = ackSchemas.get(event);
  if (!schema) {
    schema = z.union([refusalSchema, CLIENT_EVENTS[event].ack.extend({ ok: z.literal(true) })]);
    ackSchemas.set(event, schema);
  }
  return schema;
}

/** An event's reply as the table says it reads, or a refusal naming the event when it does not validate (never a throw). */
export function readAck<E extends ClientEventName>(event: E, reply: unknown): AckOf<E> {
  const parsed = replySchema(event).safeParse(reply);
  return (parsed.success ? parsed.data : { ok: false, error: `the server sent an invalid reply to ${event}` }) as AckOf<E>;
}

/**
 * Sends `event` with `payload` and resolves to its validated acknowledgement. A reply that does not
 * validate resolves as a refusal; one that never comes rejects after `timeoutMs`, so callers can
 * still tell an unanswered request from a refused one.
 */
export async function request<E extends ClientEventName>(socket: HubSocket, event: E, payload: ClientPayload<E>, { timeoutMs }: RequestOptions): Promise<AckOf<E>> {
  // socket.io cannot follow a generic event name through its argument types, and types the reply as
  // already valid; here the payload is typed by the signature above and the reply is unknown until read.
  const timed = socket.timeout(timeoutMs) as unknown as { emitWithAck: (event: ClientEventName, payload: unknown) => Promise<unknown> };
  return readAck(event, await timed.emitWithAck(event, payload));
}
