// Colours of the Trends charts: a blue ramp for periods (newest darkest), a colour-blind-safe set for suppliers, and
// text that stays legible on any of them.

/** Ends of the period ramp: oldest (light) to newest (dark) blue. */
const LIGHT = '#a5d8ff';
const DARK = '#0b4a8b';

/** Suppliers in a mix, in rank order: the Okabe–Ito colours (safe for the common colour-vision deficiencies), the
 * vermillion darkened so white labels on it reach 4.5:1. */
export const PARTNER_COLORS: readonly string[] = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#c05000', '#f0e442', '#8c6d31'];

/** The suppliers not listed, taken together. */
export const OTHERS_COLOR = '#ced4da';

/** Lags: to the first delivery, to the last. */
export const LAG_COLORS: readonly [string, string] = ['#1971c2', '#d9480f'];

/** Dark text (the page's ink). */
export const INK = '#212529';

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b].map((c) => Math.round(c!).toString(16).padStart(2, '0')).join('')}`;
}

/** `n` colours for periods, oldest first: a ramp from light to dark blue (two periods start a little darker). */
export function periodColors(n: number): string[] {
  if (n <= 1) return [DARK];
  const start = n === 2 ? 0.35 : 0;
  const [a, b] = [rgb(LIGHT), rgb(DARK)];
  return Array.from({ length: n }, (_, i) => {
    const t = start + ((1 - start) * i) / (n - 1);
    return hex(a.map((c, k) => c + (b[k]! - c) * t));
  });
}

/** WCAG relative luminance of a colour. */
function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** The text colour, white or ink, with the better contrast on a background colour. */
export function textOn(background: string): string {
  return contrast(background, '#ffffff') >= contrast(background, INK) ? '#ffffff' : INK;
}
