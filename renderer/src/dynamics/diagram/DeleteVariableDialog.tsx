import { Dialog } from '../../components/Dialog';
import { variableLabel } from './labels';

/** Asks before deleting a variable, and says what happens to the equations that use it. */
export function DeleteVariableDialog({
  name,
  onCancel,
  onConfirm,
}: {
  /** The variable to delete; the dialog is closed while undefined. */
  readonly name: string | undefined;
  readonly onCancel: () => void;
  readonly onConfirm: (name: string) => void;
}) {
  return (
    <Dialog title="Delete variable?" open={name !== undefined} onClose={onCancel}>
      {name === undefined ? null : (
        <>
          <p>
            “{variableLabel(name)}” will be deleted with its links. Equations that use it will show an error
            until you change them. Undo brings it back.
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => onConfirm(name)}>
              Delete variable
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
