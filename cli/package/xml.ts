// Small XML helpers for the package reader and patcher: a saxes walk without namespaces, escaping, and attributes of one start tag.
import { StringDecoder } from 'string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** Element name without its namespace prefix (`x:row` → `row`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export interface SaxHandlers {
  open?(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const CHUNK = 1 << 20;

/** Parses XML bytes with saxes, chunk by chunk (no whole-document string), calling back with local names. */
export function walkXml(bytes: Buffer, handlers: SaxHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('error', (error) => {
    throw error;
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new StringDecoder('utf8');
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // a byte-order mark
  for (; start < bytes.length; start += CHUNK) parser.write(decoder.write(bytes.subarray(start, start + CHUNK)));
  parser.write(decoder.end());
  parser.close();
}

/** Text for element content. */
export function escapeText(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for an attribute value in double quotes. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Characters XML 1.0 cannot hold at all (control characters): dropped from written text. */
export function xmlSafe(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag's text (`<c r="A1" s="3">`), values unescaped. */
export function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) attributes[m[1]] = unescape(m[2] ?? m[3] ?? '');
  return attributes;
}

function unescape(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** The same start tag with one attribute set (added before the end, or its value replaced), or removed when value is null. */
export function setAttribute(tag: string, name: string, value: string | null): string {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) ATTRIBUTE_PATTERNS.set(name, (pattern = new RegExp(`(\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`)));
  if (pattern.test(tag)) return tag.replace(pattern, value === null ? '' : `$1${name}="${escapeAttr(value)}"`);
  if (value === null) return tag;
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end).replace(/\s+$/, '')} ${name}="${escapeAttr(value)}"${tag.slice(end)}`;
}

/** Below this many characters a string is encoded in JavaScript, byte by byte: cheaper than a call into the runtime. */
const SHORT = 256;
/** Below this many bytes a copy is a loop, not a call. */
const SHORT_COPY = 64;

/**
 * Where a ByteWriter's full buffers go. `own` is the writer's buffer (the first `length` bytes written): the sink
 * returns the buffer to write on in (the same one once it is done with it, or another). Bytes that are not the
 * writer's own (`own` false: a long run copied from the input) are only read.
 */
export type ByteSink = (buffer: Buffer, length: number, own: boolean) => Buffer | void;

/** A character from U+0080 to U+FFFF but not a surrogate, as its two or three UTF-8 bytes at `p`; the position after them. */
function putMultiByte(buf: Buffer, p: number, c: number): number {
  if (c < 0x800) {
    buf[p] = 0xc0 | (c >> 6);
    buf[p + 1] = 0x80 | (c & 0x3f);
    return p + 2;
  }
  buf[p] = 0xe0 | (c >> 12);
  buf[p + 1] = 0x80 | ((c >> 6) & 0x3f);
  buf[p + 2] = 0x80 | (c & 0x3f);
  return p + 3;
}

/**
 * Builds a part's bytes. Markup and numbers go in byte by byte and text as UTF-8, so no string is built for a row
 * or a cell (the writers' old `join` and `Buffer.from` cost more than the XML itself). Without a sink the buffer
 * grows to hold the whole part; with one, a full buffer is handed to the sink and writing goes on in the buffer it
 * gives back, so a part of any size passes through a few small buffers (memory touched for the first time costs
 * more than writing to it, and a 200 000-row sheet is 150 MB of XML).
 */
export class ByteWriter {
  private buf: Buffer;
  private pos = 0;
  sink: ByteSink | null = null;
  /**
   * Set when the sink wants the writer's caller to let other work run (deflating in the thread pool finishes on
   * the main thread): writers check it between rows and then await `resume`.
   */
  waiting = false;
  resume: () => Promise<void> = () => Promise.resolve();

  constructor(capacity = 1 << 16) {
    this.buf = Buffer.allocUnsafe(Math.max(capacity, 256));
  }

  /** Bytes written and not yet handed to the sink. */
  get length(): number {
    return this.pos;
  }

  /** Forgets every byte not yet handed to the sink after the first `length` (0: empty again, its memory kept). */
  truncate(length: number): void {
    if (length < this.pos) this.pos = length;
  }

  /** The bytes not yet handed to the sink: a view of the writer's buffer, valid until the writer is written to again. */
  result(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  /** Hands the bytes written so far to the sink, if there is one. */
  flush(): void {
    if (!this.sink || this.pos === 0) return;
    const next = this.sink(this.buf, this.pos, true);
    if (next) this.buf = next;
    this.pos = 0;
  }

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    if (this.sink && this.pos > 0) {
      this.flush();
      if (bytes <= this.buf.length) return;
    }
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** Markup, numbers or XML kept as text, written as they are (UTF-8, no escaping). */
  raw(text: string): void {
    const n = text.length;
    this.room(n * 3);
    const buf = this.buf;
    if (n > SHORT) {
      this.pos += buf.write(text, this.pos, 'utf8');
      return;
    }
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) buf[p++] = c;
      else if (c >= 0xd800 && c <= 0xdfff) {
        // Surrogates (pairs, or lone ones written as U+FFFD): the runtime's encoder, as Buffer.from writes them.
        this.pos = p + buf.write(text.slice(i), p, 'utf8');
        return;
      } else p = putMultiByte(buf, p, c);
    }
    this.pos = p;
  }

  /** Bytes made once (markup), copied as they are. */
  put(bytes: Uint8Array): void {
    const n = bytes.length;
    if (this.pos + n > this.buf.length) this.room(n);
    this.buf.set(bytes, this.pos);
    this.pos += n;
  }

  /** Element text: the bytes of `escapeText(xmlSafe(text))`. */
  text(text: string): void {
    const n = text.length;
    this.room(n * 5); // `&amp;` is the longest a character gets
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c > 0x3e) buf[p++] = c;
        else if (c === 0x26) p += buf.write('&amp;', p, 'latin1');
        else if (c === 0x3c) p += buf.write('&lt;', p, 'latin1');
        else if (c === 0x3e) p += buf.write('&gt;', p, 'latin1');
        else if (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) buf[p++] = c; // other control characters are dropped
      } else if ((c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe) {
        this.pos = p + buf.write(escapeText(xmlSafe(text.slice(i))), p, 'utf8');
        return;
      } else p = putMultiByte(buf, p, c);
    }
    this.pos = p;
  }

  /** A non-negative integer in decimal. */
  int(n: number): void {
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    this.room(digits);
    const buf = this.buf;
    let p = this.pos + digits;
    this.pos = p;
    let x = n;
    do {
      buf[--p] = 48 + (x % 10);
      x = Math.floor(x / 10);
    } while (x > 0);
  }

  /** Bytes of another buffer, as they are. */
  bytes(source: Buffer, start = 0, end = source.length): void {
    const n = end - start;
    if (n <= 0) return;
    if (this.sink && n > this.buf.length >> 1) {
      // a long run of unchanged bytes goes to the sink as it is, not through the buffer
      this.flush();
      this.sink(source.subarray(start, end), n, false);
      return;
    }
    this.room(n);
    if (n > SHORT_COPY) {
      this.buf.set(source.subarray(start, end), this.pos); // cheaper than Buffer#copy's checks
      this.pos += n;
      return;
    }
    const buf = this.buf;
    let p = this.pos;
    for (let i = start; i < end; i++) buf[p++] = source[i];
    this.pos = p;
  }
}
