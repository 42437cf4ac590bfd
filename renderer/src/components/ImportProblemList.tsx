/**
 * Why an import cannot go ahead: every problem with its file, row (a line, for GraphML and GEXF) and column, so
 * the user can fix the file in one pass. Nothing was saved.
 */
export interface PlacedProblem {
  readonly fileName: string | null;
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

export function ImportProblemList({
  title,
  problems,
  rowWord,
}: {
  readonly title: string;
  readonly problems: readonly PlacedProblem[];
  /** "Row" for CSV files, "Line" for XML files. */
  readonly rowWord: string;
}) {
  return (
    <div className="import-problems" role="alert">
      <p>
        <strong>{title}</strong> Nothing was saved. Fix the file and choose it again.
      </p>
      {problems.length > 0 ? (
        <div className="table-frame">
          <table className="data-table" aria-label="Problems found">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">{rowWord}</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem, index) => (
                <tr key={index}>
                  <td>{problem.fileName ?? '—'}</td>
                  <td>{problem.row ?? 'whole file'}</td>
                  <td>{problem.column ?? '—'}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
