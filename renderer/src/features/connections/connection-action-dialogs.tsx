import { DiagnosticsPanel } from '../diagnostics/diagnostics-panel';
import { SupportBundleDialogHost } from '../diagnostics/support-bundle-dialog';
import { CheckResultDialog } from './check-result-dialog';
import { useConnectionActionsStore } from './connection-actions-store';
import { DeleteConnectionDialog } from './delete-connection-dialog';
import { EditConnectionDialog } from './edit-connection-dialog';
import { MoveConnectionDialog } from './move-connection-dialog';

/** The dialogs behind a row's More actions; each mounts fresh for the connection it acts on. */
export function ConnectionActionDialogs() {
  const dialog = useConnectionActionsStore((s) => s.dialog);
  const close = useConnectionActionsStore((s) => s.closeDialog);
  const key = dialog ? `${dialog.kind}-${dialog.connection.id}` : undefined;
  return (
    <>
      {dialog?.kind === 'edit' ? <EditConnectionDialog key={key} connection={dialog.connection} onClose={close} /> : null}
      {dialog?.kind === 'move' ? <MoveConnectionDialog key={key} connection={dialog.connection} onClose={close} /> : null}
      {dialog?.kind === 'delete' ? <DeleteConnectionDialog key={key} connection={dialog.connection} onClose={close} /> : null}
      <CheckResultDialog />
      <DiagnosticsPanel />
      <SupportBundleDialogHost />
    </>
  );
}
