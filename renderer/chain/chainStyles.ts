// The picture's colours, written once. In the window they are the theme's CSS variables (light or dark follows the
// app); an exported image gets the colours resolved at export time, since a lone .svg file has no variables.

export interface Palette {
  panel: string;
  fg: string;
  muted: string;
  border: string;
  ok: string;
  danger: string;
  accent: string;
  errorBg: string;
  errorText: string;
  badge: string;
  mono: string;
}

export const THEME_VARIABLES: Record<keyof Palette, string> = {
  panel: '--panel',
  fg: '--fg',
  muted: '--muted',
  border: '--border',
  ok: '--ok',
  danger: '--danger',
  accent: '--accent',
  errorBg: '--error-bg',
  errorText: '--error-text',
  badge: '--badge',
  mono: '--mono',
};

/** The palette as var() references, for the live picture. */
export const LIVE_PALETTE = Object.fromEntries(Object.entries(THEME_VARIABLES).map(([k, v]) => [k, `var(${v})`])) as unknown as Palette;

export function chainStyles(p: Palette): string {
  return [
    `.cc-bg{fill:${p.panel}}`,
    `.cc-node rect{fill:${p.badge};stroke:${p.border};stroke-width:1}`,
    `.cc-node.cc-identity rect,.cc-node.cc-target rect{stroke:${p.accent}}`,
    `.cc-node.cc-failed rect{fill:${p.errorBg};stroke:${p.danger};stroke-width:2}`,
    `.cc-node:focus{outline:none}`,
    `.cc-node:focus rect{stroke:${p.accent};stroke-width:3}`,
    `.cc-title{fill:${p.fg};font:600 13px system-ui,sans-serif}`,
    `.cc-fact{fill:${p.fg};font:12px ${p.mono}}`,
    `.cc-node-error{fill:${p.errorText};font:600 12px system-ui,sans-serif}`,
    `.cc-edge line{stroke-width:2}`,
    `.cc-edge text{font:12px system-ui,sans-serif;fill:${p.fg}}`,
    `.cc-edge .cc-headline{font-weight:600}`,
    `.cc-ok line{stroke:${p.ok}}.cc-ok .cc-headline{fill:${p.ok}}.cc-ok .cc-arrow{fill:${p.ok}}`,
    `.cc-failed line{stroke:${p.danger}}.cc-failed .cc-headline,.cc-failed .cc-error{fill:${p.danger}}.cc-failed .cc-arrow{fill:${p.danger}}`,
    `.cc-notTried line{stroke:${p.muted};stroke-dasharray:4 4}.cc-notTried .cc-headline{fill:${p.muted}}.cc-notTried .cc-arrow{fill:${p.muted}}`,
  ].join('\n');
}
