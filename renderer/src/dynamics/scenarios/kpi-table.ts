/**
 * The comparison table: each KPI (rows) for each compared scenario (columns), with its difference against the
 * reference scenario, which is "Status quo" when it is among them (the policy question is always "against doing
 * nothing new") and the first one otherwise.
 */
import type { RunSeries } from '../engine/protocol';
import { evaluateKpis, type KpiDefinition, type KpiValue } from '../charts/kpis';

export interface NamedRun {
  readonly name: string;
  readonly run: RunSeries;
}

export interface KpiRow {
  readonly definition: KpiDefinition;
  /** One cell per run, in the runs' order; the reference's own cell has no change. */
  readonly cells: readonly KpiValue[];
}

const STATUS_QUO = /^\s*status\s*quo\s*$/i;

/** The index of the reference run: the one named "Status quo", else the first. */
export function referenceIndex(names: readonly string[]): number {
  const index = names.findIndex((name) => STATUS_QUO.test(name));
  return index < 0 ? 0 : index;
}

export function kpiTable(
  definitions: readonly KpiDefinition[],
  runs: readonly NamedRun[],
): { readonly reference: number; readonly rows: KpiRow[] } {
  const reference = referenceIndex(runs.map((run) => run.name));
  const referenceRun = runs[reference]?.run;
  const columns = runs.map((entry) => evaluateKpis(definitions, entry.run, referenceRun));
  const rows = definitions.map((definition, row) => ({
    definition,
    cells: columns.map((column) => column[row] as KpiValue),
  }));
  return { reference, rows };
}
