/**
 * Model documents as the API serves them: XMILE text is read by the engine before it is saved, so a file that is
 * not XMILE never reaches the workspace, and the error says where the file went wrong.
 */
import { readXmile, type Diagnostic } from '../../model/sd';
import type { ModelRecord } from '../../model/schema/model';
import type { ProjectId } from '../../model/schema/project';
import { OperationError } from '../api/result';
import type { Workspace } from '../store/workspace';

const describe = (diagnostics: readonly Diagnostic[]): string => {
  const shown = diagnostics.slice(0, 3).map((diagnostic) => diagnostic.message);
  const more = diagnostics.length > 3 ? ` (and ${diagnostics.length - 3} more)` : '';
  return `${shown.join(' ')}${more}`;
};

/** Reads the text with the engine; returns the model's own name, or throws invalid-input naming the problem. */
export function checkXmile(xmile: string, source: string): { readonly title: string | undefined } {
  const read = readXmile(xmile, source);
  if (!read.ok)
    throw new OperationError(
      'invalid-input',
      `${source} is not a model the workbench can read: ${describe(read.errors)}`,
    );
  const title = read.value.header.name?.trim();
  return { title: title === '' ? undefined : title };
}

/** A name for an imported model: the one asked for, else the file's, else the model's own, else "Untitled model". */
function importName(
  requested: string | undefined,
  fileName: string | undefined,
  title: string | undefined,
): string {
  const fromFile = fileName?.replace(/\.(xmile|stmx|xml)$/i, '').trim();
  return (
    [requested?.trim(), fromFile, title].find((name) => name !== undefined && name !== '') ?? 'Untitled model'
  );
}

export function importModel(
  workspace: Workspace,
  input: { projectId: ProjectId; xmile: string; name?: string | undefined; fileName?: string | undefined },
): ModelRecord {
  const { title } = checkXmile(input.xmile, input.fileName ?? 'the file');
  return workspace.models.create({
    projectId: input.projectId,
    name: importName(input.name, input.fileName, title),
    xmile: input.xmile,
  });
}

export function saveModel(
  workspace: Workspace,
  input: { id: ModelRecord['id']; xmile: string },
): ModelRecord {
  const current = workspace.models.get(input.id);
  checkXmile(input.xmile, `the edited "${current.name}"`);
  return workspace.models.save(input.id, input.xmile);
}
