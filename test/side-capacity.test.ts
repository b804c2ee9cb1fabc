import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordArray, recordAt, Side } from '../src/side.js';
import { EncodedRecordList, encodeRecords } from '../src/snapshot-records.js';
import { INDUSTRY_DIM, ROW_DIM } from '../src/taxonomy/row.js';

const fields = [{ name: 'f', weight: 1, b: 0.5, refLength: 10, queryWeight: 1 }];
const vocab = Array.from({ length: 12 }, (_, i) => `t${i}`);

interface Rec {
  id: string;
}

/** A taxonomy row: one industry and one discipline of each record's own, so rows that move are told apart. */
function industryOf(n: number): Float64Array {
  const v = new Float64Array(ROW_DIM);
  v[n % INDUSTRY_DIM] = 1;
  for (let k = INDUSTRY_DIM; k < ROW_DIM; k += 2) v[k] = -1;
  v[INDUSTRY_DIM] = n % 100;
  v[INDUSTRY_DIM + 1] = 1;
  return v;
}

/** Every third record is added as a weighted one (the centroid model's path, with a per-record factor). */
function addTo(side: Side<Rec>, id: string, t: string[], n: number): void {
  if (n % 3 === 0) side.addWeighted({ id }, new Map(t.map((x, i) => [x, 1 / (i + 1)])), 1 + (n % 5) / 4, industryOf(n));
  else side.add({ id }, [t], industryOf(n));
}

describe('Side capacity', () => {
  it('renumbers its live records when its slots run out, equal to a fresh side of the same records', () => {
    // Steps: add a record (its terms), or remove the i-th live one.
    const step = fc.oneof(
      fc.record({ add: fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 6 }) }),
      fc.record({ remove: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.array(step, { minLength: 1, maxLength: 80 }), (maxSlots, steps) => {
        const side = new Side<Rec>(fields, 1.2, maxSlots);
        const terms = new Map<string, string[]>();
        let n = 0;
        for (const s of steps) {
          if ('add' in s) {
            if (side.index.size === maxSlots) {
              // Full of live records: the only case that still throws.
              expect(() => side.add({ id: 'x' }, [['t0']], industryOf(0))).toThrow(RangeError);
              continue;
            }
            const id = `r${n++}`;
            const t = s.add.map((i) => vocab[i] as string);
            terms.set(id, t);
            addTo(side, id, t, n);
          } else if (terms.size > 0) {
            const ids = [...terms.keys()];
            const id = ids[s.remove % ids.length] as string;
            terms.delete(id);
            expect(side.remove(id)).toBe(true);
          }
          side.index.segments(); // as a query would
        }
        // A fresh side with the live records, in the order they were added.
        const fresh = new Side<Rec>(fields, 1.2);
        for (const [id, t] of terms) addTo(fresh, id, t, Number(id.slice(1)) + 1);
        for (const id of terms.keys()) {
          const slot = side.slotOf(id) as number;
          expect(side.record(slot).id).toBe(id);
          expect([...side.industry(slot)]).toEqual([...industryOf(Number(id.slice(1)) + 1)]);
        }
        const a = side.exportState();
        const b = fresh.exportState();
        // Same postings and document frequencies by term (vocabularies may list terms in another order).
        const byTerm = (st: typeof a) =>
          Object.fromEntries(
            st.index.terms.map((t, i) => {
              const ids: string[] = [];
              for (let p = st.index.segment.offsets[i] as number; p < (st.index.segment.offsets[i + 1] as number); p++) {
                const x = st.index.segment.postings[p] as number;
                ids.push(`${(recordAt(st.records, x >> 8) as Rec).id}:${x & 255}`);
              }
              return [t, { df: st.index.df[i], ids: ids.sort() }];
            }),
          );
        const want = byTerm(b);
        const got = Object.fromEntries(Object.entries(byTerm(a)).filter(([t]) => want[t] !== undefined || (a.index.df[a.index.terms.indexOf(t)] ?? 0) > 0));
        expect(got).toEqual(want);
        // Per-record factors of weighted (centroid-model) records follow their records.
        const scaleOf = (x: Side<Rec>, st: typeof a, id: string) => st.index.scale?.[x.slotOf(id) as number] ?? 1;
        for (const id of terms.keys()) expect(scaleOf(side, a, id)).toBe(scaleOf(fresh, b, id));
        expect(side.index.slotCount).toBeLessThanOrEqual(maxSlots);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Side with records read on demand (a binary snapshot)', () => {
  it('renumbers, removes and reads them as it does records in memory', () => {
    const shape = [['id', 'string']] as const;
    const a = new Side<Rec>(fields, 1.2, 4);
    for (let n = 0; n < 4; n++) addTo(a, `r${n}`, [vocab[n] as string], n);
    a.remove('r1');
    const state = a.exportState();
    const lazy = new EncodedRecordList<Rec>(4, encodeRecords(recordArray(state.records), shape, 2), shape, 'test');
    const b = new Side<Rec>(fields, 1.2, 4);
    b.importState({ ...state, records: lazy });
    expect(b.liveIds()).toEqual(['r0', 'r2', 'r3']);
    expect(b.idOf(b.slotOf('r3') as number)).toBe('r3');
    // Every slot used: this add renumbers the live records first, none of them read yet.
    b.add({ id: 'r4' }, [['t4']], industryOf(4));
    expect(b.liveIds()).toEqual(['r0', 'r2', 'r3', 'r4']);
    expect(b.liveRecords()).toEqual([{ id: 'r0' }, { id: 'r2' }, { id: 'r3' }, { id: 'r4' }]);
    expect(b.remove('r2')).toBe(true);
    expect(b.liveIds()).toEqual(['r0', 'r3', 'r4']);
    expect(b.record(b.slotOf('r0') as number)).toEqual({ id: 'r0' });
  });
});
