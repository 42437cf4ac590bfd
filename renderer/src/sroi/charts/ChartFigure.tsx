import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { serializeChart, svgToPng } from '../../dynamics/charts/chart-export';
import { downloadBlob, downloadText } from '../../dynamics/download';

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
  const [problem, setProblem] = useState<string | undefined>();
  const exportAs = async (kind: 'svg' | 'png') => {
    const element = svg.current;
    if (element === null) return;
    setProblem(undefined);
    try {
      const background =
        getComputedStyle(frame.current ?? element)
          .getPropertyValue('--surface')
          .trim() || '#ffffff';
      const text = serializeChart(element, { title, description, background });
      if (kind === 'svg') downloadText(`${fileName}.svg`, 'image/svg+xml', text);
      else {
        const { width, height } = element.getBoundingClientRect();
        downloadBlob(`${fileName}.png`, await svgToPng(text, width, height));
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <figure className="sroi-chart">
      <figcaption className="sroi-chart-caption">
        <span className="sroi-chart-title">{title}</span>
        <span className="sroi-chart-exports no-print">
          <button
            type="button"
            className="link"
            onClick={() => void exportAs('svg')}
            aria-label={`Export ${title} as SVG`}
          >
            SVG
          </button>
          <button
            type="button"
            className="link"
            onClick={() => void exportAs('png')}
            aria-label={`Export ${title} as PNG`}
          >
            PNG
          </button>
        </span>
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
