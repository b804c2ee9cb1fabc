import iconv from 'iconv-lite';

/**
 * Decodes a text file the way a Chinese user's files arrive: UTF-8 (with or without BOM),
 * UTF-16 with BOM, or — when the bytes are not valid UTF-8 — GB18030 (a superset of GBK, which
 * Excel and WPS on Chinese Windows save CSV as). A UTF-8 BOM does not force UTF-8: tools that
 * prepend a BOM to a GBK file exist, so the bytes after it must be valid UTF-8 too, or they are
 * read as GB18030 (without the BOM) like any other non-UTF-8 file.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const gbBom = bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33;
    const text = iconv.decode(Buffer.from(gbBom ? bytes.subarray(4) : bytes), 'gb18030');
    return { text, encoding: 'gb18030' };
  }
}
