import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';

const inflate = promisify(inflateRaw);

/**
 * The parts of a zip archive (an .xlsx is one) by name, each inflated on demand by zlib's thread pool — so
 * unpacking a workbook never holds the event loop (core/excel/reader.ts). Reads the central directory at the
 * end of the archive (APPNOTE.TXT 4.3.12–4.3.16); ZIP64 archives (over 4 GiB) are refused, no sheet is that big.
 */
export interface ZipParts {
  names: string[];
  has(name: string): boolean;
  read(name: string): Promise<Buffer>;
}

export function openZip(bytes: Uint8Array): ZipParts {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // end of central directory record: signature 0x06054b50, then up to 65,535 bytes of comment
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new Error('ZIP64 archives are not read');
  const entries = new Map<string, { method: number; size: number; local: number }>();
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new Error('broken central directory');
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name, { method: buf.readUInt16LE(p + 10), size: buf.readUInt32LE(p + 20), local: buf.readUInt32LE(p + 42) });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    async read(name) {
      const e = entries.get(name);
      if (!e) throw new Error(`no part ${name}`);
      if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== 0x04034b50) throw new Error(`broken entry ${name}`);
      const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
      if (start + e.size > buf.length) throw new Error(`truncated entry ${name}`);
      const data = buf.subarray(start, start + e.size);
      if (e.method === 0) return data;
      if (e.method === 8) return inflate(data);
      throw new Error(`compression method ${e.method} of ${name}`);
    },
  };
}
