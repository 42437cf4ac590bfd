/**
 * The ranges the sensitivity analysis sweeps, as the analyst sets them (issue 8, point 3: "vary each assumption
 * over a range"). The Guide leaves the ranges to the analyst (section 5.4); the defaults are model/sroi's
 * (DEFAULT_RANGES: ±10 points for the rates, ±1 year of duration, ±20% for proxies and quantities). They are
 * kept in this browser per analysis, next to the document rather than in it, since the file format has no place
 * for them and `sroi evaluate` does not need them.
 */
import {
  DEFAULT_RANGES,
  SENSITIVITY_ASSUMPTIONS,
  type AssumptionRange,
  type SensitivityAssumption,
} from '../../../../model/sroi';

export type SensitivitySettings = Readonly<Record<SensitivityAssumption, AssumptionRange>>;

export const DEFAULT_SENSITIVITY: SensitivitySettings = DEFAULT_RANGES;

const storageKey = (analysisId: string): string => `empathy-workbench.sroi-ranges.${analysisId}`;

const isRange = (value: unknown): value is AssumptionRange => {
  if (typeof value !== 'object' || value === null) return false;
  const amount = 'absolute' in value ? value.absolute : 'relative' in value ? value.relative : undefined;
  return typeof amount === 'number' && Number.isFinite(amount) && amount >= 0;
};

/** The saved ranges, each one checked; anything unreadable falls back to its default. */
export function readSensitivitySettings(analysisId: string): SensitivitySettings {
  let stored: unknown;
  try {
    stored = JSON.parse(localStorage.getItem(storageKey(analysisId)) ?? '{}');
  } catch {
    stored = {};
  }
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(
    SENSITIVITY_ASSUMPTIONS.map((assumption) => {
      const saved = record[assumption];
      return [assumption, isRange(saved) ? saved : DEFAULT_RANGES[assumption]];
    }),
  ) as SensitivitySettings;
}

export function writeSensitivitySettings(analysisId: string, settings: SensitivitySettings): void {
  localStorage.setItem(storageKey(analysisId), JSON.stringify(settings));
}

/** How each assumption is named in tables, charts and the report. */
export const ASSUMPTION_LABELS: Readonly<Record<SensitivityAssumption, string>> = {
  deadweight: 'Deadweight',
  displacement: 'Displacement',
  attribution: 'Attribution',
  dropOff: 'Drop-off',
  durationYears: 'Duration',
  proxyValue: 'Financial proxy',
  quantity: 'Quantity',
};
