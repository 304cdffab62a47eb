/** Legend of the traffic layers: vehicle colours by category with the count on the map, and the congestion colours. */
import { CONGESTION_CLASSES, CONGESTION_COLOURS } from '../layers/congestion/congestion-style';
import { VEHICLE_COLOURS } from '../layers/vehicles/vehicle-style';
import { TRIP_CATEGORIES } from '../protocol/feed';
import { useHud } from './hud-context';
import { useAppState } from './use-app-state';
import { useTranslate } from './use-translate';

/** Traffic legend. */
export function TrafficLegend() {
  const { store } = useHud();
  const t = useTranslate();
  const trips = useAppState(store, (s) => s.feed.trips);
  // Only the categories on the map (all of them before the first window).
  const present = new Set<number>(trips ? trips.categories : TRIP_CATEGORIES.map((_, i) => i));
  return (
    <div class="traffic-legend" data-testid="traffic-legend">
      <div class="traffic-legend__row">
        <strong>{t('legend.vehicles', { count: (trips?.ids.length ?? 0) + (trips?.routes?.ids.length ?? 0) })}</strong>
        {TRIP_CATEGORIES.map((category, index) =>
          present.has(index) ? (
            <span class="traffic-legend__item" key={category}>
              <span class="traffic-legend__arrow" style={{ background: VEHICLE_COLOURS[category] }} />
              {t(`vehicle.${category}`)}
            </span>
          ) : null,
        )}
      </div>
      <div class="traffic-legend__row">
        <strong>{t('legend.traffic')}</strong>
        {CONGESTION_CLASSES.map((cls) => (
          <span class="traffic-legend__item" key={cls}>
            <span class="traffic-legend__line" style={{ background: CONGESTION_COLOURS[cls] }} />
            {t(`congestion.${cls}`)}
          </span>
        ))}
      </div>
    </div>
  );
}
