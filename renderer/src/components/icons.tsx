import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function Svg({ size = 16, children, ...rest }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

export const FolderIcon = (p: IconProps) => (
  <Svg {...p}><path d="M1.75 4.25c0-.55.45-1 1-1h3.3l1.5 1.5h5.7c.55 0 1 .45 1 1v6.5c0 .55-.45 1-1 1H2.75c-.55 0-1-.45-1-1z" /></Svg>
);
export const PlusIcon = (p: IconProps) => (
  <Svg {...p}><path d="M8 3v10M3 8h10" /></Svg>
);
export const GearIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="2.25" />
    <path d="M8 1.5v1.7M8 12.8v1.7M14.5 8h-1.7M3.2 8H1.5M12.6 3.4l-1.2 1.2M4.6 11.4l-1.2 1.2M12.6 12.6l-1.2-1.2M4.6 4.6 3.4 3.4" />
  </Svg>
);
export const MoreIcon = (p: IconProps) => (
  <Svg {...p} fill="currentColor" stroke="none">
    <circle cx="3.5" cy="8" r="1.25" /><circle cx="8" cy="8" r="1.25" /><circle cx="12.5" cy="8" r="1.25" />
  </Svg>
);
export const CheckIcon = (p: IconProps) => (
  <Svg {...p}><path d="m3.5 8.5 3 3 6-7" /></Svg>
);
export const CloseIcon = (p: IconProps) => (
  <Svg {...p}><path d="m4 4 8 8M12 4l-8 8" /></Svg>
);
export const SearchIcon = (p: IconProps) => (
  <Svg {...p}><circle cx="7" cy="7" r="4.25" /><path d="m10.2 10.2 3.3 3.3" /></Svg>
);
export const CopyIcon = (p: IconProps) => (
  <Svg {...p}><rect x="5.25" y="5.25" width="8" height="8" rx="1.5" /><path d="M10.75 5.25v-1.5c0-.55-.45-1-1-1h-6c-.55 0-1 .45-1 1v6c0 .55.45 1 1 1h1.5" /></Svg>
);
export const ChevronIcon = (p: IconProps) => (
  <Svg {...p}><path d="m6 4 4 4-4 4" /></Svg>
);
export const SortIcon = ({ direction, ...p }: IconProps & { direction: 'ascending' | 'descending' | 'none' }) => (
  <Svg {...p} size={12}>
    {direction === 'none' ? <path d="m5 6 3-3 3 3M5 10l3 3 3-3" opacity={0.45} /> : null}
    {direction === 'ascending' ? <path d="m4.5 10 3.5-4 3.5 4" /> : null}
    {direction === 'descending' ? <path d="m4.5 6 3.5 4 3.5-4" /> : null}
  </Svg>
);
export const InfoIcon = (p: IconProps) => (
  <Svg {...p}><circle cx="8" cy="8" r="6.25" /><path d="M8 7.25v4M8 4.75v.01" /></Svg>
);
export const AlertIcon = (p: IconProps) => (
  <Svg {...p}><path d="M8 1.9 14.6 13.5H1.4z" /><path d="M8 6.5v3M8 11.5v.01" /></Svg>
);
export const LinkIcon = (p: IconProps) => (
  <Svg {...p}><path d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 0 1 3.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 0 1 4.5 9l1-1" /></Svg>
);
export const SkipIcon = (p: IconProps) => (
  <Svg {...p}><path d="M4 8h8" /></Svg>
);
export const LockIcon = (p: IconProps) => (
  <Svg {...p}><rect x="3" y="7" width="10" height="7" rx="1.5" /><path d="M5.25 7V5a2.75 2.75 0 0 1 5.5 0v2" /></Svg>
);
