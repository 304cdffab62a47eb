/** The room's clock in the planner's console: the same control as an operator's wall, at the console's scale. */
import { ClockControl } from '../../ui/clock-control';
import { usePlannerContext, usePlannerTranslate } from './planner-context';

/** The console's clock section. */
export function PlannerClock() {
  const { app, clock, timeZone, namedDays } = usePlannerContext();
  const t = usePlannerTranslate();
  return (
    <section class="planner-section" data-testid="planner-clock">
      <h2>{t('clockControl.title')}</h2>
      {/* No weather-day requests here: the console's own weather-day picker lays those days. */}
      <ClockControl store={app} controller={clock} timeZone={timeZone} namedDays={namedDays} variant="planner" />
    </section>
  );
}
