/** The source each room of a city gets: the planner's controls over the city's recordings, and its own weather day. */
import type { RoomSource } from '../feed/feed-hub.js';
import type { CitySources } from '../sources/city-sources.js';
import { WeatherDaySource } from '../weather/weather-day-source.js';
import { plannerRoomSource, type PlannerRoomSource } from './planner-room-source.js';

/** A factory of room sources over a city's sources (`centre`: the pack's, for the planner's closures). */
export function roomSourceFactory(sources: CitySources, centre: [number, number], timeZone: string): () => RoomSource & PlannerRoomSource {
  const { replays, live, weatherIndex, trafficIndex } = sources;
  return () => {
    // Every room gets its own planner controls: the traffic flip and the weather override.
    if (weatherIndex < 0) return plannerRoomSource(replays, trafficIndex, live, centre);
    // Each room sees the weather series through its own shift, so a hall can lay any recorded day under its replay.
    const weather = new WeatherDaySource(replays[weatherIndex]!, replays[0]!.span().startMs, timeZone);
    const layers = replays.map((replay, i) => (i === weatherIndex ? weather : replay));
    return {
      ...plannerRoomSource(layers, trafficIndex, live, centre, weatherIndex),
      weatherDay: () => weather.day,
      setWeatherDay: (date) => weather.setDay(date),
    };
  };
}
