import { DropdownMenu } from 'radix-ui';
import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { MoreIcon } from '../../components/icons';
import { useConnectionActionsStore } from './connection-actions-store';

/** The per-row "More actions" menu: Check, Reconnect, Edit, Make default, Move, Delete. */
export function ConnectionRowMenu({ connection }: { connection: ConnectionSummaryDto }) {
  const { runCheck, reconnect, open, makeDefault } = useConnectionActionsStore.getState();
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="btn btn-ghost btn-icon btn-sm" aria-label={`More actions for ${connection.name}`} data-row-menu={connection.id}>
        <MoreIcon />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          <DropdownMenu.Label className="menu-label">{connection.name}</DropdownMenu.Label>
          <DropdownMenu.Item className="menu-item" onSelect={() => void runCheck(connection)}>
            Check connection
          </DropdownMenu.Item>
          <DropdownMenu.Item className="menu-item" onSelect={() => reconnect(connection)}>
            Reconnect
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="menu-separator" />
          <DropdownMenu.Item className="menu-item" onSelect={() => open('edit', connection)}>
            Edit
          </DropdownMenu.Item>
          {connection.isDefault ? null : (
            <DropdownMenu.Item className="menu-item" onSelect={() => void makeDefault(connection)}>
              Make default
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Item className="menu-item" onSelect={() => open('move', connection)}>
            Move
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="menu-separator" />
          <DropdownMenu.Item className="menu-item menu-item-danger" onSelect={() => open('delete', connection)}>
            Delete
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
