/**
 * All vehicles as one Cesium primitive: one vertex buffer (east, north, heading, category per
 * vehicle), one draw of GL points. Each vertex is sized from the vehicle's length in metres (never
 * below a readable minimum in pixels) and the fragment shader cuts an arrow pointing along the
 * heading. Uses Cesium's renderer classes (exported by the package but not in its typings), so
 * their shapes are declared here.
 */
import * as Cesium from 'cesium';
import { BoundingSphere, Cartesian3, Matrix4, Transforms } from 'cesium';
import { VEHICLE_STRIDE, type VehicleFrame } from './vehicle-positions';
import { glslPalette } from './vehicle-style';

/* Minimal shapes of Cesium's private renderer API used below. */
interface GpuBuffer {
  _buffer: WebGLBuffer;
  copyFromArrayView(view: ArrayBufferView, offsetInBytes?: number): void;
  destroy(): void;
}
interface GpuResource {
  destroy(): void;
}
interface CesiumRenderer {
  Buffer: { createVertexBuffer(options: { context: unknown; sizeInBytes: number; usage: unknown }): GpuBuffer };
  BufferUsage: { DYNAMIC_DRAW: unknown };
  VertexArray: new (options: { context: unknown; attributes: object[] }) => GpuResource;
  ShaderProgram: { fromCache(options: { context: unknown; vertexShaderSource: string; fragmentShaderSource: string; attributeLocations: Record<string, number> }): GpuResource };
  RenderState: { fromCache(options: object): unknown };
  DrawCommand: new (options: object) => { count: number; vertexArray: unknown; shaderProgram: unknown };
  Pass: { OPAQUE: number };
  PrimitiveType: { POINTS: number };
  ComponentDatatype: { FLOAT: number };
}
interface FrameState {
  context: { _gl: WebGL2RenderingContext | WebGLRenderingContext; webgl2: boolean };
  commandList: unknown[];
  passes: { render: boolean };
}

const renderer = Cesium as unknown as CesiumRenderer;

/** Options of the primitive. */
export interface VehiclePointsOptions {
  /** Where the vehicles' local metres are measured from (the window's origin). */
  origin: [number, number];
  /** Height (m) above the ellipsoid the vehicles ride at. */
  height: number;
  /** Smallest drawn size, CSS px, so a car stays visible from across the room. */
  minPixels: number;
  /** Largest drawn size, CSS px. */
  maxPixels: number;
  /** Radius (m) around the origin that holds every vehicle, for culling. */
  radius: number;
}

const VERTEX_SHADER = (options: VehiclePointsOptions): string => `
in vec4 a_vehicle;
out vec3 v_colour;
out vec2 v_direction;
out float v_width;
const vec4 PALETTE[7] = vec4[7](${glslPalette().join(', ')});
void main() {
  vec4 style = PALETTE[int(clamp(a_vehicle.w, 0.0, 6.0))];
  vec4 positionMC = vec4(a_vehicle.xy, ${options.height.toFixed(1)}, 1.0);
  vec4 positionEC = czm_modelView * positionMC;
  gl_Position = czm_projection * positionEC;
  // Screen direction of the heading: project one metre ahead.
  vec4 aheadClip = czm_modelViewProjection * (positionMC + vec4(cos(a_vehicle.z), sin(a_vehicle.z), 0.0, 0.0));
  vec2 here = gl_Position.xy / gl_Position.w;
  vec2 there = aheadClip.xy / aheadClip.w;
  vec2 delta = (there - here) * czm_viewport.zw;
  v_direction = length(delta) > 0.0 ? normalize(delta) : vec2(1.0, 0.0);
  // Pixels per metre at this depth from the projection's vertical scale (perspective camera).
  float pixels = style.w * czm_projection[1][1] * czm_viewport.w / (2.0 * max(1.0, -positionEC.z));
  gl_PointSize = clamp(pixels, ${options.minPixels.toFixed(1)}, ${options.maxPixels.toFixed(1)}) * czm_pixelRatio;
  v_colour = style.rgb;
  v_width = style.w < 3.0 ? 0.55 : 0.5;
}
`;

// gl_PointCoord runs y-down; the direction is y-up. An arrow: a body with a pointed nose, dark rim.
const FRAGMENT_SHADER = `
in vec3 v_colour;
in vec2 v_direction;
in float v_width;
void main() {
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  p.y = -p.y;
  float along = dot(p, v_direction);
  float across = abs(dot(p, vec2(-v_direction.y, v_direction.x)));
  float half_width = v_width * min(1.0, (0.98 - along) / 0.5);
  if (along < -0.95 || across > half_width) discard;
  float rim = min(half_width - across, along + 0.95);
  vec3 colour = rim < 0.14 ? v_colour * 0.25 : v_colour;
  out_FragColor = vec4(colour, 1.0);
}
`;

/** A Cesium primitive drawing a `VehicleFrame` in one draw call; `setFrame` marks it for upload. */
export class VehiclePointsPrimitive {
  show = true;
  private readonly modelMatrix: Matrix4;
  private buffer: GpuBuffer | null = null;
  private vertexArray: GpuResource | null = null;
  private program: GpuResource | null = null;
  private command: { count: number; vertexArray: unknown; shaderProgram: unknown } | null = null;
  private frame: VehicleFrame | null = null;
  private dirty = false;
  private destroyed = false;
  /** Uploads done (one per drawn frame that changed), for tests and benches. */
  uploads = 0;

  constructor(
    private readonly capacity: number,
    private readonly options: VehiclePointsOptions,
  ) {
    this.modelMatrix = Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(options.origin[0], options.origin[1], 0));
  }

  /** The frame to draw; its contents are uploaded before the next draw. */
  setFrame(frame: VehicleFrame): void {
    this.frame = frame;
    this.dirty = true;
  }

  /** Called by Cesium every frame. */
  update(frameState: FrameState): void {
    if (!this.show || !frameState.passes.render || !this.frame) return;
    if (!this.command) this.create(frameState);
    if (this.dirty) this.upload(frameState);
    this.command!.count = this.frame.count;
    if (this.frame.count > 0) frameState.commandList.push(this.command);
  }

  private create(frameState: FrameState): void {
    const context = frameState.context;
    this.buffer = renderer.Buffer.createVertexBuffer({ context, sizeInBytes: this.capacity * VEHICLE_STRIDE * 4, usage: renderer.BufferUsage.DYNAMIC_DRAW });
    this.vertexArray = new renderer.VertexArray({
      context,
      attributes: [{ index: 0, vertexBuffer: this.buffer, componentsPerAttribute: 4, componentDatatype: renderer.ComponentDatatype.FLOAT }],
    });
    this.program = renderer.ShaderProgram.fromCache({ context, vertexShaderSource: VERTEX_SHADER(this.options), fragmentShaderSource: FRAGMENT_SHADER, attributeLocations: { a_vehicle: 0 } });
    this.command = new renderer.DrawCommand({
      owner: this,
      primitiveType: renderer.PrimitiveType.POINTS,
      vertexArray: this.vertexArray,
      shaderProgram: this.program,
      modelMatrix: this.modelMatrix,
      renderState: renderer.RenderState.fromCache({ depthTest: { enabled: true }, depthMask: true }),
      pass: renderer.Pass.OPAQUE,
      // Vehicles move every frame: one fixed sphere around the city instead of a per-frame bound.
      boundingVolume: new BoundingSphere(Matrix4.getTranslation(this.modelMatrix, new Cartesian3()), this.options.radius),
      count: 0,
    });
  }

  /** Uploads only the used part of the frame, without allocating (WebGL2's bufferSubData with a length). */
  private upload(frameState: FrameState): void {
    const frame = this.frame!;
    const floats = frame.count * VEHICLE_STRIDE;
    const gl = frameState.context._gl;
    if (floats > 0) {
      if (frameState.context.webgl2) {
        const gl2 = gl as WebGL2RenderingContext;
        gl2.bindBuffer(gl2.ARRAY_BUFFER, this.buffer!._buffer);
        gl2.bufferSubData(gl2.ARRAY_BUFFER, 0, frame.attributes, 0, floats);
        gl2.bindBuffer(gl2.ARRAY_BUFFER, null);
      } else {
        this.buffer!.copyFromArrayView(frame.attributes.subarray(0, floats), 0);
      }
    }
    this.uploads++;
    this.dirty = false;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.vertexArray?.destroy(); // destroys the buffer it owns
    this.program?.destroy();
    this.destroyed = true;
  }
}
