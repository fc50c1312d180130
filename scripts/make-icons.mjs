#!/usr/bin/env node
// Draws the add-in icons (assets/icon-<size>.png): a green rounded square with a
// white rising bar chart. Pure Node: shapes are sampled on a grid per pixel
// (anti-aliasing) and written as 8-bit RGBA PNG with zlib. No packages.
//
//   node scripts/make-icons.mjs            writes assets/icon-{16,32,64,80,128}.png
//   node scripts/make-icons.mjs --check    exits 1 if a committed icon differs
import { deflateSync } from "node:zlib";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const assetsDir = path.join(repoRoot, "assets");

export const ICON_SIZES = [16, 32, 64, 80, 128];

const GREEN = [0x1e, 0x7b, 0x45]; // dark enough for white on it (contrast > 5:1)
const WHITE = [0xff, 0xff, 0xff];

// ---- PNG encoding --------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** rgba: Uint8Array of width*height*4 bytes, rows top to bottom. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---- Drawing -------------------------------------------------------------

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// Geometry in units of the icon's side (0..1), y downwards.
const BARS = [
  { x0: 0.2, x1: 0.34, top: 0.56 },
  { x0: 0.43, x1: 0.57, top: 0.4 },
  { x0: 0.66, x1: 0.8, top: 0.22 },
];
const BASELINE = 0.8;

/** 0 = transparent, 1 = green background, 2 = white mark. */
function shapeAt(u, v, size) {
  // At 16 px keep a one-pixel-ish margin so the square does not touch the edge.
  const margin = size <= 16 ? 0.03 : 0.04;
  if (!insideRoundedRect(u, v, margin, margin, 1 - margin, 1 - margin, 0.2)) return 0;
  for (const bar of BARS) {
    if (u >= bar.x0 && u <= bar.x1 && v >= bar.top && v <= BASELINE) return 2;
  }
  return 1;
}

export function drawIcon(size) {
  const samples = 8; // 8x8 sub-samples per pixel
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let green = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (px + (sx + 0.5) / samples) / size;
          const v = (py + (sy + 0.5) / samples) / size;
          const s = shapeAt(u, v, size);
          if (s === 1) green++;
          else if (s === 2) white++;
        }
      }
      const covered = green + white;
      const i = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round((GREEN[c] * green + WHITE[c] * white) / covered);
      rgba[i + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return encodePng(size, size, rgba);
}

// ---- Main ----------------------------------------------------------------

function main() {
  const check = process.argv.includes("--check");
  mkdirSync(assetsDir, { recursive: true });
  let stale = 0;
  for (const size of ICON_SIZES) {
    const file = path.join(assetsDir, `icon-${size}.png`);
    const png = drawIcon(size);
    if (check) {
      const same = existsSync(file) && readFileSync(file).equals(png);
      if (!same) stale++;
      console.log(`${same ? "ok   " : "STALE"} ${path.relative(repoRoot, file)}`);
    } else {
      writeFileSync(file, png);
      console.log(`wrote ${path.relative(repoRoot, file)} (${size}x${size}, ${png.length} bytes)`);
    }
  }
  if (stale > 0) {
    console.error(`${stale} icon(s) differ from scripts/make-icons.mjs; run: node scripts/make-icons.mjs`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
