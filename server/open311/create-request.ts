/**
 * POST /open311/v2/requests.json as GeoReport v2 words it: `service_code` and a location — `lat` &
 * `long`, or `address_string` — required; the other fields optional; only http(s) media. A blank
 * form field counts as absent, as a browser form sends one.
 */
import { z } from 'zod';
import type { ServiceRequest } from '../../src/protocol/entities.js';
import type { LonLat } from './address-locator.js';
import type { ServiceDefinition } from './services.js';

const blankAsAbsent = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsAbsent, schema.optional());

/** The location the spec asks for, in its words. */
export const LOCATION_REQUIRED = 'a location is required: lat & long, or address_string';

/** The fields of a new request this server reads (others, like `attribute[…]` or `device_id`, are dropped). */
export const createRequestSchema = z
  .object({
    service_code: z.string().min(1).max(64),
    lat: optional(z.coerce.number().min(-90).max(90)),
    long: optional(z.coerce.number().min(-180).max(180)),
    address_string: optional(z.string().max(512)),
    address_id: optional(z.string().max(64)),
    description: optional(z.string().max(4000)),
    media_url: optional(z.url({ protocol: /^https?$/, error: 'media_url must be an http or https URL' }).max(1024)),
    first_name: optional(z.string().max(128)),
    last_name: optional(z.string().max(128)),
    email: optional(z.string().max(256)),
    phone: optional(z.string().max(64)),
  })
  .superRefine((input, context) => {
    if ((input.lat === undefined) !== (input.long === undefined)) {
      context.addIssue({ code: 'custom', path: [input.lat === undefined ? 'lat' : 'long'], message: 'lat and long go together: give both, or address_string' });
    } else if (input.lat === undefined && input.address_string === undefined) {
      // address_id is a location in the spec, but this city keeps no address register to resolve one.
      context.addIssue({ code: 'custom', path: ['location'], message: input.address_id === undefined ? LOCATION_REQUIRED : `${LOCATION_REQUIRED} (this city has no address_id register)` });
    }
  });
export type CreateRequestInput = z.infer<typeof createRequestSchema>;

/** What a new request is stamped with. */
export interface NewRequestContext {
  city: string;
  service: ServiceDefinition;
  /** Where it lies; null when only an address the city could not place was given. */
  at: LonLat | null;
  /** The hall's sim instant: requested_datetime and updated_datetime, so the case sits in the day the walls show. */
  simMs: number;
  /** Real time of receipt: received_datetime. */
  receivedMs: number;
  serviceRequestId: string;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The stored request of a valid post. */
export function newServiceRequest(input: CreateRequestInput, context: NewRequestContext): ServiceRequest {
  const { service } = context;
  return {
    id: `urn:ngsi-ld:ServiceRequest:${context.city}:${context.serviceRequestId}`,
    type: 'ServiceRequest',
    service_request_id: context.serviceRequestId,
    status: 'open',
    status_notes: null,
    service_name: service.name.zh,
    service_code: service.service_code,
    description: input.description ?? null,
    agency_responsible: service.agency.zh,
    service_notice: null,
    requested_datetime: iso(context.simMs),
    updated_datetime: iso(context.simMs),
    expected_datetime: null,
    address: input.address_string ?? null,
    address_id: input.address_id ?? null,
    zipcode: null,
    lat: context.at?.[1] ?? null,
    long: context.at?.[0] ?? null,
    media_url: input.media_url ?? null,
    received_datetime: iso(context.receivedMs),
  };
}

/** Generates service request ids: `W`, the base-36 real time of the post, a serial; from the injected clock, not Date.now. */
export function serviceRequestIds(now: () => number): () => string {
  let serial = 0;
  return () => `W${now().toString(36).toUpperCase()}${String(++serial).padStart(3, '0')}`;
}
