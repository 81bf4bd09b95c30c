import { lazyModule } from '../lazyModule';
import zlib from 'node:zlib';

const qrcode = lazyModule<typeof import('qrcode')>('qrcode');

/**
 * The case's QR code (一案一码) as a PNG for the document model: black modules on white, 8-bit grey, drawn
 * with whole pixels per module so it prints sharply. Synchronous (qrcode's own PNG output is a stream).
 */
export function qrPng(
  text: string,
  opts: { pixelsPerModule?: number; quietModules?: number; errorCorrection?: 'L' | 'M' | 'Q' | 'H' } = {},
): Uint8Array {
  const qr = qrcode().create(text, { errorCorrectionLevel: opts.errorCorrection ?? 'M' });
  const n = qr.modules.size;
  const scale = opts.pixelsPerModule ?? 8;
  const quiet = opts.quietModules ?? 2;
  const side = (n + 2 * quiet) * scale;
  const raw = Buffer.alloc((side + 1) * side, 255);
  for (let y = 0; y < side; y++) {
    const row = y * (side + 1);
    raw[row] = 0; // filter: none
    const my = Math.floor(y / scale) - quiet;
    if (my < 0 || my >= n) continue;
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - quiet;
      if (mx >= 0 && mx < n && qr.modules.get(my, mx)) raw[row + 1 + x] = 0;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
