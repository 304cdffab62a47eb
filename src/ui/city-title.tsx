/** The city's name, large, top left. */
import { pickName } from '../i18n/translate';
import { useHud } from './hud-context';
import { useAppState } from './use-app-state';
import { useTranslate } from './use-translate';

/** City name with the product name above it. */
export function CityTitle() {
  const { store, manifest } = useHud();
  const locale = useAppState(store, (s) => s.locale);
  const t = useTranslate();
  return (
    <div class="city-title">
      <div class="city-title__product">{t('app.title')}</div>
      <h1 class="city-title__name">{manifest ? pickName(locale, manifest.name, manifest.id) : t('app.loading')}</h1>
    </div>
  );
}
