// Reading and writing the CLI's files: a workbook in (one clear line for every way it can be unreadable), outputs written atomically, never onto the input.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
import { applyPlanToChunks } from './package/apply';
import { NotSpreadsheetError, openPackage, type XlsxPackage } from './package/package';
import { readPackage, type ReadResult } from './package/read';
import { ZipError } from './package/zip';
import { CliError } from './errors';
import type { CliMessages } from './messages';
import type { WritePlan } from '../core/types';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b]); // "PK": an .xlsx is a zip archive
/** Compound File Binary: old .xls files and password-protected .xlsx files both live in one. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted Office document keeps its package in (names in a CFB directory are UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
/** The largest workbook file read, in MB (a 200 000-row follow-up is about 20 MB). */
export const MAX_INPUT_MB = 200;

/** An opened workbook: its package, its grids and styles. */
export interface Workbook extends ReadResult {
  pkg: XlsxPackage;
}

/** Reads a workbook file judged by its content (a zip with a workbook part), whatever its name; every failure is one CliError line. */
export async function openWorkbook(file: string, text: CliMessages): Promise<Workbook> {
  const bytes = await readBytes(file, text);
  if (bytes.subarray(0, CFB_MAGIC.length).equals(CFB_MAGIC)) {
    throw new CliError(bytes.includes(ENCRYPTED_PACKAGE) ? text.encrypted(file) : text.oldXls(file));
  }
  if (!bytes.subarray(0, 2).equals(ZIP_MAGIC)) throw new CliError(text.notXlsx(file));
  let pkg: XlsxPackage;
  try {
    pkg = openPackage(bytes);
  } catch (error) {
    throw new CliError(error instanceof NotSpreadsheetError ? text.notSpreadsheet(file) : text.corrupt(file));
  }
  let read: ReadResult;
  try {
    read = readPackage(pkg);
  } catch (error) {
    if (error instanceof ZipError || error instanceof Error) throw new CliError(text.corrupt(file));
    throw error;
  }
  if (read.grids.sheets.length === 0) throw new CliError(text.noSheets(file));
  return { pkg, ...read };
}

/** The workbook with the plan applied, as the file's bytes in pieces (written one after the other by writeFile). */
export function patchedWorkbook(workbook: Workbook, plan: WritePlan): Promise<Buffer[]> {
  return applyPlanToChunks(workbook.pkg, workbook.grids, workbook.styles, plan, workbook.sheetXml);
}

/** Only regular files, and only up to the size limit: a device such as /dev/zero would never end. */
async function readBytes(file: string, text: CliMessages): Promise<Buffer> {
  try {
    const stat = await fs.promises.stat(file);
    if (stat.isDirectory()) throw new CliError(text.isDirectory(file));
    if (!stat.isFile()) throw new CliError(text.notRegular(file));
    if (stat.size > MAX_INPUT_MB * 1024 * 1024) throw new CliError(text.tooLarge(file, MAX_INPUT_MB));
    return await fs.promises.readFile(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError(text.fileMissing(file));
    if (code === 'EACCES' || code === 'EPERM') throw new CliError(text.noPermission(file));
    throw new CliError(text.corrupt(file));
  }
}

/** Writes the exceljs workbook (the template) as .xlsx, atomically. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string, text: CliMessages): Promise<void> {
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeFile(file, bytes, text);
}

/**
 * Writes a file atomically: into a temporary file beside the target, then renamed over it, so that a crash
 * or a kill leaves the previous file or the complete new one, never half of it. Creates the folder.
 */
export async function writeFile(file: string, content: string | Buffer | Buffer[], text: CliMessages): Promise<void> {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const handle = await fs.promises.open(temp, 'wx');
    try {
      if (Array.isArray(content)) await writeAll(handle, content);
      else await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    const err = error as NodeJS.ErrnoException;
    throw new CliError(text.writeFailed(file, err.code ?? err.message));
  }
}

/** Writes the pieces one after the other with gathering writes (libuv writes all of them, a batch at a time). */
async function writeAll(handle: fs.promises.FileHandle, pieces: Buffer[]): Promise<void> {
  const size = pieces.reduce((sum, piece) => sum + piece.length, 0);
  const { bytesWritten } = await handle.writev(pieces);
  if (bytesWritten !== size) throw Object.assign(new Error(`short write: ${bytesWritten} of ${size} bytes`), { code: 'EIO' });
}

/** `dir/name.xlsx` → `dir/name<suffix>.<ext>`: the default output beside the input, with the extension its content calls for. */
export function besideInput(input: string, suffix: string, ext = '.xlsx'): string {
  const current = path.extname(input);
  const base = current ? input.slice(0, -current.length) : input;
  return `${base}${suffix}${ext}`;
}

/** The input is never written: refuses an output that is the input by any path (same file, `..`, symbolic or hard link). */
export function assertNotInput(input: string, output: string, text: CliMessages): void {
  if (sameFile(input, output)) throw new CliError(text.sameFile(output));
}

/** Two outputs of one run may not be one file (`--json` equal to `-o`). */
export function assertDistinct(output: string, json: string, text: CliMessages): void {
  if (sameFile(output, json)) throw new CliError(text.jsonIsOutput(json));
}

/** True when both paths name one file: same device and inode when both exist, else the same resolved path. */
export function sameFile(a: string, b: string): boolean {
  const sa = statOrNull(a);
  const sb = statOrNull(b);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  return resolved(a) === resolved(b);
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/** The real path of a file that may not exist yet: its folder's real path plus its name. */
function resolved(file: string): string {
  const absolute = path.resolve(file);
  try {
    return fs.realpathSync(absolute);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}
