import { useState, type RefObject } from 'react';
import { downloadBlob, downloadText } from '../download';
import { serializeChart, svgToPng } from './chart-export';

export type ChartExportKind = 'svg' | 'png';

interface ChartExportOptions {
  readonly svg: RefObject<SVGSVGElement | null>;
  /** The element whose `--surface` colour becomes the file's background (the theme in use). */
  readonly frame: RefObject<HTMLElement | null>;
  readonly title: string;
  /** One sentence for exported files and screen readers. */
  readonly description: string;
  /** File name without extension. */
  readonly fileName: string;
}

/**
 * A chart's SVG and PNG exports (computed styles written as presentation attributes, so the file looks the same
 * without our stylesheet; the PNG at the size drawn) and the problem of the last one, if it failed.
 */
export function useChartExport({ svg, frame, title, description, fileName }: ChartExportOptions) {
  const [problem, setProblem] = useState<string | undefined>();
  const exportAs = async (kind: ChartExportKind) => {
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
  return { exportAs, problem };
}

/** The SVG and PNG buttons in a chart's caption, each named after the chart for screen readers. */
export function ChartExportButtons({
  title,
  className,
  onExport,
}: {
  readonly title: string;
  readonly className: string;
  readonly onExport: (kind: ChartExportKind) => Promise<void>;
}) {
  return (
    <span className={className}>
      <button
        type="button"
        className="link"
        onClick={() => void onExport('svg')}
        aria-label={`Export ${title} as SVG`}
      >
        SVG
      </button>
      <button
        type="button"
        className="link"
        onClick={() => void onExport('png')}
        aria-label={`Export ${title} as PNG`}
      >
        PNG
      </button>
    </span>
  );
}
