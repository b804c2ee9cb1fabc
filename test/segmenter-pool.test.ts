import { describe, expect, it } from 'vitest';
import { createMatcher, createSegmenterPool } from '../src/index.js';
import { backgroundIdf, fixtures } from './helpers.js';

const data = fixtures();

describe('segmenter pool', () => {
  it('gives one segmenter per backend and word list', () => {
    const pool = createSegmenterPool();
    const a = pool.get('node-rs', ['温升', '新材料']);
    expect(pool.get('node-rs', ['温升', '新材料'])).toBe(a);
    expect(pool.get('node-rs', ['温升'])).not.toBe(a);
  });

  it('rejects an unknown backend or words that are not strings', () => {
    const pool = createSegmenterPool();
    expect(() => pool.get('hanlp' as never, [])).toThrow(/unknown segmenter backend "hanlp"/);
    expect(() => pool.get('node-rs', [3] as never)).toThrow(/array of strings/);
  });

  it('lets matchers share a segmenter with the same results as their own, and keeps different dictionaries apart', () => {
    const pool = createSegmenterPool();
    const resources = { backgroundIdf: backgroundIdf(), segmenters: pool };
    const own = createMatcher({}, { backgroundIdf: backgroundIdf() });
    const pooled = [createMatcher({}, resources), createMatcher({ weights: { text: 0.7, industry: 0.3 } }, resources)];
    for (const m of [own, ...pooled]) {
      m.addExperts(data.experts.slice(0, 40));
      m.addNeeds(data.needs.slice(0, 10));
    }
    for (const n of data.needs.slice(0, 10)) expect(pooled[0]!.recommendExperts(n.id)).toEqual(own.recommendExperts(n.id));
    // A matcher with extra words in the same pool gets a segmenter of its own.
    const custom = createMatcher({ dictionary: ['湘潭精锐数控'] }, resources);
    expect(custom.analyze('湘潭精锐数控机床')).toContain('湘潭精锐数控');
    expect(pooled[0]!.analyze('湘潭精锐数控机床')).not.toContain('湘潭精锐数控');
  });
});
