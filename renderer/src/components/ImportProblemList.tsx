/**
 * Why an import cannot go ahead: every problem with its file, row (a line, for GraphML and GEXF) and column, so
 * the user can fix the file in one pass. Nothing was saved. Used by every import in the app (networks,
 * measurement data sets, conjoint responses).
 */
export interface PlacedProblem {
  /** The file, when an import reads several; absent for a single file (no File column then). */
  readonly fileName?: string | null;
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

export function ImportProblemList({
  title,
  problems,
  rowWord = 'Row',
  advice = 'Nothing was saved. Fix the file and choose it again.',
  more = 0,
}: {
  readonly title: string;
  readonly problems: readonly PlacedProblem[];
  /** "Row" for CSV files, "Line" for XML files. */
  readonly rowWord?: string;
  /** What to do about it, after the title. */
  readonly advice?: string;
  /** Problems found beyond those listed. */
  readonly more?: number;
}) {
  const withFile = problems.some((problem) => problem.fileName !== undefined);
  return (
    <div className="import-problems" role="alert">
      <p>
        <strong>{title}</strong> {advice}
      </p>
      {problems.length > 0 ? (
        <div className="table-frame">
          <table className="data-table" aria-label="Problems found">
            <thead>
              <tr>
                {withFile ? <th scope="col">File</th> : null}
                <th scope="col">{rowWord}</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem, index) => (
                <tr key={index}>
                  {withFile ? <td>{problem.fileName ?? '—'}</td> : null}
                  <td>{problem.row ?? 'whole file'}</td>
                  <td>{problem.column ?? '—'}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {more > 0 ? <p className="small">…and {more} more of the same kinds.</p> : null}
    </div>
  );
}
