// Draws OrbDeck's tray icons (macOS template images: black + alpha) and the app icon as PNGs, with no image
// library: shapes in a 16-unit space, rendered with 4×4 supersampling, written with zlib.
// Usage: node scripts/make-icons.mjs   (writes electron/assets/; the results are committed)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { root } from './lib/setup.mjs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function png(size, rgba) {
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes: rounded rectangles and circles in a 16×16 space; `hole` cuts instead of paints.
const inRoundRect = (x, y, r) => {
  const cx = Math.min(Math.max(x, r.x + r.r), r.x + r.w - r.r);
  const cy = Math.min(Math.max(y, r.y + r.r), r.y + r.h - r.r);
  return (
    (x - cx) ** 2 + (y - cy) ** 2 <= r.r ** 2 && x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h
  );
};
const inCircle = (x, y, c) => (x - c.x) ** 2 + (y - c.y) ** 2 <= c.r ** 2;

function glyph(variant) {
  const shapes = [];
  for (const top of [2, 6.5, 11]) {
    const hollow = variant === 'error';
    shapes.push({ kind: 'rect', x: 1.5, y: top, w: 13, h: 3.2, r: 1.2 });
    if (hollow) shapes.push({ kind: 'rect', x: 2.5, y: top + 0.9, w: 11, h: 1.4, r: 0.5, hole: true });
    else shapes.push({ kind: 'circle', x: 12, y: top + 1.6, r: 0.75, hole: true });
  }
  if (variant === 'busy') {
    shapes.push({ kind: 'circle', x: 12.5, y: 12.5, r: 3.6, hole: true });
    shapes.push({ kind: 'circle', x: 12.5, y: 12.5, r: 2.6 });
  }
  return shapes;
}

function render(size, shapes, color) {
  return renderLayers(size, [{ shapes, color }]);
}

/** Paints layers in order (each one source-over the ones below). */
function renderLayers(size, layers) {
  const rgba = Buffer.alloc(size * size * 4);
  for (const { shapes, color } of layers) paint(rgba, size, shapes, color);
  return png(size, rgba);
}

function paint(rgba, size, shapes, color) {
  const ss = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = ((px + (sx + 0.5) / ss) * 16) / size;
          const y = ((py + (sy + 0.5) / ss) * 16) / size;
          let on = false;
          for (const s of shapes) {
            const hit = s.kind === 'rect' ? inRoundRect(x, y, s) : inCircle(x, y, s);
            if (hit) on = !s.hole;
          }
          if (on) covered++;
        }
      }
      const i = (py * size + px) * 4;
      const a = covered / (ss * ss);
      const below = rgba[i + 3] / 255;
      const outA = a + below * (1 - a);
      for (let c = 0; c < 3; c++) {
        rgba[i + c] = outA === 0 ? 0 : Math.round((color[c] * a + rgba[i + c] * below * (1 - a)) / outA);
      }
      rgba[i + 3] = Math.round(outA * 255);
    }
  }
}

const out = join(root, 'electron', 'assets');
mkdirSync(out, { recursive: true });
for (const [variant, name] of [
  ['idle', 'tray'],
  ['busy', 'trayBusy'],
  ['error', 'trayError'],
]) {
  writeFileSync(join(out, `${name}Template.png`), render(16, glyph(variant), [0, 0, 0]));
  writeFileSync(join(out, `${name}Template@2x.png`), render(32, glyph(variant), [0, 0, 0]));
}
// The app icon: the same glyph in white on a blue rounded square.
const size = 512;
const scaled = glyph('idle').map((s) => ({
  ...s,
  x: 3.2 + s.x * 0.6,
  y: 3.2 + s.y * 0.6,
  ...(s.w ? { w: s.w * 0.6, h: s.h * 0.6 } : {}),
  r: s.r * 0.6,
}));
// The holes of the glyph must show the blue, so the glyph is painted in white with its holes in blue.
const icon = renderLayers(size, [
  { shapes: [{ kind: 'rect', x: 0.8, y: 0.8, w: 14.4, h: 14.4, r: 3.2 }], color: [10, 102, 216] },
  { shapes: scaled.filter((s) => !s.hole), color: [255, 255, 255] },
  { shapes: scaled.filter((s) => s.hole).map((s) => ({ ...s, hole: false })), color: [10, 102, 216] },
]);
writeFileSync(join(out, 'icon.png'), icon);
console.log(`Icons written to ${out}`);
