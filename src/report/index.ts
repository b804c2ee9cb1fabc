/** The event report: data from a matcher and an event, rendered as one offline HTML file. */
export { buildReportData, DEFAULT_TARGETS, DEFAULT_THRESHOLD, type BuildReportOptions, type ReportTargets } from './data.js';
export { renderReport } from './render.js';
export { escapeHtml } from './html.js';
export type * from './types.js';
