// Applies core's write plan to an .xlsx package: patches the worksheets that get output, writes Målkoll's own sheets, and rewrites only styles, workbook.xml, its rels and [Content_Types].xml as needed.
import { isRecordSheet, recordWithIds } from '../../core/write/record';
import * as path from 'path';
import { parseA1 } from '../../core/common/a1';
import { needsTextGuard } from '../../core/write/plan';
import type { Block, FillChange, MergedArea, NewSheet, SheetGrid, WorkbookGrids, WritePlan } from '../../core/types';
import { TEXT_FORMAT, writeNewSheet } from './new-sheet';
import { partText, relsPartOf, STYLES_TYPE, workbookPartOfType, WORKSHEET_CONTENT_TYPE, WORKSHEET_TYPE, type SheetEntry, type XlsxPackage } from './package';
import { patchable, SheetPatch, writePatchedSheet } from './patch-sheet';
import { MINIMAL_STYLES, type StyleChange, type Styles } from './styles';
import { attributesOf, ByteWriter, escapeAttr, escapeText, setAttribute } from './xml';
import { Deflater, deflateEntry, inflateEntry, PIECE, zipChunks, type ZipEntry } from './zip';

const STYLES_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const CONTENT_TYPES = '[Content_Types].xml';
/** Room in a piece's buffer beyond PIECE: a row that crosses the mark fits without the buffer growing. */
const SLACK = 1 << 16;
/** The package being changed: replaced and added parts, removed parts, and the workbook-level texts. */
class PackageEdit {
  /** Replaced and added parts, deflated as they are made (a patched 200 000-row sheet is 100 MB of XML), some still being deflated. */
  readonly parts = new Map<string, ZipEntry | Promise<ZipEntry>>();
  readonly removed = new Set<string>();
  readonly added: string[] = [];
  /** Parts already inflated by the reader. */
  readonly read = new Map<string, Buffer>();
  /** Where every patched or written part is built, one after the other, a piece at a time (see build). */
  private readonly scratch = new ByteWriter(PIECE + SLACK);
  private readonly deflater = new Deflater();
  /** Every part's entry being deflated. */
  readonly building: Promise<ZipEntry>[] = [];
  workbookXml: string;
  relsXml: string;
  contentTypes: string;
  sheets: SheetEntry[];

  constructor(readonly pkg: XlsxPackage) {
    this.workbookXml = pkg.workbookXml;
    this.relsXml = partText(pkg.byName, relsPartOf(pkg.workbookPart)) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    this.contentTypes = partText(pkg.byName, CONTENT_TYPES) ?? '';
    this.sheets = pkg.sheets.slice();
  }

  exists(part: string): boolean {
    return !this.removed.has(part) && (this.pkg.byName.has(part) || this.parts.has(part));
  }

  put(part: string, data: Buffer | ZipEntry | Promise<ZipEntry>): void {
    if (!this.pkg.byName.has(part) && !this.parts.has(part)) this.added.push(part);
    this.removed.delete(part);
    if (Buffer.isBuffer(data)) this.parts.set(part, deflateEntry(part, data));
    else if (data instanceof Promise) this.parts.set(part, settled(data.then((entry) => ({ ...entry, name: part }))));
    else this.parts.set(part, { ...data, name: part });
  }

  /**
   * A part written by `write`: deflated on the thread pool a piece at a time as the writer fills (the part is never
   * whole in memory, and every part is built in the same few buffers). Resolves once written, with the entry still
   * being deflated (`entry`), so that the next part is written meanwhile.
   */
  async build(write: (out: ByteWriter) => Promise<void>): Promise<{ entry: Promise<ZipEntry> }> {
    const out = this.scratch;
    this.deflater.begin(out);
    await write(out);
    const entry = settled(this.deflater.end(out));
    this.building.push(entry);
    return { entry };
  }

  remove(part: string): void {
    this.parts.delete(part);
    this.removed.add(part);
  }

  /** The sheet called `name`: exact, else as Excel compares names (case-insensitively). */
  byName(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

/** The promise, marked as handled: a part that fails while others are written fails the package when it is awaited (buildZip), not the process at once. */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** The package with the plan applied, as zip bytes; unchanged parts keep their stored bytes. */
export async function applyPlanToPackage(pkg: XlsxPackage, grids: WorkbookGrids, styles: Styles, plan: WritePlan, sheetXml?: Map<string, Buffer>): Promise<Buffer> {
  return Buffer.concat(await applyPlanToChunks(pkg, grids, styles, plan, sheetXml));
}

/** The same zip bytes as applyPlanToPackage, as pieces to be written one after the other (never joined in memory). */
export async function applyPlanToChunks(pkg: XlsxPackage, grids: WorkbookGrids, styles: Styles, plan: WritePlan, sheetXml?: Map<string, Buffer>): Promise<Buffer[]> {
  const edit = new PackageEdit(pkg);
  for (const [part, xml] of sheetXml ?? []) edit.read.set(part, xml);
  for (const name of plan.deleteSheets) deleteSheet(edit, name);
  await patchSheets(edit, grids, styles, plan.blocks, plan.fills);
  // The record last, with the sheetIds of the own sheets just created (so the next run writes the same record).
  for (const sheet of plan.sheets) if (!isRecordSheet(sheet)) await writeOwnSheet(edit, sheet, styles);
  for (const sheet of plan.sheets) if (isRecordSheet(sheet)) await writeOwnSheet(edit, recordWithIds(sheet, (name) => edit.byName(name)?.sheetId), styles);
  for (const sheet of plan.sheets) setPrintTitles(edit, sheet);
  keepActiveTabVisible(edit);
  if (styles.changed) saveStyles(edit, styles);
  return await buildZip(edit);
}

// ---------------------------------------------------------------------------------------------
// Input sheets: output columns and highlights
// ---------------------------------------------------------------------------------------------

async function patchSheets(edit: PackageEdit, grids: WorkbookGrids, styles: Styles, blocks: Block[], fills: FillChange[]): Promise<void> {
  const patches = new Map<SheetEntry, SheetPatch>();
  const patchOf = (name: string): SheetPatch | null => {
    const entry = edit.byName(name);
    if (!entry || !entry.part || !edit.exists(entry.part)) return null;
    let patch = patches.get(entry);
    if (!patch) patches.set(entry, (patch = new SheetPatch()));
    return patch;
  };
  for (const block of blocks) {
    const patch = patchOf(block.sheet);
    if (patch) addBlock(patch, block, grids.sheets.find((g) => g.name === block.sheet));
  }
  for (const change of fills) {
    const patch = patchOf(change.sheet);
    if (patch) addFills(patch, change);
  }
  for (const [entry, patch] of patches) {
    if (patch.empty) continue;
    const part = entry.part as string;
    const xml = await currentPart(edit, part);
    if (!patchable(xml)) continue; // not a worksheet the patcher understands: left whole
    edit.put(part, (await edit.build((out) => writePatchedSheet(xml, patch, styles, out))).entry);
  }
}

async function currentPart(edit: PackageEdit, part: string): Promise<Buffer> {
  const made = edit.parts.get(part);
  return made ? inflateEntry(await made) : edit.read.get(part) ?? inflateEntry(edit.pkg.byName.get(part) as ZipEntry);
}

function inMerge(merges: MergedArea[], row: number, col: number): boolean {
  return merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/**
 * The style changes of a block's cells, one object per distinct change (a 200 000-row column has a handful). Each
 * column remembers its last cell's inputs and change: most cells repeat the cell above, and are found without a key.
 */
class BlockChanges {
  private readonly byKey = new Map<string, StyleChange>();
  private readonly last: { numFmt: string | undefined; fill: string | null | undefined; fontColor: string | null | undefined; bold: boolean | undefined; wrap: boolean | undefined; horizontal: string | null | undefined; change: StyleChange }[] = [];

  constructor(private readonly block: Block) {}

  of(i: number, j: number, value: unknown): StyleChange {
    const block = this.block;
    const format = block.numberFormats?.[i]?.[j] ?? null;
    const numFmt = format !== null ? format : typeof value === 'string' && needsTextGuard(value) ? TEXT_FORMAT : undefined;
    const fill = block.fills ? block.fills[i]?.[j] ?? null : undefined;
    const fontColor = block.fontColors ? block.fontColors[i]?.[j] ?? null : undefined;
    const bold = block.bold ? !!block.bold[i]?.[j] : undefined;
    const wrap = block.wrap ? !!block.wrap[i]?.[j] : undefined;
    const horizontal = block.align ? block.align[i]?.[j] ?? null : undefined;
    const last = this.last[j];
    if (last && last.numFmt === numFmt && last.fill === fill && last.fontColor === fontColor && last.bold === bold && last.wrap === wrap && last.horizontal === horizontal) return last.change;
    const key = `${numFmt}\u0000${fill}\u0000${fontColor}\u0000${bold}\u0000${wrap}\u0000${horizontal}`;
    let change = this.byKey.get(key);
    if (!change) {
      change = {};
      if (numFmt !== undefined) change.numFmt = numFmt;
      if (fill !== undefined) change.fill = fill;
      if (fontColor !== undefined) change.fontColor = fontColor;
      if (bold !== undefined) change.bold = bold;
      if (wrap !== undefined) change.wrap = wrap;
      if (horizontal !== undefined) change.horizontal = horizontal;
      this.byKey.set(key, change);
    }
    this.last[j] = { numFmt, fill, fontColor, bold, wrap, horizontal, change };
    return change;
  }
}

function addBlock(patch: SheetPatch, block: Block, grid: SheetGrid | undefined): void {
  const changes = new BlockChanges(block);
  const merges = grid?.merges?.length ? grid.merges : null;
  const widths = block.columnWidths;
  const rows = block.values;
  for (let i = 0; i < rows.length; i++) {
    const values = rows[i];
    if (values === undefined && !(i in rows)) continue; // a hole, as forEach skips it
    const row = block.row + i;
    for (let j = 0; j < values.length; j++) {
      const value = values[j];
      if (value === undefined && !(j in values)) continue;
      const col = block.col + j;
      if (merges && inMerge(merges, row, col)) continue; // a merged area is the user's: never written into
      patch.set(row, col, { writeValue: true, value, change: changes.of(i, j, value) });
    }
  }
  // Widths are core's (core/write/layout.ts), as in the other hosts: a block without them leaves the columns as they are.
  widths?.forEach((width, j) => patch.widths.set(block.col + j, width));
}

function addFills(patch: SheetPatch, change: FillChange): void {
  const fill: StyleChange = { fill: change.fill }; // one object for the group: the patcher looks styles up by it
  for (const address of change.cells) {
    const at = parseA1(address);
    if (at) patch.set(at.row, at.col, { writeValue: false, value: null, change: fill });
  }
}

// ---------------------------------------------------------------------------------------------
// Målkoll's own sheets
// ---------------------------------------------------------------------------------------------

async function writeOwnSheet(edit: PackageEdit, sheet: NewSheet, styles: Styles): Promise<void> {
  const byId = sheet.id !== undefined ? edit.sheets.find((s) => s.sheetId === sheet.id && s.part) : undefined;
  const existing = byId ?? edit.byName(sheet.name);
  if (sheet.mode === 'createIfMissing' && existing) return;
  const xml = (await edit.build((out) => writeNewSheet(sheet, styles, out))).entry;
  if (existing && existing.part) {
    edit.put(existing.part, xml);
    if (edit.exists(relsPartOf(existing.part))) edit.remove(relsPartOf(existing.part)); // the new content refers to no other part
    updateSheetTag(edit, existing, { name: sheet.name, state: sheet.hidden ? 'hidden' : null });
    return;
  }
  if (existing) deleteSheet(edit, existing.name); // a chart sheet of that name cannot hold cells
  addSheet(edit, sheet, xml);
}

function updateSheetTag(edit: PackageEdit, entry: SheetEntry, change: { name: string; state: string | null }): void {
  edit.workbookXml = replaceSheetTag(edit, entry.relId, (tag) => {
    let next = tag;
    if (entry.name !== change.name) next = setAttribute(next, 'name', change.name);
    if ((entry.state === 'visible' ? null : entry.state) !== change.state) next = setAttribute(next, 'state', change.state);
    return next;
  });
  entry.name = change.name;
  entry.state = change.state ?? 'visible';
}

/** workbook.xml with the `<sheet>` of that relationship id changed (or removed when fn returns ''). */
function replaceSheetTag(edit: PackageEdit, relId: string, fn: (tag: string) => string): string {
  const attr = `${edit.pkg.relPrefix}:id`;
  return edit.workbookXml.replace(/<(?:\w+:)?sheet\b[^>]*>/g, (tag) => (attributesOf(tag)[attr] === relId ? fn(tag) : tag));
}

function addSheet(edit: PackageEdit, sheet: NewSheet, xml: Promise<ZipEntry>): void {
  const part = freeName(edit, 'xl/worksheets/sheet', '.xml');
  const relId = freeRelId(edit);
  const sheetId = String(Math.max(0, ...edit.sheets.map((s) => Number(s.sheetId) || 0)) + 1);
  edit.put(part, xml);
  const target = path.posix.relative(path.posix.dirname(edit.pkg.workbookPart), part);
  edit.relsXml = edit.relsXml.replace(/<\/(\w+:)?Relationships>/, (close) => `<Relationship Id="${relId}" Type="${WORKSHEET_TYPE}" Target="${escapeAttr(target)}"/>${close}`);
  edit.contentTypes = addOverride(edit.contentTypes, part, WORKSHEET_CONTENT_TYPE);
  const prefix = /<(\w+:)?sheets\b/.exec(edit.workbookXml)?.[1] ?? '';
  const tag = `<${prefix}sheet name="${escapeAttr(sheet.name)}" sheetId="${sheetId}"${sheet.hidden ? ' state="hidden"' : ''} ${edit.pkg.relPrefix}:id="${relId}"/>`;
  edit.workbookXml = edit.workbookXml.replace(/<\/(\w+:)?sheets>/, (close) => tag + close);
  edit.sheets.push({ name: sheet.name, sheetId, relId, part, state: sheet.hidden ? 'hidden' : 'visible' });
}

function freeName(edit: PackageEdit, stem: string, ext: string): string {
  for (let n = 1; ; n++) if (!edit.exists(`${stem}${n}${ext}`)) return `${stem}${n}${ext}`;
}

function freeRelId(edit: PackageEdit): string {
  const used = new Set([...edit.relsXml.matchAll(/\bId\s*=\s*"([^"]*)"/g)].map((m) => m[1]));
  for (let n = 1; ; n++) if (!used.has(`rId${n}`)) return `rId${n}`;
}

function addOverride(contentTypes: string, part: string, type: string): string {
  if (contentTypes.includes(`PartName="/${part}"`)) return contentTypes;
  return contentTypes.replace(/<\/(\w+:)?Types>/, (close) => `<Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>${close}`);
}

function removeOverride(contentTypes: string, part: string): string {
  return contentTypes.replace(/<(?:\w+:)?Override\b[^>]*>/g, (tag) => (attributesOf(tag).PartName === `/${part}` ? '' : tag));
}

/** Removes a sheet (only ever Målkoll's record): its tag, relationship, part and content type; sheet-scoped names and tab indexes follow. */
function deleteSheet(edit: PackageEdit, name: string): void {
  const entry = edit.byName(name);
  if (!entry) return;
  const index = edit.sheets.indexOf(entry);
  edit.workbookXml = replaceSheetTag(edit, entry.relId, () => '');
  edit.workbookXml = shiftSheetIndexes(edit.workbookXml, index);
  edit.relsXml = edit.relsXml.replace(/<(?:\w+:)?Relationship\b[^>]*>/g, (tag) => (attributesOf(tag).Id === entry.relId ? '' : tag));
  if (entry.part) {
    edit.remove(entry.part);
    if (edit.exists(relsPartOf(entry.part))) edit.remove(relsPartOf(entry.part));
    edit.contentTypes = removeOverride(edit.contentTypes, entry.part);
  }
  edit.sheets.splice(index, 1);
}

/** definedNames scoped to the removed sheet go; later sheets' indexes, activeTab and firstSheet move down by one. */
function shiftSheetIndexes(xml: string, removed: number): string {
  xml = xml.replace(/<(\w+:)?definedName\b[^>]*>[\s\S]*?<\/\1?definedName>/g, (element) => {
    const tag = element.slice(0, element.indexOf('>') + 1);
    const local = attributesOf(tag).localSheetId;
    if (local === undefined) return element;
    const n = Number(local);
    if (n === removed) return '';
    return n > removed ? setAttribute(tag, 'localSheetId', String(n - 1)) + element.slice(tag.length) : element;
  });
  return xml.replace(/<(?:\w+:)?workbookView\b[^>]*>/g, (tag) => {
    let next = tag;
    for (const attr of ['activeTab', 'firstSheet']) {
      const value = attributesOf(next)[attr];
      if (value !== undefined && Number(value) > removed) next = setAttribute(next, attr, String(Number(value) - 1));
      else if (value !== undefined && Number(value) === removed && removed > 0) next = setAttribute(next, attr, String(removed - 1));
    }
    return next;
  });
}

/**
 * The rows a sheet repeats at the top of every printed page: a `_xlnm.Print_Titles` defined name scoped to the sheet
 * (localSheetId = its tab index), replacing the one it had. Written after every sheet is added or deleted, so the
 * index is final. `definedNames` follows `sheets` in workbook.xml (CT_Workbook order).
 */
function setPrintTitles(edit: PackageEdit, sheet: NewSheet): void {
  const rows = sheet.print?.repeatRows;
  if (!rows) return;
  const index = edit.sheets.findIndex((s) => s.name === sheet.name);
  if (index < 0) return;
  const prefix = /<(\w+:)?sheets\b/.exec(edit.workbookXml)?.[1] ?? '';
  const reference = `'${sheet.name.replace(/'/g, "''")}'!$${rows.first + 1}:$${rows.last + 1}`;
  const name = `<${prefix}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeText(reference)}</${prefix}definedName>`;
  let xml = edit.workbookXml.replace(/<(\w+:)?definedName\b[^>]*>[\s\S]*?<\/\1?definedName>/g, (element) => {
    const a = attributesOf(element.slice(0, element.indexOf('>') + 1));
    return a.name === '_xlnm.Print_Titles' && a.localSheetId === String(index) ? '' : element;
  });
  if (/<(\w+:)?definedNames\b[^>]*\/>/.test(xml)) xml = xml.replace(/<(\w+:)?definedNames\b[^>]*\/>/, `<${prefix}definedNames>${name}</${prefix}definedNames>`);
  else if (/<\/(\w+:)?definedNames>/.test(xml)) xml = xml.replace(/<\/(\w+:)?definedNames>/, (close) => name + close);
  else xml = xml.replace(/<\/(\w+:)?sheets>/, (close) => `${close}<${prefix}definedNames>${name}</${prefix}definedNames>`);
  edit.workbookXml = xml;
}

/** Excel refuses a workbook whose active tab is hidden: point it at the first visible sheet. */
function keepActiveTabVisible(edit: PackageEdit): void {
  edit.workbookXml = edit.workbookXml.replace(/<(?:\w+:)?workbookView\b[^>]*>/, (tag) => {
    const active = Number(attributesOf(tag).activeTab ?? 0);
    if (edit.sheets[active] && edit.sheets[active].state === 'visible') return tag;
    const first = edit.sheets.findIndex((s) => s.state === 'visible');
    return setAttribute(tag, 'activeTab', String(Math.max(0, first)));
  });
}

function saveStyles(edit: PackageEdit, styles: Styles): void {
  const part = workbookPartOfType(edit.pkg, STYLES_TYPE);
  if (part) {
    edit.put(part, Buffer.from(styles.serialize(), 'utf8'));
    return;
  }
  const created = 'xl/styles.xml';
  const target = path.posix.relative(path.posix.dirname(edit.pkg.workbookPart), created);
  edit.put(created, Buffer.from(styles.serialize() || MINIMAL_STYLES, 'utf8'));
  edit.relsXml = edit.relsXml.replace(/<\/(\w+:)?Relationships>/, (close) => `<Relationship Id="${freeRelId(edit)}" Type="${STYLES_TYPE}" Target="${target}"/>${close}`);
  edit.contentTypes = addOverride(edit.contentTypes, created, STYLES_CONTENT_TYPE);
}

// ---------------------------------------------------------------------------------------------
// The archive
// ---------------------------------------------------------------------------------------------

async function buildZip(edit: PackageEdit): Promise<Buffer[]> {
  const pkg = edit.pkg;
  const texts = new Map<string, string>([
    [pkg.workbookPart, edit.workbookXml],
    [relsPartOf(pkg.workbookPart), edit.relsXml],
    [CONTENT_TYPES, edit.contentTypes],
  ]);
  const original = new Map<string, string | null>([
    [pkg.workbookPart, pkg.workbookXml],
    [relsPartOf(pkg.workbookPart), partText(pkg.byName, relsPartOf(pkg.workbookPart))],
    [CONTENT_TYPES, partText(pkg.byName, CONTENT_TYPES)],
  ]);
  for (const [part, text] of texts) if (text !== original.get(part)) edit.put(part, Buffer.from(text, 'utf8'));
  await Promise.all(edit.building); // every part's deflating done (those replaced or removed since too: their errors are errors)
  const entries: ZipEntry[] = [];
  for (const entry of pkg.entries) {
    if (edit.removed.has(entry.name)) continue;
    entries.push(await (edit.parts.get(entry.name) ?? entry));
  }
  for (const part of edit.added) {
    const made = edit.parts.get(part);
    if (made && !edit.removed.has(part)) entries.push(await made);
  }
  return zipChunks(entries);
}
