/**
 * How the planner reaches the feed's rooms: the little it needs, which the composition root adapts
 * from the feed. The feed knows nothing of the planner; the planner reaches open rooms only through
 * this interface (it builds room sources to the feed's RoomSource shape, in room-sources.ts).
 */
import type { RoomWeather } from '../../src/protocol/room-weather.js';
import type { ServerEventName, ServerPayload } from '../../src/protocol/socket-events.js';
import type { PlannerRoomControls } from './planner-room-source.js';

/** The feed's rooms as the planner sees them. */
export interface PlannerRooms {
  /** The planner controls of an open room; null when it is not open or has none. */
  controls(name: string): PlannerRoomControls | null;
  /** Sends an event to everyone in a room. */
  emit<E extends ServerEventName>(name: string, event: E, payload: ServerPayload<E>): void;
  /** Sends an open room its world afresh after its source changed under the clock. */
  resync(name: string): void;
  /** The room's weather day and override, as the wire carries them. */
  weather(name: string): RoomWeather;
}
