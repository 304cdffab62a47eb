/** The info panel of a picked building: name, use, height, levels. */
import { localName } from '../i18n/local-name';
import { USE_CLASS_COLOURS } from '../layers/buildings/palette';
import { useHud } from './hud-context';
import { useAppState } from './use-app-state';
import { useTranslate } from './use-translate';

/** Building panel; renders nothing without a selection. */
export function BuildingInfo() {
  const { store } = useHud();
  const selection = useAppState(store, (s) => s.selection);
  const locale = useAppState(store, (s) => s.locale);
  const t = useTranslate();
  if (!selection) return null;
  const name = localName({ name: selection.name, name_zh: selection.nameZh, name_en: selection.nameEn }, locale) || t('building.unnamed');
  return (
    <section class="panel building-info" data-testid="building-info" aria-live="polite">
      <div class="building-info__header">
        <h2 class="building-info__name">{name}</h2>
        <button type="button" class="building-info__close" aria-label={t('building.close')} onClick={() => store.getState().select(null)}>
          ×
        </button>
      </div>
      <dl class="building-info__facts">
        <dt>{t('building.use')}</dt>
        <dd>
          <span class="swatch" style={{ background: USE_CLASS_COLOURS[selection.useClass] }} />
          {t(`use.${selection.useClass}`)}
        </dd>
        <dt>{t('building.height')}</dt>
        <dd data-testid="building-height">{t('building.heightValue', { value: Math.round(selection.height) })}</dd>
        <dt>{t('building.levels')}</dt>
        <dd>{selection.levels > 0 ? selection.levels : t('building.levelsUnknown')}</dd>
      </dl>
    </section>
  );
}
