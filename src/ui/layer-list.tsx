/** List of live layers with a show/hide toggle each, in a panel that folds. */
import type { StringKey } from '../i18n/strings';
import { STRINGS } from '../i18n/strings';
import { useHud } from './hud-context';
import { useAppState } from './use-app-state';
import { useTranslate } from './use-translate';

/** Layer toggles. */
export function LayerList() {
  const { store } = useHud();
  const layers = useAppState(store, (s) => s.layers);
  const t = useTranslate();
  return (
    // Folded at the start: it shares the column with the views, one open at a time, so neither runs off the screen.
    <details class="panel layer-list" name="hud-lists" aria-label={t('layers.title')}>
      <summary class="panel__title">{t('layers.title')}</summary>
      {Object.entries(layers).map(([name, status]) => {
        const key = `layer.${name}`;
        const label = key in STRINGS ? t(key as StringKey) : name;
        return (
          <label class="layer-list__item" key={name}>
            <input type="checkbox" checked={status.visible} data-layer={name} onChange={(event) => store.getState().setLayerVisible(name, (event.target as HTMLInputElement).checked)} />
            <span>{label}</span>
          </label>
        );
      })}
    </details>
  );
}
