/**
 * What one socket may still send: a token bucket per client event (the table's budgets,
 * src/protocol/socket-events.ts), one for messages the table does not list, and a bucket of strikes
 * that each refusal for going over a budget takes from. A socket out of strikes is to be dropped:
 * one that keeps sending after being told to slow down is a flood, not a screen.
 */
import { CLIENT_EVENTS, isClientEvent, OVER_BUDGET_STRIKES, UNKNOWN_EVENT_BUDGET, type ClientEventName, type EventBudget } from '../../src/protocol/socket-events.js';
import { RateLimiter } from '../feed/rate-limiter.js';

/** Budgets to use instead of the table's (a test that sends thousands of messages on purpose); `unknown` for unlisted names. */
export type BudgetOverrides = Partial<Record<ClientEventName | 'unknown' | 'strikes', EventBudget>>;

/** The verdict on one message: go on, refuse it (over budget), refuse it and drop the socket, or ignore it (the socket is being dropped). */
export type BudgetVerdict = 'ok' | 'over' | 'drop' | 'gone';

/** How a socket's budget is set up. */
export interface SocketBudgetOptions {
  overrides?: BudgetOverrides;
  now?: () => number;
  /** Hears every message refused for its budget (the metrics count them). */
  report?: (verdict: 'over' | 'drop') => void;
}

/** One socket's allowances. */
export class SocketBudget {
  private readonly buckets = new Map<string, RateLimiter>();
  private readonly strikes: RateLimiter;
  /** Set once the socket ran out of strikes; everything after is dropped unanswered. */
  dropped = false;

  constructor(private readonly options: SocketBudgetOptions = {}) {
    const strikes = options.overrides?.strikes ?? OVER_BUDGET_STRIKES;
    this.strikes = new RateLimiter(strikes.perSecond, strikes.burst, options.now);
  }

  /** Takes one message of `event` (any name a client sent) from its bucket. */
  take(event: unknown): BudgetVerdict {
    if (this.dropped) return 'gone';
    const name = isClientEvent(event) ? event : 'unknown';
    let bucket = this.buckets.get(name);
    if (!bucket) {
      const budget = this.options.overrides?.[name] ?? (name === 'unknown' ? UNKNOWN_EVENT_BUDGET : CLIENT_EVENTS[name].budget);
      bucket = new RateLimiter(budget.perSecond, budget.burst, this.options.now);
      this.buckets.set(name, bucket);
    }
    if (bucket.take()) return 'ok';
    const verdict = this.strikes.take() ? 'over' : 'drop';
    this.dropped = verdict === 'drop';
    this.options.report?.(verdict);
    return verdict;
  }
}

/** The refusal a message over its budget gets. */
export function overBudgetError(event: string): string {
  return `too many ${event}; slow down`;
}
