/**
 * Pan and zoom with d3-zoom: React owns the `<svg>` and draws the diagram inside one transformed group; d3
 * listens to the wheel and drags on the background and reports the transform. Drags that start on a
 * variable belong to the variable (moving it), not to the pan.
 */
import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { fitTransform, type Bounds, type ViewTransform } from './viewport';

const MIN_SCALE = 0.05;
const MAX_SCALE = 6;

export function useDiagramZoom(svgRef: RefObject<SVGSVGElement | null>, bounds: Bounds | undefined) {
  const [transform, setTransform] = useState<ViewTransform>({ x: 0, y: 0, k: 1 });
  const behavior = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const boundsRef = useRef(bounds);
  useEffect(() => {
    boundsRef.current = bounds;
  }, [bounds]);

  useEffect(() => {
    const svg = svgRef.current;
    if (svg === null) return;
    const zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_SCALE, MAX_SCALE])
      .filter((event: Event) => {
        const onVariable = event.target instanceof Element && event.target.closest('.sd-node') !== null;
        if (event.type === 'wheel') return true;
        const pointer = event as MouseEvent;
        return !onVariable && !pointer.ctrlKey && pointer.button === 0;
      })
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        const { x, y, k } = event.transform;
        setTransform({ x, y, k });
      });
    const selection = select(svg);
    selection.call(zoomBehavior).on('dblclick.zoom', null);
    behavior.current = zoomBehavior;
    return () => {
      selection.on('.zoom', null);
      behavior.current = null;
    };
  }, [svgRef]);

  const apply = useCallback(
    (next: ViewTransform) => {
      const svg = svgRef.current;
      if (svg === null || behavior.current === null) return;
      select(svg).call(behavior.current.transform, zoomIdentity.translate(next.x, next.y).scale(next.k));
    },
    [svgRef],
  );

  /** Shows the whole diagram. */
  const fit = useCallback(() => {
    const svg = svgRef.current;
    if (svg === null) return;
    apply(fitTransform(boundsRef.current, svg.clientWidth, svg.clientHeight));
  }, [apply, svgRef]);

  /** Zooms about the middle of the panel. */
  const zoomBy = useCallback(
    (factor: number) => {
      const svg = svgRef.current;
      if (svg === null || behavior.current === null) return;
      select(svg).call(behavior.current.scaleBy, factor);
    },
    [svgRef],
  );

  return { transform, fit, zoomBy };
}
