import type { NodeMetricName } from '../../../../model/network';
import { formatValue } from '../../dynamics/charts/number-format';
import {
  EDGE_WIDTH,
  GROUP_PALETTE,
  METRIC_LABELS,
  NODE_SIZE,
  NO_GROUP_COLOR,
  groupColor,
  metricColorScale,
  type ColorBy,
  type Groups,
  type SizeBy,
} from './encoding';

/** What colour, size and line width mean on the graph now. */
export function Legend({
  colorBy,
  sizeBy,
  groups,
  colorValues,
  sizeRange,
  weightRange,
  weighted,
  directed,
  arrows,
}: {
  readonly colorBy: ColorBy;
  readonly sizeBy: SizeBy;
  /** The teams or communities, when colouring by one of them. */
  readonly groups: Groups | null;
  readonly colorValues: Float64Array | null;
  readonly sizeRange: readonly [number, number] | null;
  readonly weightRange: readonly [number, number];
  readonly weighted: boolean;
  readonly directed: boolean;
  /** False when a large network draws its ties without arrowheads (NetworkCanvas). */
  readonly arrows: boolean;
}) {
  const metricColor = colorValues === null ? null : metricColorScale(colorValues);
  const [colorLow, colorHigh] =
    colorValues === null
      ? [0, 0]
      : (() => {
          const finite = Array.from(colorValues).filter(Number.isFinite);
          return [Math.min(...finite), Math.max(...finite)];
        })();
  const noGroup = groups !== null && groups.index.some((group) => group < 0);
  return (
    <section className="network-legend" aria-labelledby="network-legend-title">
      <h2 id="network-legend-title">Legend</h2>
      <h3>
        Colour:{' '}
        {colorBy === 'team'
          ? 'team'
          : colorBy === 'community'
            ? 'community (Louvain)'
            : METRIC_LABELS[colorBy as NodeMetricName]}
      </h3>
      {groups !== null ? (
        <ul className="legend-groups">
          {groups.names.map((name, group) => (
            <li key={name}>
              <span className="swatch" style={{ background: groupColor(group) }} aria-hidden="true" />
              {name}
            </li>
          ))}
          {noGroup ? (
            <li>
              <span className="swatch" style={{ background: NO_GROUP_COLOR }} aria-hidden="true" />
              No {colorBy === 'team' ? 'team' : 'community'}
            </li>
          ) : null}
          {groups.names.length > GROUP_PALETTE.length ? (
            <li className="muted small">More groups than colours: colours repeat.</li>
          ) : null}
        </ul>
      ) : metricColor !== null ? (
        <div className="legend-gradient">
          <span
            className="gradient"
            aria-hidden="true"
            style={{
              background: `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1]
                .map((t) => metricColor(colorLow + (colorHigh - colorLow) * t))
                .join(', ')})`,
            }}
          />
          <span className="small">
            {formatValue(colorLow)} … {formatValue(colorHigh)}
          </span>
        </div>
      ) : null}
      <h3>Size: {sizeBy === 'uniform' ? 'the same for everyone' : METRIC_LABELS[sizeBy]}</h3>
      {sizeBy !== 'uniform' && sizeRange !== null ? (
        <div className="legend-sizes">
          <svg width={NODE_SIZE.max + NODE_SIZE.min + 16} height={NODE_SIZE.max + 2} aria-hidden="true">
            <circle cx={NODE_SIZE.min / 2 + 1} cy={NODE_SIZE.max / 2 + 1} r={NODE_SIZE.min / 2} />
            <circle
              cx={NODE_SIZE.min + 12 + NODE_SIZE.max / 2}
              cy={NODE_SIZE.max / 2 + 1}
              r={NODE_SIZE.max / 2}
            />
          </svg>
          <span className="small">
            {formatValue(sizeRange[0])} … {formatValue(sizeRange[1])} (area grows with the figure)
          </span>
        </div>
      ) : null}
      <h3>Lines</h3>
      <p className="small">
        {directed && arrows
          ? 'An arrow points from the person who gives support to the one who receives it. '
          : directed
            ? 'On a network this large ties are drawn without arrowheads; the person panel says who gives to whom. '
            : ''}
        {weighted && weightRange[1] > weightRange[0]
          ? `Width shows tie strength, from ${formatValue(weightRange[0])} (${EDGE_WIDTH.min} px) to ${formatValue(weightRange[1])} (${EDGE_WIDTH.max} px).`
          : 'Every tie has the same strength.'}
      </p>
    </section>
  );
}
