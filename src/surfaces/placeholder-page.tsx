/** A placeholder surface: connects to the hub (so it shows in the rooms) and says what it will be. */
import { render } from 'preact';
import { connectHub, pickRoom } from '../connection/hub-connection';
import type { StringKey } from '../i18n/strings';
import { pickLocale, translate } from '../i18n/translate';
import type { Surface } from '../protocol/events';
import { createAppStore } from '../store/app-store';

/** Mounts a placeholder page for a surface. */
export function mountPlaceholder(surface: Surface, messageKey: StringKey): void {
  const store = createAppStore();
  const locale = pickLocale(new URLSearchParams(location.search).get('lang'));
  store.getState().setLocale(locale);
  const params = new URLSearchParams(location.search);
  // The planner steers the clock, so its page carries the planner token (?token=).
  connectHub(store, surface, pickRoom(params.get('room')), params.get('token') ?? undefined);
  render(
    <main style={{ font: '24px system-ui, sans-serif', padding: '3rem', color: '#eef3fb', background: '#05080f', minHeight: '100vh', boxSizing: 'border-box' }}>
      <h1>{translate(locale, 'app.title')}</h1>
      <p>{translate(locale, messageKey)}</p>
    </main>,
    document.getElementById('app')!,
  );
  document.documentElement.dataset.ready = 'true';
}
