// Small line icons drawn with SVG, so they look the same whatever fonts the system has.
const common = { width: 14, height: 14, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true } as const;

export const EyeIcon = ({ open }: { open: boolean }) => (
  <svg {...common}>
    <path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8 12.1 12.5 8 12.5 1.5 8 1.5 8z" />
    <circle cx="8" cy="8" r="2" />
    {!open && <path d="M2.5 13.5l11-11" />}
  </svg>
);

export const CopyIcon = () => (
  <svg {...common}>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
    <path d="M10.5 3.5v-.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h.5" />
  </svg>
);

export const PencilIcon = () => (
  <svg {...common}>
    <path d="M10.5 2.5l3 3-8 8h-3v-3z" />
  </svg>
);

export const CloseIcon = () => (
  <svg {...common}>
    <path d="M4 4l8 8M12 4l-8 8" />
  </svg>
);

export const PlusIcon = () => (
  <svg {...common}>
    <path d="M8 3v10M3 8h10" />
  </svg>
);

export const ExportIcon = () => (
  <svg {...common}>
    <path d="M8 10V2.5M5 5.5l3-3 3 3" />
    <path d="M2.5 9.5v3a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1v-3" />
  </svg>
);
