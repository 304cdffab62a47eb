/**
 * The city clock on the wire: the server owns sim time, rate and playing; clients extrapolate
 * between sync messages so every screen of a ring renders the same instant.
 */
import { z } from 'zod';

/** Allowed play rates: sim seconds per real second, from 60× backwards to 3600× forwards. */
export const clockRateSchema = z.number().min(-60).max(3600);

/** One clock sync: sim time at a server instant, the rate and whether it is playing. */
export const clockSyncSchema = z.object({
  /** Sim time (epoch ms) at `serverTimeMs`. */
  simTimeMs: z.number().finite(),
  /** Server wall time (epoch ms) when the message was made. */
  serverTimeMs: z.number().finite(),
  rate: clockRateSchema,
  playing: z.boolean(),
  /** Bumps on every explicit change (set/play/pause/rate), so clients can tell a jump from drift. */
  revision: z.number().int().nonnegative(),
});
export type ClockSync = z.infer<typeof clockSyncSchema>;

/** A request to change the clock; every field optional, applied together. */
export const clockCommandSchema = z
  .object({
    simTimeMs: z.number().finite().optional(),
    rate: clockRateSchema.optional(),
    playing: z.boolean().optional(),
  })
  .strict();
export type ClockCommand = z.infer<typeof clockCommandSchema>;

/** Sim time (epoch ms) that a sync implies at local time `nowMs`, given the server-minus-local offset. */
export function simTimeAt(sync: ClockSync, nowMs: number, serverOffsetMs = 0): number {
  if (!sync.playing) return sync.simTimeMs;
  const elapsed = Math.max(0, nowMs + serverOffsetMs - sync.serverTimeMs);
  return sync.simTimeMs + elapsed * sync.rate;
}

/** The sim time a room can be seeked across: the span of its replayed recordings (a live-only room has none). */
export const clockExtentSchema = z
  .object({
    /** First instant of the replayed sources (epoch ms). */
    startMs: z.number().finite(),
    /** End of the replayed sources (epoch ms, exclusive); the clock loops back to the start there. */
    endMs: z.number().finite(),
  })
  .refine((extent) => extent.endMs > extent.startMs, 'an extent ends after it starts');
export type ClockExtent = z.infer<typeof clockExtentSchema>;

/** The sim time a seek to `fraction` (0…1) of the extent lands on, kept inside it. */
export function seekTime(extent: ClockExtent, fraction: number): number {
  const f = Math.min(Math.max(Number.isFinite(fraction) ? fraction : 0, 0), 1);
  return Math.min(extent.startMs + Math.round(f * (extent.endMs - extent.startMs)), extent.endMs - 1);
}
