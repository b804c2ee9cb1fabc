import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BackgroundIdf, createMatcher, loadBackgroundIdf, type Matcher, type MatcherOptions } from '../src/index.js';
import type { ExpertInput, IndustryCode, NeedInput } from '../src/index.js';

let shared: BackgroundIdf | undefined;

/** jieba's background IDF, parsed once per test file (it is read-only). */
export function backgroundIdf(): BackgroundIdf {
  shared ??= loadBackgroundIdf();
  return shared;
}

export function matcher(options?: MatcherOptions): Matcher {
  return createMatcher(options, { backgroundIdf: backgroundIdf() });
}

const root = fileURLToPath(new URL('../fixtures/xiangtan/', import.meta.url));

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(root + name, 'utf8')) as T;
}

export interface Labels {
  needs: Record<string, { industry: IndustryCode; style: 'plant-floor' | 'formal' }>;
  experts: Record<string, { industries: IndustryCode[]; language: 'zh' | 'en' | 'zh-hant' | 'mixed'; distractor: boolean }>;
}

export interface Qrel {
  needId: string;
  expertId: string;
  grade: number;
}

export function fixtures(): { experts: ExpertInput[]; needs: NeedInput[]; labels: Labels; qrels: Qrel[] } {
  return {
    experts: readJson<ExpertInput[]>('experts.json'),
    needs: readJson<NeedInput[]>('needs.json'),
    labels: readJson<Labels>('labels.json'),
    qrels: readJson<Qrel[]>('qrels.json'),
  };
}
