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
