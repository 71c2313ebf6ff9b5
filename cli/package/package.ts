// The structure of an .xlsx package: its parts, the workbook part with its sheets, the workbook's relationships and the content types.
import * as path from 'path';
import { attributesOf } from './xml';
import { inflateEntry, readZip, type ZipEntry } from './zip';

export const WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const STYLES_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
export const SHARED_STRINGS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';
const OFFICE_DOCUMENT_TYPE = /\/officeDocument$/;
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const MACRO_CONTENT_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

/** Thrown when the zip is not a spreadsheet package (no workbook part). */
export class NotSpreadsheetError extends Error {}

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name inside the zip (no leading slash), or the raw target when external. */
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  /** workbook.xml's sheetId: the host's stable sheet id. */
  sheetId: string;
  relId: string;
  /** The worksheet part, or null for chart sheets and dialog sheets (not read, never changed). */
  part: string | null;
  state: string;
}

export interface XlsxPackage {
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
  workbookPart: string;
  workbookXml: string;
  /** The prefix workbook.xml binds to the relationships namespace (`r`). */
  relPrefix: string;
  sheets: SheetEntry[];
  workbookRels: Relationship[];
  /** True for a macro-enabled workbook (.xlsm): the copy keeps that extension. */
  macroEnabled: boolean;
}

/** Opens the package: entries, workbook part, sheets in tab order. Throws ZipError or NotSpreadsheetError. */
export function openPackage(zip: Buffer): XlsxPackage {
  const entries = readZip(zip);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const workbookPart = findWorkbookPart(byName);
  const workbookXml = partText(byName, workbookPart);
  if (workbookXml === null) throw new NotSpreadsheetError('no workbook part');
  const workbookRels = readRels(byName, workbookPart);
  const relPrefix = relationshipPrefix(workbookXml);
  const sheets = sheetEntries(workbookXml, relPrefix, workbookRels);
  const contentTypes = partText(byName, '[Content_Types].xml') ?? '';
  return { entries, byName, workbookPart, workbookXml, relPrefix, sheets, workbookRels, macroEnabled: contentTypes.includes(MACRO_CONTENT_TYPE) };
}

/** The workbook part named by the package relationships, else xl/workbook.xml. */
function findWorkbookPart(byName: Map<string, ZipEntry>): string {
  const rels = readRels(byName, '');
  const main = rels.find((rel) => OFFICE_DOCUMENT_TYPE.test(rel.type) && !rel.external && byName.has(rel.target));
  if (main) return main.target;
  if (byName.has('xl/workbook.xml')) return 'xl/workbook.xml';
  throw new NotSpreadsheetError('no workbook part');
}

/** A part's text (UTF-8), null when absent. */
export function partText(byName: Map<string, ZipEntry>, name: string): string | null {
  const entry = byName.get(name);
  return entry ? inflateEntry(entry).toString('utf8') : null;
}

/** The relationships part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels` ('' = the package's). */
export function relsPartOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === '.' ? '' : dir + '/'}_rels/${path.posix.basename(part)}.rels`;
}

/** A part's relationships with targets resolved to part names. */
export function readRels(byName: Map<string, ZipEntry>, part: string): Relationship[] {
  const xml = partText(byName, relsPartOf(part));
  if (xml === null) return [];
  const base = path.posix.dirname(part);
  const rels: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributesOf(m[0]);
    const external = (a.TargetMode ?? '').toLowerCase() === 'external';
    rels.push({ id: a.Id ?? '', type: a.Type ?? '', target: external ? a.Target ?? '' : resolveTarget(base, a.Target ?? ''), external });
  }
  return rels;
}

function resolveTarget(base: string, target: string): string {
  const decoded = safeDecode(target);
  if (decoded.startsWith('/')) return decoded.slice(1);
  return path.posix.normalize(path.posix.join(base === '.' ? '' : base, decoded));
}

function safeDecode(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

function relationshipPrefix(workbookXml: string): string {
  const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["'](?:${RELATIONSHIPS_NS.replace(/[./]/g, '\\$&')}|http://purl\\.oclc\\.org/ooxml/officeDocument/relationships)["']`).exec(workbookXml);
  return m ? m[1] : 'r';
}

function sheetEntries(workbookXml: string, relPrefix: string, rels: Relationship[]): SheetEntry[] {
  const byId = new Map(rels.map((rel) => [rel.id, rel]));
  const sheetsStart = workbookXml.search(/<(?:\w+:)?sheets\b/);
  const sheetsEnd = workbookXml.search(/<\/(?:\w+:)?sheets>/);
  if (sheetsStart < 0) return [];
  const section = workbookXml.slice(sheetsStart, sheetsEnd < 0 ? undefined : sheetsEnd);
  const sheets: SheetEntry[] = [];
  for (const m of section.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributesOf(m[0]);
    const relId = a[`${relPrefix}:id`] ?? '';
    const rel = byId.get(relId);
    const part = rel && isType(rel.type, WORKSHEET_TYPE) && !rel.external ? rel.target : null;
    sheets.push({ name: a.name ?? '', sheetId: a.sheetId ?? '', relId, part, state: a.state ?? 'visible' });
  }
  return sheets;
}

/** Relationship types by their last segment, so that Strict OOXML's purl.oclc.org types match the transitional ones. */
function isType(actual: string, wanted: string): boolean {
  return actual === wanted || actual.slice(actual.lastIndexOf('/')) === wanted.slice(wanted.lastIndexOf('/'));
}

/** The one part of a type the workbook relates to (styles, shared strings), or null. */
export function workbookPartOfType(pkg: XlsxPackage, type: string): string | null {
  const rel = pkg.workbookRels.find((r) => isType(r.type, type) && !r.external);
  return rel && pkg.byName.has(rel.target) ? rel.target : null;
}
