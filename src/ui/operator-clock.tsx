/** The wall's (or kiosk's) clock control, shown only once the room took this screen as the operator. */
import { ClockControl } from './clock-control';
import { useHud } from './hud-context';
import { useAppState } from './use-app-state';
import { useTranslate } from './use-translate';

/** The control bar for the operator, the refusal for a wrong token, nothing for a visitor's screen. */
export function OperatorClock() {
  const { store, manifest, clockControl } = useHud();
  const role = useAppState(store, (s) => s.connection.role);
  const refusal = useAppState(store, (s) => s.connection.roleRefusal);
  const t = useTranslate();
  if (refusal) {
    return (
      <p class="operator-refusal" role="alert" data-testid="operator-refused">
        {t('clockControl.operatorRefused', { reason: refusal })}
      </p>
    );
  }
  if (role !== 'operator' || !clockControl || !manifest) return null;
  return <ClockControl store={store} controller={clockControl.controller} timeZone={manifest.timeZone} namedDays={clockControl.namedDays} variant="wall" />;
}
