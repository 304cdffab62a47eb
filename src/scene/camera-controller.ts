/** Camera adapter: framing on a view, flights to bookmarks, and the limits that keep visitors near the city. */
import { BoundingSphere, Cartesian3, Cartographic, HeadingPitchRange, Math as CesiumMath, Matrix4, type Viewer } from 'cesium';
import type { CameraView, CityManifest } from '../protocol/city-pack';
import type { AppStore } from '../store/app-store';
import { cameraLimits, clampIntoBounds } from './camera-plan';

/** The heading/pitch/range offset of a view. */
export function viewOffset(view: CameraView): HeadingPitchRange {
  return new HeadingPitchRange(CesiumMath.toRadians(view.heading), CesiumMath.toRadians(view.pitch), view.range);
}

/** The ground point a view looks at. */
export function viewTarget(view: CameraView): Cartesian3 {
  return Cartesian3.fromDegrees(view.target[0], view.target[1], 0);
}

/** Puts the camera on a view at once. */
export function setCameraView(viewer: Viewer, view: CameraView): void {
  viewer.camera.lookAt(viewTarget(view), viewOffset(view));
  viewer.camera.lookAtTransform(Matrix4.IDENTITY);
  viewer.scene.requestRender();
}

/** Flies the camera to a view; resolves true when it arrived, false when cancelled. */
export function flyToView(viewer: Viewer, view: CameraView, durationS: number): Promise<boolean> {
  return new Promise((resolve) => {
    viewer.camera.flyToBoundingSphere(new BoundingSphere(viewTarget(view), 0), {
      offset: viewOffset(view),
      duration: durationS,
      complete: () => resolve(true),
      cancel: () => resolve(false),
    });
  });
}

/**
 * Applies the limits and follows bookmark requests from the store. Returns the cleanup.
 * Views are looked up among `views` (manifest views plus tour stops).
 */
export function attachCameraController(viewer: Viewer, store: AppStore, manifest: CityManifest, views: CameraView[]): () => void {
  const limits = cameraLimits(manifest);
  const controller = viewer.scene.screenSpaceCameraController;
  controller.minimumZoomDistance = limits.minimumZoomDistance;
  controller.maximumZoomDistance = limits.maximumZoomDistance;
  controller.enableCollisionDetection = true;
  // Never tilt to the horizon and beyond: the sky is not the exhibit.
  controller.maximumTiltAngle = CesiumMath.toRadians(80);

  const scratch = new Cartographic();
  const removeClamp = viewer.scene.postUpdate.addEventListener(() => {
    const camera = viewer.camera;
    const position = Cartographic.fromCartesian(camera.positionWC, undefined, scratch);
    if (!position) return;
    const clamped = clampIntoBounds(CesiumMath.toDegrees(position.longitude), CesiumMath.toDegrees(position.latitude), limits.bounds);
    // The globe is not drawn, so the controller's own collision test cannot keep the eye above ground.
    const tooLow = position.height < limits.minimumZoomDistance;
    const tooHigh = position.height > limits.maximumZoomDistance;
    if (!clamped && !tooLow && !tooHigh) return;
    const [lon, lat] = clamped ?? [CesiumMath.toDegrees(position.longitude), CesiumMath.toDegrees(position.latitude)];
    camera.setView({
      destination: Cartesian3.fromDegrees(lon, lat, Math.min(limits.maximumZoomDistance, Math.max(position.height, limits.minimumZoomDistance))),
      orientation: { heading: camera.heading, pitch: camera.pitch, roll: 0 },
    });
  });

  let request = store.getState().camera.bookmarkRequest;
  const unsubscribe = store.subscribe((state) => {
    if (state.camera.bookmarkRequest === request) return;
    request = state.camera.bookmarkRequest;
    const view = views.find((v) => v.id === state.camera.bookmarkId);
    if (view) void flyToView(viewer, view, 3);
  });

  return () => {
    removeClamp();
    unsubscribe();
  };
}
