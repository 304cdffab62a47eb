/** The road segments closed in the scenario, picked on the map; each can be removed. */
import { usePlannerContext, usePlannerTranslate } from './planner-context';
import { usePlanner } from './use-planner';

/** The list of closed segments. */
export function ClosuresList() {
  const { store } = usePlannerContext();
  const t = usePlannerTranslate();
  const segments = usePlanner(store, (s) => s.draft.segments);
  return (
    <section class="planner-section" data-testid="planner-closures">
      <h2>{t('planner.closures')}</h2>
      {segments.length === 0 ? <p class="planner-hint">{t('planner.closures.hint')}</p> : null}
      <ul class="planner-list">
        {segments.map((segment, i) => (
          <li key={segment.edges.join('-')}>
            <span>{t('planner.closures.edge', { road: segment.road ?? t('planner.closures.unnamed'), edge: segment.edges.join(' / '), length: Math.round(segment.lengthM) })}</span>
            <button type="button" onClick={() => store.getState().removeSegment(i)}>
              {t('planner.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
