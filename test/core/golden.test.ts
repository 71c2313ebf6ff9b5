// Golden tests: the JSON report and the summary sheet of the T1 2024 workbook (also with the nämnd's Bedömning of its annual indicators) and of the VP 2024 plan, compared with reviewed files (UPDATE_GOLDEN=1 rewrites them).
import * as fs from 'fs';
import * as path from 'path';
import { check } from '../../core/check';
import { eavJudgedWorkbook, eavTextWorkbook, eavVpWorkbook } from '../helpers/fixtures';

const GOLDEN_DIR = path.join(__dirname, 'golden');

/** Pretty JSON; a table (array of rows) gets one line per row so that a diff shows the rows that changed. */
function serialise(value: unknown): string {
  if (Array.isArray(value) && value.every(Array.isArray)) return `[\n${value.map((row) => `  ${JSON.stringify(row)}`).join(',\n')}\n]\n`;
  return JSON.stringify(value, null, 2) + '\n';
}

/** Compares with the golden file; with UPDATE_GOLDEN=1 writes it instead (review the diff before committing). */
function expectGolden(name: string, actual: unknown): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, serialise(actual));
    return;
  }
  if (!fs.existsSync(file)) throw new Error(`${name} is missing: run UPDATE_GOLDEN=1 npx jest test/core/golden and review it`);
  expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
}

describe('golden files of the T1 2024 workbook', () => {
  const { report, plan } = check(eavTextWorkbook());

  it('JSON report', () => {
    expectGolden('eav-t1-2024.report.json', report);
  });

  it('summary sheet values', () => {
    const summary = plan.sheets.find((s) => s.name === 'Sammanställning');
    expectGolden('eav-t1-2024.summary.json', summary?.values);
  });
});

describe('golden files of the T1 2024 workbook with the Bedömning column', () => {
  const { report, plan } = check(eavJudgedWorkbook());

  it('JSON report', () => {
    expectGolden('eav-t1-2024-bedomning.report.json', report);
  });

  it('summary sheet values', () => {
    expectGolden('eav-t1-2024-bedomning.summary.json', plan.sheets.find((s) => s.name === 'Sammanställning')?.values);
  });
});

describe('golden files of the VP 2024 plan', () => {
  const { report, plan } = check(eavVpWorkbook());

  it('JSON report', () => {
    expectGolden('eav-vp-2024.report.json', report);
  });

  it('summary sheet values', () => {
    expectGolden('eav-vp-2024.summary.json', plan.sheets.find((s) => s.name === 'Sammanställning')?.values);
  });
});
