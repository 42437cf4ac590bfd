import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The width of a chart's frame in pixels, followed as it resizes (charts are drawn at their frame's width, so
 * ticks and labels stay readable at any size); at least `minimum`, `initial` until the frame is laid out.
 */
export function useWidth(ref: RefObject<HTMLElement | null>, minimum = 280, initial = 640): number {
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    setWidth(Math.max(minimum, Math.floor(element.clientWidth)));
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(Math.max(minimum, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, minimum]);
  return width;
}
