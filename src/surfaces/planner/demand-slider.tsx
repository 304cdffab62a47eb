/** Demand in the window, −50 % … +100 % of the recorded day's trips. */
import { usePlannerContext, usePlannerTranslate } from './planner-context';
import { usePlanner } from './use-planner';

/** The demand slider. */
export function DemandSlider() {
  const { store } = usePlannerContext();
  const t = usePlannerTranslate();
  const percent = usePlanner(store, (s) => s.draft.demandPercent);
  return (
    <section class="planner-section">
      <label class="planner-field planner-slider">
        <span>{t('planner.demand')}</span>
        <input type="range" min={-50} max={100} step={5} value={percent} onInput={(e) => store.getState().editDraft({ demandPercent: Number((e.target as HTMLInputElement).value) })} />
        <output>{t('planner.demandValue', { value: `${percent > 0 ? '+' : ''}${percent}` })}</output>
      </label>
    </section>
  );
}
