/** The report's only stylesheet (inline; system fonts, no downloads). */
export const STYLE = `
:root { --ink:#1f2933; --muted:#616e7c; --line:#d9e2ec; --accent:#1565c0; --accent2:#2e7d32; --warn:#c62828; --bg:#f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.6 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif; color: var(--ink); background: var(--bg); }
header { background: var(--accent); color: #fff; padding: 20px 32px; }
header h1 { margin: 0; font-size: 22px; }
header p { margin: 4px 0 0; opacity: .85; }
main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 40px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 16px 0; padding: 16px 20px; }
h2 { font-size: 18px; margin: 0 0 12px; border-left: 4px solid var(--accent); padding-left: 8px; }
h3 { font-size: 15px; margin: 14px 0 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #eef2f7; font-weight: 600; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: var(--muted); }
.warn { color: var(--warn); }
.tag { display: inline-block; background: #e3f2fd; color: #0d47a1; border-radius: 3px; padding: 0 5px; margin: 1px 2px; font-size: 12px; }
.kind { display: inline-block; border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; font-size: 12px; color: var(--muted); }
svg.bar { vertical-align: middle; }
table.coverage { width: auto; }
table.coverage td { padding-right: 16px; }
svg.bar .track { fill: #e4e7eb; }
svg.bar .fill { fill: var(--accent); }
svg.bar .fill.experts { fill: var(--accent2); }
svg.bar .fill.done { fill: var(--accent2); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { flex: 1 1 200px; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
.card .value { font-size: 26px; font-weight: 600; }
.card .target { color: var(--muted); }
.grid { overflow-x: auto; }
.grid table { width: auto; min-width: 100%; }
.grid td { min-width: 120px; font-size: 12px; }
.grid td.busy { background: #e8f5e9; }
.grid th.row { position: sticky; left: 0; background: #eef2f7; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 12px; max-width: 1200px; margin: 0 auto; padding: 0 24px 24px; }
@media print { body { background: #fff; } section { break-inside: avoid; border: none; } header { color: #000; background: none; } }
`;
