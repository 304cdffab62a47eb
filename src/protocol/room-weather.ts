/**
 * What a room's weather is made of beyond its recording: the weather day laid under it and the
 * planner's override. The server sends it with the join acknowledgement and to the whole room as
 * `room:weather` whenever either changes, so a console opened or reloaded later shows the room's real state.
 */
import { z } from 'zod';
import { weatherOverrideSchema } from './planner-wire.js';

/** The room's weather day (local YYYY-MM-DD, null: the replayed day's own) and override (null: none). */
export const roomWeatherSchema = z.object({ day: z.iso.date().nullable(), override: weatherOverrideSchema }).strict();
export type RoomWeather = z.infer<typeof roomWeatherSchema>;
