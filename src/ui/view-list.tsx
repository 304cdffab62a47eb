/** Camera bookmarks: one button per named view, and a button that starts the tour, in a panel that folds. */
import { pickName } from '../i18n/translate';
import { useHud } from './hud-context';
import { useAppState } from './use-app-state';
import { useTranslate } from './use-translate';

/** Bookmark buttons. */
export function ViewList() {
  const { store, views } = useHud();
  const locale = useAppState(store, (s) => s.locale);
  const active = useAppState(store, (s) => s.camera.tourStop?.id ?? s.camera.bookmarkId);
  const touring = useAppState(store, (s) => s.camera.touring);
  const t = useTranslate();
  return (
    // One of the HUD's folding lists (an exclusive group with the layers): open at the start.
    <details class="panel view-list" name="hud-lists" open aria-label={t('views.title')}>
      <summary class="panel__title">{t('views.title')}</summary>
      {views.map((view) => (
        <button type="button" key={view.id} class={`view-list__item${view.id === active ? ' view-list__item--active' : ''}`} data-view={view.id} onClick={() => store.getState().goToBookmark(view.id)}>
          {pickName(locale, view.name, view.id)}
        </button>
      ))}
      <button
        type="button"
        class={`view-list__item view-list__tour${touring ? ' view-list__item--active' : ''}`}
        // Started after the input handlers have stopped any tour for this very click.
        onClick={() => setTimeout(() => store.getState().setTouring(true), 0)}
      >
        {t('tour.start')}
      </button>
    </details>
  );
}
