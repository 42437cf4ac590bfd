import { kpiText } from '../charts/kpi-format';
import { seriesColor } from '../charts/series-colors';
import type { KpiRow, NamedRun } from './kpi-table';

interface ComparisonTableProps {
  readonly runs: readonly NamedRun[];
  readonly table: { readonly reference: number; readonly rows: readonly KpiRow[] };
}

/** KPIs (rows) by scenario (columns): each figure at the horizon and its difference against the reference. */
export function ComparisonTable({ runs, table }: ComparisonTableProps) {
  const referenceName = runs[table.reference]?.name ?? '';
  return (
    <div className="comparison-table-frame">
      <table className="comparison-table">
        <caption>Key figures at the horizon; differences against “{referenceName}”</caption>
        <thead>
          <tr>
            <th scope="col">KPI</th>
            {runs.map((entry, index) => (
              <th key={`${entry.name}-${index}`} scope="col">
                <span
                  className="chip-swatch"
                  aria-hidden="true"
                  ref={(element) => element?.style.setProperty('--swatch', seriesColor(index))}
                />{' '}
                {entry.name}
                {index === table.reference ? <span className="muted small"> (reference)</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.definition.id} data-kpi={row.definition.id}>
              <th scope="row">{row.definition.label}</th>
              {row.cells.map((cell, index) => {
                const text = kpiText(cell);
                const isReference = index === table.reference;
                return (
                  <td key={index}>
                    <span className="cell-value">
                      {text.value}
                      {cell.units === undefined || cell.value === undefined ? '' : ` ${cell.units}`}
                    </span>
                    {isReference || text.change === undefined ? null : (
                      <span className={`cell-change ${text.tone}`}>
                        {text.change}
                        {text.relative === undefined ? '' : ` (${text.relative})`}
                      </span>
                    )}
                    {cell.definition.kind === 'return-on-spend' && cell.note !== undefined ? (
                      <span className="cell-note">{cell.note}</span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
