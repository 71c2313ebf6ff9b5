// Tests the nyckeltal rules that the real tables show only once or not at all: blocks with their own Summa, `…, varav` parents, and the rounding a Summa may carry.
import { check } from '../../../core/check';
import type { CellValue } from '../../../core/types';

const issuesOf = (values: CellValue[][]) =>
  check({ sheets: [{ name: 'Ekonomi', values }] }).report.issues.filter((i) => i.severity !== 'info').map((i) => `${i.code} ${i.cell}`);

describe('nyckeltal tables', () => {
  // Shaped like "Verksamhet (helårspersoner) | VP 2024 | T1 2024 Avläsning" (real T1 2024, line 324), in two blocks
  const blocks: CellValue[][] = [
    ['Verksamhet (helårspersoner)', 'VP 2024', 'T1 2024 Avläsning'],
    ['Boende'],
    ['Servicebostad', '52', '55'],
    ['Gruppboende', '138', '143'],
    ['Summa', '190', '198'],
    ['Daglig verksamhet och korttid'],
    ['Daglig verksamhet', '389', '407'],
    ['Korttidshem', '71', '71'],
    ['Summa', '460', '478'],
  ];

  it('a label-only row starts a block with its own Summa', () => {
    expect(issuesOf(blocks)).toEqual([]);
    const wrong = blocks.map((r) => [...r]);
    wrong[8][1] = '650'; // the sum of both blocks: wrong for the second block alone
    expect(issuesOf(wrong)).toEqual(['E_KEYFIGURE_SUM B9']);
  });

  it('a Summa may differ from its rows by the rounding of the figures shown, not more', () => {
    const rounded = blocks.map((r) => [...r]);
    rounded[4][1] = '191'; // three whole figures can be off by 1,5 together
    expect(issuesOf(rounded)).toEqual([]);
    rounded[4][1] = '193';
    expect(issuesOf(rounded)).toEqual(['E_KEYFIGURE_SUM B5']);
  });

  it('the rows after a "…, varav" row are its parts and may not add up to more than it', () => {
    // "Vårddygn, varav	1 927 …" followed by SIS 119, HVB 314, Stödboende 96, Familjehem 267, Jourhem 1 132 (real, 2019)
    const varav: CellValue[][] = [
      ['Nyckeltal, IoF barn och unga*', '2019', '2020'],
      ['Vårddygn, varav', '1 927', '2 187'],
      ['SIS', '119', '177'],
      ['HVB', '314', '343'],
      ['Stödboende', '96', '166'],
      ['Familjehem', '267', '207'],
      ['Jourhem', '1 132', '1 271'],
    ];
    expect(issuesOf(varav)).toEqual([]); // 1 928 against 1 927 is rounding
    const more = varav.map((r) => [...r]);
    more[2][1] = '519';
    expect(issuesOf(more)).toEqual(['W_FIN_VARAV B2']);
  });

  it('a Totalt that is the average of a ratio is no sum to check', () => {
    const ratio: CellValue[][] = [
      ['Nyckeltal', 'T1 2023', 'T1 2024'],
      ['Snitt barngrupp, Årsta', '16,6', '16,2'],
      ['Snitt barngrupp, Rågsved', '15,4', '15,8'],
      ['Totalt', '16,0', '16,0'],
    ];
    expect(issuesOf(ratio)).toEqual([]);
    ratio[3][2] = '17,0';
    expect(issuesOf(ratio)).toEqual(['E_KEYFIGURE_SUM C4']);
  });
});
