/** One event drawing extra trips to a place of the pack during part of the window. */
import { HourSelect } from './hour-select';
import { usePlannerContext, usePlannerTranslate } from './planner-context';
import { usePlanner } from './use-planner';

/** The select's value for "a point clicked on the map". */
const POINT = '@point';

/** Place (or a clicked point), hours and extra trips of the event. */
export function EventFields() {
  const { store, places } = usePlannerContext();
  const t = usePlannerTranslate();
  const draft = usePlanner(store, (s) => s.draft);
  const { event } = draft;
  const edit = store.getState().editEvent;
  const picking = usePlanner(store, (s) => s.pickMode === 'event-point');
  const chosen = event.point ? POINT : (event.placeOsmId ?? '');
  const choose = (value: string) => {
    if (value === POINT) {
      store.getState().setPickMode('event-point');
      edit({ placeOsmId: null });
    } else {
      store.getState().setPickMode('closure');
      edit({ placeOsmId: value || null, point: null });
    }
  };
  return (
    <section class="planner-section" data-testid="planner-event">
      <h2>{t('planner.event')}</h2>
      <label class="planner-field">
        <span>{t('planner.event.place')}</span>
        <select value={picking ? POINT : chosen} onChange={(e) => choose((e.target as HTMLSelectElement).value)}>
          <option value="">{t('planner.event.none')}</option>
          <option value={POINT}>{event.point ? t('planner.event.pointAt', { lon: event.point[0].toFixed(4), lat: event.point[1].toFixed(4) }) : t('planner.event.point')}</option>
          {places.map((p) => (
            <option key={p.osmId} value={p.osmId}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {picking ? <p class="planner-hint">{t('planner.event.pickHint')}</p> : null}
      {event.placeOsmId || event.point ? (
        <div class="planner-row">
          <HourSelect
            label={t('planner.from')}
            value={event.startHour}
            min={draft.startHour}
            max={draft.endHour - 1}
            onChange={(h) => edit({ startHour: h, endHour: Math.max(event.endHour, h + 1) })}
          />
          <HourSelect label={t('planner.to')} value={event.endHour} min={event.startHour + 1} max={draft.endHour} onChange={(h) => edit({ endHour: h })} />
          <label class="planner-field">
            <span>{t('planner.event.trips')}</span>
            <input
              type="number"
              min={1}
              max={20000}
              step={100}
              value={event.extraTrips}
              onInput={(e) => edit({ extraTrips: Math.max(1, Math.min(20000, Math.round(Number((e.target as HTMLInputElement).value) || 1))) })}
            />
          </label>
        </div>
      ) : null}
    </section>
  );
}
