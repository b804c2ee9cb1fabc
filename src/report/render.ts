/**
 * `renderReport`: one self-contained HTML file in Chinese. No script, no external font, style
 * sheet or image: it opens offline, and a Content-Security-Policy forbids loading or running
 * anything, as a second line of defence behind the escaping of every user text (`html.ts`).
 */
import { html, SafeHtml } from './html.js';
import {
  assignmentSection,
  coverageSection,
  gapsSection,
  scheduleSectionHtml,
  stationsSection,
  targetsSection,
} from './sections.js';
import { STYLE } from './style.js';
import { parseOrThrow } from '../parse.js';
import { reportDataSchema } from './schema.js';
import type { ReportData } from './types.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderReport(input: ReportData): string {
  const data = parseOrThrow(reportDataSchema, input, 'report data');
  return html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${data.title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<header><h1>${data.title}</h1>${data.subtitle ? html`<p>${data.subtitle}</p>` : ''}</header>
<main>
${targetsSection(data)}
${coverageSection(data)}
${gapsSection(data)}
${assignmentSection(data)}
${scheduleSectionHtml(data)}
${stationsSection(data)}
</main>
<footer>由 innomatch 生成。匹配得分 = 文本相似度（BM25F，含同义词与现象—原理扩展）与行业一致度的加权和；“匹配依据”各词的贡献之和即文本部分得分。</footer>
</body>
</html>
`.value;
}
