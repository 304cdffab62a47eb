/** Small badges at the top: "reconnecting" while the hub is away (or why it holds the screen back), "touring" during attract mode. */
import { pickName } from '../i18n/translate';
import { linkSetbackText } from './link-setback-text';
import { useHud } from './hud-context';
import { useAppState } from './use-app-state';
import { useTranslate } from './use-translate';

/** Connection and tour badges. */
export function StatusBadges() {
  const { store } = useHud();
  const status = useAppState(store, (s) => s.connection.status);
  const setback = useAppState(store, (s) => s.connection.setback);
  const touring = useAppState(store, (s) => s.camera.touring);
  const stop = useAppState(store, (s) => s.camera.tourStop);
  const locale = useAppState(store, (s) => s.locale);
  const t = useTranslate();
  return (
    <div class="status-badges" data-occludes>
      {setback && (
        <div class="badge badge--warn badge--wrap" data-testid="link-setback" data-setback={setback.kind} role="alert">
          {linkSetbackText(locale, setback)}
        </div>
      )}
      {!setback && status === 'reconnecting' && (
        <div class="badge badge--warn" data-testid="reconnecting" role="status">
          {t('connection.reconnecting')}
        </div>
      )}
      {touring && (
        <div class="badge" data-testid="touring">
          {stop && <strong class="badge__stop">{pickName(locale, stop.name, '')}</strong>}
          {t('tour.running')}
        </div>
      )}
    </div>
  );
}
