import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ResolvedOptions } from './config.js';
import { SnapshotError } from './errors.js';
import type { ExpertInput, NeedInput } from './types.js';

export const SNAPSHOT_FORMAT = 'innomatch/snapshot';
export const SNAPSHOT_VERSION = 1;

/**
 * A JSON snapshot: the options and the live records, in insertion order, with a checksum.
 * Loading rebuilds the indexes from the records, so results are identical after a round trip.
 */
export interface MatcherSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  options: ResolvedOptions;
  experts: ExpertInput[];
  needs: NeedInput[];
  checksum: string;
}

function checksum(options: unknown, experts: unknown, needs: unknown): string {
  return createHash('sha256').update(JSON.stringify({ options, experts, needs })).digest('hex');
}

export function buildSnapshot(options: ResolvedOptions, experts: ExpertInput[], needs: NeedInput[]): MatcherSnapshot {
  const snap = {
    options: structuredClone(options),
    experts: structuredClone(experts),
    needs: structuredClone(needs),
  };
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    ...snap,
    checksum: checksum(snap.options, snap.experts, snap.needs),
  };
}

const envelope = z.object({
  format: z.string(),
  version: z.number(),
  options: z.record(z.string(), z.unknown()),
  experts: z.array(z.unknown()),
  needs: z.array(z.unknown()),
  checksum: z.string(),
});

/** Checks a snapshot's envelope, version and checksum; the records are validated again on load. */
export function readSnapshot(input: unknown): { options: unknown; experts: unknown[]; needs: unknown[] } {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (cause) {
      throw new SnapshotError('snapshot is not valid JSON', { cause });
    }
  }
  const parsed = envelope.safeParse(value);
  if (!parsed.success) throw new SnapshotError(`not an innomatch snapshot: ${parsed.error.issues[0]?.message ?? ''}`);
  const s = parsed.data;
  if (s.format !== SNAPSHOT_FORMAT) throw new SnapshotError(`not an innomatch snapshot (format "${s.format}")`);
  if (s.version !== SNAPSHOT_VERSION) {
    throw new SnapshotError(`snapshot version ${s.version} is not supported (this innomatch reads version ${SNAPSHOT_VERSION})`);
  }
  if (checksum(s.options, s.experts, s.needs) !== s.checksum) {
    throw new SnapshotError('snapshot checksum does not match: the file is corrupted or was edited');
  }
  return { options: s.options, experts: s.experts, needs: s.needs };
}
