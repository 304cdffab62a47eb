/** The guide's route part: minutes under current traffic against free flow, and the map-pick buttons. */
import { useHud } from './hud-context';
import { useAppState } from './use-app-state';
import { useTranslate } from './use-translate';

/** Route summary and controls. */
export function GuideRoute() {
  const { store } = useHud();
  const t = useTranslate();
  const guide = useAppState(store, (s) => s.guide);
  const route = guide.route;
  const minutes = (s: number) => Math.max(1, Math.round(s / 60));
  return (
    <div class="guide-route" data-testid="guide-route">
      <strong class="guide-route__title">{t('guide.route')}</strong>
      {!route ? (
        <p>{t('guide.routeLoading')}</p>
      ) : route.ok ? (
        <>
          <p class="guide-route__time">{t('guide.routeTime', { minutes: minutes(route.travelS), free: minutes(route.freeFlowS) })}</p>
          <p class="guide-route__delay">{t('guide.routeDelay', { delay: Math.max(0, minutes(route.travelS) - minutes(route.freeFlowS)), km: (route.lengthM / 1000).toFixed(1) })}</p>
        </>
      ) : (
        <p class="guide-route__error">{t('guide.routeNone', { reason: route.error })}</p>
      )}
      <div class="guide-route__buttons">
        {(['home', 'destination'] as const).map((end) => (
          <button key={end} type="button" class={guide.picking === end ? 'is-active' : ''} data-guide-end={end} onClick={() => store.getState().setGuidePicking(guide.picking === end ? null : end)}>
            {guide.picking === end ? t('guide.picking') : t(end === 'home' ? 'guide.setHome' : 'guide.setWork')}
          </button>
        ))}
      </div>
    </div>
  );
}
