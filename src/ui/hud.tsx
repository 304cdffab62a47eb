/** The wall's heads-up display laid over the scene. */
import { BuildingInfo } from './building-info';
import { CityTitle } from './city-title';
import { ClockPanel } from './clock-panel';
import { GuidePanel } from './guide-panel';
import { HudContext, type HudDeps } from './hud-context';
import { LayerList } from './layer-list';
import { LocaleToggle } from './locale-toggle';
import { OperatorClock } from './operator-clock';
import { StatusBadges } from './status-badges';
import { TrafficLegend } from './traffic-legend';
import { UseLegend } from './use-legend';
import { ViewList } from './view-list';

/** The whole HUD; its groups carry `data-occludes`, so the scene's labels keep out from under them. */
export function Hud(props: HudDeps) {
  return (
    <HudContext.Provider value={props}>
      <div class="hud">
        <header class="hud__top-left" data-occludes>
          <CityTitle />
          <ClockPanel />
          <GuidePanel />
        </header>
        <StatusBadges />
        <aside class="hud__right" data-occludes>
          <LocaleToggle />
          <ViewList />
          <LayerList />
        </aside>
        <footer class="hud__bottom-left" data-occludes>
          <OperatorClock />
          <BuildingInfo />
          <TrafficLegend />
          <UseLegend />
        </footer>
      </div>
    </HudContext.Provider>
  );
}
