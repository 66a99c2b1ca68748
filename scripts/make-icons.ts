import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/**
 * Draws the app and tray icons (a shield with a status dot) as real PNGs and an .ico, so the repository needs no
 * image tools. Run: `npx tsx scripts/make-icons.ts`. Output is committed in assets/icons.
 */
type Rgba = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A shield: flat top, sides curving to a point. Coordinates are normalised to 0..1. */
function inShield(u: number, v: number): boolean {
  if (v < 0.08 || v > 0.95) return false;
  const halfWidth = v < 0.5 ? 0.4 : 0.4 * Math.sqrt(Math.max(0, 1 - ((v - 0.5) / 0.45) ** 2));
  return Math.abs(u - 0.5) <= halfWidth;
}

function icon(size: number, shield: Rgba, dot: Rgba | null): Buffer {
  const samples = 4; // supersampling for smooth edges
  return encodePng(size, (x, y) => {
    let cover = 0;
    let dotCover = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const u = (x + (sx + 0.5) / samples) / size;
        const v = (y + (sy + 0.5) / samples) / size;
        if (dot && (u - 0.74) ** 2 + (v - 0.74) ** 2 < 0.22 ** 2) dotCover++;
        else if (inShield(u, v)) cover++;
      }
    }
    const n = samples * samples;
    if (dot && dotCover > 0) return [dot[0], dot[1], dot[2], Math.round((255 * (dotCover + cover)) / n)];
    return [shield[0], shield[1], shield[2], Math.round((255 * cover) / n)];
  });
}

function encodeIco(pngs: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.data)]);
}

const NAVY: Rgba = [20, 33, 61, 255];
const variants: Record<string, Rgba | null> = {
  normal: [26, 127, 55, 255],
  incident: [230, 126, 0, 255],
  overdue: [198, 40, 40, 255],
  offline: [120, 128, 138, 255],
};

const out = join(import.meta.dirname, '../assets/icons');
mkdirSync(out, { recursive: true });
for (const [name, dot] of Object.entries(variants)) {
  writeFileSync(join(out, `tray-${name}.png`), icon(16, NAVY, dot));
  writeFileSync(join(out, `tray-${name}@2x.png`), icon(32, NAVY, dot));
  writeFileSync(
    join(out, `tray-${name}.ico`),
    encodeIco([16, 32].map((s) => ({ size: s, data: icon(s, NAVY, dot) }))),
  );
}
const appSizes = [16, 32, 48, 64, 128, 256, 512];
for (const size of appSizes)
  writeFileSync(join(out, `icon-${size}.png`), icon(size, NAVY, variants.normal ?? null));
writeFileSync(join(out, 'icon.png'), icon(512, NAVY, variants.normal ?? null));
writeFileSync(
  join(out, 'icon.ico'),
  encodeIco(
    [16, 32, 48, 64, 128, 256].map((s) => ({ size: s, data: icon(s, NAVY, variants.normal ?? null) })),
  ),
);
console.log(`icons written to ${out}`);
