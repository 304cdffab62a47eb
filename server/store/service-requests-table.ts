/**
 * Open311 requests in the database (migrations/0001-live-state.sql): each request's document in the
 * wire shape with the columns GET filters and pages on, and one history row per state change.
 */
import type { ServiceRequest } from '../../src/protocol/entities.js';
import type { Queryable } from './database.js';

/** Where a request or a change of it came from. */
export type RequestVia = 'open311' | 'ingest' | 'mqtt';

/** One state change of a request, as `requests/<id>.json?history=1` lists it. */
export interface RequestHistoryEntry {
  /** When this server took it (real time, ISO 8601). */
  at: string;
  change: 'created' | 'updated';
  via: RequestVia;
  /** Created: the whole request; updated: the fields that changed, with their new values. */
  fields: Record<string, unknown>;
}

/** A list query of GET requests.json, parsed (open311-routes.ts). */
export interface RequestQuery {
  status?: ('open' | 'closed')[] | undefined;
  service_code?: string[] | undefined;
  start_date?: string | undefined;
  end_date?: string | undefined;
  page: number;
  page_size: number;
}

/** How many requests the live world shows: at most `max`, of them at most `maxClosed` closed ones. */
export interface LiveRequestLimits {
  max: number;
  maxClosed: number;
}

/** What a write did to one request. */
export interface RequestChange {
  request: ServiceRequest;
  change: 'created' | 'updated' | 'unchanged';
}

const requestedAt = (request: ServiceRequest): number => Date.parse(request.requested_datetime);

/** The fields of `next` that differ from `before` (by value), with their new values. */
function changedFields(before: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(next)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) changed[key] = next[key] ?? null;
  }
  return changed;
}

/**
 * Stores requests (the last of each id in `requests` wins) in the transaction `tx`, with a history row
 * for each one created or changed; an unchanged one writes nothing. Three statements whatever the count.
 */
export async function putServiceRequests(tx: Queryable, requests: readonly ServiceRequest[], via: RequestVia, nowMs: number): Promise<RequestChange[]> {
  const byId = new Map(requests.map((request) => [request.service_request_id, request]));
  if (byId.size === 0) return [];
  const before = new Map(
    (
      await tx.query<{ service_request_id: string; document: Record<string, unknown> }>(
        'select service_request_id, document from service_requests where service_request_id in (select jsonb_array_elements_text($1::jsonb))',
        [JSON.stringify([...byId.keys()])],
      )
    ).map((row) => [row.service_request_id, row.document]),
  );
  const changes: RequestChange[] = [];
  const history: { id: string; change: string; fields: Record<string, unknown> }[] = [];
  for (const [id, request] of byId) {
    const old = before.get(id);
    const fields = old ? changedFields(old, request) : { ...request };
    const change = !old ? 'created' : Object.keys(fields).length > 0 ? 'updated' : 'unchanged';
    changes.push({ request, change });
    if (change !== 'unchanged') history.push({ id, change, fields });
  }
  const rows = changes
    .filter((c) => c.change !== 'unchanged')
    .map(({ request }) => ({ id: request.service_request_id, document: request, status: request.status, service_code: request.service_code, requested_at: requestedAt(request) }));
  if (rows.length === 0) return changes;
  await tx.query(
    `insert into service_requests (service_request_id, document, status, service_code, requested_at, updated_at)
     select r.id, r.document, r.status, r.service_code, r.requested_at, $2 from jsonb_to_recordset($1::jsonb) as r(id text, document jsonb, status text, service_code text, requested_at bigint)
     on conflict (service_request_id) do update set document = excluded.document, status = excluded.status, service_code = excluded.service_code,
       requested_at = excluded.requested_at, updated_at = excluded.updated_at`,
    [JSON.stringify(rows), nowMs],
  );
  await tx.query(
    `insert into service_request_history (service_request_id, at_ms, change, via, fields)
     select h.id, $2, h.change, $3, h.fields from jsonb_to_recordset($1::jsonb) as h(id text, change text, fields jsonb)`,
    [JSON.stringify(history), nowMs, via],
  );
  return changes;
}

/**
 * One page of GET requests.json, newest requested first: the stored requests matching `query`, with
 * `replayed` (the recording's requests at the room's instant, already filtered) merged in where no stored
 * request has the same id, ordered and paged in SQL.
 */
export async function listServiceRequests(db: Queryable, query: RequestQuery, replayed: readonly ServiceRequest[]): Promise<ServiceRequest[]> {
  const params: unknown[] = [JSON.stringify(replayed.map((request) => ({ id: request.service_request_id, document: request, requested_at: requestedAt(request) })))];
  const where: string[] = [];
  const param = (value: unknown): string => `$${params.push(value)}`;
  if (query.status) where.push(`status in (select jsonb_array_elements_text(${param(JSON.stringify(query.status))}::jsonb))`);
  if (query.service_code) where.push(`service_code in (select jsonb_array_elements_text(${param(JSON.stringify(query.service_code))}::jsonb))`);
  if (query.start_date) where.push(`requested_at >= ${param(Date.parse(query.start_date))}`);
  if (query.end_date) where.push(`requested_at <= ${param(Date.parse(query.end_date))}`);
  const limit = param(query.page_size);
  const offset = param((query.page - 1) * query.page_size);
  const rows = await db.query<{ document: ServiceRequest }>(
    `select document from (
       select document, requested_at, service_request_id from service_requests ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
       union all
       select r.document, r.requested_at, r.id from jsonb_to_recordset($1::jsonb) as r(id text, document jsonb, requested_at bigint)
       where not exists (select 1 from service_requests s where s.service_request_id = r.id)
     ) as candidates order by requested_at desc, service_request_id asc limit ${limit} offset ${offset}`,
    params,
  );
  return rows.map((row) => row.document);
}

/** A stored request by its id, or null. */
export async function findServiceRequest(db: Queryable, id: string): Promise<ServiceRequest | null> {
  const rows = await db.query<{ document: ServiceRequest }>('select document from service_requests where service_request_id = $1', [id]);
  return rows[0]?.document ?? null;
}

/** A stored request's state changes, oldest first. */
export async function serviceRequestHistory(db: Queryable, id: string): Promise<RequestHistoryEntry[]> {
  const rows = await db.query<{ at_ms: number; change: RequestHistoryEntry['change']; via: RequestVia; fields: Record<string, unknown> }>(
    'select at_ms, change, via, fields from service_request_history where service_request_id = $1 order by seq',
    [id],
  );
  return rows.map((row) => ({ at: new Date(row.at_ms).toISOString(), change: row.change, via: row.via, fields: row.fields }));
}

/** The requests the live world starts with: the open ones and the recently closed ones, most recently changed first, within `limits`. */
export async function liveServiceRequests(db: Queryable, limits: LiveRequestLimits): Promise<{ request: ServiceRequest; updatedMs: number }[]> {
  const rows = await db.query<{ document: ServiceRequest; updated_at: number }>(
    `(select document, updated_at from service_requests where status = 'open' order by updated_at desc, service_request_id limit $1)
     union all
     (select document, updated_at from service_requests where status <> 'open' order by updated_at desc, service_request_id limit $2)`,
    [limits.max, limits.maxClosed],
  );
  return rows.map((row) => ({ request: row.document, updatedMs: row.updated_at }));
}

/** Whether a request matches a list query's filters (the same test as listServiceRequests' SQL, for requests held in memory). */
export function matchesQuery(request: ServiceRequest, query: RequestQuery): boolean {
  const at = requestedAt(request);
  return (
    (!query.status || query.status.includes(request.status)) &&
    (!query.service_code || query.service_code.includes(request.service_code)) &&
    (!query.start_date || at >= Date.parse(query.start_date)) &&
    (!query.end_date || at <= Date.parse(query.end_date))
  );
}
