#!/usr/bin/env node
// Draws the Teams app icons with node's zlib alone (no image library): color.png, 192×192, a white ring and dot on
// the accent colour; outline.png, 32×32, the same mark in white on a transparent background, as Teams requires.
// https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons
// Usage: node scripts/make-teams-icons.mjs [out-dir]   (default manifests/teams; the PNGs are committed)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const ACCENT = [0x1f, 0x5c, 0x99]; // the manifest's accentColor

/** The mark, in units of the icon's size: a ring and a centre dot. Returns coverage in [0, 1] for a point. */
function mark(x, y) {
  const r = Math.hypot(x - 0.5, y - 0.5);
  return (r <= 0.34 && r >= 0.26) || r <= 0.12 ? 1 : 0;
}

/** RGBA pixels of a size×size icon; `background` null for transparent. 4×4 supersampling smooths the edges. */
function draw(size, background) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let cover = 0;
      for (let sj = 0; sj < n; sj++)
        for (let si = 0; si < n; si++) cover += mark((i + (si + 0.5) / n) / size, (j + (sj + 0.5) / n) / size);
      cover /= n * n;
      const o = (j * size + i) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) px[o + c] = Math.round(background[c] * (1 - cover) + 255 * cover);
        px[o + 3] = 255;
      } else {
        px[o] = px[o + 1] = px[o + 2] = 255;
        px[o + 3] = Math.round(255 * cover);
      }
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, no filtering). */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = process.argv[2] ?? 'manifests/teams';
writeFileSync(join(outDir, 'color.png'), encodePng(192, draw(192, ACCENT)));
writeFileSync(join(outDir, 'outline.png'), encodePng(32, draw(32, null)));
console.log(`wrote ${join(outDir, 'color.png')} (192×192) and ${join(outDir, 'outline.png')} (32×32)`);
