// The BUILT custom functions (dist/excel/functions.js and functions.json) in a formula engine: HyperFormula computes =MAL.* over T1 2024 fixture rows.
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue, type FunctionPluginDefinition } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { InterpreterValue } from 'hyperformula/typings/interpreter/InterpreterValue';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import { readTsv, EAV_DIR } from '../helpers/fixtures';
import { FUNCTION_CASES, sameResult } from '../helpers/function-cases';

const dist = path.join(__dirname, '..', '..', 'dist', 'excel');
const SEVEN = ['STATUS', 'UPPFYLLNAD', 'PROGNOS', 'AVVIKELSE', 'TAL', 'BEDOMNING', 'UNDERLAG'];

interface Metadata {
  functions: { id: string; name: string; parameters: { name: string; optional?: boolean; dimensionality?: string; type?: string }[]; result: { dimensionality?: string } }[];
}

/** Excel's CustomFunctions.Error as the bundle constructs it. */
class FakeFunctionError {
  constructor(readonly code: string, readonly message?: string) {}
}

type ExcelFunction = (...args: unknown[]) => unknown[][];

/** Runs functions.js as Excel would load it and captures what it associates. */
function loadBuiltFunctions(): Record<string, ExcelFunction> {
  const associated: Record<string, ExcelFunction> = {};
  const CustomFunctions = {
    associate: (id: string, fn: ExcelFunction) => {
      associated[id] = fn;
    },
    Error: FakeFunctionError,
    ErrorCode: { invalidValue: 'invalidValue', notAvailable: 'notAvailable', divisionByZero: 'divisionByZero', invalidNumber: 'invalidNumber' },
  };
  vm.runInNewContext(fs.readFileSync(path.join(dist, 'functions.js'), 'utf8'), { CustomFunctions });
  return associated;
}

const metadata: Metadata = JSON.parse(fs.readFileSync(path.join(dist, 'functions.json'), 'utf8'));
const built = loadBuiltFunctions();

describe('functions.json', () => {
  it('lists the seven functions with matrix parameters and results, optional ones marked', () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...SEVEN].sort());
    const byId = Object.fromEntries(metadata.functions.map((f) => [f.id, f]));
    expect(byId.STATUS.parameters.map((p) => [p.name, !!p.optional])).toEqual([
      ['varde', false],
      ['arsmal', false],
      ['riktning', true],
      ['delvisgrans', true],
    ]);
    expect(byId.PROGNOS.parameters.filter((p) => p.optional).length).toBe(3);
    expect(byId.UNDERLAG.parameters.map((p) => !!p.optional)).toEqual([false, true]);
    for (const fn of metadata.functions) {
      expect(fn.result.dimensionality).toBe('matrix');
      for (const p of fn.parameters) expect(p.dimensionality).toBe('matrix');
    }
  });

  it('functions.js associates exactly those ids', () => {
    expect(Object.keys(built).sort()).toEqual([...SEVEN].sort());
  });
});

describe('the built functions on the shared SPEC 7 cases', () => {
  /** What Excel hands a matrix parameter: a 2-D array for a range or a scalar, blank cells as "". */
  const asExcel = (arg: unknown): unknown[][] => (Array.isArray(arg) ? arg.map((row: unknown[]) => row.map((v) => v ?? '')) : [[arg ?? '']]);
  /** What the cell shows: a 1×1 result is the value itself. */
  const shown = (result: unknown[][]): unknown => (result.length === 1 && result[0].length === 1 ? result[0][0] : result);

  it.each(FUNCTION_CASES.map((c) => [`${c.fn}(${JSON.stringify(c.args)}) — ${c.why}`, c] as const))('%s', (_, c) => {
    const result = built[c.fn](...c.args.map(asExcel));
    const actual = shown(result);
    const ok = sameResult(actual, c.expected, (cell) => cell instanceof FakeFunctionError && cell.code === 'invalidValue' && !!cell.message);
    if (!ok) throw new Error(`got ${JSON.stringify(actual)}, expected ${JSON.stringify(c.expected)}`);
  });
});

/** A HyperFormula value as Excel hands it to a custom function: ranges and scalars both as 2-D arrays, blank as "". */
function toExcelArgument(value: unknown): unknown {
  if (value === undefined) return undefined;
  const cell = (v: unknown): unknown => {
    if (typeof v === 'symbol' || v === null || v === undefined) return '';
    if (v instanceof CellError) return new FakeFunctionError('invalidValue', v.message);
    if (typeof v === 'object' && 'val' in (v as object)) return (v as { val: unknown }).val; // a typed number (percent, date)
    return v;
  };
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(cell));
  return [[cell(value)]];
}

/** An Excel result as a HyperFormula cell: 1×1 only (the test formulas do not spill), errors as #VALUE! with the message. */
function toEngineValue(result: unknown[][]): InterpreterValue {
  if (result.length !== 1 || result[0].length !== 1) return new CellError(ErrorType.VALUE, 'spilled results are not registered in this test engine');
  const value = result[0][0];
  if (value instanceof FakeFunctionError) return new CellError(ErrorType.VALUE, value.message);
  return value as InterpreterValue;
}

/** A HyperFormula plugin whose functions MAL.<id> call the built Excel functions. */
function malPlugin(): { plugin: FunctionPluginDefinition; translations: Record<string, Record<string, string>> } {
  class MalPlugin extends FunctionPlugin {}
  const implemented: Record<string, { method: string; parameters: { argumentType: FunctionArgumentType; optionalArg?: boolean }[] }> = {};
  const names: Record<string, string> = {};
  for (const fn of metadata.functions) {
    const id = `MAL.${fn.id}`;
    const method = `mal${fn.id}`;
    implemented[id] = { method, parameters: fn.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: !!p.optional })) };
    names[id] = id;
    (MalPlugin.prototype as unknown as Record<string, unknown>)[method] = function (this: FunctionPlugin & { runFunction: Function; metadata: Function }, ast: ProcedureAst, state: InterpreterState) {
      return this.runFunction(ast.args, state, this.metadata(id), (...args: unknown[]) => toEngineValue(built[fn.id](...args.map(toExcelArgument))));
    };
  }
  (MalPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  return { plugin: MalPlugin as unknown as FunctionPluginDefinition, translations: { enGB: names } };
}

describe('=MAL.* in a formula engine (HyperFormula)', () => {
  const { plugin, translations } = malPlugin();
  beforeAll(() => HyperFormula.registerFunctionPlugin(plugin, translations));
  afterAll(() => HyperFormula.unregisterFunctionPlugin(plugin));

  // Real T1 2024 rows: name, Prognos helår, Årsmål, Riktning.
  const indicators = readTsv(path.join(EAV_DIR, 'Indikatorer.tsv'));
  const header = indicators[0];
  const col = (name: string) => header.indexOf(name);
  const byName = (name: string) => indicators.find((row) => row[col('Indikator')] === name)!;
  const chosen = [
    'Andel barn som lever i familjer som har ekonomiskt bistånd', // 3 % vs 3 %, lower → helt
    'Andel flickor som besöker fritidsgårdarna', // 40 % vs 40 % → helt
    'Antal barn per legitimerad förskollärare', // 16,1 st vs 15,4 st, lower: 0,957 → delvis
    'Antal tillhandahållna platser för Stockholmsjobb', // 50 vs 80 st: 0,625 → inte
    'Antal vräkningar som berör barn', // 6 vs 0, lower → inte
    'Andel ekonomiska analyser i tjänsteutlåtanden där nämndens ekonomi påverkas', // 90 % vs 80 % → helt
  ].map(byName);

  function buildSheet(): HyperFormula {
    const rows: unknown[][] = [['Indikator', 'Prognos helår', 'Årsmål', 'Status', 'Riktning']];
    chosen.forEach((row, i) => {
      const r = i + 2;
      rows.push([row[col('Indikator')], row[col('Prognos helår')], row[col('Årsmål')], `=MAL.STATUS(B${r};C${r};E${r})`, row[col('Riktning')]]);
    });
    rows.push(['=MAL.STATUS(B2;C2;"Lägre är bättre")', '=MAL.TAL("2 757,9 mnkr")', '=MAL.UNDERLAG(D2:D7)', '=MAL.BEDOMNING(D2:D7)', '=MAL.TAL("38,87 %")']);
    rows.push(['=MAL.UPPFYLLNAD(B4;C4;E4)', '=MAL.AVVIKELSE(B4;C4;E4)', '=MAL.PROGNOS(120;"Tertial 1 2024";"Linjär")', '=MAL.STATUS(0,3887;"40 %")', '=MAL.TAL("inget tal")']);
    return HyperFormula.buildFromArray(rows as never, { licenseKey: 'gpl-v3', functionArgSeparator: ';', decimalSeparator: ',', thousandSeparator: '' });
  }

  it('computes STATUS, TAL, UNDERLAG and BEDOMNING over fixture rows with SPEC 7’s results', () => {
    const hf = buildSheet();
    const value = (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);
    expect(['D2', 'D3', 'D4', 'D5', 'D6', 'D7'].map(value)).toEqual([
      'Uppfylls helt',
      'Uppfylls helt',
      'Uppfylls delvis',
      'Uppfylls inte',
      'Uppfylls inte',
      'Uppfylls helt',
    ]);
    expect(value('A8')).toBe('Uppfylls helt');
    expect(value('B8')).toBeCloseTo(2757.9, 10);
    expect(value('C8')).toBe('Bedömningen grundar sig på att tre av sex indikatorer bedöms uppfyllas helt, en delvis och två inte.');
    expect(value('D8')).toBe('Uppfylls delvis'); // (3 + ½ + 0) / 6 = 0,58
    expect(value('E8')).toBeCloseTo(0.3887, 10);
    hf.destroy();
  });

  it('computes UPPFYLLNAD, AVVIKELSE, PROGNOS, and a bad argument is #VALUE! with a Swedish message', () => {
    const hf = buildSheet();
    const value = (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);
    expect(value('A9')).toBeCloseTo(15.4 / 16.1, 6);
    expect(value('B9')).toBeCloseTo(-0.7, 6);
    expect(value('C9')).toBeCloseTo(360, 6); // 120 × 12 / 4
    expect(value('D9')).toBe('Uppfylls delvis'); // 38,87 % of 40 % = 0,97
    const error = value('E9') as { value: string; message: string };
    expect(error.value).toBe('#VALUE!');
    expect(error.message).toMatch(/inget tal/);
    hf.destroy();
  });

  it('changing an input recalculates through the functions', () => {
    const hf = buildSheet();
    const at = (a1: string) => hf.simpleCellAddressFromString(a1, 0)!;
    hf.setCellContents(at('B5'), [['80']]);
    expect(hf.getCellValue(at('D5'))).toBe('Uppfylls helt');
    expect(hf.getCellValue(at('C8'))).toBe('Bedömningen grundar sig på att fyra av sex indikatorer bedöms uppfyllas helt, en delvis och en inte.');
    hf.destroy();
  });
});
