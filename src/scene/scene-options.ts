/** Options of a wall scene read from the page URL, so tests and benches can tune the cost. */
import { isFileId } from '../protocol/ids';

/** Scene options. */
export interface SceneOptions {
  /** City id to show; null means the server's default. */
  city: string | null;
  /** Test mode: 1× MSAA, no shadows, test hooks on window. */
  test: boolean;
  /** MSAA samples (1 under test). */
  msaaSamples: number;
  /** Sun shadows (off under test: software WebGL cannot afford them). */
  shadows: boolean;
  /** Seconds without input before the attract tour starts. */
  idleSeconds: number;
  /** Locale requested with ?lang=. */
  lang: string | null;
}

/** Parses scene options from a query string (`location.search`). */
export function parseSceneOptions(search: string): SceneOptions {
  const params = new URLSearchParams(search);
  const test = params.get('test') === '1';
  const city = params.get('city');
  const idle = Number(params.get('idle'));
  const msaa = Number(params.get('msaa'));
  const shadowsParam = params.get('shadows');
  return {
    city: isFileId(city) ? city : null,
    test,
    msaaSamples: [1, 2, 4, 8].includes(msaa) ? msaa : test ? 1 : 4,
    shadows: shadowsParam === null ? !test : shadowsParam === '1',
    idleSeconds: params.has('idle') && Number.isFinite(idle) && idle >= 0 ? idle : 90,
    lang: params.get('lang'),
  };
}
