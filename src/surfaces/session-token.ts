/**
 * A staff token given in a page's address (`?operator=…` on a wall or kiosk, `?token=…` on the
 * planner): read once, kept for the tab's session (sessionStorage, so a reload still works) and taken
 * out of the address at once, so it stays out of the history, screenshots and shoulder-surfing.
 */

/** The page's address, as this module reads and rewrites it. */
export interface AddressBar {
  href: string;
  /** Replaces the address without a reload (history.replaceState). */
  replace(url: string): void;
}

/** Where a tab keeps its tokens. */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyOf = (name: string): string => `sandtable.token.${name}`;

/** The page's own address bar. */
export function pageAddressBar(): AddressBar {
  return { href: location.href, replace: (url) => history.replaceState(history.state, '', url) };
}

/** The token `name` of the address (then kept and taken out of it), else the one this tab kept; null when neither. */
export function takeSessionToken(name: string, storage: TokenStorage = sessionStorage, address: AddressBar = pageAddressBar()): string | null {
  const url = new URL(address.href);
  const given = url.searchParams.get(name);
  if (given === null) return storage.getItem(keyOf(name));
  url.searchParams.delete(name);
  address.replace(`${url.pathname}${url.search}${url.hash}`);
  // An empty `?operator=` is how staff hand a screen back to its own role.
  if (given === '') storage.removeItem(keyOf(name));
  else storage.setItem(keyOf(name), given);
  return given || null;
}

/** Keeps a token typed into a form for the tab's session. */
export function keepSessionToken(name: string, token: string, storage: TokenStorage = sessionStorage): void {
  storage.setItem(keyOf(name), token);
}

/** Forgets a token the server refused, so a reload asks again. */
export function forgetSessionToken(name: string, storage: TokenStorage = sessionStorage): void {
  storage.removeItem(keyOf(name));
}
