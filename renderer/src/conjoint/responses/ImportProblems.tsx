import type { CellProblem } from '../../../../electron/api/contract';
import { ImportProblemList } from '../../components/ImportProblemList';

/** Why a responses file was refused: each problem with its spreadsheet row and column (header = row 1). */
export function ImportProblems({
  problems,
  total,
}: {
  readonly problems: readonly CellProblem[];
  readonly total: number;
}) {
  return (
    <ImportProblemList
      title={`The file was not imported: ${total} problem${total === 1 ? '' : 's'}.`}
      advice="Nothing was changed. Fix the file (or the column choices) and import it again."
      problems={problems}
      more={total - problems.length}
    />
  );
}
