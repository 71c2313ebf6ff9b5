// Cuts a band of rows out of a PNG (for the user guide's pictures of the task pane): `node scripts/crop-png.js in.png out.png FIRST_ROW END_ROW`.
const fs = require('fs');
const zlib = require('zlib');
const { SIGNATURE, chunk } = require('./png');

const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 }; // grey, RGB, grey+alpha, RGBA (8-bit, not interlaced)

/** Rows firstRow (inclusive) to endRow (exclusive) of an 8-bit, non-interlaced PNG, as a new PNG. */
function cropRows(png, firstRow, endRow) {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let header = null;
  const data = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [depth, colour, , , interlace] = header.subarray(8, 13);
  const channels = CHANNELS[colour];
  if (depth !== 8 || !channels || interlace) throw new Error('only 8-bit, non-interlaced grey/RGB/RGBA PNGs');
  const end = Math.min(endRow, height);
  if (!(firstRow >= 0 && firstRow < end)) throw new Error(`rows ${firstRow}..${endRow} are outside the picture (height ${height})`);
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = Buffer.alloc((end - firstRow) * (stride + 1));
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < end; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels] : 0;
      const b = previous[x];
      const c = x >= channels ? previous[x - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[x] = (line[x] + predictor) & 0xff;
    }
    if (y >= firstRow) line.copy(out, (y - firstRow) * (stride + 1) + 1); // filter byte 0: none
    previous = line;
  }
  const ihdr = Buffer.from(header);
  ihdr.writeUInt32BE(end - firstRow, 4);
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(out, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

if (require.main === module) {
  const [input, output, first, end] = process.argv.slice(2);
  if (!input || !output || first === undefined || end === undefined) {
    console.error('usage: node scripts/crop-png.js in.png out.png FIRST_ROW END_ROW');
    process.exit(2);
  }
  fs.writeFileSync(output, cropRows(fs.readFileSync(input), Number(first), Number(end)));
}

module.exports = { cropRows };
