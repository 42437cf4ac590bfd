import { useRef, type ReactNode, type RefObject } from 'react';
import { ChartExportButtons, useChartExport } from '../../dynamics/charts/ChartExport';

interface ChartFigureProps {
  readonly title: string;
  /** One sentence for exported files and screen readers. */
  readonly description: string;
  /** File name without extension. */
  readonly fileName: string;
  readonly svg: RefObject<SVGSVGElement | null>;
  readonly children: ReactNode;
}

/**
 * A chart with its title and SVG/PNG exports (the Dynamics charts' exporter: computed styles written as
 * presentation attributes, so the file looks the same without our stylesheet).
 */
export function ChartFigure({ title, description, fileName, svg, children }: ChartFigureProps) {
  const frame = useRef<HTMLDivElement>(null);
  const { exportAs, problem } = useChartExport({ svg, frame, title, description, fileName });
  return (
    <figure className="sroi-chart">
      <figcaption className="sroi-chart-caption">
        <span className="sroi-chart-title">{title}</span>
        <ChartExportButtons title={title} className="sroi-chart-exports no-print" onExport={exportAs} />
      </figcaption>
      {problem === undefined ? null : (
        <p className="cell-issue" role="alert">
          {problem}
        </p>
      )}
      <div ref={frame} className="sroi-chart-frame">
        {children}
      </div>
    </figure>
  );
}
