// Issue 14 in core: on every hostile workbook, nothing of the user's changes, Clear restores every fill (also after rows were inserted, the table sorted or the sheet renamed), and checking the output again changes nothing.
import { check } from '../../../core/check';
import { clearPlan, isHighlightFill } from '../../../core/write/plan';
import { matchHeader } from '../../../core/read/schema';
import { fold } from '../../../core/common/text';
import { parseA1 } from '../../../core/common/a1';
import type { CellValue, CheckOptions, SheetGrid, WorkbookGrids, WritePlan } from '../../../core/types';
import { applyPlanToGrids } from '../../helpers/apply-plan';
import fc from 'fast-check';
import { applyEdits, baseWorkbook, HOSTILE_CASES, movedRow, setCell, USER_FILL, type HostileCase, type UserEdit } from '../../helpers/hostile-workbooks';

// ---------------------------------------------------------------------------------------------
// A strict applier: refuses what a careful host must never do, then applies like the reference adapter
// ---------------------------------------------------------------------------------------------

const present = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

function findByName(grids: WorkbookGrids, name: string): SheetGrid | undefined {
  return grids.sheets.find((s) => s.name === name) ?? grids.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** Throws when the plan would write over a user's formula, note, merged cell or value, or replace or delete a user's sheet. */
function strictApply(grids: WorkbookGrids, plan: WritePlan, userIds: Set<string>): WorkbookGrids {
  for (const block of plan.blocks) {
    const sheet = findByName(grids, block.sheet);
    if (!sheet || !userIds.has(String(sheet.id))) throw new Error(`block into ${block.sheet}, not an input sheet`);
    block.values.forEach((line, r) =>
      line.forEach((_, c) => {
        const row = block.row + r;
        const col = block.col + c;
        const where = `${sheet.name} r${row + 1} c${col + 1}`;
        if (present(sheet.formulas?.[row]?.[col])) throw new Error(`block over a formula at ${where}`);
        if (present(sheet.notes?.[row]?.[col])) throw new Error(`block over a note at ${where}`);
        if ((sheet.merges ?? []).some((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right)) throw new Error(`block into a merged area at ${where}`);
        const headerIsOurs = sheet.values[block.row]?.[col] === block.values[0][c];
        if (present(sheet.values[row]?.[col]) && !headerIsOurs) throw new Error(`block over the value ${JSON.stringify(sheet.values[row]?.[col])} at ${where}`);
      }),
    );
  }
  for (const newSheet of plan.sheets) {
    const target = (newSheet.id !== undefined ? grids.sheets.find((s) => String(s.id) === newSheet.id) : undefined) ?? findByName(grids, newSheet.name);
    if (target && userIds.has(String(target.id))) throw new Error(`plan replaces the user's sheet ${target.name}`);
    const clash = grids.sheets.find((s) => s !== target && fold(s.name) === fold(newSheet.name));
    if (clash) throw new Error(`plan names a sheet ${newSheet.name} like the existing ${clash.name}`);
  }
  for (const name of plan.deleteSheets) {
    const target = findByName(grids, name);
    if (target && userIds.has(String(target.id))) throw new Error(`plan deletes the user's sheet ${name}`);
  }
  return applyPlanToGrids(grids, plan);
}

// ---------------------------------------------------------------------------------------------
// Oracles
// ---------------------------------------------------------------------------------------------

const userIdsOf = (grids: WorkbookGrids): Set<string> => new Set(grids.sheets.map((s) => String(s.id)));
const byId = (grids: WorkbookGrids, id: string): SheetGrid | undefined => grids.sheets.find((s) => String(s.id) === id);

/** Every value, formula and note the user had is still there, every merge too, and the user's sheets keep their names. */
function expectUserContentKept(before: WorkbookGrids, after: WorkbookGrids): void {
  for (const sheet of before.sheets) {
    const now = byId(after, String(sheet.id));
    expect(now?.name).toBe(sheet.name);
    if (!now) continue;
    sheet.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (present(value)) expect([sheet.name, r, c, now.values[r]?.[c]]).toEqual([sheet.name, r, c, value]);
      }),
    );
    for (const layer of ['formulas', 'notes'] as const) {
      sheet[layer]?.forEach((line, r) =>
        line.forEach((text, c) => {
          if (present(text)) expect([sheet.name, layer, r, c, now[layer]?.[r]?.[c]]).toEqual([sheet.name, layer, r, c, text]);
        }),
      );
    }
    expect(now.merges ?? []).toEqual(sheet.merges ?? []);
  }
}

/** Cells the plan's blocks wrote, by sheet id, moved by the user's edits: "id|row|col". */
function outputCells(original: WorkbookGrids, plan: WritePlan, edits: UserEdit[]): Set<string> {
  const cells = new Set<string>();
  for (const block of plan.blocks) {
    const id = String(findByName(original, block.sheet)?.id);
    block.values.forEach((line, r) =>
      line.forEach((_, c) => {
        let row: number | null = block.row + r;
        for (const edit of edits) if (row !== null && edit.sheetId === id) row = movedRow(edit, row);
        if (row !== null) cells.add(`${id}|${row}|${block.col + c}`);
      }),
    );
  }
  return cells;
}

/** Every user cell outside the output columns has exactly the fill it has in `expected`. */
function expectFillsRestored(expected: WorkbookGrids, actual: WorkbookGrids, output: Set<string>): void {
  for (const sheet of expected.sheets) {
    const now = byId(actual, String(sheet.id)) as SheetGrid;
    const rows = Math.max(sheet.values.length, now.fills?.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(sheet.fills?.[r]?.length ?? 0, now.fills?.[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        if (output.has(`${sheet.id}|${r}|${c}`)) continue;
        const want = sheet.fills?.[r]?.[c] ?? null;
        const got = now.fills?.[r]?.[c] ?? null;
        if (want !== got) throw new Error(`${sheet.name} r${r + 1} c${c + 1}: fill ${want} became ${got}`);
      }
    }
  }
}

/** The workbook with the own sheets' ids in the record blanked: a created sheet's id is known from the second run on. */
function settled(grids: WorkbookGrids): WorkbookGrids {
  return {
    sheets: grids.sheets.map((s) =>
      s.values[0]?.[0] === 'Målkoll record v2' ? { ...s, values: s.values.map((r) => (r[0] === 'summary' || r[0] === 'validation' ? [r[0], '', ...r.slice(2)] : r)) } : s,
    ),
  };
}

const highlightedCells = (grids: WorkbookGrids, userIds: Set<string>): number =>
  grids.sheets.filter((s) => userIds.has(String(s.id))).reduce((n, s) => n + (s.fills ?? []).flat().filter((f) => isHighlightFill(f)).length, 0);

interface Run {
  original: WorkbookGrids;
  userIds: Set<string>;
  plan: WritePlan;
  checked: WorkbookGrids;
}

function firstRun(c: HostileCase): Run {
  const original = c.grids();
  const userIds = userIdsOf(original);
  const plan = check(original, c.options).plan;
  return { original, userIds, plan, checked: strictApply(original, plan, userIds) };
}

function checkAgain(grids: WorkbookGrids, userIds: Set<string>, options?: CheckOptions): WorkbookGrids {
  return strictApply(grids, check(grids, options).plan, userIds);
}

// ---------------------------------------------------------------------------------------------

describe.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it('changes no value, formula, note, merge or sheet of the user', () => {
    const { original, checked, userIds } = firstRun(c);
    expectUserContentKept(original, checked);
    expect(highlightedCells(checked, userIds)).toBeGreaterThan(0); // the case does exercise highlights
  });

  it('clears back to every original fill, also after the edits users make', () => {
    const { original, plan, checked, userIds } = firstRun(c);
    const edits = c.edits?.(original) ?? [];
    const edited = applyEdits(checked, edits);
    const clear = clearPlan(edited);
    const cleared = strictApply(edited, clear, userIds);
    expectFillsRestored(applyEdits(original, edits), cleared, outputCells(original, plan, edits));
    expect((clear.issues ?? []).map((i) => i.code)).toEqual(Array(c.lostAfterEdits ?? 0).fill('W_HIGHLIGHT_NOT_FOUND'));
    expectUserContentKept(applyEdits(original, edits), cleared);
  });

  it('is idempotent: checking the output again changes nothing, also after the edits', () => {
    const { original, checked, userIds } = firstRun(c);
    const twice = checkAgain(checked, userIds, c.options);
    expect(settled(twice)).toEqual(settled(checked));
    expect(checkAgain(twice, userIds, c.options)).toEqual(twice);
    const edits = c.edits?.(original) ?? [];
    const edited = checkAgain(applyEdits(twice, edits), userIds, c.options);
    expect(checkAgain(edited, userIds, c.options)).toEqual(edited);
    // …and Clear after a check of the edited workbook still restores the user's fills.
    const cleared = strictApply(edited, clearPlan(edited), userIds);
    expectFillsRestored(applyEdits(original, edits), cleared, outputCells(original, check(original, c.options).plan, edits));
  });

  if (c.secondOptions) {
    it("replaces the previous run's sheets in the other language, by id, without a second pair", () => {
      const { original, checked, userIds } = firstRun(c);
      const again = checkAgain(checked, userIds, c.options);
      const switched = checkAgain(again, userIds, c.secondOptions);
      expect(switched.sheets.length).toBe(again.sheets.length);
      const own = again.sheets.filter((s) => !userIds.has(String(s.id)));
      expect(own.map((s) => byId(switched, String(s.id))?.name)).toEqual(['Summary', 'Validation', '_malkoll']);
      expectUserContentKept(original, switched);
      const cleared = strictApply(switched, clearPlan(switched), userIds);
      expectFillsRestored(original, cleared, outputCells(original, check(original, c.options).plan, []));
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Where each case puts Målkoll's output (oracles written out by hand)
// ---------------------------------------------------------------------------------------------

const caseNamed = (start: string): HostileCase => {
  const found = HOSTILE_CASES.find((c) => c.name.startsWith(start));
  if (!found) throw new Error(`no case ${start}`);
  return found;
};

const indicatorColumns = (plan: WritePlan): number[] => plan.blocks.filter((b) => b.sheet === 'Indikatorer').map((b) => b.col);
const ownNames = (plan: WritePlan): string[] => plan.sheets.map((s) => s.name);

describe('placement of the output', () => {
  it('beside a plain table: G, H, I (the table ends at F)', () => {
    expect(indicatorColumns(check(baseWorkbook()).plan)).toEqual([6, 7, 8]);
  });

  it('skips the helper column of formulas without or with a "" result: H, I, J; all 166 formulas stay', () => {
    const { plan, checked } = firstRun(caseNamed('header-less helper column'));
    expect(indicatorColumns(plan)).toEqual([7, 8, 9]);
    const formulas = (checked.sheets.find((s) => s.name === 'Indikatorer')?.formulas ?? []).map((r) => r[6]).filter(present);
    expect(formulas).toHaveLength(166);
  });

  it('skips a column with a note in the table rows', () => {
    expect(indicatorColumns(firstRun(caseNamed('a note in the output area')).plan)).toEqual([7, 8, 9]);
  });

  it('skips every column a merged area reaches into within the table rows, not below it', () => {
    // G3 holds a value (the table now ends at G), H3:I3 are part of the merge G3:I3: output from J.
    expect(indicatorColumns(firstRun(caseNamed('a merged cell')).plan)).toEqual([9, 10, 11]);
  });

  it("does not reuse a user's Status column of formulas, and a second run reports no duplicate column", () => {
    const { plan, checked } = firstRun(caseNamed("a user's Status column"));
    expect(indicatorColumns(plan)).toEqual([7, 8, 9]);
    const again = check(checked);
    expect(indicatorColumns(again.plan)).toEqual([7, 8, 9]);
    expect(again.report.issues.filter((i) => i.code === 'E_DUPLICATE_COLUMN')).toEqual([]);
  });

  it("writes beside a user's Sammanställning and Valideringsrapport, in any case, and keeps them", () => {
    expect(ownNames(firstRun(caseNamed('user sheets called Sammanställning')).plan)).toEqual(['Sammanställning (Målkoll)', 'Valideringsrapport (Målkoll)', '_malkoll']);
    expect(ownNames(firstRun(caseNamed('user sheets called sammanställning')).plan)).toEqual(['Sammanställning (Målkoll)', 'Valideringsrapport (Målkoll)', '_malkoll']);
    expect(ownNames(firstRun(caseNamed('user sheets called Summary')).plan)).toEqual(['Summary (Målkoll)', 'Validation (Målkoll)', '_malkoll']);
  });

  it("keeps its record beside a user's own _malkoll sheet, and finds it there on the next run", () => {
    const { checked, userIds } = firstRun(caseNamed("a user's own _malkoll"));
    const again = check(checked).plan;
    expect(ownNames(again)).toEqual(['Sammanställning', 'Valideringsrapport', '_malkoll (Målkoll)']);
    expect(again.sheets.every((s) => s.id !== undefined && !userIds.has(s.id))).toBe(true);
  });

  it('a diacritic-less or upper-case name is the same name to a host', () => {
    const grids = baseWorkbook();
    grids.sheets.push({ name: 'SAMMANSTALLNING', id: 'u9', values: [['egen']] });
    expect(ownNames(check(grids).plan)[0]).toBe('Sammanställning (Målkoll)');
  });
});

describe('upgrading a workbook checked before own sheets were recorded', () => {
  it('rewrites the earlier Sammanställning and Valideringsrapport in place (their layout is Målkoll\'s), not a second pair', () => {
    const { checked, userIds } = firstRun(caseNamed('rows inserted'));
    // What an earlier Målkoll left: the two sheets, and a record of the first format (or none).
    const record = checked.sheets.find((s) => s.name === '_malkoll') as SheetGrid;
    const legacy = { ...record, values: [['Blad', 'Cell', 'Fyllning'], ...record.values.filter((r) => r[0] === 'highlight').map((r) => [r[2], r[3], r[5]])] };
    for (const earlier of [{ sheets: checked.sheets.map((s) => (s === record ? legacy : s)) }, { sheets: checked.sheets.filter((s) => s !== record) }]) {
      const plan = check(earlier).plan;
      const ids = new Map(earlier.sheets.map((s) => [s.name, s.id]));
      expect(plan.sheets.slice(0, 2).map((s) => [s.name, s.id])).toEqual([
        ['Sammanställning', ids.get('Sammanställning')],
        ['Valideringsrapport', ids.get('Valideringsrapport')],
      ]);
      strictApply(earlier, plan, userIds);
    }
  });

  it("keeps a user's Sammanställning that merely shares the name", () => {
    const grids = baseWorkbook();
    grids.sheets.push({ name: 'Sammanställning', id: 'u1', values: [['Sammanställning'], ['Period', 'T1'], [], ['Nivå', 'Nummer']] });
    expect(ownNames(check(grids).plan)[0]).toBe('Sammanställning (Målkoll)');
  });
});

describe('E_NO_INPUT', () => {
  it('is reported at A1 of the first sheet and highlights nothing', () => {
    const grids: WorkbookGrids = { sheets: [{ name: 'Anteckningar', id: '7', values: [['Ring Eva']], fills: [[null]] }] };
    const { report, plan } = check(grids);
    expect(report.issues.map((i) => [i.severity, i.code, i.sheet, i.cell])).toEqual([['error', 'E_NO_INPUT', 'Anteckningar', 'A1']]);
    expect(plan.fills).toEqual([]);
  });
});

describe('finding highlights again', () => {
  it('records sheet id, row key and address', () => {
    const { plan } = firstRun(HOSTILE_CASES[0]);
    const record = plan.sheets.find((s) => s.name === '_malkoll');
    const row = record?.values.find((r) => r[0] === 'highlight' && r[3] === 'C6') as CellValue[];
    expect(row).toEqual(['highlight', '3', 'Indikatorer', 'C6', JSON.stringify(['indikator', '1.1', 'Indikator 005 antal', 'outcome']), USER_FILL]);
  });

  it("removes Målkoll's colour from a recorded cell whose original fill was lost, and reports a highlight it cannot find", () => {
    const { checked } = firstRun(caseNamed('rows inserted'));
    const indicators = checked.sheets.find((s) => s.name === 'Indikatorer') as SheetGrid;
    const recordSheet = checked.sheets.find((s) => s.name === '_malkoll') as SheetGrid;
    // A user rewrote the name of indicator 005 (its key no longer matches): the colour is still removed at the address.
    indicators.values[5][1] = 'Nytt namn';
    // A second entry points at a cell whose row is gone and that shows no colour: reported.
    recordSheet.values.push(['highlight', '3', 'Indikatorer', 'C400', JSON.stringify(['indikator', '9', 'Borta', 'outcome']), '#123456']);
    const clear = clearPlan(checked);
    const cleared = applyPlanToGrids(checked, clear);
    const c6 = parseA1('C6') as { row: number; col: number };
    expect(cleared.sheets.find((s) => s.name === 'Indikatorer')?.fills?.[c6.row][c6.col]).toBe(USER_FILL);
    expect(clear.issues?.map((i) => [i.code, i.sheet, i.cell])).toEqual([['W_HIGHLIGHT_NOT_FOUND', 'Indikatorer', 'C400']]);
    expect(clear.issues?.[0].message).toContain('indikatorn "Borta" under mål 9');
  });

  it('keeps one recorded cell per row when two rows share a key (same name twice under a goal)', () => {
    const grids = baseWorkbook();
    const indicators = grids.sheets.find((s) => s.name === 'Indikatorer') as SheetGrid;
    indicators.values[10][1] = indicators.values[5][1]; // rows 6 and 11 are both "Indikator 005 antal" under 1.1 (W_DUPLICATE_INDICATOR)
    indicators.values[10][0] = '1.1';
    indicators.values[10][2] = 'ej känt';
    indicators.fills![10][2] = '#FF0000';
    const userIds = userIdsOf(grids);
    const checked = strictApply(grids, check(grids).plan, userIds);
    const edits: UserEdit[] = [{ sheetId: '3', insertRows: { before: 1, count: 2 } }];
    const cleared = strictApply(applyEdits(checked, edits), clearPlan(applyEdits(checked, edits)), userIds);
    expectFillsRestored(applyEdits(grids, edits), cleared, outputCells(grids, check(grids).plan, edits));
  });
});

// ---------------------------------------------------------------------------------------------
// Random obstacles beside the tables and random sheets named like Målkoll's (fresh seed each run)
// ---------------------------------------------------------------------------------------------

const SEED = Date.now() % 2147483647;
const OWN_LIKE_NAMES = ['Sammanställning', 'sammanställning', 'VALIDERINGSRAPPORT', 'Summary', 'validation', '_malkoll', '_MALKOLL', 'Sammanställning (Målkoll)', 'Sammanstallning'];

type Obstacle = { kind: 'value' | 'formula' | 'blankFormula' | 'note' | 'merge'; sheet: number; row: number; col: number; height: number; width: number };

const obstacle: fc.Arbitrary<Obstacle> = fc.record({
  kind: fc.constantFrom('value', 'formula', 'blankFormula', 'note', 'merge'),
  sheet: fc.integer({ min: 1, max: 2 }), // Mål or Indikatorer
  row: fc.integer({ min: 0, max: 14 }),
  col: fc.integer({ min: 4, max: 12 }),
  height: fc.integer({ min: 1, max: 3 }),
  width: fc.integer({ min: 1, max: 3 }),
});

function placeObstacle(grids: WorkbookGrids, o: Obstacle, i: number): void {
  const sheet = grids.sheets[o.sheet];
  const free = !present(sheet.values[o.row]?.[o.col]) && !(sheet.merges ?? []).some((m) => m.top <= o.row + o.height && o.row <= m.bottom + 1 && m.left <= o.col + o.width && o.col <= m.right + 1);
  if (!free) return; // never on the tables' own cells or on another merge
  if (o.kind === 'value') setCell(sheet, o.row, o.col, { value: `anteckning ${i}` });
  if (o.kind === 'formula') setCell(sheet, o.row, o.col, { value: i, formula: `=${i}+0` });
  if (o.kind === 'blankFormula') setCell(sheet, o.row, o.col, { value: i % 2 ? '' : null, formula: `=OM(A1="";"";A1)` });
  if (o.kind === 'note') setCell(sheet, o.row, o.col, { note: `not ${i}` });
  if (o.kind === 'merge') {
    setCell(sheet, o.row + o.height - 1, o.col + o.width - 1, {});
    setCell(sheet, o.row, o.col, { value: `sammanfogad ${i}` });
    sheet.merges = [...(sheet.merges ?? []), { top: o.row, left: o.col, bottom: o.row + o.height - 1, right: o.col + o.width - 1 }];
  }
}

const hostileWorkbook = fc
  .record({
    rows: fc.integer({ min: 2, max: 14 }),
    obstacles: fc.array(obstacle, { maxLength: 8 }),
    names: fc.uniqueArray(fc.constantFrom(...OWN_LIKE_NAMES), { maxLength: 3, comparator: (a, b) => fold(a) === fold(b) }),
    lang: fc.constantFrom<'sv' | 'en'>('sv', 'en'),
  })
  .map(({ rows, obstacles, names, lang }) => {
    const grids = baseWorkbook(rows);
    obstacles.forEach((o, i) => placeObstacle(grids, o, i));
    names.forEach((name, i) => grids.sheets.push({ name, id: `u${i}`, values: [[`${name} är mitt`], [i]], fills: [['#FFC000'], [null]], formulas: [[null], ['=1']] }));
    return { grids, lang };
  });

describe(`random obstacles and sheet names (seed ${SEED})`, () => {
  it('never writes over anything of the user, clears every fill, and is idempotent', () => {
    // eslint-disable-next-line no-console
    console.log(`hostile property seed: ${SEED}`);
    fc.assert(
      fc.property(hostileWorkbook, ({ grids, lang }) => {
        const userIds = userIdsOf(grids);
        const first = check(grids, { lang }).plan;
        const checked = strictApply(grids, first, userIds);
        expectUserContentKept(grids, checked);
        const cleared = strictApply(checked, clearPlan(checked), userIds);
        expectFillsRestored(grids, cleared, outputCells(grids, first, []));
        const twice = checkAgain(checked, userIds, { lang });
        expect(settled(twice)).toEqual(settled(checked));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
