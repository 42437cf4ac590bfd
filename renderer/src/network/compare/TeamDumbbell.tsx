import { DumbbellChart, type DumbbellRow, type DumbbellSizes } from '../../components/DumbbellChart';
import { formatValue } from '../../dynamics/charts/number-format';

const SIZES: DumbbellSizes = {
  row: 28,
  labelRoom: 140,
  valueRoom: 56,
  axisRoom: 24,
  tickGap: 16,
  valueGap: 8,
  labelChars: 20,
  initialWidth: 420,
  minWidth: 300,
};

/**
 * One row per team: the earlier wave's value and the later one's as a dumbbell from zero, the line coloured by
 * the direction of the change, with a legend naming the two waves. The values are also in the table beside it.
 */
export function TeamDumbbell({
  title,
  rows,
  beforeLabel,
  afterLabel,
}: {
  readonly title: string;
  readonly rows: readonly DumbbellRow[];
  readonly beforeLabel: string;
  readonly afterLabel: string;
}) {
  const values = rows.flatMap((row) => [row.before, row.after]).filter(Number.isFinite);
  return (
    <DumbbellChart
      rows={rows}
      domain={[0, Math.max(1e-9, ...values)]}
      nice
      tickCount={5}
      format={formatValue}
      formatTick={formatValue}
      label={title}
      sizes={SIZES}
      frame="div"
      frameClassName="dumbbell-frame"
      svgClassName="dumbbell"
      rising
    >
      <div className="legend" aria-hidden="true">
        <span>
          <span className="legend-dot before" />
          {beforeLabel}
        </span>
        <span>
          <span className="legend-dot after" />
          {afterLabel}
        </span>
      </div>
    </DumbbellChart>
  );
}
