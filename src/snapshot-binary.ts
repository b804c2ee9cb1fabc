import { createHash } from 'node:crypto';
import type { ResolvedOptions } from './config.js';
import { SnapshotError } from './errors.js';
import type { Segment } from './index/segment.js';
import type { SideState } from './side.js';
import type { ExpertInput, NeedInput } from './types.js';

/**
 * Binary snapshot: the indexes as typed-array sections, so loading skips segmentation and
 * indexing entirely.
 *
 *   bytes 0–7    magic "INNOMTCH"
 *   bytes 8–11   format version (uint32 LE)
 *   bytes 12–15  header length H (uint32 LE)
 *   bytes 16–47  SHA-256 of everything from byte 48 on
 *   bytes 48…    header (UTF-8 JSON: options and the section table), padded to 8 bytes,
 *                then the sections, each starting on an 8-byte boundary
 */
export const BINARY_MAGIC = 'INNOMTCH';
export const BINARY_VERSION = 1;

type SectionType = 'i32' | 'u8' | 'f32' | 'f64' | 'json' | 'lines';

interface SectionEntry {
  name: string;
  type: SectionType;
  offset: number;
  length: number;
}

interface Header {
  options: ResolvedOptions;
  sections: SectionEntry[];
}

export interface BinaryState {
  options: ResolvedOptions;
  experts: SideState<ExpertInput>;
  needs: SideState<NeedInput>;
}

function sideSections(prefix: string, s: SideState<{ id: string }>): [string, SectionType, Uint8Array][] {
  const bytes = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const utf8 = (x: string): Uint8Array => new TextEncoder().encode(x);
  const seg = s.index.segment;
  return [
    [`${prefix}.terms`, 'lines', utf8(s.index.terms.join('\n'))],
    [`${prefix}.df`, 'i32', bytes(s.index.df)],
    [`${prefix}.alive`, 'u8', bytes(s.index.alive)],
    [`${prefix}.offsets`, 'i32', bytes(seg.offsets)],
    [`${prefix}.docs`, 'i32', bytes(seg.docs)],
    [`${prefix}.imps`, 'u8', bytes(seg.imps)],
    [`${prefix}.maxImp`, 'u8', bytes(seg.maxImp)],
    [`${prefix}.industry`, 'f64', bytes(s.industryRows)],
    ...(s.index.scale !== undefined ? [[`${prefix}.scale`, 'f32', bytes(s.index.scale)] as [string, SectionType, Uint8Array]] : []),
    [`${prefix}.records`, 'json', utf8(JSON.stringify(s.records))],
  ];
}

const pad8 = (n: number): number => (n + 7) & ~7;

export function writeBinarySnapshot(state: BinaryState): Uint8Array {
  const parts = [...sideSections('experts', state.experts), ...sideSections('needs', state.needs)];
  const sections: SectionEntry[] = [];
  let offset = 0;
  for (const [name, type, data] of parts) {
    sections.push({ name, type, offset, length: data.byteLength });
    offset = pad8(offset + data.byteLength);
  }
  const header = new TextEncoder().encode(JSON.stringify({ options: state.options, sections } satisfies Header));
  const dataStart = pad8(48 + header.byteLength);
  const out = new Uint8Array(dataStart + offset);
  out.set(new TextEncoder().encode(BINARY_MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, BINARY_VERSION, true);
  view.setUint32(12, header.byteLength, true);
  out.set(header, 48);
  parts.forEach(([, , data], i) => out.set(data, dataStart + (sections[i] as SectionEntry).offset));
  out.set(createHash('sha256').update(out.subarray(48)).digest(), 16);
  return out;
}

export function isBinarySnapshot(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.byteLength >= 8 && new TextDecoder().decode(value.subarray(0, 8)) === BINARY_MAGIC;
}

export function readBinarySnapshot(bytes: Uint8Array): BinaryState {
  if (bytes.byteLength < 48 || !isBinarySnapshot(bytes)) throw new SnapshotError('not an innomatch binary snapshot');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== BINARY_VERSION) {
    throw new SnapshotError(`binary snapshot version ${version} is not supported (this innomatch reads version ${BINARY_VERSION})`);
  }
  const digest = createHash('sha256').update(bytes.subarray(48)).digest();
  if (!digest.equals(Buffer.from(bytes.subarray(16, 48)))) {
    throw new SnapshotError('snapshot checksum does not match: the file is corrupted or was edited');
  }
  const headerLength = view.getUint32(12, true);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(48, 48 + headerLength))) as Header;
  } catch (cause) {
    throw new SnapshotError('binary snapshot header is not valid JSON', { cause });
  }
  const dataStart = pad8(48 + headerLength);
  const byName = new Map(header.sections.map((s) => [s.name, s]));
  const raw = (name: string): Uint8Array => {
    const s = byName.get(name);
    if (!s || dataStart + s.offset + s.length > bytes.byteLength) throw new SnapshotError(`binary snapshot: section ${name} is missing`);
    // Copy into a fresh, aligned buffer (the input may be a view at any offset).
    return bytes.slice(dataStart + s.offset, dataStart + s.offset + s.length);
  };
  const i32 = (name: string): Int32Array => {
    const r = raw(name);
    return new Int32Array(r.buffer, 0, r.byteLength / 4);
  };
  const text = (name: string): string => new TextDecoder().decode(raw(name));
  const side = <R>(prefix: string): SideState<R> => {
    const termText = text(`${prefix}.terms`);
    const segment: Segment = {
      offsets: i32(`${prefix}.offsets`),
      docs: i32(`${prefix}.docs`),
      imps: raw(`${prefix}.imps`),
      maxImp: raw(`${prefix}.maxImp`),
    };
    const ind = raw(`${prefix}.industry`);
    const scale = byName.has(`${prefix}.scale`) ? raw(`${prefix}.scale`) : undefined;
    return {
      index: {
        terms: termText.length > 0 ? termText.split('\n') : [],
        df: i32(`${prefix}.df`),
        alive: raw(`${prefix}.alive`),
        segment,
        ...(scale !== undefined ? { scale: new Float32Array(scale.buffer, 0, scale.byteLength / 4) } : {}),
      },
      records: JSON.parse(text(`${prefix}.records`)) as (R | null)[],
      industryRows: new Float64Array(ind.buffer, 0, ind.byteLength / 8),
    };
  };
  return { options: header.options, experts: side<ExpertInput>('experts'), needs: side<NeedInput>('needs') };
}
