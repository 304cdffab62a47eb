/** Switches between Chinese and English. */
import { useHud } from './hud-context';
import { useAppState } from './use-app-state';
import { useTranslate } from './use-translate';

/** Language button. */
export function LocaleToggle() {
  const { store } = useHud();
  const locale = useAppState(store, (s) => s.locale);
  const t = useTranslate();
  return (
    <button type="button" class="locale-toggle" onClick={() => store.getState().setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
      {t('locale.switch')}
    </button>
  );
}
