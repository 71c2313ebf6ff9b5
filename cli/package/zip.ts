// The zip container of an .xlsx: reads entries through the central directory and writes a package that copies unchanged entries' compressed bytes as they are.
import * as zlib from 'zlib';
import type { ByteWriter } from './xml';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const STORED = 0;
const DEFLATED = 8;
/** General-purpose flag bit 11: the name is UTF-8. */
const UTF8_FLAG = 0x0800;

/** One entry of the archive, its data still compressed. */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The entry's compressed bytes (a view into the archive), or pieces of them one after the other (see PartDeflater). */
  raw: Buffer | Buffer[];
}

/** Thrown for anything that is not a readable zip (the CLI turns it into "damaged file"). */
export class ZipError extends Error {}

/** The entries of a zip archive in their stored order. Zip64 archives (over 4 GB) are refused. */
export function readZip(zip: Buffer): ZipEntry[] {
  const end = findEndRecord(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw new ZipError('bad central directory');
    const entry = centralEntry(zip, offset);
    entries.push(entry.entry);
    offset = entry.next;
  }
  return entries;
}

function findEndRecord(zip: Buffer): number {
  const stop = Math.max(0, zip.length - EOCD_MIN - 0xffff);
  for (let i = zip.length - EOCD_MIN; i >= stop; i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  throw new ZipError('no end of central directory');
}

function centralEntry(zip: Buffer, offset: number): { entry: ZipEntry; next: number } {
  const flags = zip.readUInt16LE(offset + 8);
  const method = zip.readUInt16LE(offset + 10);
  const crc = zip.readUInt32LE(offset + 16);
  const compressedSize = zip.readUInt32LE(offset + 20);
  const size = zip.readUInt32LE(offset + 24);
  const nameLength = zip.readUInt16LE(offset + 28);
  const extraLength = zip.readUInt16LE(offset + 30);
  const commentLength = zip.readUInt16LE(offset + 32);
  const local = zip.readUInt32LE(offset + 42);
  if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new ZipError('zip64 is not supported');
  const nameBytes = zip.subarray(offset + 46, offset + 46 + nameLength);
  const name = nameBytes.toString(flags & UTF8_FLAG ? 'utf8' : 'latin1');
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new ZipError('bad local header');
  const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  if (dataStart + compressedSize > zip.length) throw new ZipError('truncated entry');
  const raw = zip.subarray(dataStart, dataStart + compressedSize);
  return { entry: { name, method, crc, compressedSize, size, raw }, next: offset + 46 + nameLength + extraLength + commentLength };
}

/** An entry's uncompressed bytes. */
export function inflateEntry(entry: ZipEntry): Buffer {
  const raw = Array.isArray(entry.raw) ? Buffer.concat(entry.raw) : entry.raw;
  if (entry.method === STORED) return raw;
  if (entry.method === DEFLATED) return zlib.inflateRawSync(raw);
  throw new ZipError(`compression method ${entry.method}`);
}

/** Deflate level of written parts: fast (level 1 costs a third of level 6's time for a few per cent more bytes). */
const LEVEL = 1;

/** A new entry from uncompressed bytes, deflated. */
export function deflateEntry(name: string, data: Buffer): ZipEntry {
  const raw = zlib.deflateRawSync(data, { level: LEVEL });
  return { name, method: DEFLATED, crc: zlib.crc32(data) >>> 0, compressedSize: raw.length, size: data.length, raw };
}

/** Bytes of XML sent to be deflated at a time. */
export const PIECE = 1 << 20;
/** The thread pool's output buffer: one job deflates a whole piece (a smaller one would wait for the main thread midway). */
const OUTPUT_CHUNK = 1 << 20;
/** Pieces of the writer's own being deflated at most: beyond this the writer waits for one to come back. */
const MAX_BUSY = 3;

/** The part being deflated: its stream (created with the first piece), checksum, size and compressed output. */
interface DeflatingPart {
  stream: zlib.DeflateRaw | null;
  crc: number;
  size: number;
  output: Buffer[];
}

/**
 * Deflates the parts a ByteWriter writes, on libuv's thread pool, a piece (about a megabyte) at a time, while the
 * main thread writes the next piece: deflating runs on another core, the XML is never whole in memory, and the
 * writer's few buffers are reused from piece to piece and part to part (first touches of fresh memory are dear).
 * One part at a time is written; its pieces go through one deflate stream, and its entry comes once the stream ends.
 */
export class Deflater {
  private readonly spare: Buffer[] = [];
  private busy = 0;
  private released: (() => void) | null = null;
  private part: DeflatingPart | null = null;

  /** Starts a part: what `out` writes from now on, until `end`, is the part's (`out` is emptied). */
  begin(out: ByteWriter): void {
    const part: DeflatingPart = { stream: null, crc: 0, size: 0, output: [] };
    this.part = part;
    out.truncate(0);
    out.waiting = false;
    out.sink = (buffer, length, own) => this.take(out, part, buffer, length, own);
    out.resume = () => this.resume(out);
  }

  /** Ends the part: the rest of what `out` wrote is sent; the entry (named '') comes once the thread pool is done with it. */
  end(out: ByteWriter): Promise<ZipEntry> {
    const part = this.part as DeflatingPart;
    out.flush();
    this.detach(out);
    const stream = part.stream ?? this.open(part);
    const entry = new Promise<ZipEntry>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('end', () => {
        const compressedSize = part.output.reduce((sum, chunk) => sum + chunk.length, 0);
        resolve({ name: '', method: DEFLATED, crc: part.crc >>> 0, compressedSize, size: part.size, raw: part.output });
      });
    });
    stream.end();
    return entry;
  }

  private detach(out: ByteWriter): void {
    this.part = null;
    out.sink = null;
    out.waiting = false;
    out.resume = () => Promise.resolve();
  }

  private open(part: DeflatingPart): zlib.DeflateRaw {
    const stream = zlib.createDeflateRaw({ level: LEVEL, chunkSize: OUTPUT_CHUNK });
    stream.on('data', (chunk: Buffer) => part.output.push(chunk));
    part.stream = stream;
    return stream;
  }

  /** The writer's sink: checksums the piece and sends it to the part's stream; the writer goes on in a spare buffer. */
  private take(out: ByteWriter, part: DeflatingPart, buffer: Buffer, length: number, own: boolean): Buffer | void {
    const piece = own ? buffer.subarray(0, length) : buffer;
    part.crc = zlib.crc32(piece, part.crc);
    part.size += length;
    const stream = part.stream ?? this.open(part);
    out.waiting = true;
    if (!own) {
      stream.write(piece); // the input's own bytes: only read, kept by the stream until deflated
      return;
    }
    this.busy++;
    stream.write(piece, () => {
      this.busy--;
      this.spare.push(buffer);
      this.released?.();
    });
    return this.spare.pop() ?? Buffer.allocUnsafe(buffer.length);
  }

  /** Lets the thread pool's finished work finish on the main thread, and waits while too many pieces are out. */
  private async resume(out: ByteWriter): Promise<void> {
    out.waiting = false;
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.busy >= MAX_BUSY) await new Promise<void>((resolve) => (this.released = resolve));
    this.released = null;
  }
}

/** The archive of these entries: local headers, data, central directory (no data descriptors, no extra fields). */
export function writeZip(entries: ZipEntry[]): Buffer {
  return Buffer.concat(zipChunks(entries));
}

/** The archive of these entries as its pieces in order (written to a file as they are, never joined in memory). */
export function zipChunks(entries: ZipEntry[]): Buffer[] {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = header(LOCAL_SIGNATURE, entry, name, 30);
    chunks.push(local, name);
    if (Array.isArray(entry.raw)) chunks.push(...entry.raw);
    else chunks.push(entry.raw);
    const dir = header(CENTRAL_SIGNATURE, entry, name, 46);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += local.length + name.length + entry.compressedSize;
  }
  const centralSize = central.reduce((sum, b) => sum + b.length, 0);
  if (entries.length > 0xffff || offset + centralSize > 0xffffffff) throw new ZipError('archive too large for a plain zip');
  const end = Buffer.alloc(EOCD_MIN);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  chunks.push(...central, end);
  return chunks;
}

/** A local (30 bytes) or central (46 bytes) header; both share the fields from "version needed" on, shifted. */
function header(signature: number, entry: ZipEntry, name: Buffer, length: number): Buffer {
  const b = Buffer.alloc(length);
  b.writeUInt32LE(signature, 0);
  const at = length === 46 ? 2 : 0; // the central header has "version made by" first
  if (at) b.writeUInt16LE(20, 4);
  b.writeUInt16LE(20, 4 + at);
  b.writeUInt16LE(UTF8_FLAG, 6 + at);
  b.writeUInt16LE(entry.method, 8 + at);
  b.writeUInt16LE(0, 10 + at); // time
  b.writeUInt16LE(0x21, 12 + at); // date: 1980-01-01
  b.writeUInt32LE(entry.crc >>> 0, 14 + at);
  b.writeUInt32LE(entry.compressedSize, 18 + at);
  b.writeUInt32LE(entry.size, 22 + at);
  b.writeUInt16LE(name.length, 26 + at);
  return b;
}
