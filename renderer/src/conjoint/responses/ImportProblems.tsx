import type { CellProblem } from '../../../../electron/api/contract';

/** Why a file was refused: each problem with its spreadsheet row and column (header = row 1). */
export function ImportProblems({
  problems,
  total,
}: {
  readonly problems: readonly CellProblem[];
  readonly total: number;
}) {
  const more = total - problems.length;
  return (
    <div className="import-problems" role="alert">
      <p>
        <strong>
          The file was not imported: {total} problem{total === 1 ? '' : 's'}.
        </strong>{' '}
        Nothing was changed. Fix the file (or the column choices) and import it again.
      </p>
      <div className="table-frame">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => (
              <tr key={index}>
                <td>{problem.row ?? '—'}</td>
                <td>{problem.column ?? '—'}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 ? <p className="small">…and {more} more of the same kinds.</p> : null}
    </div>
  );
}
