/** The scenario's name and window (whole hours of the demo day, at most six). */
import { HourSelect } from './hour-select';
import { usePlannerContext, usePlannerTranslate } from './planner-context';
import { usePlanner } from './use-planner';

/** Longest window the server re-simulates, hours (server/traffic/scenario.ts). */
const MAX_WINDOW_HOURS = 6;

/** Name and window fields. */
export function ScenarioFields() {
  const { store } = usePlannerContext();
  const t = usePlannerTranslate();
  const draft = usePlanner(store, (s) => s.draft);
  const edit = store.getState().editDraft;
  return (
    <section class="planner-section">
      <h2>{t('planner.scenario')}</h2>
      <label class="planner-field">
        <span>{t('planner.name')}</span>
        <input type="text" maxLength={200} value={draft.name} onInput={(e) => edit({ name: (e.target as HTMLInputElement).value })} />
      </label>
      <div class="planner-row">
        <span class="planner-label">{t('planner.window')}</span>
        <HourSelect
          label={t('planner.from')}
          value={draft.startHour}
          min={0}
          max={23}
          onChange={(h) => edit({ startHour: h, endHour: Math.min(Math.max(draft.endHour, h + 1), h + MAX_WINDOW_HOURS) })}
        />
        <HourSelect label={t('planner.to')} value={draft.endHour} min={draft.startHour + 1} max={Math.min(24, draft.startHour + MAX_WINDOW_HOURS)} onChange={(h) => edit({ endHour: h })} />
      </div>
    </section>
  );
}
