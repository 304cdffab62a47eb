/**
 * Open311 GeoReport v2 over HTTP (JSON only):
 *   GET  /open311/v2/services.json
 *   GET  /open311/v2/requests.json?status=&service_code=&start_date=&end_date=&page=&page_size=
 *   GET  /open311/v2/requests/<id>.json
 *   POST /open311/v2/requests.json   (form-encoded or JSON)
 * Errors use the spec's format: an array of { code, description } with the HTTP status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ServiceRequest } from '../../src/protocol/entities.js';
import { readBody } from '../ingest/http-ingest.js';
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

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  response.end(JSON.stringify(body));
}

const fail = (response: ServerResponse, code: number, description: string): void => send(response, code, [{ code, description }]);

const listQuerySchema = z.object({
  status: z.string().optional().transform((v) => (v ? v.split(',') : undefined)).pipe(z.array(z.enum(['open', 'closed'])).optional()),
  service_code: z.string().optional().transform((v) => (v ? v.split(',') : undefined)),
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

/** Handles an /open311/ request; returns false when the path is not Open311's. */
export async function handleOpen311(request: IncomingMessage, response: ServerResponse, deps: Open311Deps): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(PREFIX)) return false;
  const path = url.pathname.slice(PREFIX.length);
  if (!path.endsWith('.json')) {
    fail(response, 400, 'only the JSON format is offered: use a .json path');
    return true;
  }
  const resource = path.slice(0, -'.json'.length);
  const locale = url.searchParams.get('locale') === 'en' ? 'en' : 'zh';

  if (resource === 'services' && request.method === 'GET') {
    send(response, 200, SERVICES.map((s) => ({
      service_code: s.service_code,
      service_name: s.name[locale],
      description: s.description[locale],
      metadata: false,
      type: 'realtime',
      keywords: s.group,
      group: s.group,
    })));
    return true;
  }

  if (resource === 'requests' && request.method === 'GET') {
    const query = listQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) {
      fail(response, 400, `invalid query: ${query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return true;
    }
    const q = query.data;
    const start = q.start_date ? Date.parse(q.start_date) : -Infinity;
    const end = q.end_date ? Date.parse(q.end_date) : Infinity;
    const matching = (await deps.requests())
      .filter((r) => (!q.status || q.status.includes(r.status)) && (!q.service_code || q.service_code.includes(r.service_code)))
      .filter((r) => Date.parse(r.requested_datetime) >= start && Date.parse(r.requested_datetime) <= end)
      .sort((a, b) => Date.parse(b.requested_datetime) - Date.parse(a.requested_datetime) || (a.service_request_id < b.service_request_id ? -1 : 1));
    send(response, 200, matching.slice((q.page - 1) * q.page_size, q.page * q.page_size).map(toOpen311));
    return true;
  }

  const single = /^requests\/([^/]{1,64})$/.exec(resource);
  if (single && request.method === 'GET') {
    const id = decodeURIComponent(single[1]!);
    const found = (await deps.requests()).find((r) => r.service_request_id === id);
    if (found) send(response, 200, [toOpen311(found)]);
    else fail(response, 404, `no service request '${id}'`);
    return true;
  }

  if (resource === 'requests' && request.method === 'POST') {
    const body = await readBody(request, 64_000);
    if (body === null) {
      fail(response, 413, 'the request body is too large');
      return true;
    }
    let fields: unknown;
    if ((request.headers['content-type'] ?? '').includes('application/json')) {
      try {
        fields = JSON.parse(body);
      } catch {
        fail(response, 400, 'the body is not JSON');
        return true;
      }
    } else fields = Object.fromEntries(new URLSearchParams(body));
    const parsed = createSchema.safeParse(fields);
    if (!parsed.success) {
      fail(response, 400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
      return true;
    }
    const input = parsed.data;
    if (deps.apiKey && input.api_key !== deps.apiKey) {
      fail(response, 403, 'a valid api_key is required');
      return true;
    }
    const service = serviceByCode(input.service_code);
    if (!service) {
      fail(response, 400, `service_code '${input.service_code}' is not offered; see services.json`);
      return true;
    }
    const [west, south, east, north] = deps.bbox;
    if (input.long < west || input.long > east || input.lat < south || input.lat > north) {
      fail(response, 400, 'the location lies outside this city');
      return true;
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
    send(response, 201, [{ service_request_id: stored.service_request_id, service_notice: null, account_id: null }]);
    return true;
  }

  fail(response, request.method === 'GET' || request.method === 'POST' ? 404 : 405, `no Open311 resource '${url.pathname}' for ${request.method}`);
  return true;
}
