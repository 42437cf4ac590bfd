/**
 * How a KPI reads on a card or in a table: the figure with its units, its change against the reference, and
 * whether that change is good news. Shares read as percentages and change in percentage points (a retention
 * going from 80% to 84% is "+4 pp", not "+5%").
 */
import { format } from 'd3';
import type { KpiValue } from './kpis';
import { formatChange, formatRelativeChange, formatValue } from './number-format';

const share = format('.1%');
const points = format('+.1f');
const returnRatio = format('+.0%');

export interface KpiText {
  readonly value: string;
  /** The change against the reference ("+4.0 pp", "+1,234"); undefined when there is none to show. */
  readonly change: string | undefined;
  /** The relative change ("+12.5%"), for figures that are not shares. */
  readonly relative: string | undefined;
  /** 'good', 'bad' or 'neutral', from the KPI's better direction. */
  readonly tone: 'good' | 'bad' | 'neutral';
}

const minus = (text: string): string => text.replace('-', '−');

export function kpiText(kpi: KpiValue): KpiText {
  const { definition, value, change, reference } = kpi;
  const tone: KpiText['tone'] =
    change === undefined || change === 0 || definition.better === undefined
      ? 'neutral'
      : change > 0 === (definition.better === 'higher')
        ? 'good'
        : 'bad';
  if (value === undefined) return { value: '—', change: undefined, relative: undefined, tone: 'neutral' };
  if (definition.kind === 'return-on-spend') {
    const returnTone: KpiText['tone'] = value > 0 ? 'good' : value < 0 ? 'bad' : 'neutral';
    return { value: minus(returnRatio(value)), change: undefined, relative: undefined, tone: returnTone };
  }
  if (definition.format === 'share') {
    return {
      value: share(value),
      change: change === undefined ? undefined : change === 0 ? '±0 pp' : `${minus(points(change * 100))} pp`,
      relative: undefined,
      tone,
    };
  }
  return {
    value: formatValue(value),
    change: change === undefined ? undefined : formatChange(change),
    relative:
      change === undefined || change === 0 || reference === undefined
        ? undefined
        : formatRelativeChange(change, reference),
    tone,
  };
}
