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

/** The same start tag with one attribute set (added before the end, or its value replaced), or removed when value is null. */
export function setAttribute(tag: string, name: string, value: string | null): string {
  const pattern = new RegExp(`(\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  if (pattern.test(tag)) return tag.replace(pattern, value === null ? '' : `$1${name}="${escapeAttr(value)}"`);
  if (value === null) return tag;
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end).replace(/\s+$/, '')} ${name}="${escapeAttr(value)}"${tag.slice(end)}`;
}

/** Collects text as UTF-8 buffers in chunks of about 64 KB: large output stays off the JavaScript heap (fewer, cheaper GCs). */
export class ChunkWriter {
  private readonly buffers: Buffer[] = [];
  private parts: string[] = [];
  private size = 0;

  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 1 << 16) this.flush();
  }

  /** Appends bytes as they are (after the pending text). */
  addBytes(bytes: Buffer): void {
    this.flush();
    if (bytes.length) this.buffers.push(bytes);
  }

  private flush(): void {
    if (this.parts.length) this.buffers.push(Buffer.from(this.parts.join(''), 'utf8'));
    this.parts = [];
    this.size = 0;
  }

  toBuffer(): Buffer {
    this.flush();
    return Buffer.concat(this.buffers);
  }
}
