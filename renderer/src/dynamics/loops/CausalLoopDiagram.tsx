/**
 * The causal loop diagram of the chosen loops (cld-layout.ts): variables on a circle, links as curved arrows
 * with their polarity (+ or −, ± when it changes during the run, ? when the run never shows it), and a marker
 * for each loop in its middle. Drawn with presentation attributes and classes (the CSP refuses style
 * attributes), colours from the theme.
 */
import { useId, useMemo } from 'react';
import type { AnalyzedLoop } from '../../../../model/sd/loops';
import { causalLoopLayout } from './cld-layout';
import { loopLabel } from './dominance';

const POLARITY_MARK: Readonly<Record<string, string>> = { '+': '+', '-': '−', '±': '±', '?': '?' };
const POLARITY_WORD: Readonly<Record<AnalyzedLoop['polarity'], string>> = {
  reinforcing: 'reinforcing',
  balancing: 'balancing',
  changing: 'polarity changes',
  undetermined: 'polarity unknown',
};

export function CausalLoopDiagram({ loops }: { readonly loops: readonly AnalyzedLoop[] }) {
  const layout = useMemo(() => causalLoopLayout(loops), [loops]);
  const arrow = useId().replace(/:/g, '');
  const names = loops.map((loop) => loop.name).join(', ');
  return (
    <figure className="cld">
      <figcaption className="chart-caption">
        <span className="chart-title">Causal loop diagram: {names}</span>
      </figcaption>
      <svg
        className="cld-svg"
        viewBox={`0 0 ${layout.width.toFixed(0)} ${layout.height.toFixed(0)}`}
        role="img"
        aria-label={`Causal loop diagram: ${loops
          .map((loop) => `${loopLabel(loop)}, ${loop.polarity}: ${loop.variables.join(' → ')}`)
          .join('; ')}`}
      >
        <defs>
          <marker
            id={arrow}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0L10,5L0,10z" className="cld-arrowhead" />
          </marker>
        </defs>
        {layout.links.map((link) => (
          <g
            key={link.key}
            className={`cld-link polarity-${polarityClass(link.polarity)}`}
            data-from={link.from}
            data-to={link.to}
          >
            <path d={link.path} markerEnd={`url(#${arrow})`} />
            <text
              x={link.markX}
              y={link.markY}
              className="cld-mark"
              textAnchor="middle"
              dominantBaseline="middle"
            >
              {POLARITY_MARK[link.polarity]}
            </text>
          </g>
        ))}
        {layout.nodes.map((node) => (
          <g key={node.name} className="cld-node">
            <circle cx={node.x} cy={node.y} r={3.5} />
            <text x={node.labelX} y={node.labelY} textAnchor={node.anchor}>
              {node.name}
            </text>
          </g>
        ))}
        {layout.markers.map((marker) => (
          <g
            key={marker.name}
            className={`cld-marker ${marker.polarity}`}
            transform={`translate(${marker.x.toFixed(1)},${marker.y.toFixed(1)})`}
          >
            {/* A turning arrow around the loop's name, clockwise as the loop is drawn. */}
            <path d="M-12,-12A17,17 0 1,1 -17,2" markerEnd={`url(#${arrow})`} />
            <text textAnchor="middle" dominantBaseline="central">
              {marker.name}
            </text>
            <text className="cld-marker-title" y={30} textAnchor="middle">
              {marker.title ?? POLARITY_WORD[marker.polarity]}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

function polarityClass(polarity: string): string {
  return polarity === '+' ? 'positive' : polarity === '-' ? 'negative' : 'unknown';
}
