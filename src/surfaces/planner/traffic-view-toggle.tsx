/** Flip the room (and its wall) between the baseline and the scenario shown. */
import { usePlannerContext, usePlannerTranslate } from './planner-context';
import { usePlanner } from './use-planner';

/** Baseline ⇄ scenario. */
export function TrafficViewToggle() {
  const { store, link } = usePlannerContext();
  const t = usePlannerTranslate();
  const result = usePlanner(store, (s) => s.result);
  const view = usePlanner(store, (s) => s.room?.trafficView ?? null);
  const saved = usePlanner(store, (s) => s.saved);
  if (!result && !view) return null;
  const scenarioId = view?.scenarioId ?? result!.scenarioId;
  return (
    <section class="planner-section">
      <h2>{t('planner.view')}</h2>
      <div class="planner-segmented" role="group">
        <button type="button" aria-pressed={view === null} onClick={() => void link.view(null)}>
          {t('planner.view.baseline')}
        </button>
        <button type="button" aria-pressed={view !== null} onClick={() => void link.view(scenarioId)}>
          {t('planner.view.scenario', { name: saved.find((s) => s.id === scenarioId)?.name ?? scenarioId })}
        </button>
      </div>
    </section>
  );
}
