// Excel custom functions (namespace MAL, SPEC 7): thin wrappers over core/functions; the JSDoc is the metadata that custom-functions-metadata-plugin turns into functions.json.
import {
  isFnError,
  malAvvikelse,
  malBedomning,
  malPrognos,
  malStatus,
  malTal,
  malUnderlag,
  malUppfyllnad,
  type FnArg,
  type FnCell,
  type FnResult,
} from '../core/functions';
import type { CellValue } from '../core/types';

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands `any` matrices to custom functions. */

/** Excel's error codes as the texts the core reads (an error cell passed in as an argument). */
const ERROR_TEXT: Record<string, string> = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
};

/** One argument cell as the core wants it: blank ("" or null) is null, an error object its error text. */
function toCell(value: unknown): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  const code = (value as { code?: unknown }).code;
  if (typeof code === 'string') return ERROR_TEXT[code] ?? '#VALUE!';
  return String(value);
}

/** An argument (a matrix, since every parameter is declared `any[][]`; a scalar also arrives as 1×1). */
function arg(value: any[][] | null | undefined): FnArg {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) return toCell(value);
  return value.map((row) => (Array.isArray(row) ? row.map(toCell) : [toCell(row)]));
}

function toExcelCell(cell: FnCell): any {
  if (isFnError(cell)) return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, cell.error);
  return cell === null ? '' : cell;
}

/** A core result as Excel's matrix: a scalar becomes 1×1 (shown in the cell), a column spills. */
function toExcel(result: FnResult): any[][] {
  if (Array.isArray(result)) return result.map((row) => row.map(toExcelCell));
  return [[toExcelCell(result)]];
}

/**
 * Status för ett värde mot årsmålet: Uppfylls helt, Uppfylls delvis, Uppfylls inte, Ej bedömd eller Ej mätt.
 * @customfunction STATUS
 * @param varde Värdet (prognos eller utfall), t.ex. 38,87 % eller "38,87 %".
 * @param arsmal Årsmålet, t.ex. 40 %, "Högst 3 %", "75–85 %".
 * @param [riktning] "Högre är bättre", "Lägre är bättre", "Intervall" eller "Exakt".
 * @param [delvisgrans] Andel av målet som ger Uppfylls delvis (standard 80 %).
 * @returns Statustexten, eller en kolumn med en status per rad.
 */
export function status(varde: any[][], arsmal: any[][], riktning?: any[][], delvisgrans?: any[][]): any[][] {
  return toExcel(malStatus(arg(varde), arg(arsmal), arg(riktning), arg(delvisgrans)));
}

/**
 * Måluppfyllnad: värdet i förhållande till årsmålet, med hänsyn till riktningen.
 * @customfunction UPPFYLLNAD
 * @param varde Värdet (prognos eller utfall).
 * @param arsmal Årsmålet.
 * @param [riktning] "Högre är bättre", "Lägre är bättre", "Intervall" eller "Exakt".
 * @returns Uppfyllnadsgraden (1 = målet nått), eller en kolumn.
 */
export function uppfyllnad(varde: any[][], arsmal: any[][], riktning?: any[][]): any[][] {
  return toExcel(malUppfyllnad(arg(varde), arg(arsmal), arg(riktning)));
}

/**
 * Beräknad helårsprognos från periodens utfall.
 * @customfunction PROGNOS
 * @param utfall Periodens utfall.
 * @param period Perioden, t.ex. "Tertial 1 2024" eller "T2".
 * @param [metod] "Senaste", "Linjär", "Säsong" eller "Manuell".
 * @param [fg_ar_helar] Föregående års utfall för helåret (för säsongsmetoden).
 * @param [fg_ar_samma_period] Föregående års utfall för samma period (för säsongsmetoden).
 * @returns Prognosen för helåret, eller en kolumn.
 */
export function prognos(utfall: any[][], period: any[][], metod?: any[][], fg_ar_helar?: any[][], fg_ar_samma_period?: any[][]): any[][] {
  return toExcel(malPrognos(arg(utfall), arg(period), arg(metod), arg(fg_ar_helar), arg(fg_ar_samma_period)));
}

/**
 * Avvikelse från årsmålet i målets enhet; positivt är bättre än målet.
 * @customfunction AVVIKELSE
 * @param varde Värdet (prognos eller utfall).
 * @param arsmal Årsmålet.
 * @param [riktning] "Högre är bättre", "Lägre är bättre", "Intervall" eller "Exakt".
 * @returns Avvikelsen, eller en kolumn.
 */
export function avvikelse(varde: any[][], arsmal: any[][], riktning?: any[][]): any[][] {
  return toExcel(malAvvikelse(arg(varde), arg(arsmal), arg(riktning)));
}

/**
 * Talet i en text med svensk formatering: "2 757,9 mnkr" ger 2757,9 och "38,87 %" ger 0,3887.
 * @customfunction TAL
 * @param text Texten med talet.
 * @returns Talet, eller en kolumn.
 */
export function tal(text: any[][]): any[][] {
  return toExcel(malTal(arg(text)));
}

/**
 * Föreslagen bedömning av ett mål utifrån ett område med statusar.
 * @customfunction BEDOMNING
 * @param statusar Området med statustexter (Uppfylls helt, Uppfylls delvis, …).
 * @returns Förslaget: Uppfylls helt, Uppfylls delvis, Uppfylls inte eller Ej bedömd.
 */
export function bedomning(statusar: any[][]): any[][] {
  return toExcel(malBedomning(arg(statusar)));
}

/**
 * Meningen som motiverar en bedömning, t.ex. "Två av tre indikatorer uppfylls helt …".
 * @customfunction UNDERLAG
 * @param statusar Området med statustexter.
 * @param [ord] "indikator" (standard) eller "mål".
 * @returns Meningen.
 */
export function underlag(statusar: any[][], ord?: any[][]): any[][] {
  return toExcel(malUnderlag(arg(statusar), arg(ord)));
}
