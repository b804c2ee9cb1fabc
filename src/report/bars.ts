/** Inline SVG bars (no script, no external resource). */
import { html, type SafeHtml } from './html.js';

export const BAR_WIDTH = 180;
const BAR_HEIGHT = 14;

/** A horizontal bar for `value` out of `max` (empty track when max is 0). */
export function bar(value: number, max: number, label: string, variant = ''): SafeHtml {
  const share = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  const w = Math.round(share * BAR_WIDTH * 10) / 10;
  return html`<svg class="bar" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" viewBox="0 0 ${BAR_WIDTH} ${BAR_HEIGHT}" role="img" aria-label="${label}"><rect class="track" x="0" y="0" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" rx="2"></rect><rect class="fill${variant ? ` ${variant}` : ''}" x="0" y="0" width="${w}" height="${BAR_HEIGHT}" rx="2"></rect></svg>`;
}
