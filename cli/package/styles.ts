// The package's styles part: number formats and fill tokens of cell styles for reading, and new cell styles appended (never renumbering existing ones) for writing.
import type { HorizontalAlign } from '../../core/types';
import { attributesOf, escapeAttr, setAttribute } from './xml';

/** Excel's built-in number formats by id (those a reader needs; the rest read as General). */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};
const FIRST_CUSTOM_FORMAT = 164;
/** Schema order of a font's children (CT_Font); Excel refuses other orders. */
const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '</styleSheet>';

/** What a written cell's style changes from its base style; undefined = keep the base's. */
export interface StyleChange {
  numFmt?: string;
  /** A fill token (`#RRGGBB`, a recorded fill), null = no fill. */
  fill?: string | null;
  /** Font colour `#RRGGBB`, null = automatic. */
  fontColor?: string | null;
  bold?: boolean;
  underline?: boolean;
  /** true: text wraps, and sits at the top of its row; false: no wrapping. */
  wrap?: boolean;
  /** Horizontal alignment, null = general (text left, numbers right). */
  horizontal?: HorizontalAlign | null;
  vertical?: 'top';
}

interface Section {
  items: string[];
  added: string[];
}

/** Element lists of a styleSheet section (`fills`, `fonts`, `cellXfs`) and what gets appended to them. */
export class Styles {
  private readonly prefix: string;
  private readonly formats = new Map<number, string>();
  private readonly addedFormats: string[] = [];
  private readonly sections: Record<'fonts' | 'fills' | 'cellXfs', Section>;
  private readonly fillIndex = new Map<string, number>();
  private readonly fontIndex = new Map<string, number>();
  private readonly xfIndex = new Map<string, number>();
  private readonly styleCache = new Map<string, number>();
  private readonly tokenCache = new Map<number, string | null>();
  private nextFormatId = FIRST_CUSTOM_FORMAT;

  constructor(private readonly xml: string) {
    const root = /<(\w+:)?styleSheet\b/.exec(xml);
    this.prefix = root?.[1] ?? '';
    for (const m of this.section('numFmts').matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
      const a = attributesOf(m[0]);
      const id = Number(a.numFmtId);
      if (Number.isInteger(id)) this.formats.set(id, a.formatCode ?? '');
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
    this.sections = { fonts: this.items('fonts', 'font'), fills: this.items('fills', 'fill'), cellXfs: this.items('cellXfs', 'xf') };
    this.sections.fills.items.forEach((fill, i) => this.fillIndex.has(normalize(fill)) || this.fillIndex.set(normalize(fill), i));
    this.sections.fonts.items.forEach((font, i) => this.fontIndex.has(normalize(font)) || this.fontIndex.set(normalize(font), i));
    this.sections.cellXfs.items.forEach((xf, i) => this.xfIndex.has(xfKey(xf)) || this.xfIndex.set(xfKey(xf), i));
  }

  /** The text of a section (`<fills …>…</fills>`), '' when absent. */
  private section(name: string): string {
    const p = this.prefix;
    const m = new RegExp(`<${p}${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${name}>)`).exec(this.xml);
    return m ? m[0] : '';
  }

  private items(name: string, item: string): Section {
    const p = this.prefix;
    const text = this.section(name).replace(new RegExp(`^<${p}${name}\\b[^>]*>`), '');
    const pattern = new RegExp(`<${p}${item}\\b(?:[^>]*?/>|[^>]*>[\\s\\S]*?</${p}${item}>)`, 'g');
    return { items: [...text.matchAll(pattern)].map((m) => m[0]), added: [] };
  }

  get changed(): boolean {
    return this.addedFormats.length > 0 || Object.values(this.sections).some((s) => s.added.length > 0);
  }

  private xf(index: number): string {
    const xfs = this.sections.cellXfs;
    return (index < xfs.items.length ? xfs.items[index] : xfs.added[index - xfs.items.length]) ?? xfs.items[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>';
  }

  private xfAttributes(index: number): Record<string, string> {
    const xf = this.xf(index);
    return attributesOf(xf.slice(0, xf.indexOf('>') + 1));
  }

  /** The number format of a cell style, null for General. */
  numberFormat(xfIndex: number): string | null {
    const id = Number(this.xfAttributes(xfIndex).numFmtId ?? 0);
    if (!id) return null;
    return this.formats.get(id) ?? BUILTIN_FORMATS[id] ?? null;
  }

  /** The fill token of a cell style: its `<fill>` element (no prefix, no whitespace between tags), null for no fill. */
  fillToken(xfIndex: number): string | null {
    let token = this.tokenCache.get(xfIndex);
    if (token === undefined) {
      const fillId = Number(this.xfAttributes(xfIndex).fillId ?? 0);
      const fills = this.sections.fills;
      const fill = (fillId < fills.items.length ? fills.items[fillId] : fills.added[fillId - fills.items.length]) ?? null;
      token = fill === null || isNoFill(fill) ? null : stripPrefix(normalize(fill), this.prefix);
      this.tokenCache.set(xfIndex, token);
    }
    return token;
  }

  /** The index of the cell style that is `base` with `change` applied, appended once per distinct result. */
  styleWith(base: number, change: StyleChange): number {
    const key = `${base}\u0000${change.numFmt ?? '\u0001'}\u0000${change.fill === undefined ? '\u0001' : change.fill}\u0000${
      change.fontColor === undefined ? '\u0001' : change.fontColor
    }\u0000${change.bold ?? ''}\u0000${change.underline ?? ''}\u0000${change.wrap ?? ''}\u0000${change.horizontal === undefined ? '\u0001' : change.horizontal}\u0000${change.vertical ?? ''}`;
    let index = this.styleCache.get(key);
    if (index === undefined) {
      index = this.buildStyle(base, change);
      this.styleCache.set(key, index);
    }
    return index;
  }

  private buildStyle(base: number, change: StyleChange): number {
    const baseXf = this.xf(base);
    const a = this.xfAttributes(base);
    let tag = baseXf.slice(0, baseXf.indexOf('>') + 1);
    let inner = tag.endsWith('/>') ? '' : baseXf.slice(tag.length, baseXf.length - `</${this.prefix}xf>`.length);
    if (tag.endsWith('/>')) tag = tag.slice(0, -2).replace(/\s+$/, '') + '>';
    if (change.numFmt !== undefined) tag = setAttribute(setAttribute(tag, 'numFmtId', String(this.formatId(change.numFmt))), 'applyNumberFormat', '1');
    if (change.fill !== undefined) tag = setAttribute(setAttribute(tag, 'fillId', String(this.fillId(change.fill))), 'applyFill', '1');
    if (change.fontColor !== undefined || change.bold !== undefined || change.underline !== undefined) {
      tag = setAttribute(setAttribute(tag, 'fontId', String(this.fontId(Number(a.fontId ?? 0), change))), 'applyFont', '1');
    }
    if (change.wrap !== undefined || change.horizontal !== undefined || change.vertical !== undefined) {
      const pattern = new RegExp(`<${this.prefix}alignment\\b[^>]*?/>|<${this.prefix}alignment\\b[\\s\\S]*?</${this.prefix}alignment>`);
      const existing = pattern.exec(inner)?.[0];
      // The base's alignment (indent, rotation, …) is kept; only what the change names is set.
      let alignment = existing ? existing.slice(0, existing.indexOf('>') + 1).replace(/\s*\/?>$/, '/>') : `<${this.prefix}alignment/>`;
      if (change.wrap === true) alignment = setAttribute(setAttribute(alignment, 'wrapText', '1'), 'vertical', 'top');
      else if (change.wrap === false) alignment = setAttribute(alignment, 'wrapText', null);
      if (change.horizontal !== undefined) alignment = setAttribute(alignment, 'horizontal', change.horizontal);
      if (change.vertical !== undefined) alignment = setAttribute(alignment, 'vertical', change.vertical);
      inner = alignment + inner.replace(pattern, '');
      tag = setAttribute(tag, 'applyAlignment', '1');
    }
    const xf = `${tag}${inner}</${this.prefix}xf>`;
    const key = xfKey(xf);
    let index = this.xfIndex.get(key);
    if (index === undefined) this.xfIndex.set(key, (index = this.append('cellXfs', xf))); // a re-run finds the style it made before
    return index;
  }

  private append(name: 'fonts' | 'fills' | 'cellXfs', item: string): number {
    const section = this.sections[name];
    section.added.push(item);
    return section.items.length + section.added.length - 1;
  }

  private formatId(code: string): number {
    if (code === 'General') return 0;
    for (const [id, existing] of this.formats) if (existing === code) return id;
    for (const [id, builtin] of Object.entries(BUILTIN_FORMATS)) if (builtin === code) return Number(id);
    const id = this.nextFormatId++;
    this.formats.set(id, code);
    this.addedFormats.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private fillId(token: string | null): number {
    if (token === null) return 0; // fill 0 is "none" in every package (ECMA-376 reserves it)
    const xml = addPrefix(fillXml(token) ?? '', this.prefix);
    if (!xml) return 0;
    const key = normalize(xml);
    let id = this.fillIndex.get(key);
    if (id === undefined) this.fillIndex.set(key, (id = this.append('fills', xml)));
    return id;
  }

  private fontId(base: number, change: StyleChange): number {
    const fonts = this.sections.fonts;
    const font = (base < fonts.items.length ? fonts.items[base] : fonts.added[base - fonts.items.length]) ?? fonts.items[0] ?? '<font/>';
    const xml = changeFont(font, change, this.prefix);
    const key = normalize(xml);
    let id = this.fontIndex.get(key);
    if (id === undefined) this.fontIndex.set(key, (id = this.append('fonts', xml)));
    return id;
  }

  /** The styles part with the appended formats, fonts, fills and cell styles and their counts. */
  serialize(): string {
    let xml = this.xml;
    for (const name of ['fonts', 'fills', 'cellXfs'] as const) {
      const section = this.sections[name];
      if (section.added.length) xml = appendToSection(xml, this.prefix, name, section.added, section.items.length);
    }
    if (this.addedFormats.length) {
      const existing = [...this.section('numFmts').matchAll(/<(?:\w+:)?numFmt\b/g)].length;
      if (this.section('numFmts')) xml = appendToSection(xml, this.prefix, 'numFmts', this.addedFormats, existing);
      else xml = xml.replace(/<(\w+:)?styleSheet\b[^>]*>/, (root) => `${root}<${this.prefix}numFmts count="${this.addedFormats.length}">${this.addedFormats.join('')}</${this.prefix}numFmts>`);
    }
    return xml;
  }
}

function appendToSection(xml: string, prefix: string, name: string, added: string[], existing: number): string {
  const pattern = new RegExp(`(<${prefix}${name}\\b[^>]*?)(/>|>([\\s\\S]*?)</${prefix}${name}>)`);
  return xml.replace(pattern, (_all, start: string, _rest: string, inner: string | undefined) => {
    const tag = setAttribute(`${start}>`, 'count', String(existing + added.length));
    return `${tag}${inner ?? ''}${added.join('')}</${prefix}${name}>`;
  });
}

/** An xf's identity: its attributes sorted, and its children (`<xf a="1"/>` and `<xf a="1"></xf>` are one style). */
function xfKey(xf: string): string {
  const tagEnd = xf.indexOf('>') + 1;
  const attributes = attributesOf(xf.slice(0, tagEnd));
  const sorted = Object.keys(attributes).sort().map((k) => `${k}=${attributes[k]}`).join(' ');
  const inner = xf.endsWith('/>') && tagEnd === xf.length ? '' : xf.slice(tagEnd).replace(/<\/(\w+:)?xf>$/, '');
  return `${sorted}|${normalize(inner)}`;
}

function normalize(xml: string): string {
  return xml.replace(/>\s+</g, '><').trim();
}

function stripPrefix(xml: string, prefix: string): string {
  return prefix ? xml.split(`<${prefix}`).join('<').split(`</${prefix}`).join('</') : xml;
}

function addPrefix(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${prefix}`) : xml;
}

function isNoFill(fill: string): boolean {
  return !/gradientFill/.test(fill) && !/patternType\s*=\s*["'](?!none)/.test(fill);
}

/**
 * A fill token as a `<fill>` element: `#RRGGBB` → a solid fill; a recorded `<fill>` as it is; a JSON fill
 * recorded by Målkoll's earlier exceljs writer → the same fill in XML; anything else → null (no fill).
 */
export function fillXml(token: string): string | null {
  const hex = /^#([0-9a-fA-F]{6})$/.exec(token.trim());
  if (hex) return `<fill><patternFill patternType="solid"><fgColor rgb="FF${hex[1].toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`;
  if (token.trim().startsWith('<')) return token.trim();
  return jsonFillXml(token);
}

interface JsonColor {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

function jsonFillXml(token: string): string | null {
  let fill: { type?: string; pattern?: string; fgColor?: JsonColor; bgColor?: JsonColor };
  try {
    fill = JSON.parse(token);
  } catch {
    return null;
  }
  if (!fill || fill.type !== 'pattern' || typeof fill.pattern !== 'string') return null;
  const colors = colorXml('fgColor', fill.fgColor) + colorXml('bgColor', fill.bgColor);
  return `<fill><patternFill patternType="${escapeAttr(fill.pattern)}"${colors ? `>${colors}</patternFill>` : '/>'}</fill>`;
}

function colorXml(name: string, color: JsonColor | undefined): string {
  if (!color) return '';
  const parts: string[] = [];
  if (typeof color.argb === 'string') parts.push(`rgb="${escapeAttr(color.argb)}"`);
  if (typeof color.theme === 'number') parts.push(`theme="${color.theme}"`);
  if (typeof color.indexed === 'number') parts.push(`indexed="${color.indexed}"`);
  if (typeof color.tint === 'number') parts.push(`tint="${color.tint}"`);
  return parts.length ? `<${name} ${parts.join(' ')}/>` : '';
}

/** A font element with colour, bold or underline changed, children kept in schema order. */
function changeFont(font: string, change: StyleChange, prefix: string): string {
  const children = new Map<string, string>();
  const inner = font.endsWith('/>') ? '' : font.slice(font.indexOf('>') + 1, font.lastIndexOf('<'));
  for (const m of inner.matchAll(/<([\w:]+)\b[^>]*?\/>|<([\w:]+)\b[^>]*>[\s\S]*?<\/\2>/g)) {
    const name = (m[1] ?? m[2]).replace(/^\w+:/, '');
    children.set(name, m[0]);
  }
  if (change.fontColor === null) children.delete('color');
  else if (change.fontColor !== undefined) children.set('color', `<${prefix}color rgb="FF${change.fontColor.replace('#', '').toUpperCase()}"/>`);
  if (change.bold === true) children.set('b', `<${prefix}b/>`);
  else if (change.bold === false) children.delete('b');
  if (change.underline === true) children.set('u', `<${prefix}u/>`);
  const ordered = [...FONT_ORDER.filter((name) => children.has(name)), ...[...children.keys()].filter((name) => !FONT_ORDER.includes(name))];
  const open = font.slice(0, font.indexOf('>') + 1).replace(/\s*\/>$/, '>');
  return `${open}${ordered.map((name) => children.get(name)).join('')}</${prefix}font>`;
}
