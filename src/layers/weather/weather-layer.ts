/**
 * Weather in the scene from the room's effective WeatherObserved (src/weather/effective-weather.ts):
 * rain or snow streaks, distance fog or haze and an overcast veil in one full-screen post-process stage (one pass, whatever the
 * intensity), and cloud cover dimming the scene light. While it rains or snows, frames are requested
 * at most once per frame budget; otherwise the stage costs one pass and no extra frames. The wind
 * vane is in the guide panel.
 */
import { Cartesian2, Cartesian3, JulianDate, PostProcessStage, type Light } from 'cesium';
import { effectiveWeather } from '../../weather/effective-weather';
import { nightFactor, sunElevationDeg } from '../../scene/sun-position';
import { entitiesOfType } from '../../store/feed-slice';
import { defineLayer } from '../define-layer';
import { startFramePacer } from '../frame-pacer';
import { weatherSceneParameters, type WeatherSceneParameters } from './weather-scene';

/** Props of the weather layer. */
export interface WeatherLayerProps {
  /** Shortest time between frames requested for falling rain or snow, ms. */
  frameBudgetMs: number;
  /** Streak columns across the screen (more = finer rain). */
  columns: number;
}

/** Defaults of the weather layer. */
export const WEATHER_LAYER_DEFAULTS: WeatherLayerProps = { frameBudgetMs: 50, columns: 90 };

const FRAGMENT_SHADER = `
uniform sampler2D colorTexture;
uniform sampler2D depthTexture;
uniform float u_rain;
uniform float u_snow;
uniform float u_fogDensity;
uniform float u_fogMax;
uniform vec3 u_fogColour;
uniform float u_overcast;
uniform float u_slant;
uniform float u_time;
uniform vec2 u_columns;
in vec2 v_textureCoordinates;

float hash(vec2 p) { return fract(sin(dot(p, vec2(12.9898, 78.233))) * 43758.5453); }

// Falling streaks: tall cells, one drop in a share of them, three layers at different speeds.
float rain(vec2 uv) {
  float total = 0.0;
  for (int i = 0; i < 3; i++) {
    float layer = float(i);
    vec2 scale = u_columns * (1.0 + 0.6 * layer);
    vec2 p = vec2((uv.x + uv.y * u_slant) * scale.x, uv.y * scale.y + u_time * (2.2 + 0.7 * layer));
    vec2 cell = floor(p);
    vec2 f = fract(p);
    float h = hash(cell + layer * 31.0);
    float lit = step(h, u_rain);
    float x = abs(f.x - 0.3 - 0.4 * fract(h * 7.0));
    total += lit * smoothstep(0.07, 0.0, x) * smoothstep(0.0, 0.9, f.y) * (0.35 + 0.25 * layer);
  }
  return total;
}

// Drifting flakes: round dots in square cells.
float snow(vec2 uv) {
  float total = 0.0;
  for (int i = 0; i < 2; i++) {
    float layer = float(i);
    vec2 p = vec2((uv.x + sin(u_time * 0.7 + uv.y * 9.0) * 0.01 + uv.y * u_slant) * u_columns.x * (0.5 + 0.3 * layer), uv.y * u_columns.x * 0.3 * (1.0 + layer) + u_time * (0.35 + 0.2 * layer));
    vec2 cell = floor(p);
    vec2 f = fract(p) - 0.5;
    float h = hash(cell + layer * 13.0);
    total += step(h, u_snow) * smoothstep(0.18, 0.08, length(f)) * 0.8;
  }
  return total;
}

void main() {
  vec4 colour = texture(colorTexture, v_textureCoordinates);
  float depth = czm_readDepth(depthTexture, v_textureCoordinates);
  if (depth < 1.0 && u_fogDensity > 0.0) {
    vec4 eye = czm_windowToEyeCoordinates(vec4(gl_FragCoord.xy, depth, 1.0));
    float fog = min(u_fogMax, 1.0 - exp(-u_fogDensity * length(eye.xyz / eye.w)));
    colour.rgb = mix(colour.rgb, u_fogColour, fog);
  }
  colour.rgb = mix(colour.rgb, vec3(dot(colour.rgb, vec3(0.3, 0.59, 0.11))) * 0.85, u_overcast);
  vec2 uv = vec2(v_textureCoordinates.x, 1.0 - v_textureCoordinates.y);
  float streaks = (u_rain > 0.0 ? rain(uv) : 0.0) + (u_snow > 0.0 ? snow(uv) : 0.0);
  colour.rgb = mix(colour.rgb, vec3(0.82, 0.88, 0.95), clamp(streaks, 0.0, 0.85));
  colour.a = max(colour.a, clamp(streaks, 0.0, 0.85));
  out_FragColor = colour;
}
`;

/** The weather layer. */
export const createWeatherLayer = defineLayer<WeatherLayerProps>({
  name: 'weather',
  defaults: WEATHER_LAYER_DEFAULTS,
  attach(ctx) {
    const { viewer, scene, store, props: options } = ctx;
    const [lon, lat] = scene.pack.manifest.centre;
    let parameters: WeatherSceneParameters = weatherSceneParameters(null, false);
    let visible = true;
    const started = performance.now();
    const stage = new PostProcessStage({
      name: 'sandtable-weather',
      fragmentShader: FRAGMENT_SHADER,
      uniforms: {
        u_rain: () => parameters.rain,
        u_snow: () => parameters.snow,
        u_fogDensity: () => parameters.fogDensity,
        u_fogMax: () => parameters.fogMax,
        u_fogColour: () => new Cartesian3(...parameters.fogColour),
        u_overcast: () => parameters.overcast,
        u_slant: () => parameters.slant,
        u_time: () => (performance.now() - started) / 1000,
        u_columns: () => new Cartesian2(options.columns, options.columns * 0.09),
      },
    });
    ctx.add(stage, viewer.scene.postProcessStages);

    const update = () => {
      const observation = effectiveWeather(entitiesOfType(store.getState().feed, 'WeatherObserved'));
      const time = JulianDate.toDate(viewer.clock.currentTime).getTime();
      parameters = weatherSceneParameters(observation, nightFactor(sunElevationDeg(time, lon, lat)) > 0.75);
      // A clear sky needs no pass at all.
      stage.enabled = visible && (parameters.animated || parameters.fogDensity > 0 || parameters.overcast > 0);
      viewer.scene.requestRender();
    };
    update();
    ctx.subscribe((state, previous) => {
      if (state.feed.version !== previous.feed.version) update();
    });

    // Cloud dims whichever light the clock bridge chose (sun or moon), from that light's own intensity.
    const baseIntensity = new WeakMap<Light, number>();
    ctx.on(viewer.scene.preRender, () => {
      const light = viewer.scene.light as Light & { intensity: number };
      if (!baseIntensity.has(light)) baseIntensity.set(light, light.intensity);
      light.intensity = baseIntensity.get(light)! * (visible ? parameters.lightScale : 1);
    });
    ctx.onDispose(() => {
      const light = viewer.scene.light as Light & { intensity: number };
      if (baseIntensity.has(light)) light.intensity = baseIntensity.get(light)!;
    });

    ctx.onDispose(startFramePacer(viewer.scene, options.frameBudgetMs, () => visible && parameters.animated));
    ctx.visible((shown) => {
      visible = shown;
      update();
    });
    ctx.ready();
  },
});
