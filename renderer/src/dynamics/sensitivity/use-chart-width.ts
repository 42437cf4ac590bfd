/**
 * The width of a chart's frame, followed as the panel resizes (the analysis charts are drawn at their frame's
 * width in pixels, so axis ticks stay readable at any size).
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useChartWidth(frame: RefObject<HTMLElement | null>, fallback = 560, least = 280): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = frame.current;
    if (element === null) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the frame's width is known only once it is laid out
    setWidth(Math.max(least, element.clientWidth));
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(Math.max(least, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [frame, least]);
  return width;
}
