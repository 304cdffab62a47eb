/**
 * The buildings' custom shader: a soft fill light so façades turned from the sun still read on a
 * wall screen, and at night lit windows on façades (a grid of floors and bays on walls, not roofs,
 * a stable random share of them lit), faded in by `u_night` (0 day, 1 night).
 */
import { CustomShader, CustomShaderMode, LightingModel, UniformType, VaryingType } from 'cesium';

/** Creates the shader; set `shader.setUniform('u_night', value)` as the sun moves. */
export function createWindowShader(fill = 0.28): CustomShader {
  return new CustomShader({
    mode: CustomShaderMode.MODIFY_MATERIAL,
    lightingModel: LightingModel.PBR,
    uniforms: {
      u_night: { type: UniformType.FLOAT, value: 0 },
      u_fill: { type: UniformType.FLOAT, value: fill },
    },
    // Model-space normals exist only in the vertex stage: hand them over.
    varyings: { v_normalMC: VaryingType.VEC3 },
    vertexShaderText: /* glsl */ `
      void vertexMain(VertexInput vsInput, inout czm_modelVertexOutput vsOutput) {
        v_normalMC = vsInput.attributes.normalMC;
      }
    `,
    fragmentShaderText: /* glsl */ `
      void fragmentMain(FragmentInput fsInput, inout czm_modelMaterial material) {
        // Fill light: emissive is added after the sun's lighting, like a studio's soft box.
        material.emissive += material.diffuse * u_fill * (1.0 - 0.75 * u_night);
        if (u_night <= 0.001) return;
        // Tiles are glTF (y up) placed by an east-north-up transform, so y is the height in metres.
        vec3 n = normalize(v_normalMC);
        vec3 p = fsInput.attributes.positionMC;
        float wall = 1.0 - smoothstep(0.2, 0.45, abs(n.y));
        vec2 tangent = normalize(vec2(-n.z, n.x) + vec2(1e-5));
        vec2 cell = vec2(dot(p.xz, tangent) / 3.2, (p.y - 0.5) / 3.5);
        vec2 f = fract(cell);
        float pane = step(0.22, f.x) * step(f.x, 0.78) * step(0.3, f.y) * step(f.y, 0.82);
        float seed = fract(sin(dot(floor(cell) + floor(p.xz / 40.0), vec2(12.9898, 78.233))) * 43758.5453);
        float lit = step(0.68, seed);
        float warmth = fract(seed * 7.13);
        vec3 glow = mix(vec3(1.0, 0.76, 0.42), vec3(0.85, 0.92, 1.0), step(0.7, warmth));
        float ground = step(3.0, p.y);
        material.emissive += glow * (wall * pane * lit * ground * u_night * 1.1);
      }
    `,
  });
}
