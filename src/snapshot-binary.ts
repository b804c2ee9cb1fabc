import { createHash } from 'node:crypto';
import type { ResolvedOptions } from './config.js';
import { SnapshotError } from './errors.js';
import { MAX_SLOTS, posting, type Segment } from './index/segment.js';
import { recordArray, type RecordsBySlot, type SideState } from './side.js';
import { EncodedRecordList, encodeRecords, EXPERT_SHAPE, NEED_SHAPE, type Shape } from './snapshot-records.js';
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
 *
 * Version 2 stores each side's records as JSON arrays of at most RECORDS_PER_BLOCK records
 * (section `records`, type 'jsonBlocks', with the byte length of each block in `recordBlocks`):
 * a million profiles' records are more UTF-8 than one JavaScript string can hold (2^29 − 24
 * characters; decoding them as one failed at 1M generated profiles). Version 1 (one JSON array)
 * is still read. Version 3 stores each segment's postings as one array of slot × 256 + impact
 * (section `postings`) where versions 1 and 2 had two (`docs` and `imps`); those are packed
 * when read. Version 4 stores the record blocks as UTF-16LE (type 'jsonBlocks16'): about as many
 * bytes as UTF-8 for Chinese text (2 per character instead of 3, 2 instead of 1 for ASCII), and
 * decoded about twice as fast (measured on 50k generated profiles: 162-186 vs 309-344 ms), which
 * matters since every live record is also parsed and validated on load. Version 5 stores the
 * records as columns instead (snapshot-records.ts: a tape of field masks, lengths and numbers in
 * `recordTape`, the string values as UTF-16LE text blocks in `recordText` with their byte
 * lengths in `recordTextBlocks`, and [slots, records per block] in `recordLayout`), read without
 * parsing JSON.
 */
export const BINARY_MAGIC = 'INNOMTCH';
export const BINARY_VERSION = 5;
const READABLE_VERSIONS = [1, 2, 3, 4, 5];
/** Records per JSON block of a version 2 snapshot (~10 MB of UTF-8 for typical profiles). */
const RECORDS_PER_BLOCK = 10_000;

type SectionType = 'i32' | 'u8' | 'f32' | 'f64' | 'json' | 'jsonBlocks' | 'jsonBlocks16' | 'lines' | 'utf16Blocks';

interface SectionEntry {
  name: string;
  type: SectionType;
  offset: number;
  length: number;
}

interface Header {
  options: ResolvedOptions;
  /** The writer's analysis fingerprint (src/text/fingerprint.ts); absent before version 4. */
  analysis?: string;
  sections: SectionEntry[];
}

export interface BinaryState {
  options: ResolvedOptions;
  /** The analysis fingerprint of the matcher that wrote the index; undefined when unknown. */
  analysis?: string;
  experts: SideState<ExpertInput>;
  needs: SideState<NeedInput>;
}

/** A section to write: its bytes, in one piece or several written back to back. */
type Part = [name: string, type: SectionType, data: Uint8Array | Uint8Array[]];

function sideSections(prefix: string, s: SideState<{ id: string }>, recordsPerBlock: number, shape: Shape): Part[] {
  const bytes = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const utf8 = (x: string): Uint8Array => new TextEncoder().encode(x);
  const seg = s.index.segment;
  return [
    [`${prefix}.terms`, 'lines', utf8(s.index.terms.join('\n'))],
    [`${prefix}.df`, 'i32', bytes(s.index.df)],
    [`${prefix}.alive`, 'u8', bytes(s.index.alive)],
    [`${prefix}.offsets`, 'i32', bytes(seg.offsets)],
    [`${prefix}.postings`, 'i32', bytes(seg.postings)],
    [`${prefix}.maxImp`, 'u8', bytes(seg.maxImp)],
    [`${prefix}.industry`, 'f64', bytes(s.industryRows)],
    ...(s.index.scale !== undefined ? [[`${prefix}.scale`, 'f32', bytes(s.index.scale)] as Part] : []),
    ...recordSections(prefix, recordArray(s.records), recordsPerBlock, shape),
  ];
}

function recordSections(prefix: string, records: readonly ({ id: string } | null)[], perBlock: number, shape: Shape): Part[] {
  const enc = encodeRecords(records, shape, perBlock);
  const blocks = enc.texts.map((t) => {
    const b = Buffer.from(t, 'utf16le');
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  });
  const f64 = (a: Float64Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return [
    [`${prefix}.recordLayout`, 'f64', f64(Float64Array.of(records.length, perBlock))],
    [`${prefix}.recordTape`, 'f64', f64(enc.tape)],
    [`${prefix}.recordTextBlocks`, 'f64', f64(Float64Array.from(blocks, (b) => b.byteLength))],
    // The blocks are copied once, straight into the snapshot.
    [`${prefix}.recordText`, 'utf16Blocks', blocks],
  ];
}

const pad8 = (n: number): number => (n + 7) & ~7;

export function writeBinarySnapshot(state: BinaryState, recordsPerBlock = RECORDS_PER_BLOCK): Uint8Array {
  const parts = [
    ...sideSections('experts', state.experts, recordsPerBlock, EXPERT_SHAPE),
    ...sideSections('needs', state.needs, recordsPerBlock, NEED_SHAPE),
  ];
  const sections: SectionEntry[] = [];
  let offset = 0;
  const pieces = (data: Part[2]): Uint8Array[] => (Array.isArray(data) ? data : [data]);
  for (const [name, type, data] of parts) {
    const length = pieces(data).reduce((a, b) => a + b.byteLength, 0);
    sections.push({ name, type, offset, length });
    offset = pad8(offset + length);
  }
  const head: Header = { options: state.options, ...(state.analysis !== undefined ? { analysis: state.analysis } : {}), sections };
  const header = new TextEncoder().encode(JSON.stringify(head));
  const dataStart = pad8(48 + header.byteLength);
  const out = new Uint8Array(dataStart + offset);
  out.set(new TextEncoder().encode(BINARY_MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, BINARY_VERSION, true);
  view.setUint32(12, header.byteLength, true);
  out.set(header, 48);
  parts.forEach(([, , data], i) => {
    let at = dataStart + (sections[i] as SectionEntry).offset;
    for (const piece of pieces(data)) {
      out.set(piece, at);
      at += piece.byteLength;
    }
  });
  out.set(createHash('sha256').update(out.subarray(48)).digest(), 16);
  return out;
}

/** Versions 1 and 2 kept slots and impacts apart: one posting each, as segments now hold them. */
function packPostings(docs: Int32Array, imps: Uint8Array): Int32Array {
  if (docs.length !== imps.length) throw new SnapshotError('binary snapshot: postings sizes differ');
  const out = new Int32Array(docs.length);
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i] as number;
    if (d < 0 || d >= MAX_SLOTS) throw new SnapshotError('binary snapshot: posting out of range');
    out[i] = posting(d, imps[i] as number);
  }
  return out;
}

export function isBinarySnapshot(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.byteLength >= 8 && new TextDecoder().decode(value.subarray(0, 8)) === BINARY_MAGIC;
}

export function readBinarySnapshot(bytes: Uint8Array): BinaryState {
  if (bytes.byteLength < 48 || !isBinarySnapshot(bytes)) throw new SnapshotError('not an innomatch binary snapshot');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (!READABLE_VERSIONS.includes(version)) {
    throw new SnapshotError(`binary snapshot version ${version} is not supported (this innomatch reads versions ${READABLE_VERSIONS.join(', ')})`);
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
  /** A section's bytes in place (for text, which is decoded into strings anyway). */
  const inPlace = (name: string): Uint8Array => {
    const s = byName.get(name);
    if (!s || dataStart + s.offset + s.length > bytes.byteLength) throw new SnapshotError(`binary snapshot: section ${name} is missing`);
    return bytes.subarray(dataStart + s.offset, dataStart + s.offset + s.length);
  };
  const raw = (name: string): Uint8Array => {
    const s = byName.get(name);
    if (!s || dataStart + s.offset + s.length > bytes.byteLength) throw new SnapshotError(`binary snapshot: section ${name} is missing`);
    // Copy into a fresh buffer of its own, so that typed views of it start at offset 0 and are
    // aligned: the input may be a view at any offset (a Node Buffer read from a file is one, and
    // its slice() is a view, not a copy).
    const copy = new Uint8Array(s.length);
    copy.set(bytes.subarray(dataStart + s.offset, dataStart + s.offset + s.length));
    return copy;
  };
  const i32 = (name: string): Int32Array => {
    const r = raw(name);
    return new Int32Array(r.buffer, 0, r.byteLength / 4);
  };
  const text = (name: string): string => new TextDecoder().decode(inPlace(name));
  const f64 = (name: string): Float64Array => {
    const r = raw(name);
    if (r.byteLength % 8 !== 0) throw new SnapshotError(`binary snapshot: section ${name} is not a list of numbers`);
    return new Float64Array(r.buffer, 0, r.byteLength / 8);
  };
  const columns = <R>(prefix: string, shape: Shape): RecordsBySlot<R> => {
    const [count, perBlock] = f64(`${prefix}.recordLayout`);
    const lengths = f64(`${prefix}.recordTextBlocks`);
    const all = inPlace(`${prefix}.recordText`);
    const texts: string[] = [];
    let at = 0;
    for (const len of lengths) {
      if (!Number.isInteger(len) || len < 0 || len % 2 !== 0 || at + len > all.byteLength) {
        throw new SnapshotError(`binary snapshot: text blocks of ${prefix} do not fit their section`);
      }
      texts.push(Buffer.from(all.buffer, all.byteOffset + at, len).toString('utf16le'));
      at += len;
    }
    if (!Number.isInteger(count) || (count as number) < 0) throw new SnapshotError(`binary snapshot: ${prefix} record count is malformed`);
    return new EncodedRecordList<R>(count as number, { texts, perBlock: perBlock as number, tape: f64(`${prefix}.recordTape`) }, shape, prefix);
  };
  const records = <R>(prefix: string, shape: Shape): RecordsBySlot<R> => {
    if (byName.has(`${prefix}.recordTape`)) return columns<R>(prefix, shape);
    const entry = byName.get(`${prefix}.records`);
    if (entry?.type !== 'jsonBlocks' && entry?.type !== 'jsonBlocks16') return JSON.parse(text(`${prefix}.records`)) as (R | null)[];
    const r = raw(`${prefix}.recordBlocks`);
    const lengths = new Float64Array(r.buffer, 0, r.byteLength / 8);
    const all = inPlace(`${prefix}.records`);
    const wide = entry.type === 'jsonBlocks16';
    const decoder = new TextDecoder();
    const decode = (from: number, len: number): string => {
      if (!wide) return decoder.decode(all.subarray(from, from + len));
      if (len % 2 !== 0) throw new SnapshotError(`binary snapshot: a UTF-16 record block of ${prefix} has an odd length`);
      return Buffer.from(all.buffer, all.byteOffset + from, len).toString('utf16le');
    };
    const out: (R | null)[] = [];
    let at = 0;
    for (const len of lengths) {
      if (at + len > all.byteLength) throw new SnapshotError(`binary snapshot: record blocks of ${prefix} overrun their section`);
      for (const rec of JSON.parse(decode(at, len)) as (R | null)[]) out.push(rec);
      at += len;
    }
    return out;
  };
  const side = <R>(prefix: string, shape: Shape): SideState<R> => {
    const termText = text(`${prefix}.terms`);
    const segment: Segment = {
      offsets: i32(`${prefix}.offsets`),
      postings: version >= 3 ? i32(`${prefix}.postings`) : packPostings(i32(`${prefix}.docs`), raw(`${prefix}.imps`)),
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
      records: records<R>(prefix, shape),
      industryRows: new Float64Array(ind.buffer, 0, ind.byteLength / 8),
    };
  };
  return {
    options: header.options,
    ...(typeof header.analysis === 'string' ? { analysis: header.analysis } : {}),
    experts: side<ExpertInput>('experts', EXPERT_SHAPE),
    needs: side<NeedInput>('needs', NEED_SHAPE),
  };
}
