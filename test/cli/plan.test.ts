// End-to-end test of `malkoll check` on the real VP 2024 example: the CLI judges it as a plan, as core does on the fixture tables (SPEC 5.0).
import * as fs from 'fs';
import * as path from 'path';
import { check } from '../../core/check';
import { STATUS_FILL } from '../../core/common/status';
import type { Report } from '../../core/types';
import { eavVpWorkbook } from '../helpers/fixtures';
import { loadXlsx, runCli, tempDir } from './helpers';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'verksamhetsplan-2024-eav.xlsx');

describe('malkoll check on the real verksamhetsplan 2024', () => {
  it('gives the core report of the same tables: a plan, no status, proposal, colour or overdue activity', async () => {
    const dir = tempDir();
    const output = path.join(dir, 'vp-kontrollerad.xlsx');
    const json = path.join(dir, 'vp.json');
    const run = await runCli(['check', EXAMPLE, '-o', output, '--json', json]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(json, 'utf8')) as Report;
    const core = check(eavVpWorkbook()).report;
    expect(report.document).toBe('plan');
    expect(report.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual(core.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`));
    expect(report.goals.map((g) => [g.number, g.proposed])).toEqual(core.goals.map((g) => [g.number, g.proposed]));
    expect(report.issues.some((i) => i.code === 'W_ACTIVITY_OVERDUE')).toBe(false);
    // No status colour anywhere in the checked copy's input sheets.
    const book = await loadXlsx(output);
    const statusArgb = new Set(Object.values(STATUS_FILL).map((c) => `FF${c.slice(1)}`));
    for (const name of ['Mål', 'Indikatorer', 'Aktiviteter']) {
      book.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          const argb = (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
          expect([name, cell.address, argb && statusArgb.has(argb)]).toEqual([name, cell.address, argb ? false : undefined]);
        }),
      );
    }
  });
});
