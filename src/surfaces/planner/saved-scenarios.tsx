/** The saved scenarios with their last result: load one into the console, or run it again. */
import { hourLabel, usePlannerContext, usePlannerTranslate } from './planner-context';
import { usePlanner } from './use-planner';

/** The saved list. */
export function SavedScenarios() {
  const { store, link, dayStartMs } = usePlannerContext();
  const t = usePlannerTranslate();
  const saved = usePlanner(store, (s) => s.saved);
  const running = usePlanner(store, (s) => s.job?.status === 'running');
  const hour = (ms: number) => hourLabel(Math.round((ms - dayStartMs) / 3_600_000));
  return (
    <section class="planner-section" data-testid="planner-saved">
      <h2>{t('planner.saved')}</h2>
      {saved.length === 0 ? <p class="planner-hint">{t('planner.saved.none')}</p> : null}
      <ul class="planner-list">
        {saved.map((s) => {
          const last = s.lastResult;
          const change = last ? (last.difference.meanTravelTimeS / Math.max(1, last.baseline.meanTravelTimeS)) * 100 : null;
          return (
            <li key={s.id}>
              <span>
                <strong>{s.name}</strong> · {hour(s.window.startMs)}–{hour(s.window.endMs)}
                {change !== null ? <em> · {t('planner.saved.last', { change: `${change > 0 ? '+' : ''}${change.toFixed(0)} %` })}</em> : null}
              </span>
              <button type="button" onClick={() => void link.load(s.id)}>
                {t('planner.saved.load')}
              </button>
              <button type="button" disabled={running} onClick={() => void link.rerun(s.id)}>
                {t('planner.saved.rerun')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
