/**
 * days.json, written beside a weather recording: a few days found in the series and bookmarked for
 * the operator (a heat day, a plum-rain day, a cold snap, a typhoon day). Browser-safe, so the
 * wall can validate what it loads.
 */
import { z } from 'zod';
import { fileIdSchema } from '../protocol/ids';

/** The kinds of named day the importer looks for. */
export const NAMED_DAY_IDS = ['heat', 'plum-rain', 'cold-snap', 'typhoon'] as const;
export type NamedDayId = (typeof NAMED_DAY_IDS)[number];

const bilingual = z.object({ zh: z.string().min(1).max(512), en: z.string().min(1).max(512) });

/** One bookmarked day. */
export const namedDaySchema = z.object({
  id: z.enum(NAMED_DAY_IDS),
  name: bilingual,
  /** Local calendar date, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Epoch ms of the local midnight that starts the day, to seek the recording to. */
  startMs: z.number().finite(),
  /** What in the data made this day the one, with the numbers. */
  why: bilingual,
});
export type NamedDay = z.infer<typeof namedDaySchema>;

/** The days.json file. */
export const namedDaysFileSchema = z.object({
  city: fileIdSchema('a city id'),
  source: z.string().max(512),
  days: z.array(namedDaySchema).max(NAMED_DAY_IDS.length),
});
export type NamedDaysFile = z.infer<typeof namedDaysFileSchema>;

/** Name of the file beside the recording's index. */
export const NAMED_DAYS_FILE = 'days.json';
