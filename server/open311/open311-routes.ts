/**
 * Open311 GeoReport v2 over HTTP (JSON only):
 *   GET  /open311/v2/services.json
 *   GET  /open311/v2/requests.json?status=&service_code=&start_date=&end_date=&page=&page_size=
 *   GET  /open311/v2/requests/<id>.json
 *   POST /open311/v2/requests.json   (form-encoded or JSON)
 * Errors use the spec's format: an array of { code, description } with the HTTP status (open311-errors.ts).
 */
import type { HTTPMethods, RouteHandlerMethod } from 'fastify';
import { z } from 'zod';
import type { ServiceRequest } from '../../src/protocol/entities.js';
import type { HttpRoute } from '../http/http-route.js';
import { hasValidPercentEncoding } from '../http/percent-encoding.js';
import type { RequestHistoryEntry, RequestQuery } from '../store/service-requests-table.js';
import type { LonLat } from './address-locator.js';
import { createRequestSchema, newServiceRequest, serviceRequestIds } from './create-request.js';
import { failOpen311 as fail, open311ErrorHandler, sendOpen311 as send } from './open311-errors.js';
import { SERVICES, serviceByCode } from './services.js';

/** What the routes need from the server. */
export interface Open311Deps {
  /** One page of the requests matching a list query, newest requested first (store/live-state.ts). */
  list: (query: RequestQuery) => Promise<ServiceRequest[]>;
  /** One request by its id, with its state changes when asked, or null. */
  find: (id: string, withHistory: boolean) => Promise<{ request: ServiceRequest; history?: RequestHistoryEntry[] } | null>;
  /** Stores a new request, then shows it live; resolves once it is stored (a store that cannot write rejects with its 503). */
  create: (request: ServiceRequest) => Promise<ServiceRequest>;
  city: string;
  /** [west, south, east, north]: new requests must lie in the city. */
  bbox: [number, number, number, number];
  /** When set, POST needs this api_key (a form or JSON field, or in the query). */
  apiKey?: string;
  /** The sim instant of the hall's room, ms: a new request's requested_datetime. */
  simTime: () => number;
  /** Where an address_string lies in the city, or null (then the request is kept without coordinates). */
  locate?: (address: string) => Promise<LonLat | null>;
  /** Real time, ms: received_datetime and the ids (default Date.now). */
  now?: () => number;
}

const PREFIX = '/open311/v2/';
/** Most requests one list page holds (`page_size`); `page` counts from 1. */
export const MAX_PAGE_SIZE = 1000;
/** Largest POST body, bytes. */
export const MAX_OPEN311_BYTES = 64_000;

/** GETs one client address may make a minute: a citizen's app or a dashboard refreshing every second stays well under it. */
export const OPEN311_READS_PER_MINUTE = 120;
/** Posts one client address may make a minute: a citizen files a few cases, not thousands. */
export const OPEN311_POSTS_PER_MINUTE = 10;
/** The Open311 rate limits, one window each, for the route table's two rows. */
export const OPEN311_READ_LIMIT = { max: OPEN311_READS_PER_MINUTE, windowMs: 60_000 };
export const OPEN311_POST_LIMIT = { max: OPEN311_POSTS_PER_MINUTE, windowMs: 60_000 };
/** The methods of the reading row: all but POST (the others answer 405 in the spec's format). */
export const OPEN311_READ_METHODS: HTTPMethods[] = ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

/** Everything of an Open311 row but its method, handler and rate limit: the body limit and the spec's wording of framework errors. */
export const open311Endpoint: Pick<HttpRoute, 'bodyLimit' | 'errorHandler'> = {
  bodyLimit: MAX_OPEN311_BYTES,
  errorHandler: open311ErrorHandler,
};

const listQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(z.enum(['open', 'closed'])).optional()),
  service_code: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined)),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
});

/** The Open311 view of a stored request: the spec's fields, and the `received_datetime` extension of posted ones. */
function toOpen311(request: ServiceRequest): Record<string, unknown> {
  const { id: _id, type: _type, ...fields } = request;
  return fields;
}

/** Creates the handler of every method under /open311/v2/ (the spec's errors for the rest). */
export function createOpen311Handler(deps: Open311Deps): RouteHandlerMethod {
  const now = deps.now ?? Date.now;
  const nextId = serviceRequestIds(now);
  return async (request, reply) => {
    const url = new URL(request.url, 'http://localhost');
    // URLSearchParams would read a malformed %-sequence as U+FFFD; the router refuses one in the path (http-app.ts).
    if (!hasValidPercentEncoding(url.search.replaceAll('+', ' ')) || !hasValidPercentEncoding(url.pathname)) {
      return fail(reply, 400, 'the address is not valid percent-encoded UTF-8');
    }
    const path = url.pathname.slice(PREFIX.length);
    if (!path.endsWith('.json')) {
      return fail(reply, 400, 'only the JSON format is offered: use a .json path');
    }
    const resource = path.slice(0, -'.json'.length);
    const locale = url.searchParams.get('locale') === 'en' ? 'en' : 'zh';

    if (resource === 'services' && request.method === 'GET') {
      return send(
        reply,
        200,
        SERVICES.map((s) => ({
          service_code: s.service_code,
          service_name: s.name[locale],
          description: s.description[locale],
          metadata: false,
          type: 'realtime',
          keywords: s.group,
          group: s.group,
        })),
      );
    }

    if (resource === 'requests' && request.method === 'GET') {
      const query = listQuerySchema.safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) {
        return fail(reply, 400, `invalid query: ${query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      }
      return send(reply, 200, (await deps.list(query.data)).map(toOpen311));
    }

    const single = /^requests\/([^/]{1,64})$/.exec(resource);
    if (single && request.method === 'GET') {
      const id = decodeURIComponent(single[1]!);
      // An extension: ?history=1 adds the request's state changes (docs/feed.md).
      const found = await deps.find(id, url.searchParams.get('history') === '1');
      if (found) return send(reply, 200, [{ ...toOpen311(found.request), ...(found.history ? { history: found.history } : {}) }]);
      return fail(reply, 404, `no service request '${id}'`);
    }

    if (resource === 'requests' && request.method === 'POST') {
      // A form arrives parsed (@fastify/formbody); any other type arrives as text (http-app.ts).
      const body = request.body ?? '';
      let fields: unknown = body;
      if (typeof body === 'string' && (request.headers['content-type'] ?? '').includes('application/json')) {
        try {
          fields = JSON.parse(body);
        } catch {
          return fail(reply, 400, 'the body is not JSON');
        }
      } else if (typeof body === 'string') {
        return fail(reply, 415, 'send the request as application/x-www-form-urlencoded or application/json');
      }
      if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
        return fail(reply, 400, 'the body must be one object of fields');
      }
      // The key first, so a caller without one learns nothing of the rest (403, as the spec answers an invalid api_key).
      const apiKey = (fields as Record<string, unknown>).api_key ?? url.searchParams.get('api_key');
      if (deps.apiKey && apiKey !== deps.apiKey) {
        return fail(reply, 403, 'a valid api_key is required');
      }
      const parsed = createRequestSchema.safeParse(fields);
      if (!parsed.success) {
        return fail(reply, 400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
      }
      const input = parsed.data;
      const service = serviceByCode(input.service_code);
      if (!service) {
        return fail(reply, 400, `service_code '${input.service_code}' is not offered; see services.json`);
      }
      let at: LonLat | null = null;
      if (input.lat !== undefined && input.long !== undefined) {
        const [west, south, east, north] = deps.bbox;
        if (input.long < west || input.long > east || input.lat < south || input.lat > north) {
          return fail(reply, 400, 'the location lies outside this city');
        }
        at = [input.long, input.lat];
      } else if (input.address_string !== undefined) {
        // Placed where the city's named places or streets say; else kept with its address and no coordinates.
        at = (await deps.locate?.(input.address_string)) ?? null;
      }
      const stored = await deps.create(newServiceRequest(input, { city: deps.city, service, at, simMs: deps.simTime(), receivedMs: now(), serviceRequestId: nextId() }));
      return send(reply, 201, [{ service_request_id: stored.service_request_id, service_notice: null, account_id: null }]);
    }

    return fail(reply, request.method === 'GET' || request.method === 'POST' ? 404 : 405, `no Open311 resource '${url.pathname}' for ${request.method}`);
  };
}
