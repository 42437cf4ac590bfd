import { DumbbellChart, type DumbbellSizes } from '../../components/DumbbellChart';
import { formatFixed } from './scales-format';
import type { TeamChangeRow } from './survey-analysis';

const SIZES: DumbbellSizes = {
  row: 26,
  labelRoom: 130,
  valueRoom: 44,
  axisRoom: 22,
  tickGap: 15,
  valueGap: 6,
  labelChars: 18,
  initialWidth: 360,
  minWidth: 260,
};

/**
 * One subscale's team means in the first and the last wave as a dumbbell, on the scale's own answer range so a
 * change reads against what the answers could be; the values are also in the table beside it.
 */
export function ScoreDumbbell({
  title,
  rows,
  domain,
  beforeLabel,
  afterLabel,
}: {
  readonly title: string;
  readonly rows: readonly TeamChangeRow[];
  readonly domain: readonly [number, number];
  readonly beforeLabel: string;
  readonly afterLabel: string;
}) {
  return (
    <DumbbellChart
      rows={rows}
      domain={domain}
      tickCount={Math.min(8, Math.max(2, domain[1] - domain[0]))}
      format={(value) => formatFixed(value, 2)}
      formatTick={(tick) => formatFixed(tick, Number.isInteger(tick) ? 0 : 1)}
      label={`${title}, ${beforeLabel} to ${afterLabel}`}
      sizes={SIZES}
      frame="figure"
      frameClassName="score-dumbbell"
    >
      <figcaption>{title}</figcaption>
    </DumbbellChart>
  );
}
