/** The KPIs side by side: baseline | scenario | change, with units, and the guide route's travel time. */
import type { StringKey } from '../../i18n/strings';
import type { TrafficKpis } from '../../protocol/scenario';
import { usePlannerContext, usePlannerTranslate } from './planner-context';
import { usePlanner } from './use-planner';

/** Rows: label, how to read the value from the KPIs, digits. */
const ROWS: { key: StringKey; value: (k: TrafficKpis) => number; digits: number }[] = [
  { key: 'planner.kpi.trips', value: (k) => k.trips, digits: 0 },
  { key: 'planner.kpi.meanTravelTime', value: (k) => k.meanTravelTimeS / 60, digits: 1 },
  { key: 'planner.kpi.totalDelay', value: (k) => k.totalDelayH, digits: 0 },
  { key: 'planner.kpi.vehicleKm', value: (k) => k.vehicleKm, digits: 0 },
  { key: 'planner.kpi.congestedKm', value: (k) => k.congestedRoadKm, digits: 1 },
];

const signed = (value: number, digits: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(digits)}`;
const percent = (base: number, change: number) => (base === 0 ? '' : ` (${signed((change / base) * 100, 0)} %)`);

/** The KPI table of the result shown. */
export function KpiTable() {
  const { store } = usePlannerContext();
  const t = usePlannerTranslate();
  const result = usePlanner(store, (s) => s.result);
  if (!result) return null;
  const route = result.route;
  return (
    <section class="planner-section" data-testid="planner-kpis">
      <h2>{t('planner.kpis')}</h2>
      <table class="planner-kpis">
        <thead>
          <tr>
            <th>{t('planner.kpi.name')}</th>
            <th>{t('planner.kpi.baseline')}</th>
            <th>{t('planner.kpi.scenario')}</th>
            <th>{t('planner.kpi.change')}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => {
            const base = row.value(result.baseline);
            const scenario = row.value(result.scenario);
            return (
              <tr key={row.key}>
                <td>{t(row.key)}</td>
                <td>{base.toFixed(row.digits)}</td>
                <td>{scenario.toFixed(row.digits)}</td>
                <td class={scenario > base ? 'worse' : scenario < base ? 'better' : ''}>{signed(scenario - base, row.digits) + percent(base, scenario - base)}</td>
              </tr>
            );
          })}
          {route?.ok ? (
            <tr>
              <td>{t('planner.kpi.route')}</td>
              <td>{(route.baselineS / 60).toFixed(1)}</td>
              <td>{(route.scenarioS / 60).toFixed(1)}</td>
              <td class={route.scenarioS > route.baselineS ? 'worse' : 'better'}>
                {signed((route.scenarioS - route.baselineS) / 60, 1) + percent(route.baselineS, route.scenarioS - route.baselineS)}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {route && !route.ok ? <p class="planner-hint">{t('planner.kpi.routeUnavailable', { error: route.error })}</p> : null}
      {result.speedFactor !== 1 ? <p class="planner-hint">{t('planner.kpi.speedFactor', { factor: result.speedFactor })}</p> : null}
    </section>
  );
}
