import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { MenuItem, MenuSeparator, MoreMenu } from '../../components/more-menu';
import { useDiagnosticsStore } from '../diagnostics/diagnostics-store';
import { useSupportBundleStore } from '../diagnostics/support-bundle-store';
import { useConnectionActionsStore } from './connection-actions-store';

/** The per-row "More actions" menu: Check, Diagnostics, Export support bundle, Reconnect, Edit, Make default, Move, Delete. */
export function ConnectionRowMenu({ connection }: { connection: ConnectionSummaryDto }) {
  const { runCheck, reconnect, open, makeDefault } = useConnectionActionsStore.getState();
  return (
    <MoreMenu label={`More actions for ${connection.name}`} heading={connection.name} align="end" trigger={{ 'data-row-menu': connection.id }}>
      <MenuItem onSelect={() => void runCheck(connection)}>Check connection</MenuItem>
      <MenuItem onSelect={() => useDiagnosticsStore.getState().open(connection)}>Diagnostics</MenuItem>
      <MenuItem onSelect={() => useSupportBundleStore.getState().open({ connection })}>Export support bundle…</MenuItem>
      <MenuItem onSelect={() => reconnect(connection)}>Reconnect</MenuItem>
      <MenuSeparator />
      <MenuItem onSelect={() => open('edit', connection)}>Edit</MenuItem>
      {connection.isDefault ? null : <MenuItem onSelect={() => void makeDefault(connection)}>Make default</MenuItem>}
      <MenuItem onSelect={() => open('move', connection)}>Move</MenuItem>
      <MenuSeparator />
      <MenuItem danger onSelect={() => open('delete', connection)}>
        Delete
      </MenuItem>
    </MoreMenu>
  );
}
