/**
 * A large network's ties drawn behind cytoscape's canvas by a worker (issue 6: "stays smooth with 2,000
 * people"). Cytoscape strokes every tie one by one on the page thread: 13,000 of them took 0.4-0.6 s whenever a
 * pan or zoom ended, and 1.5-2 s on the first draw. Here a worker draws them all as a few batched paths on an
 * OffscreenCanvas (edge-layer-draw.ts) and sends the picture back; the page shows it with a CSS transform that
 * follows the viewport at once, so while the view moves the ties move with the people, and the worker
 * redraws them sharp as often as it can, one picture in flight at a time. Cytoscape keeps the ties (the ego
 * network and the highlighted ties, added when they are needed) and paints only those.
 */
import type cytoscape from 'cytoscape';
import type { EdgeScene, EdgeViewport } from './edge-layer-draw';
import { pictureTransform } from './edge-layer-draw';
import type { EdgeLayerRequest, EdgeLayerResponse } from './edge-layer.worker';

/** Ties drawn beyond each side of the view, in CSS pixels, so a pan shows them before the next picture. */
const MARGIN = 240;

export class EdgeLayer {
  private readonly canvas: HTMLCanvasElement;
  private readonly context: ImageBitmapRenderingContext | null;
  private readonly worker: Worker;
  private readonly onViewport = () => {
    this.place();
    this.request();
  };
  private drawn: EdgeViewport | null = null;
  private inFlight = false;
  private stale = false;
  private nextId = 1;
  private firstDraw: (() => void) | null;

  constructor(
    host: HTMLElement,
    private readonly cy: cytoscape.Core,
    scene: EdgeScene,
    onFirstDraw: () => void,
    /** The worker failed: the layer is gone, and cytoscape must draw the ties again (slower, but shown). */
    onFailure: () => void,
  ) {
    this.firstDraw = onFirstDraw;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'network-edge-layer';
    this.canvas.setAttribute('aria-hidden', 'true');
    host.prepend(this.canvas);
    this.context = this.canvas.getContext('bitmaprenderer');
    this.worker = new Worker(new URL('./edge-layer.worker.ts', import.meta.url), {
      type: 'module',
      name: 'network-edges',
    });
    this.worker.onmessage = (event: MessageEvent<EdgeLayerResponse>) => this.show(event.data);
    this.worker.onerror = () => {
      this.destroy();
      onFailure();
    };
    cy.on('viewport resize', this.onViewport);
    this.update(scene);
  }

  /** New ties, widths, filters or colours: the worker takes the scene and draws it again. */
  update(scene: EdgeScene): void {
    const request: EdgeLayerRequest = { type: 'scene', scene };
    this.worker.postMessage(request);
    this.stale = true;
    this.request();
  }

  private viewport(): EdgeViewport {
    const pan = this.cy.pan();
    return {
      zoom: this.cy.zoom(),
      panX: pan.x,
      panY: pan.y,
      width: this.cy.width(),
      height: this.cy.height(),
    };
  }

  /** Asks for a picture of the current view, unless one is being drawn (then once it arrives). */
  private request(): void {
    if (this.inFlight) {
      this.stale = true;
      return;
    }
    this.inFlight = true;
    this.stale = false;
    const request: EdgeLayerRequest = {
      type: 'draw',
      id: this.nextId++,
      viewport: this.viewport(),
      margin: MARGIN,
      pixelRatio: 1,
    };
    this.worker.postMessage(request);
  }

  private show(response: EdgeLayerResponse): void {
    this.inFlight = false;
    this.context?.transferFromImageBitmap(response.bitmap);
    this.canvas.style.width = `${response.viewport.width + 2 * MARGIN}px`;
    this.canvas.style.height = `${response.viewport.height + 2 * MARGIN}px`;
    this.drawn = response.viewport;
    this.place();
    if (this.firstDraw !== null) {
      this.firstDraw();
      this.firstDraw = null;
    }
    const now = this.viewport();
    const moved =
      now.zoom !== response.viewport.zoom ||
      now.panX !== response.viewport.panX ||
      now.panY !== response.viewport.panY ||
      now.width !== response.viewport.width ||
      now.height !== response.viewport.height;
    if (this.stale || moved) this.request();
  }

  /** Moves and scales the last picture to the current view (no drawing: the compositor does it). */
  private place(): void {
    if (this.drawn === null) return;
    const { scale, x, y } = pictureTransform(this.drawn, this.viewport(), MARGIN);
    this.canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
  }

  destroy(): void {
    this.cy.off('viewport resize', this.onViewport);
    this.worker.terminate();
    this.canvas.remove();
  }
}
