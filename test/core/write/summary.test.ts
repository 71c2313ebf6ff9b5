// Tests of the output sheets: Sammanställning/Summary in SPEC 6 order and Valideringsrapport/Validation with links.
import { buildSummarySheet, buildValidationSheet } from '../../../core/write/summary';
import { BAR_FILL, columnWidth, displayLength, LINE_HEIGHT, linkLocation, wrappedLines, WRAP_WIDTH } from '../../../core/write/layout';
import { HIGHLIGHT_FILL, STATUS_FILL, STATUS_FONT } from '../../../core/common/status';
import type { FinanceSummary, Issue, NewSheet } from '../../../core/types';
import { model, results } from '../../helpers/hand-model';

const FINANCE: FinanceSummary = {
  total: { budget: 2739.6, justeringar: 0.9, forandringar: 10.9, prognos: 2751.4, avvikelse: 0 },
  budgetfoljsamhet: 1,
  budgetfoljsamhetForeResultatoverforingar: 1.0023725479930192,
};

const rowIndex = (sheet: NewSheet, first: string): number => sheet.values.findIndex((r) => r[0] === first);
const rowOf = (sheet: NewSheet, first: string) => sheet.values[rowIndex(sheet, first)];

describe('Sammanställning', () => {
  const sheet = buildSummarySheet(model(), results(), FINANCE, 'sv');

  it('is replaced on every run, with rectangular arrays, column widths and the goal header frozen', () => {
    expect(sheet).toMatchObject({ name: 'Sammanställning', mode: 'replace', frozenRows: 4 });
    const width = sheet.values[0].length;
    expect(width).toBe(12 + 20); // the goal table and the Fördelning bar's twenty cells
    for (const grid of [sheet.values, sheet.numberFormats, sheet.fills, sheet.fontColors, sheet.bold]) {
      expect(grid).toHaveLength(sheet.values.length);
      for (const row of grid ?? []) expect(row).toHaveLength(width);
    }
    expect(sheet.columnWidths).toHaveLength(width);
  });

  it('opens with the title and the period', () => {
    expect(sheet.values[0][0]).toBe('Sammanställning');
    expect(sheet.bold?.[0][0]).toBe(true);
    expect(sheet.values[1].slice(0, 2)).toEqual(['Period', 'Tertial 1 2024']);
  });

  it('lists the goals in goal order with counts, coloured Förslag and Bedömning, Avviker and Underlag', () => {
    expect(sheet.values[3].slice(0, 13)).toEqual(['Nivå', 'Nummer', 'Mål', 'Indikatorer', 'Helt', 'Delvis', 'Inte', 'Ej bedömd/mätt', 'Förslag', 'Bedömning', 'Avviker', 'Underlag', 'Fördelning']);
    expect(sheet.bold?.[3].slice(0, 13).every(Boolean)).toBe(true);
    expect(sheet.values[4].slice(0, 12)).toEqual([
      'Verksamhetsområdesmål', '1.1', 'Alla barn och ungdomar ska ges möjlighet till jämlika uppväxtvillkor',
      1, 1, 0, 0, 0, 'Uppfylls helt', 'Uppfylls helt', null, 'Indikatorn bedöms uppfyllas helt.',
    ]);
    expect(sheet.values[5].slice(0, 11)).toEqual(['Nämndmål', '1.1.1', 'Alla barn och unga i stadsdelsområdet har en meningsfull fritid', 2, 0, 1, 1, 0, 'Uppfylls delvis', 'Uppfylls helt', 'Ja']);
    expect(sheet.fills?.[5].slice(8, 10)).toEqual([STATUS_FILL.delvis, STATUS_FILL.helt]);
    expect(sheet.fontColors?.[5].slice(8, 10)).toEqual([STATUS_FONT.delvis, STATUS_FONT.helt]);
  });

  it('gives one sentence per level, judging each goal by its stated assessment where there is one', () => {
    const at = rowIndex(sheet, 'Bedömning per nivå');
    expect(at).toBeGreaterThan(5);
    expect(sheet.values[at + 1][0]).toBe('Av målen för verksamhetsområdena bedöms ett uppfyllas helt.');
    expect(sheet.values[at + 2][0]).toBe('Av nämndmålen bedöms ett uppfyllas helt.');
  });

  it('says where Målkoll\'s proposal stands in for a missing stated assessment (SPEC 6)', () => {
    const goals = results().goals;
    // 1.1.1: proposed delvis, stated helt → blank the stated one, so the proposal stands in for it.
    goals[1] = { ...goals[1], goal: { ...goals[1].goal, stated: null } };
    const own = buildSummarySheet(model(), { ...results(), goals }, FINANCE, 'sv');
    const at = rowIndex(own, 'Bedömning per nivå');
    expect(own.values[at + 2][0]).toBe('Av nämndmålen bedöms ett uppfyllas delvis, varav ett enligt Målkolls förslag.');
    expect(own.values[at + 1][0]).toBe('Av målen för verksamhetsområdena bedöms ett uppfyllas helt.');
  });

  it('says which assessed goals Målkoll could not judge, instead of marking them as differing', () => {
    const goals = results().goals;
    goals[1] = { ...goals[1], proposed: 'ej_bedomd' };
    const own = buildSummarySheet(model(), { ...results(), goals }, FINANCE, 'en');
    expect(own.values[5][10]).toBeNull();
    expect(own.values.map((row) => row[0])).toContain('Målkoll has nothing to base a proposal on for goal 1.1.1, which the committee has assessed; it is not counted as differing.');
  });

  it('lists the indicators met partly or not with value, target, unit, achievement and whether a comment exists', () => {
    const at = rowIndex(sheet, 'Indikatorer som uppfylls delvis eller inte');
    expect(sheet.values[at + 1].slice(0, 8)).toEqual(['Status', 'Mål', 'Indikator', 'Värde', 'Årsmål', 'Enhet', 'Måluppfyllnad', 'Kommentar finns']);
    expect(sheet.values[at + 2].slice(0, 8)).toEqual(['Uppfylls delvis', '1.1.1', 'Andel flickor som besöker fritidsgårdarna', 38.87, 40, '%', 0.97175, 'Nej']);
    expect(sheet.values[at + 3].slice(0, 8)).toEqual(['Uppfylls inte', '1.1.1', 'Antal besök på fritidsgårdarna', 3990, 4000, 'st', 0.9975, 'Nej']);
    expect(sheet.numberFormats?.[at + 2][6]).toBe('0 %');
    expect(sheet.fills?.[at + 3][0]).toBe(STATUS_FILL.inte);
  });

  it('ends with the budget total, Avvikelse and Budgetföljsamhet both after and before carry-overs', () => {
    expect(rowOf(sheet, 'Budget').slice(0, 4)).toEqual(['Budget', null, null, 2739.6]);
    expect(rowOf(sheet, 'Avvikelse')[3]).toBe(0);
    expect(rowOf(sheet, 'Budgetföljsamhet efter resultatöverföringar')[3]).toBe(1);
    expect(rowOf(sheet, 'Budgetföljsamhet före resultatöverföringar')[3]).toBe(1.002372548);
    const at = rowIndex(sheet, 'Budgetföljsamhet före resultatöverföringar');
    expect(sheet.numberFormats?.[at][3]).toBe('0.0 %');
    expect(at).toBe(sheet.values.length - 1);
  });

  it('gives a single Budgetföljsamhet when there is one Prognos column, and says so when there is no budget', () => {
    const single = buildSummarySheet(model(), results(), { total: FINANCE.total, budgetfoljsamhet: 0.98 }, 'sv');
    expect(rowOf(single, 'Budgetföljsamhet')[3]).toBe(0.98);
    expect(rowIndex(single, 'Budgetföljsamhet före resultatöverföringar')).toBe(-1);
    const none = buildSummarySheet(model(), results(), null, 'sv');
    expect(none.values[none.values.length - 1][0]).toBe('Ingen ekonomitabell hittades.');
  });

  it('is in English with lang en', () => {
    const en = buildSummarySheet(model(), results(), FINANCE, 'en');
    expect(en.name).toBe('Summary');
    expect(en.values[3].slice(8, 11)).toEqual(['Proposal', 'Stated', 'Differs']);
    expect(en.values[5].slice(0, 1).concat(en.values[5].slice(8, 11))).toEqual(['Committee goal', 'Partly met', 'Fully met', 'Yes']);
    expect(rowIndex(en, 'Of the committee goals, one is assessed as fully met.')).toBeGreaterThan(0);
  });

  it('says so when there are no goals and no deviating indicators', () => {
    const empty = buildSummarySheet(model(), { indicators: [], goals: [] }, null, 'sv');
    expect(rowIndex(empty, 'Inga mål hittades.')).toBe(4);
    expect(rowIndex(empty, 'Inga indikatorer uppfylls delvis eller inte.')).toBeGreaterThan(4);
  });
});

describe('Valideringsrapport', () => {
  const issues: Issue[] = [
    { severity: 'error', code: 'E_NUMBER', sheet: 'Indikatorer', cell: 'E12', message: 'Periodens utfall: »ca 40« går inte att läsa som ett tal.' },
    { severity: 'warning', code: 'W_GENDER_INCONSISTENT', sheet: 'Indikatorer', cell: 'E41', message: '-1,13 % ligger utanför.' },
    { severity: 'info', code: 'E_NO_TABLE', sheet: 'Mål', cell: 'A1', message: 'Bladet Mål saknas.' },
  ];
  const sheet = buildValidationSheet(issues, ['Indikatorer'], 'sv');

  it('lists every issue in the given order under a bold frozen header', () => {
    expect(sheet).toMatchObject({ name: 'Valideringsrapport', mode: 'replace', frozenRows: 1 });
    expect(sheet.values).toEqual([
      ['Allvarlighet', 'Kod', 'Blad', 'Cell', 'Meddelande'],
      ['Fel', 'E_NUMBER', 'Indikatorer', 'E12', issues[0].message],
      ['Varning', 'W_GENDER_INCONSISTENT', 'Indikatorer', 'E41', issues[1].message],
      ['Info', 'E_NO_TABLE', 'Mål', 'A1', issues[2].message],
    ]);
    expect(sheet.bold?.[0]).toEqual([true, true, true, true, true]);
    expect(sheet.fills?.map((r) => r[0])).toEqual([null, HIGHLIGHT_FILL.error, HIGHLIGHT_FILL.warning, null]);
    expect(sheet.columnWidths).toHaveLength(5);
  });

  it('links the Cell column to the cell, for sheets that exist', () => {
    expect(sheet.links).toEqual([
      { row: 1, col: 3, text: 'E12', targetSheet: 'Indikatorer', targetCell: 'E12' },
      { row: 2, col: 3, text: 'E41', targetSheet: 'Indikatorer', targetCell: 'E41' },
    ]);
  });

  it('says so when there is nothing to report, in either language', () => {
    expect(buildValidationSheet([], [], 'sv').values[1][4]).toBe('Inga fel, varningar eller upplysningar.');
    const en = buildValidationSheet(issues, [], 'en');
    expect(en.name).toBe('Validation');
    expect(en.values[0]).toEqual(['Severity', 'Code', 'Sheet', 'Cell', 'Message']);
    expect(en.values.map((r) => r[0]).slice(1)).toEqual(['Error', 'Warning', 'Info']);
  });
});

describe('made to be read and printed (SPEC 6)', () => {
  const sheet = buildSummarySheet(model(), results(), FINANCE, 'sv');
  const widths = sheet.columnWidths!;
  const headerRow = 3;
  const goalRows = sheet.values.slice(headerRow + 1, rowIndex(sheet, 'Bedömning per nivå') - 1).map((_, i) => headerRow + 1 + i);

  it('makes every column as wide as its longest status word, header and figure, and wraps titles and Underlag', () => {
    expect(widths[8]).toBeGreaterThanOrEqual('Uppfylls delvis'.length + 1);
    expect(widths[9]).toBeGreaterThanOrEqual('Uppfylls delvis'.length + 1);
    expect(widths[7]).toBeGreaterThanOrEqual('Ej bedömd/mätt'.length + 1);
    for (const row of [headerRow, ...goalRows, rowIndex(sheet, 'Indikatorer som uppfylls delvis eller inte') + 1]) {
      for (let col = 0; col < 12; col++) {
        if (sheet.wrap![row][col]) continue;
        expect([row, col, displayLength(sheet.values[row][col], sheet.numberFormats![row][col]) + 1 <= widths[col]]).toEqual([row, col, true]);
      }
    }
    for (const row of goalRows) expect([sheet.wrap![row][2], sheet.wrap![row][11]]).toEqual([true, true]);
    // The whole title, never cut.
    expect(sheet.values[goalRows[1]][2]).toBe('Alla barn och unga i stadsdelsområdet har en meningsfull fritid');
    expect(widths[2]).toBe(WRAP_WIDTH.title);
    expect(widths[11]).toBe(WRAP_WIDTH.basis);
    // Free text (title, sentences, budget labels) runs on to the right and does not widen column A.
    expect(widths[0]).toBeLessThan('Budgetföljsamhet efter resultatöverföringar'.length);
  });

  it('aligns the headers above figures right, as their numbers are', () => {
    expect(sheet.align![headerRow].slice(0, 12)).toEqual([null, null, null, 'right', 'right', 'right', 'right', 'right', null, null, null, null]);
    const deviating = rowIndex(sheet, 'Indikatorer som uppfylls delvis eller inte') + 1;
    expect(sheet.align![deviating].slice(0, 8)).toEqual([null, null, null, 'right', 'right', null, 'right', null]);
    expect(sheet.align![goalRows[0]].every((a) => a === null)).toBe(true);
  });

  it('gives rows with wrapped text the height of their lines, and aligns every cell to the top', () => {
    const heights = sheet.rowHeights!;
    expect(heights).toHaveLength(sheet.values.length);
    for (let row = 0; row < sheet.values.length; row++) {
      const lines = Math.max(1, ...sheet.values[row].map((v, col) => (sheet.wrap![row][col] && typeof v === 'string' ? wrappedLines(v, widths[col]) : 1)));
      expect([row, heights[row]]).toEqual([row, lines > 1 ? lines * LINE_HEIGHT : null]);
    }
    expect(sheet.verticalAlign).toBe('top');
  });

  it('prints on A4 landscape, one page wide, with the goal header on every page', () => {
    expect(sheet.print).toEqual({ paper: 'A4', orientation: 'landscape', fitToPagesWide: 1, repeatRows: { first: 3, last: 3 } });
    expect(sheet.values[3][0]).toBe('Nivå');
  });

  it('draws the Fördelning bar: twenty cells per goal coloured by its indicators, empty values', () => {
    // 1.1.1: one indicator delvis, one inte → ten yellow, ten red.
    const row = goalRows[1];
    expect(sheet.values[row][1]).toBe('1.1.1');
    expect(sheet.fills![row].slice(12)).toEqual([...Array(10).fill(BAR_FILL.delvis), ...Array(10).fill(BAR_FILL.inte)]);
    expect(sheet.values[row].slice(12).every((v) => v === null)).toBe(true);
    expect(widths.slice(12).every((w) => w < 2)).toBe(true);
    // 1.1: one indicator, helt → all green.
    expect(sheet.fills![goalRows[0]].slice(12)).toEqual(Array(20).fill(BAR_FILL.helt));
    expect(buildSummarySheet(model(), results(), FINANCE, 'en').values[3][12]).toBe('Distribution');
  });

  it('wraps the validation messages, links by location only, and prints like the summary', () => {
    const issues: Issue[] = [{ severity: 'warning', code: 'W_GOAL_EMPTY', sheet: "Mål's", cell: 'B11', message: 'Mål "1.3.4" (nämndmål) har varken indikatorer, aktiviteter eller undermål; lägg till minst en av dem.' }];
    const validation = buildValidationSheet(issues, ["Mål's"], 'sv');
    expect(validation.links).toEqual([{ row: 1, col: 3, text: 'B11', targetSheet: "Mål's", targetCell: 'B11' }]);
    expect(linkLocation("Mål's", 'B11')).toBe("'Mål''s'!B11");
    expect(linkLocation('Indikatorer', 'E58')).toBe("'Indikatorer'!E58");
    expect(validation.wrap![1][4]).toBe(true);
    // Each column shows its longest text; the bold headers count a fifth wider than their letters.
    const bold = (text: string) => text.length * 1.2;
    expect(validation.columnWidths).toEqual([columnWidth(bold('Allvarlighet')), columnWidth('W_GOAL_EMPTY'.length), columnWidth(Math.max(bold('Blad'), "Mål's".length)), columnWidth(bold('Cell')), WRAP_WIDTH.message]);
    expect(validation.print).toEqual({ paper: 'A4', orientation: 'landscape', fitToPagesWide: 1, repeatRows: { first: 0, last: 0 } });
  });
});
