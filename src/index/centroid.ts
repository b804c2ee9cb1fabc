/**
 * The centroid profile model: a profile made of several texts ("units": the profile's own
 * statement, then each publication) is the mean of the units' unit-length vectors, so every
 * publication has one voice however long it is, and the profile is then scaled to unit length
 * (cosine). A unit's vector is 1 + ln(tf) per term (sublinear), with each field's occurrences
 * counted with the field's weight. The mean's 1/units cancels in both scalings, so it is a sum.
 *
 * Quantised one-byte impacts need values spread over (0, 1], so the weights are returned
 * relative to the largest one (`weights`, in (0, 1]) together with the factor that turns them
 * back into the unit-length vector (`scale` = max / norm): weight(t) × scale = c(t) / ‖c‖.
 * Everything depends on the profile alone, as the index requires.
 */
import { quantizeImpact } from '../rank/similarity.js';
import { Arena, enlarge } from '../util/typed.js';

export interface CentroidWeights {
  weights: Map<string, number>;
  scale: number;
}

export function centroidWeights(units: readonly (readonly (readonly string[])[])[], fieldWeights: readonly number[]): CentroidWeights {
  const sum = new Map<string, number>();
  let used = 0;
  for (const fields of units) {
    const tf = new Map<string, number>();
    fields.forEach((tokens, f) => {
      const w = fieldWeights[f] ?? 1;
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + w);
    });
    if (tf.size === 0) continue;
    let norm = 0;
    for (const [t, x] of tf) {
      const v = x >= 1 ? 1 + Math.log(x) : x;
      tf.set(t, v);
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (const [t, v] of tf) sum.set(t, (sum.get(t) ?? 0) + v / norm);
    used++;
  }
  let max = 0;
  let norm = 0;
  for (const v of sum.values()) {
    max = Math.max(max, v);
    norm += v * v;
  }
  if (used === 0 || max === 0) return { weights: new Map(), scale: 1 };
  norm = Math.sqrt(norm);
  const weights = new Map<string, number>();
  for (const [t, v] of sum) weights.set(t, v / max);
  return { weights, scale: max / norm };
}

/** Per-term scratch of `centroidImpactsOfIds`, reused from document to document. */
export interface CentroidBuffers {
  stamp: number;
  /** Entries equal to the current unit's (document's) stamp: the term has a value in `tf` (`sum`). */
  unitMark: Int32Array;
  docMark: Int32Array;
  tf: Float64Array;
  sum: Float64Array;
  /** The current unit's (document's) distinct terms, in order of first occurrence. */
  unitTerms: Int32Array;
  docTerms: Int32Array;
  /** Where the results' arrays come from. */
  termIds: Arena<Int32Array>;
  imps: Arena<Uint8Array>;
}

export function centroidBuffers(): CentroidBuffers {
  return {
    stamp: 0,
    unitMark: new Int32Array(1024),
    docMark: new Int32Array(1024),
    tf: new Float64Array(1024),
    sum: new Float64Array(1024),
    unitTerms: new Int32Array(256),
    docTerms: new Int32Array(256),
    termIds: new Arena(Int32Array),
    imps: new Arena(Uint8Array),
  };
}

/**
 * `centroidWeights` of a profile whose units' tokens are term ids (unit by unit, field by field),
 * as the index takes it: the term ids in ascending order, each one's weight quantised to one
 * byte, and the scale. The same arithmetic in the same order, so the same values, bit for bit, as
 * `centroidWeights` followed by `FieldIndex.addWeighted` on the tokens; without a map per unit.
 */
export function centroidImpactsOfIds(
  units: readonly (readonly Int32Array[])[],
  fieldWeights: readonly number[],
  b: CentroidBuffers,
): { termIds: Int32Array; imps: Uint8Array; scale: number } {
  if (b.stamp > 0x7fff_0000) {
    b.stamp = 0;
    b.unitMark.fill(0);
    b.docMark.fill(0);
  }
  const doc = ++b.stamp;
  let nDoc = 0;
  let used = 0;
  for (const fields of units) {
    const unit = ++b.stamp;
    let nUnit = 0;
    for (let f = 0; f < fields.length; f++) {
      const w = fieldWeights[f] ?? 1;
      const ids = fields[f] as Int32Array;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k] as number;
        if (id >= b.unitMark.length) {
          b.unitMark = enlarge(b.unitMark, id + 1);
          b.docMark = enlarge(b.docMark, id + 1);
          b.tf = enlarge(b.tf, id + 1);
          b.sum = enlarge(b.sum, id + 1);
        }
        if (b.unitMark[id] !== unit) {
          b.unitMark[id] = unit;
          b.tf[id] = 0;
          b.unitTerms = enlarge(b.unitTerms, nUnit + 1);
          b.unitTerms[nUnit++] = id;
        }
        b.tf[id] = (b.tf[id] as number) + w;
      }
    }
    if (nUnit === 0) continue;
    let norm = 0;
    for (let j = 0; j < nUnit; j++) {
      const id = b.unitTerms[j] as number;
      const x = b.tf[id] as number;
      const v = x >= 1 ? 1 + Math.log(x) : x;
      b.tf[id] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (let j = 0; j < nUnit; j++) {
      const id = b.unitTerms[j] as number;
      if (b.docMark[id] !== doc) {
        b.docMark[id] = doc;
        b.sum[id] = 0;
        b.docTerms = enlarge(b.docTerms, nDoc + 1);
        b.docTerms[nDoc++] = id;
      }
      b.sum[id] = (b.sum[id] as number) + (b.tf[id] as number) / norm;
    }
    used++;
  }
  let max = 0;
  let norm = 0;
  for (let j = 0; j < nDoc; j++) {
    const v = b.sum[b.docTerms[j] as number] as number;
    max = Math.max(max, v);
    norm += v * v;
  }
  if (used === 0 || max === 0) return { termIds: new Int32Array(0), imps: new Uint8Array(0), scale: 1 };
  norm = Math.sqrt(norm);
  const termIds = b.termIds.alloc(nDoc);
  termIds.set(b.docTerms.subarray(0, nDoc));
  termIds.sort();
  const imps = b.imps.alloc(nDoc);
  for (let j = 0; j < nDoc; j++) imps[j] = quantizeImpact((b.sum[termIds[j] as number] as number) / max);
  return { termIds, imps, scale: max / norm };
}
