/** Live counters for /metrics: clients by role, messages in and out per second, refusals for budget, sockets dropped, rooms released, event lag. */
import type { Role } from '../../src/protocol/feed-wire.js';

/** A count per second over a sliding window of whole seconds. */
class RateCounter {
  private readonly buckets = new Float64Array(10);
  private second = Math.floor(Date.now() / 1000);

  add(n = 1): void {
    this.roll();
    this.buckets[this.second % this.buckets.length]! += n;
  }

  /** Mean per second over the last full seconds. */
  perSecond(): number {
    this.roll();
    let sum = 0;
    for (let i = 1; i < this.buckets.length; i++) sum += this.buckets[(this.second - i + this.buckets.length) % this.buckets.length]!;
    return sum / (this.buckets.length - 1);
  }

  private roll(): void {
    const now = Math.floor(Date.now() / 1000);
    // Clear the buckets of the seconds that passed without a count.
    for (let s = this.second + 1; s <= now && s <= this.second + this.buckets.length; s++) this.buckets[s % this.buckets.length] = 0;
    this.second = Math.max(this.second, now);
  }
}

/** The server's counters. */
export class FeedMetrics {
  readonly clients = new Map<Role | 'unjoined', number>();
  readonly messagesIn = new RateCounter();
  readonly messagesOut = new RateCounter();
  readonly rejected = new RateCounter();
  /** Messages refused for going over their budget, per second, and in all. */
  readonly overBudget = new RateCounter();
  overBudgetTotal = 0;
  /** Sockets dropped for going on over their budget, in all. */
  dropped = 0;
  /** Empty rooms released, in all. */
  roomsReleased = 0;
  private lagMs = 0;
  private lagMaxMs = 0;

  /** Counts a client entering (+1) or leaving (−1) a role. */
  client(role: Role | 'unjoined', delta: 1 | -1): void {
    const next = (this.clients.get(role) ?? 0) + delta;
    if (next <= 0) this.clients.delete(role);
    else this.clients.set(role, next);
  }

  /** Counts a message refused for its budget, and whether its socket was dropped for it. */
  refusedForBudget(verdict: 'over' | 'drop'): void {
    this.overBudget.add();
    this.overBudgetTotal++;
    if (verdict === 'drop') this.dropped++;
  }

  /** Records the lag of a delta just sent (exponential moving average and the maximum). */
  lag(ms: number): void {
    this.lagMs = this.lagMs === 0 ? ms : this.lagMs * 0.9 + ms * 0.1;
    this.lagMaxMs = Math.max(this.lagMaxMs, ms);
  }

  /** A plain object for JSON. */
  toJSON(): Record<string, unknown> {
    return {
      clients: Object.fromEntries([...this.clients].sort()),
      messagesInPerSecond: Number(this.messagesIn.perSecond().toFixed(2)),
      messagesOutPerSecond: Number(this.messagesOut.perSecond().toFixed(2)),
      rejectedPerSecond: Number(this.rejected.perSecond().toFixed(2)),
      overBudget: { perSecond: Number(this.overBudget.perSecond().toFixed(2)), total: this.overBudgetTotal, socketsDropped: this.dropped },
      roomsReleased: this.roomsReleased,
      eventLagMs: { mean: Number(this.lagMs.toFixed(1)), max: Number(this.lagMaxMs.toFixed(1)) },
    };
  }
}
