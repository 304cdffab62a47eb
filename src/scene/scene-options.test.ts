import { describe, expect, it } from 'vitest';
import { parseSceneOptions } from './scene-options';

describe('parseSceneOptions', () => {
  it('defaults to full quality, the server city and a 90 s idle', () => {
    expect(parseSceneOptions('')).toEqual({ city: null, test: false, msaaSamples: 4, shadows: true, idleSeconds: 90, lang: null });
  });

  it('drops MSAA and shadows under test', () => {
    expect(parseSceneOptions('?test=1&idle=3')).toMatchObject({ test: true, msaaSamples: 1, shadows: false, idleSeconds: 3 });
  });

  it('lets a query force shadows and pick a city', () => {
    expect(parseSceneOptions('?test=1&shadows=1&city=nanjing')).toMatchObject({ shadows: true, city: 'nanjing' });
  });

  it('ignores a city id that is not a plain slug and a bad idle', () => {
    expect(parseSceneOptions('?city=../x&idle=-4')).toMatchObject({ city: null, idleSeconds: 90 });
  });
});
