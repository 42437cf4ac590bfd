import type { KeyboardEvent, ReactNode } from 'react';
import { hoverStep } from './chart-scales';

/**
 * The plot's transparent cover that follows the pointer for the hover rule; left out of exported pictures.
 */
export function HoverOverlay({
  width,
  height,
  onPoint,
  onLeave,
}: {
  readonly width: number;
  readonly height: number;
  /** The pointer's x in the page (clientX). */
  readonly onPoint: (clientX: number) => void;
  readonly onLeave: () => void;
}) {
  return (
    <rect
      className="chart-overlay"
      data-export="skip"
      width={Math.max(0, width)}
      height={Math.max(0, height)}
      onPointerMove={(event) => onPoint(event.clientX)}
      onPointerLeave={onLeave}
    />
  );
}

/**
 * The read-out beside a line chart's hover rule: a box at the rule, on its left once the rule passes the plot's
 * middle so it stays inside the chart, announced as a status. Positioned through the CSSOM (allowed by the CSP,
 * unlike a style attribute).
 */
export function HoverReadout({
  x,
  plotLeft,
  plotTop,
  plotWidth,
  children,
}: {
  /** The hover rule, from the plot's left edge. */
  readonly x: number;
  /** The plot's offset in the chart. */
  readonly plotLeft: number;
  readonly plotTop: number;
  readonly plotWidth: number;
  readonly children: ReactNode;
}) {
  return (
    <div
      className={`chart-readout${x > plotWidth / 2 ? ' left' : ''}`}
      role="status"
      ref={(element) => {
        if (element === null) return;
        element.style.setProperty('--readout-x', `${plotLeft + x}px`);
        element.style.setProperty('--readout-y', `${plotTop}px`);
      }}
    >
      {children}
    </div>
  );
}

/** One series in the read-out: its colour swatch, its name and its value at the rule. */
export function ReadoutRow({
  color,
  label,
  value,
  kind,
}: {
  readonly color: string;
  readonly label: ReactNode;
  readonly value: ReactNode;
  /** A reference run's row, or a measured series' (its swatch drawn as a point). */
  readonly kind?: 'reference' | 'measured' | undefined;
}) {
  return (
    <li className={kind}>
      <span
        className={kind === 'measured' ? 'readout-swatch measured' : 'readout-swatch'}
        ref={(element) => element?.style.setProperty('--swatch', color)}
      />
      <span className="readout-label">{label}</span>
      <span className="readout-value">{value}</span>
    </li>
  );
}

/**
 * The key handler of a chart's focusable frame: the keys of `hoverStep` move the read-out among `count` points,
 * Escape hides it.
 */
export function hoverKeys(
  index: number | undefined,
  count: number,
  setHover: (index: number | undefined) => void,
  page?: number,
): (event: KeyboardEvent<HTMLElement>) => void {
  return (event) => {
    if (count === 0) return;
    if (event.key === 'Escape') {
      setHover(undefined);
      return;
    }
    const target = hoverStep(event.key, index, count, page);
    if (target === undefined) return;
    event.preventDefault();
    setHover(target);
  };
}
