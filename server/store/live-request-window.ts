/**
 * Which Open311 requests the live world shows, so a join snapshot stays bounded however many are
 * posted: the open ones and the most recently closed ones, at most `max` in all and `maxClosed` closed.
 * The ones left out stay in the database, where GET requests.json still answers them.
 */
import type { ServiceRequest } from '../../src/protocol/entities.js';
import type { LiveRequestLimits } from './service-requests-table.js';

interface Entry {
  entityId: string;
  closed: boolean;
  updatedMs: number;
  /** Order of admission, so requests changed at the same instant leave oldest first. */
  seq: number;
}

/** The requests in the live world, by service_request_id. */
export class LiveRequestWindow {
  private readonly entries = new Map<string, Entry>();
  private seq = 0;

  constructor(private readonly limits: LiveRequestLimits) {}

  /** How many requests the live world shows now. */
  get size(): number {
    return this.entries.size;
  }

  /** Takes requests changed at `updatedMs` into the window; returns the entity ids that must leave the live world. */
  admit(items: readonly { request: ServiceRequest; updatedMs: number }[]): string[] {
    const leaving: string[] = [];
    for (const { request, updatedMs } of items) {
      const before = this.entries.get(request.service_request_id);
      // A request sent again under another entity id: its old entity leaves.
      if (before && before.entityId !== request.id) leaving.push(before.entityId);
      this.entries.delete(request.service_request_id);
      this.entries.set(request.service_request_id, { entityId: request.id, closed: request.status !== 'open', updatedMs, seq: this.seq++ });
    }
    const oldestFirst = (a: [string, Entry], b: [string, Entry]) => a[1].updatedMs - b[1].updatedMs || a[1].seq - b[1].seq;
    const closed = [...this.entries].filter(([, entry]) => entry.closed).sort(oldestFirst);
    const open = [...this.entries].filter(([, entry]) => !entry.closed).sort(oldestFirst);
    const drop = ([id, entry]: [string, Entry]) => {
      this.entries.delete(id);
      leaving.push(entry.entityId);
    };
    while (closed.length > this.limits.maxClosed) drop(closed.shift()!);
    // Over the whole cap, closed ones go before open ones.
    while (this.entries.size > this.limits.max) drop((closed.length > 0 ? closed : open).shift()!);
    return leaving;
  }
}
