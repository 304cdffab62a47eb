/**
 * Open311 GeoReport v2 over HTTP (JSON only):
 *   GET  /open311/v2/services.json
 *   GET  /open311/v2/requests.json?status=&service_code=&start_date=&end_date=&page=&page_size=
 *   GET  /open311/v2/requests/<id>.json
 *   POST /open311/v2/requests.json   (form-encoded or JSON)
 * Errors use the spec's format: an array of { code, description } with the HTTP status.
 */
import type { FastifyReply, RouteHandlerMethod } from 'fastify';
import { z } from 'zod';
import type { ServiceRequest } from '../../src/protocol/entities.js';
import type { HttpRoute } from '../http/http-route.js';
import { SERVICES, serviceByCode } from './services.js';

/** What the routes need from the server. */
export interface Open311Deps {
  /** Every request the city knows now. */
  requests: () => Promise<ServiceRequest[]>;
  /** Stores a new request (and shows it live); returns it as stored. */
  create: (request: ServiceRequest) => Promise<ServiceRequest>;
  city: string;
  /** [west, south, east, north]: new requests must lie in the city. */
  bbox: [number, number, number, number];
  /** When set, POST needs this api_key. */
  apiKey?: string;
  now?: () => number;
}

const PREFIX = '/open311/v2/';
const MAX_PAGE_SIZE = 1000;
/** Largest POST body, bytes. */
export const MAX_OPEN311_BYTES = 64_000;

// Any origin may call this API: its CORS header is set with the other headers (http/security-headers.ts).
function send(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send(body);
}

const fail = (reply: FastifyReply, code: number, description: string): FastifyReply => send(reply, code, [{ code, description }]);

/** Requests one client address may make a minute: a citizen's app or a dashboard refreshing every second stays well under it. */
export const OPEN311_REQUESTS_PER_MINUTE = 120;

/** Everything of the Open311 route but its handler: the body limit, the rate limit and the spec's wording of framework errors. */
export const open311Endpoint: Pick<HttpRoute, 'bodyLimit' | 'errorHandler' | 'rateLimit'> = {
  bodyLimit: MAX_OPEN311_BYTES,
  rateLimit: { max: OPEN311_REQUESTS_PER_MINUTE, windowMs: 60_000 },
  errorHandler: (error, _request, reply) => {
    const status = error.statusCode ?? 500;
    // A failure of the server's own is logged whole; the client learns only that it happened.
    if (status >= 500) return (reply.log.error({ err: error }, 'Open311 request failed'), fail(reply, 500, 'the server could not answer; try again'));
    return status === 413 ? fail(reply, 413, 'the request body is too large') : fail(reply, status, error.message);
  },
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

const createSchema = z.object({
  api_key: z.string().optional(),
  service_code: z.string().min(1).max(64),
  lat: z.coerce.number().min(-90).max(90),
  long: z.coerce.number().min(-180).max(180),
  address_string: z.string().max(512).optional(),
  description: z.string().max(4000).optional(),
  media_url: z.string().url().max(1024).optional(),
  first_name: z.string().max(128).optional(),
  last_name: z.string().max(128).optional(),
  email: z.string().max(256).optional(),
  phone: z.string().max(64).optional(),
});

/** The Open311 view of a stored request (the spec's fields only). */
function toOpen311(request: ServiceRequest): Record<string, unknown> {
  const { id: _id, type: _type, ...fields } = request;
  return fields;
}

let serial = 0;

/** Creates the handler of every method under /open311/v2/ (the spec's errors for the rest). */
export function createOpen311Handler(deps: Open311Deps): RouteHandlerMethod {
  return async (request, reply) => {
    const url = new URL(request.url, 'http://localhost');
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
      const q = query.data;
      const start = q.start_date ? Date.parse(q.start_date) : -Infinity;
      const end = q.end_date ? Date.parse(q.end_date) : Infinity;
      const matching = (await deps.requests())
        .filter((r) => (!q.status || q.status.includes(r.status)) && (!q.service_code || q.service_code.includes(r.service_code)))
        .filter((r) => Date.parse(r.requested_datetime) >= start && Date.parse(r.requested_datetime) <= end)
        .sort((a, b) => Date.parse(b.requested_datetime) - Date.parse(a.requested_datetime) || (a.service_request_id < b.service_request_id ? -1 : 1));
      return send(reply, 200, matching.slice((q.page - 1) * q.page_size, q.page * q.page_size).map(toOpen311));
    }

    const single = /^requests\/([^/]{1,64})$/.exec(resource);
    if (single && request.method === 'GET') {
      const id = decodeURIComponent(single[1]!);
      const found = (await deps.requests()).find((r) => r.service_request_id === id);
      if (found) return send(reply, 200, [toOpen311(found)]);
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
      } else if (typeof body === 'string') fields = Object.fromEntries(new URLSearchParams(body));
      const parsed = createSchema.safeParse(fields);
      if (!parsed.success) {
        return fail(reply, 400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
      }
      const input = parsed.data;
      if (deps.apiKey && input.api_key !== deps.apiKey) {
        return fail(reply, 403, 'a valid api_key is required');
      }
      const service = serviceByCode(input.service_code);
      if (!service) {
        return fail(reply, 400, `service_code '${input.service_code}' is not offered; see services.json`);
      }
      const [west, south, east, north] = deps.bbox;
      if (input.long < west || input.long > east || input.lat < south || input.lat > north) {
        return fail(reply, 400, 'the location lies outside this city');
      }
      const now = new Date((deps.now ?? Date.now)()).toISOString();
      const id = `W${Date.now().toString(36).toUpperCase()}${String(++serial).padStart(3, '0')}`;
      const stored = await deps.create({
        id: `urn:ngsi-ld:ServiceRequest:${deps.city}:${id}`,
        type: 'ServiceRequest',
        service_request_id: id,
        status: 'open',
        status_notes: null,
        service_name: service.name.zh,
        service_code: service.service_code,
        description: input.description ?? null,
        agency_responsible: service.agency.zh,
        service_notice: null,
        requested_datetime: now,
        updated_datetime: now,
        expected_datetime: null,
        address: input.address_string ?? null,
        address_id: null,
        zipcode: null,
        lat: input.lat,
        long: input.long,
        media_url: input.media_url ?? null,
      });
      return send(reply, 201, [{ service_request_id: stored.service_request_id, service_notice: null, account_id: null }]);
    }

    return fail(reply, request.method === 'GET' || request.method === 'POST' ? 404 : 405, `no Open311 resource '${url.pathname}' for ${request.method}`);
  };
}
