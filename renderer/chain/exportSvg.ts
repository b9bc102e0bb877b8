// The chain picture as a file of its own: the SVG the window drew, with the theme's colours written in (a lone
// .svg has no CSS variables) and nothing active in it. Saved through response:save, the same save dialog as a body.
import { chainStyles, THEME_VARIABLES, type Palette } from './chainStyles';

/** Well above any chain (a few KB); a bigger "picture" is not ours. */
export const MAX_SVG_BYTES = 512 * 1024;

/** The drawn markup with concrete colours; refuses anything that could run when the file is opened. */
export function standaloneSvg(markup: string, palette: Palette): string {
  if (!markup.startsWith('<svg')) throw new Error('not an SVG picture');
  if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:/i.test(markup)) throw new Error('the picture holds active content');
  const styled = markup.replace(/<style>[\s\S]*?<\/style>/, `<style>${escapeText(chainStyles(palette))}</style>`);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${styled}\n`;
  if (new TextEncoder().encode(text).length > MAX_SVG_BYTES) throw new Error('the picture is too large');
  return text;
}

/** Reads the theme's colours where the picture is drawn (custom properties are inherited). */
export function resolvePalette(element: Element): Palette {
  const style = getComputedStyle(element);
  const entries = Object.entries(THEME_VARIABLES).map(([key, variable]) => [key, style.getPropertyValue(variable).trim() || 'currentColor']);
  const palette = Object.fromEntries(entries) as unknown as Palette;
  if (palette.mono === 'currentColor') palette.mono = 'monospace';
  return palette;
}

function escapeText(css: string): string {
  return css.replace(/</g, '\\3c ');
}

/** UTF-8 text as base64, in slices so a long text never becomes one huge argument list. */
export function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
