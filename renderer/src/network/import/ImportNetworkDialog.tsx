import type { NetworkDocument } from '../../../../electron/api/contract';

export interface ImportNetworkDialogProps {
  readonly projectId: string;
  /** Given: the import adds a wave to this network; otherwise it creates a new network. */
  readonly network?: NetworkDocument;
  readonly onClose: () => void;
  readonly onImported: (network: NetworkDocument) => void;
}

/** Imports a network or a new wave of one (stub: being built). */
export function ImportNetworkDialog(props: ImportNetworkDialogProps) {
  return (
    <div role="dialog" aria-label={props.network ? 'Add a wave' : 'Import a network'}>
      <p>Import is being built.</p>
      <button type="button" onClick={props.onClose}>
        Close
      </button>
    </div>
  );
}
