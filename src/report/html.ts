/**
 * HTML building that escapes by construction: `html` is a tagged template whose interpolations
 * are escaped unless they are {@link SafeHtml} (the output of another `html` call). Every piece
 * of user text (need titles, enterprise and expert names, reasons) goes through it.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c] as string);
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(v: Part): string {
  if (v === null || v === undefined || v === false || v === true) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return (v as readonly Part[]).map(render).join('');
  if (typeof v === 'number') return escapeHtml(Number.isFinite(v) ? String(v) : '');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** A number with `digits` decimals, for display. */
export function fixed(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '—';
}

/**
 * A score known to be below `limit`, for display: `digits` decimals, or more when rounding would
 * reach `limit` (0.09986 below 0.1 is '0.0999', never '0.100'). Past 12 decimals: '< limit'.
 */
export function fixedBelow(x: number, limit: number, digits = 3): string {
  if (!Number.isFinite(x)) return '—';
  if (!(x < limit)) return fixed(x, digits);
  for (let d = digits; d <= 12; d++) {
    const s = x.toFixed(d);
    if (Number(s) < limit) return s;
  }
  return `< ${limitText(limit)}`;
}

/**
 * A threshold for display: `digits` decimals, or as many more (up to 6) as it takes to show it
 * exactly (0.1 is '0.10', 0.125 is '0.125', not '0.13').
 */
export function limitText(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '—';
  for (let d = digits; d <= 6; d++) {
    const s = x.toFixed(d);
    if (Number(s) === x) return s;
  }
  return x.toFixed(6);
}
