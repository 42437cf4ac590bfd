import { NameDialog } from '../../components/NameForm';

/** Renames an analysis; a name another analysis of the project has is refused in place. */
export function RenameAnalysisDialog({
  open,
  name,
  onClose,
  onRename,
}: {
  readonly open: boolean;
  readonly name: string;
  readonly onClose: () => void;
  /** Throws with the backend's message (a clashing name) to show in place. */
  readonly onRename: (name: string) => Promise<unknown>;
}) {
  return (
    <NameDialog
      title="Rename analysis"
      open={open}
      onClose={onClose}
      initialName={name}
      submitLabel="Rename"
      needsName="An analysis needs a name."
      onSubmit={onRename}
    />
  );
}
