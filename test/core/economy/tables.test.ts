// Tests that every table of the real T1 2024 economy section is found by its header row, classified, titled and read with its unit, table by table.
import * as path from 'path';
import { discoverEconomy } from '../../../core/economy/tables';
import type { FinanceTable, SheetGrid } from '../../../core/types';
import { FIXTURE_DIR, readTsv } from '../../helpers/fixtures';

const FILE = path.join(FIXTURE_DIR, 'eav-t1-2024-rapport-ekonomi.tsv');
const grid = (): SheetGrid => ({ name: 'Ekonomi', values: readTsv(FILE) });

/** 1-based header row (as in the fixture file's line numbers), kind, title, unit, and the data rows' labels. */
function summary(table: FinanceTable) {
  return {
    header: table.headerRow + 1,
    kind: table.kind,
    title: table.title,
    unit: table.unit,
    labels: table.rows.map((r) => r.label),
  };
}

describe('the real T1 2024 economy section, table by table', () => {
  const found = discoverEconomy(grid());
  const tables = found.tables.map(summary);

  it('finds twelve tables, in document order, and no figure it cannot read', () => {
    expect(tables.map((t) => [t.header, t.kind])).toEqual([
      [5, 'drift'],
      [33, 'drift'],
      [126, 'nyckeltal'],
      [172, 'nyckeltal'],
      [203, 'nyckeltal'],
      [252, 'nyckeltal'],
      [287, 'nyckeltal'],
      [324, 'nyckeltal'],
      [392, 'nyckeltal'],
      [408, 'resultatenheter'],
      [437, 'investering'],
      [519, 'omslutning'],
    ]);
    expect(found.invalid).toEqual([]);
  });

  it('line 5: "Uppföljning av driftbudget", mnkr, with the resultatdispositioner rows', () => {
    // Mnkr | Budget | Begärda budgetjusteringar | Prestations- och omslutningsförändringar | Prognos | Avvikelse
    expect(tables[0]).toEqual({
      header: 5,
      kind: 'drift',
      title: 'Uppföljning av driftbudget',
      unit: 'mnkr',
      labels: [
        'Anslag för nämndens verksamhet (netto)',
        'Kostnader',
        'Intäkter',
        'Prognos/avvikelse före resultatdispositioner',
        'Resultatenheternas överskott från 2023',
        'Resultatenheternas överskott till 2025',
        'Prognos/avvikelse efter resultatdispositioner',
      ],
    });
    // "Kostnader	3 152,1	0,9	96,5	3 261,0	-11,5"
    const kostnader = found.tables[0].budgetRows ?? [];
    expect(kostnader).toEqual([]); // budget rows are made when the model is read, not by discovery
    expect(Object.values(found.tables[0].rows[1].figures).map((f) => f?.value)).toEqual([3152.1, 0.9, 96.5, 3261.0, -11.5]);
  });

  it('line 33: the table per verksamhetsområde, "Mnkr Netto", two Prognos columns, varav rows in <i>', () => {
    const t = found.tables[1];
    expect(tables[1].unit).toBe('mnkr');
    expect(t.columns.map((c) => c.header)).toEqual([
      'Budget',
      'Begärda budgetjusteringar',
      'Prestationsförändringar',
      'Prognos (före resultatöverföringar)',
      'Prognos (efter resultatöverföringar)',
      'Avvikelse',
    ]);
    // "<i>varav barn och ungdom</i>	220,4	0,2	0,0	240,6	240,6	-20,0"
    expect(t.rows[2]).toMatchObject({ label: 'varav barn och ungdom', isVarav: true, isTotal: false });
    // "<i>Avskrivningar</i>	20,3 …" is in italics but no varav row: it is added into the total
    expect(t.rows[7]).toMatchObject({ label: 'Avskrivningar', isVarav: false });
    // "Totalt	2 739,6	0,9	10,9	2 757,9	2 751,4	0,0"
    expect(t.rows[17]).toMatchObject({ label: 'Totalt', isTotal: true });
    expect(t.rows).toHaveLength(18);
  });

  it('line 126: "Nyckeltal, IoF barn och unga*" continues after its repeated header on line 140; "Vårddygn, varav" is a parent', () => {
    expect(tables[2].title).toBe('Nyckeltal, IoF barn och unga*');
    expect(tables[2].unit).toBeNull();
    expect(tables[2].labels).toEqual([
      'Orosanmälningar', 'Inledda utredningar', 'Aktuella ärenden**', 'Externa placeringar**', 'varav LVU-placeringar**',
      'Vårddygn, varav', 'SIS', 'HVB', 'Stödboende', 'Familjehem', 'Jourhem', 'Behandlingsfamilj',
      // line 141-142, after the repeated header:
      'Snitt antal dygn per individ och månad', 'Öppenvårdsinsatser i egen regi**',
    ]);
    const rows = found.tables[2].rows;
    expect(rows[5]).toMatchObject({ isVaravParent: true });
    expect(rows[12]).toMatchObject({ continued: true });
    // "Behandlingsfamilj	-	-	-	205	172	32	-81%": the dashes are no value
    expect(Object.values(rows[11].figures).map((f) => f?.value ?? null)).toEqual([null, null, null, 205, 172, 32, -81]);
    // the footnote "* Genomsnitt per månad …" ends the table
  });

  it('line 172: "Nyckeltal, loF vuxna*" starts with the block heading "Missbruk" and continues on line 184', () => {
    expect(tables[3].labels).toEqual([
      'Missbruk', 'LVM-anmälningar', 'Aktuella ärenden**', 'Externa placeringar**', 'Vårddygn',
      'Snitt antal dygn per individ och månad', 'Öppenvårdsinsatser i egen regi**',
      'Relationsvårdsteamet', 'Externa placeringar**', 'Vårddygn',
      'Snitt antal dygn per individ och månad',
    ]);
    expect(found.tables[3].rows.filter((r) => r.isBlockHeading).map((r) => r.label)).toEqual(['Missbruk', 'Relationsvårdsteamet']);
  });

  it('lines 203, 252, 287, 324, 392: the other nyckeltal tables, named by their first header cell', () => {
    expect(tables.slice(4, 9).map((t) => [t.header, t.title, t.labels.length])).toEqual([
      [203, 'Verksamhet, antal personer', 5],
      [252, 'Nyckeltal', 6], // "Antal barn … Antal barn per legitimerad förskollärare", repeated header on line 258
      [287, 'Nyckeltal', 3],
      [324, 'Verksamhet (helårspersoner)', 9],
      [392, 'Nyckeltal, Ekonomisk bistånd', 5], // line 387 is the same header over a row of dashes only
    ]);
    // "Summa	940	979"
    expect(found.tables[7].rows[8]).toMatchObject({ label: 'Summa', isTotal: true });
    // "Andel legitimerade förskollärare, %	35,5%	35,0%	34,7%"
    expect(found.tables[5].rows[4].figures[1]).toEqual({ value: 35.5, decimals: 1, percent: true });
  });

  it('line 408: "Resultatenheter" in two parts (header repeated on line 419), whole tkr, ending in "Summa resultatenheter"', () => {
    expect(tables[9]).toMatchObject({ title: 'Resultatenheter', unit: 'tkr' });
    expect(found.tables[9].unitAssumed).toBe(true); // no header or title names it
    expect(tables[9].labels).toHaveLength(21);
    expect(tables[9].labels[0]).toBe('Snösättras förskolor');
    expect(tables[9].labels[20]).toBe('Summa resultatenheter');
    // "Stureby hemtjänst	29 114,0	-1 684,0	1 900,0	228,3"
    expect(Object.values(found.tables[9].rows[13].figures).map((f) => f?.value)).toEqual([29114, -1684, 1900, 228.3]);
  });

  it('line 437: "Investeringar", recognised from its title, mnkr from "Mnkr"', () => {
    expect(tables[10]).toMatchObject({ title: 'Investeringar', kind: 'investering', unit: 'mnkr' });
    expect(tables[10].labels[tables[10].labels.length - 1]).toBe('Totalt investeringar');
  });

  it('line 519: "Omslutningsförändringar", mnkr from "Omslutningsförändring (mnkr)"; the Kommentar texts are no figures', () => {
    expect(tables[11]).toEqual({
      header: 519,
      kind: 'omslutning',
      title: 'Omslutningsförändringar',
      unit: 'mnkr',
      labels: ['Individ- och familjeomsorg, vuxna', 'Individ- och familjeomsorg, nyanlända', 'Förskoleverksamhet', 'Äldreomsorg', 'Arbetsmarknadsåtgärder'],
    });
  });

  it('keeps the texts of the economy section for the prose checks', () => {
    const texts = found.texts.map((t) => t.text);
    expect(texts).toContain('Nämnden fastställer omslutningsförändringar om 85,6 mnkr enligt nedan tabell.');
    expect(texts[0]).toBe('Uppföljning av ekonomi');
  });
});
