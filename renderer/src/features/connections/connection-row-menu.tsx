import { DropdownMenu } from 'radix-ui';
import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { MoreIcon } from '../../components/icons';

/** The per-row "More actions" menu. Only Check connection exists so far; more actions come later. */
export function ConnectionRowMenu({
  connection,
  onCheck,
}: {
  connection: ConnectionSummaryDto;
  onCheck: (connection: ConnectionSummaryDto) => void;
}) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="btn btn-ghost btn-icon btn-sm" aria-label={`More actions for ${connection.name}`}>
        <MoreIcon />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          <DropdownMenu.Label className="menu-label">{connection.name}</DropdownMenu.Label>
          <DropdownMenu.Item className="menu-item" onSelect={() => onCheck(connection)}>
            Check connection
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
