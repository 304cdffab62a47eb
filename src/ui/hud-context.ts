/** What every HUD component needs: the store and the pack's manifest. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CameraView, CityManifest } from '../protocol/city-pack';
import type { ClockController } from '../connection/clock-controller';
import type { AppStore } from '../store/app-store';
import type { NamedDay } from '../weather/named-days-file';

/** HUD dependencies. */
export interface HudDeps {
  store: AppStore;
  manifest: CityManifest | null;
  /** Bookmarks offered in the view list. */
  views: CameraView[];
  /** The operator's clock control (a screen opened with ?operator=…): its requests and the city's named days. */
  clockControl?: { controller: ClockController; namedDays: NamedDay[] };
}

/** The HUD context (provided by the surface). */
export const HudContext = createContext<HudDeps | null>(null);

/** Reads the HUD context; throws outside a provider. */
export function useHud(): HudDeps {
  const deps = useContext(HudContext);
  if (!deps) throw new Error('useHud outside HudContext');
  return deps;
}
