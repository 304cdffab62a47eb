/** The planner's side console: the scenario, its run and result, the flip, saved scenarios, weather. */
import { ClosuresList } from './closures-list';
import { DemandSlider } from './demand-slider';
import { EventFields } from './event-fields';
import { KpiTable } from './kpi-table';
import { LinkSetbackNotice } from './link-setback-notice';
import { PlannerClock } from './planner-clock';
import { usePlannerTranslate } from './planner-context';
import { RunControls } from './run-controls';
import { SavedScenarios } from './saved-scenarios';
import { ScenarioFields } from './scenario-fields';
import { TrafficViewToggle } from './traffic-view-toggle';
import { WeatherDayPicker } from './weather-day-picker';
import { WeatherOverridePanel } from './weather-override-panel';

/** The whole console. */
export function PlannerConsole() {
  const t = usePlannerTranslate();
  return (
    <aside class="planner-console" data-testid="planner-console">
      <h1>{t('planner.title')}</h1>
      <LinkSetbackNotice />
      <PlannerClock />
      <ScenarioFields />
      <ClosuresList />
      <DemandSlider />
      <EventFields />
      <RunControls />
      <KpiTable />
      <TrafficViewToggle />
      <SavedScenarios />
      <WeatherDayPicker />
      <WeatherOverridePanel />
    </aside>
  );
}
