import { DropdownMenu } from 'radix-ui';
import type { ReactNode } from 'react';
import { MoreIcon } from './icons';

/**
 * A "More actions" menu: an icon button named `label` opening a menu headed `heading`.
 * `trigger` adds classes and data attributes (used to find the button again for focus).
 */
export function MoreMenu({
  label,
  heading,
  align,
  trigger: { className, ...data } = {},
  children,
}: {
  label: string;
  heading: string;
  align: 'start' | 'end';
  trigger?: { className?: string; [data: `data-${string}`]: string };
  children: ReactNode;
}) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className={className ? `btn btn-ghost btn-icon btn-sm ${className}` : 'btn btn-ghost btn-icon btn-sm'} aria-label={label} {...data}>
        <MoreIcon />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align={align} sideOffset={4}>
          <DropdownMenu.Label className="menu-label">{heading}</DropdownMenu.Label>
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export function MenuItem({ onSelect, danger = false, children }: { onSelect: () => void; danger?: boolean; children: ReactNode }) {
  return (
    <DropdownMenu.Item className={danger ? 'menu-item menu-item-danger' : 'menu-item'} onSelect={onSelect}>
      {children}
    </DropdownMenu.Item>
  );
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="menu-separator" />;
}
