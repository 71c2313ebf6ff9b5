// Shared helpers of the CLI tests: running the built command, round-tripping workbooks, and reading an .xlsx's raw XML.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import * as ExcelJS from 'exceljs';

export const BIN = path.join(__dirname, '..', '..', 'bin', 'malkoll.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/malkoll.js …` (the built CLI) and resolves with its exit code and output, whatever the code. */
export function runCli(args: string[], cwd?: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile('node', [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const createdDirs: string[] = [];
// Registered when a test file imports this module, so it runs after that file's tests.
afterAll(() => createdDirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A fresh temp folder, removed again after the test file. */
export function tempDir(prefix = 'malkoll-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  createdDirs.push(dir);
  return dir;
}

export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Writes the workbook to bytes and loads it again, as the next program to open the file would see it. */
export async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const bytes = await workbook.xlsx.writeBuffer();
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(bytes);
  return loaded;
}

/** Every entry of a zip archive (an .xlsx) as text, read through its central directory. */
export function zipTexts(zip: Buffer): Map<string, string> {
  const entries = new Map<string, string>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const local = zip.readUInt32LE(offset + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8'));
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}

/** Names of the worksheet parts that hold a formula element (`<f>` or `<f …>`). */
export function partsWithFormulas(file: string): string[] {
  const parts: string[] = [];
  for (const [name, xml] of zipTexts(fs.readFileSync(file))) {
    if (name.startsWith('xl/worksheets/') && /<f[\s>/]/.test(xml)) parts.push(name);
  }
  return parts;
}
