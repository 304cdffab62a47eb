/**
 * The one table of socket events. For each event a client sends: its payload schema, the fields of
 * a successful acknowledgement, the roles that may send it (and so whether a joined room is needed)
 * and how a refusal reads. For each event the server sends: its payload schema. The socket.io event
 * maps (ClientEvents, ServerEvents) are derived from it, the server's guard (server/hub/on-event.ts)
 * reads it, and an event not in it is refused. Each client event also carries its budget: how
 * many a socket may send at once and how fast they come back (a token bucket per socket, enforced by
 * the same guard), set well above what a surface sends so that only a flood meets it. The schemas
 * themselves live beside their topic (clock.ts, feed-wire.ts, planner-wire.ts, events.ts).
 */
import { z } from 'zod';
import { clockCommandSchema, clockExtentSchema, clockSyncSchema } from './clock.js';
import { helloSchema, welcomeSchema } from './events.js';
import { errorReplySchema, feedDeltaSchema, feedSnapshotSchema, joinRequestSchema, PRIVILEGED_ROLES, roleSchema, tripWindowSchema, visitorActionSchema, type Role } from './feed-wire.js';
import {
  noArgumentsSchema,
  plannerStateSchema,
  scenarioCancelSchema,
  scenarioIdSchema,
  scenarioJobSchema,
  scenarioResultSchema,
  scenarioRunSchema,
  scenarioSummarySchema,
  trafficViewSchema,
  weatherOverrideSchema,
} from './planner-wire.js';
import { roomWeatherSchema } from './room-weather.js';
import { scenarioSchema } from './scenario.js';

/** Acknowledgement of a client request. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };

/** A per-socket allowance of one event: `burst` at once, refilled at `perSecond`. */
export interface EventBudget {
  burst: number;
  perSecond: number;
}

/** One event a client sends; every one takes an acknowledgement callback. */
export interface ClientEventSpec {
  /** How many a socket may send (what each surface sends is counted beside it). */
  budget: EventBudget;
  /** The first argument, parsed on arrival. */
  payload: z.ZodType;
  /** The fields of a successful acknowledgement, beside `ok: true`. */
  ack: z.ZodObject;
  /** Who may send it: anyone (no room needed), or these roles of a joined room. */
  roles: 'anyone' | readonly Role[];
  /** What a joined role outside `roles` is told. */
  refusal?: (role: Role) => string;
  /** How the error for a payload that does not parse starts ("invalid clock command"). */
  invalid: string;
  /** Said instead of the first issue's path and message (the expected shape); '' says nothing more. */
  hint?: string;
  /** A top-level field whose issues start with a text of their own ("invalid scenario"), path from inside the field. */
  fields?: Readonly<Record<string, string>>;
}

const mayNot = (what: string) => (role: Role) => `the ${role} role may not ${what}`;
const SENDERS_OF_ACTIONS: readonly Role[] = ['kiosk', 'planner', 'operator'];
const planner = { roles: PRIVILEGED_ROLES, refusal: mayNot('plan scenarios'), invalid: 'invalid request' } as const;
/** A staff console's requests: a click each, a few a second at the most. */
const clicks: EventBudget = { burst: 20, perSecond: 5 };
const plannerState = z.object({ state: plannerStateSchema });

/** Events clients send. */
export const CLIENT_EVENTS = {
  /** Once per connection. */
  hello: { budget: { burst: 5, perSecond: 0.2 }, payload: helloSchema, ack: z.object({ welcome: welcomeSchema }), roles: 'anyone', invalid: 'invalid hello', hint: '' },
  /** Round-trip time probe used to estimate the server clock offset (the payload is the client's time, unread). */
  'time:ping': { budget: { burst: 20, perSecond: 2 }, payload: z.unknown(), ack: z.object({ serverTimeMs: z.number() }), roles: 'anyone', invalid: 'invalid time probe' },
  /**
   * Joins a room; the reply brings its clock, the extent a seek can reach (null for a live-only feed) and the room's weather day and override.
   * Once per connection (twice when an operator's token is refused); each brings a full snapshot, so the budget is the smallest.
   */
  'feed:join': {
    budget: { burst: 6, perSecond: 0.2 },
    payload: joinRequestSchema,
    ack: z.object({ room: z.string(), role: roleSchema, clock: clockSyncSchema, extent: clockExtentSchema.nullable(), weather: roomWeatherSchema }),
    roles: 'anyone',
    invalid: 'invalid join',
  },
  /** The seek bar sends one per tap or drag step. */
  'clock:command': {
    budget: { burst: 30, perSecond: 10 },
    payload: clockCommandSchema,
    ack: z.object({ clock: clockSyncSchema }),
    roles: PRIVILEGED_ROLES,
    refusal: mayNot('change the clock'),
    invalid: 'invalid clock command',
  },
  /** Lays a recorded day's weather (local date) under the room's replay; null returns to the replayed day. */
  'room:weather-day': {
    budget: clicks,
    payload: z.object({ date: z.iso.date().nullable() }).strict(),
    ack: z.object({ date: z.iso.date().nullable() }),
    roles: PRIVILEGED_ROLES,
    refusal: mayNot('change the weather day'),
    invalid: 'invalid weather day',
    hint: 'give { date: "YYYY-MM-DD" } or { date: null }',
  },
  /** A visitor's taps on a kiosk, shown on the wall. */
  'visitor:action': {
    budget: { burst: 5, perSecond: 2 },
    payload: visitorActionSchema,
    ack: z.object({}),
    roles: SENDERS_OF_ACTIONS,
    refusal: (role) => `a ${role} does not send visitor actions`,
    invalid: 'invalid action',
  },
  /** Each starts a simulation. */
  'scenario:run': {
    ...planner,
    budget: { burst: 5, perSecond: 0.5 },
    payload: scenarioRunSchema,
    ack: z.object({ jobId: z.string(), scenario: scenarioSchema }),
    fields: { scenario: 'invalid scenario' },
  },
  'scenario:cancel': { ...planner, budget: clicks, payload: scenarioCancelSchema, ack: z.object({}) },
  'scenario:list': { ...planner, budget: clicks, payload: noArgumentsSchema, ack: z.object({ scenarios: z.array(scenarioSummarySchema) }) },
  'scenario:load': { ...planner, budget: clicks, payload: scenarioIdSchema, ack: z.object({ scenario: scenarioSchema, result: scenarioResultSchema.nullable() }) },
  /** Flips the room's traffic between the baseline and a scenario's recording. */
  'room:traffic-view': { ...planner, budget: clicks, payload: trafficViewSchema, ack: plannerState, invalid: 'invalid traffic view', hint: 'give { scenarioId: "<id>" } or { scenarioId: null }' },
  'room:weather-override': { ...planner, budget: clicks, payload: weatherOverrideSchema, ack: plannerState, invalid: 'invalid weather override' },
  'planner:state': { ...planner, budget: clicks, payload: noArgumentsSchema, ack: plannerState },
} as const satisfies Record<string, ClientEventSpec>;

/** Events the server sends to a room or a client. */
export const SERVER_EVENTS = {
  'clock:sync': clockSyncSchema,
  'feed:snapshot': feedSnapshotSchema,
  'feed:delta': feedDeltaSchema,
  'feed:trips': tripWindowSchema,
  /** A kiosk visitor's action, shown on the room's wall. */
  'visitor:action': z.intersection(visitorActionSchema, z.object({ from: roleSchema })),
  'error:reply': errorReplySchema,
  /** The room's weather day and override, after either changed (room-weather.ts). */
  'room:weather': roomWeatherSchema,
  'scenario:job': scenarioJobSchema,
  'planner:state': plannerStateSchema,
  /** Sent once before the server drops a socket that kept sending over its budget. */
  'hub:kicked': z.object({ event: z.string(), reason: z.string() }),
} as const satisfies Record<string, z.ZodType>;

/** The allowance of messages the table does not list (a real client sends none), beside the table's own. */
export const UNKNOWN_EVENT_BUDGET: EventBudget = { burst: 20, perSecond: 2 };
/** Refusals for going over a budget a socket may earn before it is dropped: `burst` at once, forgiven at `perSecond`. */
export const OVER_BUDGET_STRIKES: EventBudget = { burst: 20, perSecond: 0.2 };

/** Names of the events clients send. */
export type ClientEventName = keyof typeof CLIENT_EVENTS;
/** Names of the events the server sends. */
export type ServerEventName = keyof typeof SERVER_EVENTS;
/** What a client sends with an event. */
export type ClientPayload<E extends ClientEventName> = z.input<(typeof CLIENT_EVENTS)[E]['payload']>;
/** What the server handles of it, once parsed. */
export type ParsedPayload<E extends ClientEventName> = z.output<(typeof CLIENT_EVENTS)[E]['payload']>;
/** The acknowledgement of an event. */
export type AckOf<E extends ClientEventName> = AckWith<z.output<(typeof CLIENT_EVENTS)[E]['ack']>>;
type AckWith<T extends object> = string extends keyof T ? Ack : Ack<T>;
/** What the server sends with an event. */
export type ServerPayload<E extends ServerEventName> = z.output<(typeof SERVER_EVENTS)[E]>;

/** socket.io's map of the events clients send (the server's `Server<ClientEvents, ServerEvents>`, a client's `Socket<ServerEvents, ClientEvents>`). */
export type ClientEvents = { [E in ClientEventName]: (payload: ClientPayload<E>, ack: (reply: AckOf<E>) => void) => void };
/** socket.io's map of the events the server sends. */
export type ServerEvents = { [E in ServerEventName]: (payload: ServerPayload<E>) => void };

/** Whether a name is an event clients may send. */
export const isClientEvent = (name: unknown): name is ClientEventName => typeof name === 'string' && Object.hasOwn(CLIENT_EVENTS, name);
