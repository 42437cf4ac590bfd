/// <reference lib="webworker" />
/**
 * The tie layer's worker: draws a large network's ties (edge-layer-draw.ts) on its own OffscreenCanvas and
 * hands the picture back as an ImageBitmap, so the page thread never spends a frame on 13,000 lines.
 */
import { drawEdges, widthGroups, type EdgeScene, type EdgeViewport } from './edge-layer-draw';

export type EdgeLayerRequest =
  | { readonly type: 'scene'; readonly scene: EdgeScene }
  | {
      readonly type: 'draw';
      readonly id: number;
      readonly viewport: EdgeViewport;
      readonly margin: number;
      readonly pixelRatio: number;
    };

export interface EdgeLayerResponse {
  readonly id: number;
  readonly viewport: EdgeViewport;
  readonly bitmap: ImageBitmap;
  readonly milliseconds: number;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
let scene: EdgeScene | null = null;
let groups: [number, Int32Array][] = [];
let canvas: OffscreenCanvas | null = null;

scope.onmessage = (event: MessageEvent<EdgeLayerRequest>) => {
  const request = event.data;
  if (request.type === 'scene') {
    scene = request.scene;
    groups = widthGroups(scene.widths, scene.visible);
    return;
  }
  if (scene === null) return;
  const start = performance.now();
  const { viewport, margin, pixelRatio } = request;
  const width = Math.max(1, Math.round((viewport.width + 2 * margin) * pixelRatio));
  const height = Math.max(1, Math.round((viewport.height + 2 * margin) * pixelRatio));
  if (canvas === null) canvas = new OffscreenCanvas(width, height);
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (context === null) return;
  drawEdges(context, scene, groups, viewport, margin, pixelRatio);
  const bitmap = canvas.transferToImageBitmap();
  const response: EdgeLayerResponse = {
    id: request.id,
    viewport,
    bitmap,
    milliseconds: performance.now() - start,
  };
  scope.postMessage(response, [bitmap]);
};
