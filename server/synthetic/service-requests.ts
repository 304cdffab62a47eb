/**
 * Synthetic 12345/12319 service requests (Open311 fields): seeded arrivals through the day with
 * office-hours peaks, a service drawn by its share, a place near a road of the city, and a
 * lifecycle (accepted, dispatched, closed) whose handling time is log-normal around the service's
 * median. A live Open311 endpoint or hotline export with the same fields replaces it.
 */
import type { RoadGraphFile } from '../../src/protocol/city-pack.js';
import type { ServiceRequest } from '../../src/protocol/entities.js';
import type { FeedEvent } from '../../src/protocol/feed.js';
import { SERVICES } from '../open311/services.js';
import type { SeededRandom } from './seeded-random.js';

/** Relative call volume per local hour (the hotline's day: quiet at night, peaks at 10 and 15 h). */
export const HOURLY_REQUEST_PROFILE = [0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.5, 1.2, 2.4, 3.4, 3.8, 3.3, 2.2, 2.6, 3.3, 3.6, 3.2, 2.6, 1.8, 1.5, 1.3, 1.0, 0.7, 0.5];

const HOUR = 3_600_000;
/** How long a closed case stays on the map. */
export const CLOSED_VISIBLE_MS = 6 * HOUR;
const iso = (t: number): string => new Date(t).toISOString();

/** Events (upserts) of every request made in [startMs, endMs), with their later updates. */
export function generateServiceRequests(random: SeededRandom, graph: RoadGraphFile, city: string, startMs: number, endMs: number, perDay: number, utcOffsetHours: number): FeedEvent[] {
  const events: FeedEvent[] = [];
  const profileTotal = HOURLY_REQUEST_PROFILE.reduce((a, b) => a + b, 0);
  const weights = SERVICES.map((s) => s.weight);
  let serial = 0;
  for (let hourStart = startMs; hourStart < endMs; hourStart += HOUR) {
    const localHour = new Date(hourStart + utcOffsetHours * HOUR).getUTCHours();
    const expected = (perDay * HOURLY_REQUEST_PROFILE[localHour]!) / profileTotal;
    // Poisson arrivals within the hour.
    for (let t = hourStart + random.exponential(HOUR / expected); t < hourStart + HOUR && t < endMs; t += random.exponential(HOUR / expected)) {
      const service = SERVICES[random.weighted(weights)]!;
      const node = random.int(graph.nodes.lon.length);
      const lon = graph.nodes.lon[node]! + random.normal() * 0.0003;
      const lat = graph.nodes.lat[node]! + random.normal() * 0.0003;
      const requested = Math.round(t);
      serial++;
      const id = `${new Date(requested + utcOffsetHours * HOUR).toISOString().slice(0, 10).replaceAll('-', '')}-${String(serial).padStart(5, '0')}`;
      const handling = random.logNormal(service.medianHours * HOUR, 0.8);
      const base: ServiceRequest = {
        id: `urn:ngsi-ld:ServiceRequest:${city}:${id}`,
        type: 'ServiceRequest',
        service_request_id: id,
        status: 'open',
        status_notes: '已受理 / accepted',
        service_name: service.name.zh,
        service_code: service.service_code,
        description: service.description.zh,
        agency_responsible: service.agency.zh,
        service_notice: null,
        requested_datetime: iso(requested),
        updated_datetime: iso(requested),
        expected_datetime: iso(requested + Math.round(service.medianHours * HOUR)),
        address: null,
        address_id: null,
        zipcode: null,
        lat: Number(lat.toFixed(6)),
        long: Number(lon.toFixed(6)),
        media_url: null,
      };
      events.push({ op: 'upsert', t: requested, entity: base });
      const dispatched = requested + Math.round(Math.min(handling * 0.2, 30 * 60_000));
      events.push({ op: 'upsert', t: dispatched, entity: { ...base, status_notes: `已派遣至${service.agency.zh} / dispatched to ${service.agency.en}`, updated_datetime: iso(dispatched) } });
      const closed = requested + Math.round(handling);
      events.push({ op: 'upsert', t: closed, entity: { ...base, status: 'closed', status_notes: '已办结 / resolved', updated_datetime: iso(closed) } });
      // A closed case leaves the map after a while, so the world of a long day stays bounded.
      events.push({ op: 'remove', t: closed + CLOSED_VISIBLE_MS, id: base.id });
    }
  }
  return events;
}
