// Draws the add-in's ribbon icons (a green rounded square with a white check mark) as PNGs: `node excel-addin/make-icons.js`.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { SIGNATURE, chunk } = require('../scripts/png');

const SIZES = [16, 32, 64, 80];
const OUT_DIR = path.join(__dirname, 'assets');
const BACKGROUND = [0x10, 0x7c, 0x41]; // Excel green
const MARK = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4;

/** Encodes RGBA pixels (size × size × 4 bytes) as a PNG file. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Distance from point p to the segment a–b, all in unit coordinates. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** What covers the unit point (x, y): 'mark', 'background' or null (transparent). */
function shapeAt(x, y) {
  const radius = 0.2;
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  if (Math.hypot(x - cx, y - cy) > radius) return null;
  const stroke = 0.075;
  const onMark = segmentDistance(x, y, 0.24, 0.52, 0.42, 0.7) < stroke || segmentDistance(x, y, 0.42, 0.7, 0.77, 0.3) < stroke;
  return onMark ? 'mark' : 'background';
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let mark = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const shape = shapeAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (shape) covered++;
          if (shape === 'mark') mark++;
        }
      }
      const i = (py * size + px) * 4;
      const share = covered ? mark / covered : 0;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(BACKGROUND[c] * (1 - share) + MARK[c] * share);
      rgba[i + 3] = Math.round((255 * covered) / (SUPERSAMPLE * SUPERSAMPLE));
    }
  }
  return encodePng(size, rgba);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) fs.writeFileSync(path.join(OUT_DIR, `icon-${size}.png`), drawIcon(size));
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')} to ${OUT_DIR}`);
