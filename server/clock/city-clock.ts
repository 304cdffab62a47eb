/** The engine-free city clock: the one source of sim time, rate and playing for every surface. */
import type { ClockCommand, ClockSync } from '../../src/protocol/clock';
import { simTimeAt } from '../../src/protocol/clock';

/** Options for a new clock; `now` is injected so tests control real time. */
export interface CityClockOptions {
  startSimTimeMs: number;
  rate: number;
  playing: boolean;
  /** The revision to count on from (a clock resumed from its checkpoint keeps counting; default 0). */
  revision?: number;
  now?: () => number;
}

/** A city clock; listeners hear every explicit change (not the passing of time). */
export class CityClock {
  private sync: ClockSync;
  private readonly now: () => number;
  private readonly listeners = new Set<(sync: ClockSync) => void>();

  constructor(options: CityClockOptions) {
    this.now = options.now ?? Date.now;
    this.sync = {
      simTimeMs: options.startSimTimeMs,
      serverTimeMs: this.now(),
      rate: options.rate,
      playing: options.playing,
      revision: options.revision ?? 0,
    };
  }

  /** The current state as a fresh sync message. */
  snapshot(): ClockSync {
    const now = this.now();
    return { ...this.sync, simTimeMs: simTimeAt(this.sync, now), serverTimeMs: now };
  }

  /** The state `command` would give the clock now, without applying it (to make it durable first). */
  preview(command: ClockCommand): ClockSync {
    const current = this.snapshot();
    return {
      simTimeMs: command.simTimeMs ?? current.simTimeMs,
      serverTimeMs: current.serverTimeMs,
      rate: command.rate ?? current.rate,
      playing: command.playing ?? current.playing,
      revision: current.revision + 1,
    };
  }

  /** Applies a command atomically and notifies listeners; returns the new state. */
  apply(command: ClockCommand): ClockSync {
    this.sync = this.preview(command);
    const next = this.snapshot();
    for (const listener of this.listeners) listener(next);
    return next;
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: (sync: ClockSync) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
