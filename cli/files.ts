// Reading and writing the CLI's files: an .xlsx in (with one clear line for every way it can be unreadable), .xlsx and JSON out.
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { CliError } from './errors';
import type { CliMessages } from './messages';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b]); // "PK": an .xlsx is a zip archive
/** Compound File Binary: old .xls files and password-protected .xlsx files both live in one. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted Office document keeps its package in (names in a CFB directory are UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** Reads an .xlsx file into an exceljs workbook; every failure becomes a CliError with one line naming the cause. */
export async function loadWorkbook(file: string, text: CliMessages): Promise<ExcelJS.Workbook> {
  const bytes = await readBytes(file, text);
  if (bytes.subarray(0, CFB_MAGIC.length).equals(CFB_MAGIC)) {
    throw new CliError(bytes.includes(ENCRYPTED_PACKAGE) ? text.encrypted(file) : text.oldXls(file));
  }
  if (!bytes.subarray(0, 2).equals(ZIP_MAGIC)) throw new CliError(text.notXlsx(file));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new CliError(text.corrupt(file)); // exceljs' own message (zip internals) would not help the user
  }
  if (workbook.worksheets.length === 0) throw new CliError(text.noSheets(file));
  return workbook;
}

async function readBytes(file: string, text: CliMessages): Promise<Buffer> {
  try {
    const stat = await fs.promises.stat(file);
    if (stat.isDirectory()) throw new CliError(text.isDirectory(file));
    return await fs.promises.readFile(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError(text.fileMissing(file));
    if (code === 'EACCES' || code === 'EPERM') throw new CliError(text.noPermission(file));
    throw new CliError(text.corrupt(file));
  }
}

/** Writes the workbook as .xlsx, creating the folder when needed. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string, text: CliMessages): Promise<void> {
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeFile(file, bytes, text);
}

/** Writes a text or binary file, creating its folder; a failure is one line naming the file and the reason. */
export async function writeFile(file: string, content: string | Buffer, text: CliMessages): Promise<void> {
  try {
    await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await fs.promises.writeFile(file, content);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    throw new CliError(text.writeFailed(file, err.code ?? err.message));
  }
}

/** `dir/name.xlsx` → `dir/name<suffix>.xlsx` (the default output beside the input). */
export function besideInput(input: string, suffix: string): string {
  const ext = path.extname(input);
  const base = ext ? input.slice(0, -ext.length) : input;
  return `${base}${suffix}${ext || '.xlsx'}`;
}

/** The input is never written: refuses an output path that is the input file itself. */
export function assertNotInput(input: string, output: string, text: CliMessages): void {
  if (samePath(input, output)) throw new CliError(text.sameFile(output));
}

function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}
