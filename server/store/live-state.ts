/**
 * What arrives live, kept: every write (POST /ingest, MQTT, Open311 POST) is committed to the database
 * first and only then applied to the live source, in the order the writes came; at start the live source
 * is seeded from the database. The live world is bounded: at most `maxEntities` entities besides the
 * service requests, and the requests of the LiveRequestWindow.
 */
import type { Entity, ServiceRequest } from '../../src/protocol/entities.js';
import type { FeedEvent } from '../../src/protocol/feed.js';
import type { Logger } from '../logger.js';
import type { LiveSource } from '../sources/live-source.js';
import { asStoreError, type Database } from './database.js';
import { entityCounts, storedEntities, upsertEntities } from './live-entities-table.js';
import { LiveRequestWindow } from './live-request-window.js';
import {
  findServiceRequest,
  listServiceRequests,
  liveServiceRequests,
  matchesQuery,
  putServiceRequests,
  serviceRequestHistory,
  type LiveRequestLimits,
  type RequestHistoryEntry,
  type RequestQuery,
  type RequestVia,
} from './service-requests-table.js';

/** How large the live world may grow. */
export interface LiveLimits {
  /** Entities other than service requests (a district's stations, sensors, car parks and bays). */
  maxEntities: number;
  requests: LiveRequestLimits;
}

/** The defaults: sized for a district (docs/storage.md). */
export const DEFAULT_LIVE_LIMITS: LiveLimits = { maxEntities: 5000, requests: { max: 500, maxClosed: 100 } };

/** The outcome of a write: taken (stored, then shown), or refused whole with a reason (nothing stored). */
export type LiveWrite = { ok: true; accepted: number } | { ok: false; reason: string };

/** A stored request, with its history when asked for. */
export interface FoundRequest {
  request: ServiceRequest;
  history?: RequestHistoryEntry[];
}

const isServiceRequest = (entity: Entity): entity is ServiceRequest => entity.type === 'ServiceRequest';

/** The live state of a city: the database behind its live source. */
export class LiveState {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly window: LiveRequestWindow;

  private constructor(
    private readonly database: Database,
    private readonly live: LiveSource,
    private readonly limits: LiveLimits,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {
    this.window = new LiveRequestWindow(limits.requests);
  }

  /** Opens the live state on `database` and seeds `live` with what it keeps (every entity; the requests the window shows). */
  static async open(database: Database, live: LiveSource, options: { limits?: LiveLimits; logger: Logger; now?: () => number }): Promise<LiveState> {
    const state = new LiveState(database, live, options.limits ?? DEFAULT_LIVE_LIMITS, options.logger, options.now ?? Date.now);
    const [entities, requests] = await Promise.all([storedEntities(database), liveServiceRequests(database, state.limits.requests)]);
    const leaving = new Set(state.window.admit(requests));
    live.restore([...entities, ...requests.map((r) => r.request).filter((request) => !leaving.has(request.id))]);
    options.logger.info({ entities: entities.length, requests: state.window.size }, 'live state restored');
    return state;
  }

  /** How many requests the live world shows now. */
  get liveRequests(): number {
    return this.window.size;
  }

  /**
   * Stores validated entities in one transaction, then applies them live; resolves once both are done.
   * Refused whole (nothing stored) when it would add new entities beyond the cap; a storage failure
   * rejects with a StoreUnavailableError and nothing is applied.
   */
  accept(entities: readonly Entity[], via: RequestVia): Promise<LiveWrite> {
    return this.exclusive(async () => {
      const requests = entities.filter(isServiceRequest);
      const others = entities.filter((entity) => !isServiceRequest(entity));
      const nowMs = this.now();
      let stored: Awaited<ReturnType<typeof putServiceRequests>> | string;
      try {
        stored = await this.database.transaction(async (tx) => {
          if (others.length > 0) {
            const { stored: count, added } = await entityCounts(
              tx,
              others.map((entity) => entity.id),
            );
            if (added > 0 && count + added > this.limits.maxEntities) {
              return `the live world holds at most ${this.limits.maxEntities} entities (${count} now) and this would add ${added} new ones; nothing was stored (updates of known ids are still taken)`;
            }
            await upsertEntities(tx, others, nowMs);
          }
          return putServiceRequests(tx, requests, via, nowMs);
        });
      } catch (error) {
        throw asStoreError(error, this.logger, `storing ${entities.length} live entities`);
      }
      if (typeof stored === 'string') return { ok: false, reason: stored };
      const changed = stored.filter((c) => c.change !== 'unchanged').map((c) => c.request);
      const leaving = this.window.admit(changed.map((request) => ({ request, updatedMs: nowMs })));
      const removals = leaving.map((id): FeedEvent => ({ op: 'remove', t: nowMs, id }));
      this.live.ingest([...others, ...changed, ...removals]);
      return { ok: true, accepted: entities.length };
    });
  }

  /** One page of GET requests.json: the stored requests and `replayed` (the recording's, at the room's instant) that match, newest first. */
  async list(query: RequestQuery, replayed: readonly ServiceRequest[]): Promise<ServiceRequest[]> {
    try {
      return await listServiceRequests(
        this.database,
        query,
        replayed.filter((request) => matchesQuery(request, query)),
      );
    } catch (error) {
      throw asStoreError(error, this.logger, 'listing service requests');
    }
  }

  /** A stored request by its id (with its history when asked), or null. */
  async find(id: string, withHistory: boolean): Promise<FoundRequest | null> {
    try {
      const request = await findServiceRequest(this.database, id);
      if (!request) return null;
      return withHistory ? { request, history: await serviceRequestHistory(this.database, id) } : { request };
    } catch (error) {
      throw asStoreError(error, this.logger, 'reading a service request');
    }
  }

  /** Resolves once every write taken so far has been stored and applied (or has failed): the shutdown waits for it. */
  drain(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  /** Runs writes one at a time, so the live world takes them in the order the database did. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
