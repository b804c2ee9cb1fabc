/** The report's sections, each a function of its slice of {@link ReportData}. */
import { STATION_NAMES_ZH } from '../event/stations.js';
import { displayTime } from '../event/time.js';
import type { ExpertKind } from '../types.js';
import { bar } from './bars.js';
import { fixed, fixedBelow, html, limitText, type SafeHtml } from './html.js';
import type { ReportData, ScheduleSection, TargetFigure } from './types.js';

const KIND_ZH: Readonly<Record<ExpertKind, string>> = {
  academician: '院士',
  expert: '专家',
  society: '学会',
  overseas: '海智专家',
  team: '团队',
};

const none = (text: string): SafeHtml => html`<p class="empty">${text}</p>`;

function targetCard(f: TargetFigure): SafeHtml {
  // A target of 0 has no completion rate (nothing to divide by): it is shown without one.
  const pct = f.target !== undefined && f.target > 0 ? fixed((f.value / f.target) * 100, 1) : undefined;
  return html`<div class="card target-card">
<div>${f.label}</div>
<div class="value">${f.value.toLocaleString('zh-CN')} <small>${f.unit}</small></div>
${f.target === undefined
    ? html`<div class="target">（未设目标）</div>`
    : pct === undefined
      ? html`<div class="target">目标 ${f.target.toLocaleString('zh-CN')} ${f.unit}（不计完成率）</div>`
      : html`<div class="target">目标 ${f.target.toLocaleString('zh-CN')} ${f.unit}，完成 ${pct}%</div>${bar(f.value, f.target, `${f.label} 完成 ${pct}%`, 'done')}`}
${f.note ? html`<div class="muted">${f.note}</div>` : ''}
</div>`;
}

export function targetsSection(d: ReportData): SafeHtml {
  return html`<section id="targets"><h2>目标完成情况</h2><div class="cards">${d.targets.map(targetCard)}</div></section>`;
}

export function coverageSection(d: ReportData): SafeHtml {
  const maxNeeds = Math.max(0, ...d.coverage.map((r) => r.needs));
  const maxExperts = Math.max(0, ...d.coverage.map((r) => r.experts));
  const rows = d.coverage.map(
    (r) => html`<tr data-industry="${r.code ?? 'none'}">
<td>${r.nameZh}</td>
<td class="num">${r.needs}</td><td>${bar(r.needs, maxNeeds, `${r.nameZh} 需求 ${r.needs} 项`)}</td>
<td class="num">${r.experts}</td><td>${bar(r.experts, maxExperts, `${r.nameZh} 可服务专家 ${r.experts} 位`, 'experts')}</td>
<td class="num">${r.coveredNeeds}/${r.needs}</td>
</tr>`,
  );
  return html`<section id="coverage"><h2>分行业供需覆盖</h2>
<p class="muted">按需求的主行业统计；“可服务专家”指对该行业至少一项需求匹配得分 ≥ ${limitText(d.threshold)} 的专家（含学会、海智专家、团队）。</p>
<table class="coverage"><thead><tr><th>行业</th><th>需求数</th><th></th><th>可服务专家</th><th></th><th>已覆盖需求</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

export function gapsSection(d: ReportData): SafeHtml {
  const body =
    d.gaps.length === 0
      ? none(`所有需求都有匹配得分 ≥ ${limitText(d.threshold)} 的专家。`)
      : d.gaps.map(
          (g) => html`<h3>${g.nameZh}（${g.needs.length} 项）</h3>
<table class="gaps"><thead><tr><th>需求编号</th><th>需求名称</th><th>企业</th><th>最高得分</th></tr></thead><tbody>
${g.needs.map(
  (n) => html`<tr><td>${n.needId}</td><td>${n.title}</td><td>${n.enterprise}</td><td class="num">${fixedBelow(n.bestScore, d.threshold)}${n.bestExpert ? html` <span class="muted">(${n.bestExpert})</span>` : ''}</td></tr>`,
)}
</tbody></table>`,
        );
  return html`<section id="gaps"><h2>人才缺口（需引进或招募的方向）</h2>
<p class="muted">没有任何专家匹配得分达到 ${limitText(d.threshold)} 的需求，按行业分组。</p>${body}</section>`;
}

export function assignmentSection(d: ReportData): SafeHtml {
  const a = d.assignment;
  const rows = a.rows.map(
    (r) => html`<tr>
<td>${r.needId}</td><td>${r.needTitle}</td><td>${r.enterprise}</td>
<td>${r.expertName} <span class="kind">${KIND_ZH[r.expertKind]}</span><br><span class="muted">${r.expertId} · ${r.organization}</span></td>
<td class="num">${fixed(r.score)}</td>
<td>${r.terms.map((t) => html`<span class="tag">${t}</span>`)}${r.industries.length > 0 ? html`<br><span class="muted">${r.industries.join('、')}</span>` : ''}${
      r.latent !== undefined ? html`<br><span class="muted">语义相似（嵌入）${fixed(r.latent)}</span>` : ''
    }</td>
</tr>`,
  );
  const unfilled =
    a.unfilled.length === 0
      ? ''
      : html`<h3>未满足的需求（${a.unfilled.length} 项）</h3>
<table class="unfilled"><thead><tr><th>需求编号</th><th>需求名称</th><th>企业</th><th>缺少</th><th>原因</th></tr></thead><tbody>
${a.unfilled.map((u) => html`<tr><td>${u.needId}</td><td>${u.needTitle}</td><td>${u.enterprise}</td><td class="num">${u.missing}</td><td class="warn">${u.reason}</td></tr>`)}
</tbody></table>`;
  return html`<section id="assignment"><h2>对接安排</h2>
<p class="muted">${a.objective === 'fair' ? '目标：先保证最弱的一组匹配尽量好，再使总分最高' : '目标：对接场次最多，再使匹配总分最高'}；共 ${a.rows.length} 组，总分 ${fixed(a.totalScore)}${a.worstScore !== undefined ? `，最低分 ${fixed(a.worstScore)}` : ''}。“匹配依据”为得分贡献最大的词（←后为需求原文中的说法）。</p>
${a.rows.length === 0 ? none('没有安排任何对接。') : html`<table class="assignment"><thead><tr><th>需求编号</th><th>需求名称</th><th>企业</th><th>专家</th><th>得分</th><th>匹配依据</th></tr></thead><tbody>${rows}</tbody></table>`}
${unfilled}</section>`;
}

/** 'HH:MM' of an event time ('09:20', '+1d 09:20' shown as '09:20 (+1d)', or an ISO datetime). */
function timeOfDay(t: string): string {
  return /T(\d{2}:\d{2})/.exec(t)?.[1] ?? displayTime(t);
}

function grid(s: ScheduleSection): SafeHtml {
  return html`<div class="grid"><table class="schedule"><thead><tr><th class="row">${s.by === 'expert' ? '专家' : '企业'}</th>${s.slots.map(
    (x) => html`<th>${timeOfDay(x.start)}–${timeOfDay(x.end)}</th>`,
  )}</tr></thead><tbody>
${s.rows.map(
  (r) => html`<tr><th class="row">${r.label}</th>${r.cells.map((c) => (c.length > 0 ? html`<td class="busy">${c.map((t, i) => html`${i > 0 ? html`<br>` : ''}${t}`)}</td>` : html`<td></td>`))}</tr>`,
)}
</tbody></table></div>`;
}

export function scheduleSectionHtml(d: ReportData): SafeHtml {
  const s = d.schedule;
  if (!s) return html``;
  const unscheduled =
    s.unscheduled.length === 0
      ? ''
      : html`<h3>无法排入的对接（${s.unscheduled.length} 组需求与专家配对）</h3><table class="unscheduled"><thead><tr><th>需求</th><th>专家</th><th>企业</th><th>原因</th></tr></thead><tbody>
${s.unscheduled.map((u) => html`<tr><td>${u.needId}</td><td>${u.expertId}</td><td>${u.enterprise}</td><td class="warn">${u.reason}</td></tr>`)}</tbody></table>`;
  return html`<section id="schedule"><h2>日程安排</h2>
<p class="muted">每场 ${s.slotMinutes} 分钟，共 ${s.slots.length} 个时段；同一专家、同一企业不会同时出现在两场对接中（学会的不同派出专家可同时参加）。</p>
${s.rows.length === 0 ? none('没有排入任何对接。') : grid(s)}${unscheduled}</section>`;
}

export function stationsSection(d: ReportData): SafeHtml {
  const body =
    d.stations.length === 0
      ? none('暂无建议。')
      : html`<table class="stations"><thead><tr><th>企业</th><th>建议设立</th><th>专家</th><th>相关需求</th><th>平均得分</th></tr></thead><tbody>
${d.stations.map(
  (s) => html`<tr><td>${s.enterprise}</td><td>${STATION_NAMES_ZH[s.station]}</td><td>${s.expertName} <span class="kind">${KIND_ZH[s.kind]}</span> <span class="muted">${s.expertId}</span></td><td>${s.needIds.join('、')}</td><td class="num">${fixed(s.meanScore)}</td></tr>`,
)}</tbody></table>`;
  return html`<section id="stations"><h2>长期合作建议</h2>
<p class="muted">企业的多项需求反复匹配到同一位院士、同一个学会或同一位海外专家时，建议设立院士专家工作站、学会服务站或海智工作站。</p>${body}</section>`;
}
