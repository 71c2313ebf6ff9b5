// The input sheets' vocabulary (SPEC 2): sheet-name aliases, header aliases per field, required and output fields, template headers.
import { cellText, fold } from '../common/text';
import type { CellValue, Lang, SheetKind } from '../types';

export type Field = string;

/** Names of the sheets Målkoll writes itself; they are never read as input. */
export const OUTPUT_SHEET_NAMES: { summary: Record<Lang, string>; validation: Record<Lang, string>; record: string } = {
  summary: { sv: 'Sammanställning', en: 'Summary' },
  validation: { sv: 'Valideringsrapport', en: 'Validation' },
  record: '_malkoll',
};

/** The input sheet kinds in the order header-row discovery tries them. */
export const SHEET_KINDS: SheetKind[] = ['goals', 'indicators', 'activities', 'finance', 'settings'];

/** Template sheet names (sv/en); the first alias of each kind. */
export const SHEET_NAMES: Record<SheetKind, Record<Lang, string>> = {
  goals: { sv: 'Mål', en: 'Goals' },
  indicators: { sv: 'Indikatorer', en: 'Indicators' },
  activities: { sv: 'Aktiviteter', en: 'Activities' },
  finance: { sv: 'Ekonomi', en: 'Budget' },
  settings: { sv: 'Inställningar', en: 'Settings' },
};

const SHEET_NAME_ALIASES: Record<SheetKind, string[]> = {
  goals: ['Mål', 'Goals', 'Mål och bedömning'],
  indicators: ['Indikatorer', 'Indicators'],
  activities: ['Aktiviteter', 'Activities'],
  finance: ['Ekonomi', 'Budget', 'Driftbudget', 'Uppföljning av driftbudget', 'Finance'],
  settings: ['Inställningar', 'Settings'],
};

const SHEET_KIND_BY_NAME = new Map<string, SheetKind>();
for (const kind of SHEET_KINDS) for (const alias of SHEET_NAME_ALIASES[kind]) SHEET_KIND_BY_NAME.set(fold(alias), kind);

const OUTPUT_SHEETS = new Set(
  [...Object.values(OUTPUT_SHEET_NAMES.summary), ...Object.values(OUTPUT_SHEET_NAMES.validation), OUTPUT_SHEET_NAMES.record].map(fold),
);

/** The input kind a sheet name stands for (case- and diacritic-insensitive), or null. */
export function sheetKindByName(name: string): SheetKind | null {
  return SHEET_KIND_BY_NAME.get(fold(name)) ?? null;
}

/** The suffix Målkoll's sheets get when a user's sheet already has the name: `Sammanställning (Målkoll)`, `(Målkoll 2)`, … */
export const OWN_SUFFIX = /\s*\(malkoll(?: \d+)?\)$/;

/** True for Sammanställning/Summary, Valideringsrapport/Validation and `_malkoll`, also with the suffix ` (Målkoll)`. */
export function isOutputSheet(name: string): boolean {
  const folded = fold(name);
  return OUTPUT_SHEETS.has(folded) || OUTPUT_SHEETS.has(folded.replace(OWN_SUFFIX, ''));
}

interface FieldSpec {
  field: Field;
  /** Template header per language; the Swedish one is also the first alias. */
  header: Record<Lang, string>;
  aliases: string[];
  required?: boolean;
  output?: boolean;
}

const GOAL_FIELDS: FieldSpec[] = [
  { field: 'level', header: { sv: 'Nivå', en: 'Level' }, aliases: ['Nivå', 'Level', 'Målnivå'] },
  { field: 'number', header: { sv: 'Nummer', en: 'Number' }, aliases: ['Nummer', 'Nr', 'Målnummer', 'Number', 'No', 'Goal number'], required: true },
  { field: 'title', header: { sv: 'Mål', en: 'Goal' }, aliases: ['Mål', 'Målformulering', 'Titel', 'Goal', 'Title'], required: true },
  { field: 'stated', header: { sv: 'Bedömning', en: 'Stated assessment' }, aliases: ['Bedömning', 'Stated assessment', 'Assessment', 'Måluppfyllelse'] },
  { field: 'analysis', header: { sv: 'Analys', en: 'Analysis' }, aliases: ['Analys', 'Motivering', 'Kommentar', 'Analysis', 'Motivation', 'Comment'] },
  { field: 'expectedResult', header: { sv: 'Förväntat resultat', en: 'Expected result' }, aliases: ['Förväntat resultat', 'Förväntade resultat', 'Expected result', 'Expected results'] },
  { field: 'actions', header: { sv: 'Åtgärder', en: 'Actions' }, aliases: ['Åtgärder', 'Åtgärder vid avvikelse', 'Actions'] },
  { field: 'previousStated', header: { sv: 'Föregående bedömning', en: 'Previous assessment' }, aliases: ['Föregående bedömning', 'Bedömning föregående rapport', 'Previous assessment'] },
  { field: 'proposal', header: { sv: 'Förslag', en: 'Proposal' }, aliases: ['Förslag', 'Proposal', 'Föreslagen bedömning', 'Proposed assessment'], output: true },
  { field: 'basis', header: { sv: 'Underlag', en: 'Basis' }, aliases: ['Underlag', 'Basis'], output: true },
  { field: 'change', header: { sv: 'Förändring', en: 'Change' }, aliases: ['Förändring', 'Change'], output: true },
];

const INDICATOR_FIELDS: FieldSpec[] = [
  { field: 'goal', header: { sv: 'Mål', en: 'Goal' }, aliases: ['Mål', 'Målnummer', 'Goal', 'Goal number'], required: true },
  { field: 'name', header: { sv: 'Indikator', en: 'Indicator' }, aliases: ['Indikator', 'Indicator', 'Indikatornamn'], required: true },
  { field: 'arsmal', header: { sv: 'Årsmål', en: 'Target' }, aliases: ['Årsmål', 'Nämndens årsmål', 'Target', 'Annual target'] },
  { field: 'kfArsmal', header: { sv: 'KF:s årsmål', en: 'KF target' }, aliases: ['KF:s årsmål', 'KF årsmål', 'KFs årsmål', 'KF target', "KF's target"] },
  { field: 'periodicity', header: { sv: 'Periodicitet', en: 'Periodicity' }, aliases: ['Periodicitet', 'Periodicity', 'Frekvens', 'Frequency'] },
  { field: 'period', header: { sv: 'Period', en: 'Period' }, aliases: ['Period'] },
  { field: 'outcome', header: { sv: 'Periodens utfall', en: 'Outcome' }, aliases: ['Periodens utfall', 'Utfall', 'Outcome', 'Period outcome'] },
  { field: 'outcomeMen', header: { sv: 'Utfall män', en: 'Outcome men' }, aliases: ['Utfall män', 'Utfall män/pojkar', 'Utfall pojkar', 'Outcome men', 'Outcome men/boys'] },
  { field: 'outcomeWomen', header: { sv: 'Utfall kvinnor', en: 'Outcome women' }, aliases: ['Utfall kvinnor', 'Utfall kvinnor/flickor', 'Utfall flickor', 'Outcome women', 'Outcome women/girls'] },
  { field: 'lastYear', header: { sv: 'Utfall föregående år', en: 'Last year' }, aliases: ['Utfall föregående år', 'Utfall VB', 'Utfall fg år', 'Utfall fg. år', 'Last year', 'Outcome last year'] },
  { field: 'lastYearSamePeriod', header: { sv: 'Utfall föregående år samma period', en: 'Last year same period' }, aliases: ['Utfall föregående år samma period', 'Utfall fg år samma period', 'Utfall fg. år samma period', 'Last year same period'] },
  { field: 'forecast', header: { sv: 'Prognos helår', en: 'Forecast' }, aliases: ['Prognos helår', 'Prognos', 'Forecast', 'Full-year forecast', 'Full year forecast'] },
  { field: 'method', header: { sv: 'Prognosmetod', en: 'Forecast method' }, aliases: ['Prognosmetod', 'Forecast method'] },
  { field: 'direction', header: { sv: 'Riktning', en: 'Direction' }, aliases: ['Riktning', 'Direction'] },
  { field: 'partialThreshold', header: { sv: 'Delvisgräns', en: 'Partial threshold' }, aliases: ['Delvisgräns', 'Partial threshold'] },
  { field: 'unit', header: { sv: 'Enhet', en: 'Unit' }, aliases: ['Enhet', 'Unit'] },
  { field: 'comment', header: { sv: 'Kommentar', en: 'Comment' }, aliases: ['Kommentar', 'Analys', 'Comment', 'Analysis'] },
  { field: 'stated', header: { sv: 'Bedömning', en: 'Assessment' }, aliases: ['Bedömning', 'Indikatorns bedömning', 'Assessment', 'Stated assessment'] },
  { field: 'previousForecast', header: { sv: 'Föregående prognos', en: 'Previous forecast' }, aliases: ['Föregående prognos', 'Prognos föregående rapport', 'Prognos T1', 'Prognos T2', 'Previous forecast'] },
  { field: 'previousStated', header: { sv: 'Föregående bedömning', en: 'Previous assessment' }, aliases: ['Föregående bedömning', 'Bedömning föregående rapport', 'Previous assessment'] },
  { field: 'forecastComputed', header: { sv: 'Beräknad prognos', en: 'Computed forecast' }, aliases: ['Beräknad prognos', 'Computed forecast'], output: true },
  { field: 'status', header: { sv: 'Status', en: 'Status' }, aliases: ['Status'], output: true },
  { field: 'achievement', header: { sv: 'Måluppfyllnad', en: 'Achievement' }, aliases: ['Måluppfyllnad', 'Achievement'], output: true },
  { field: 'change', header: { sv: 'Förändring', en: 'Change' }, aliases: ['Förändring', 'Change'], output: true },
];

const ACTIVITY_FIELDS: FieldSpec[] = [
  { field: 'goal', header: { sv: 'Mål', en: 'Goal' }, aliases: ['Mål', 'Målnummer', 'Goal', 'Goal number'], required: true },
  { field: 'name', header: { sv: 'Aktivitet', en: 'Activity' }, aliases: ['Aktivitet', 'Activity'], required: true },
  { field: 'start', header: { sv: 'Startdatum', en: 'Start date' }, aliases: ['Startdatum', 'Start', 'Start date'] },
  { field: 'end', header: { sv: 'Slutdatum', en: 'End date' }, aliases: ['Slutdatum', 'Slut', 'End date', 'End'] },
  { field: 'status', header: { sv: 'Status', en: 'Status' }, aliases: ['Status'] },
  { field: 'deviation', header: { sv: 'Avvikelse', en: 'Deviation' }, aliases: ['Avvikelse', 'Avvikelser', 'Deviation'] },
];

const FINANCE_FIELDS: FieldSpec[] = [
  { field: 'label', header: { sv: 'Verksamhetsområde', en: 'Area' }, aliases: ['Verksamhetsområde', 'Mnkr', 'Mnkr netto', 'Verksamhet', 'Area', 'Activity area'], required: true },
  { field: 'budget', header: { sv: 'Budget', en: 'Budget' }, aliases: ['Budget'], required: true },
  { field: 'justeringar', header: { sv: 'Begärda budgetjusteringar', en: 'Requested adjustments' }, aliases: ['Begärda budgetjusteringar', 'Budgetjusteringar', 'Requested adjustments', 'Budget adjustments'] },
  { field: 'forandringar', header: { sv: 'Prestationsförändringar', en: 'Volume changes' }, aliases: ['Prestationsförändringar', 'Prestations- och omslutningsförändringar', 'Omslutningsförändringar', 'Volume changes'] },
  { field: 'prognos', header: { sv: 'Prognos', en: 'Forecast' }, aliases: ['Prognos', 'Prognos (efter resultatöverföringar)', 'Forecast', 'Forecast (after carry-overs)'], required: true },
  { field: 'prognosFore', header: { sv: 'Prognos (före resultatöverföringar)', en: 'Forecast (before carry-overs)' }, aliases: ['Prognos (före resultatöverföringar)', 'Forecast (before carry-overs)'] },
  { field: 'avvikelse', header: { sv: 'Avvikelse', en: 'Deviation' }, aliases: ['Avvikelse', 'Deviation'] },
  { field: 'utfall', header: { sv: 'Utfall', en: 'Outcome' }, aliases: ['Utfall', 'Outcome'] },
];

const SETTINGS_FIELDS: FieldSpec[] = [
  { field: 'key', header: { sv: 'Inställning', en: 'Setting' }, aliases: ['Inställning', 'Nyckel', 'Setting', 'Key'], required: true },
  { field: 'value', header: { sv: 'Värde', en: 'Value' }, aliases: ['Värde', 'Value'], required: true },
];

const FIELDS: Record<SheetKind, FieldSpec[]> = {
  goals: GOAL_FIELDS,
  indicators: INDICATOR_FIELDS,
  activities: ACTIVITY_FIELDS,
  finance: FINANCE_FIELDS,
  settings: SETTINGS_FIELDS,
};

const TRAILING_YEAR = /\s+(?:ar\s+)?(?:19|20)\d\d$/;
const TRAILING_MARKS = /[\s:*]+$/;
const SLASH_SPACES = /\s*\/\s*/g;

/**
 * A header in the form aliases are compared in: folded, `/` without spaces around it, a trailing
 * `:` or `*` and a trailing year (`Utfall VB 2023`, `KF:s årsmål år 2024`) removed.
 */
export function headerKey(header: CellValue | undefined): string {
  return fold(cellText(header))
    .replace(SLASH_SPACES, '/')
    .replace(TRAILING_MARKS, '')
    .replace(TRAILING_YEAR, '')
    .replace(TRAILING_MARKS, '');
}

type HeaderMatch = { field: Field; output: boolean };

const ALIAS_TABLES = new Map<SheetKind, Map<string, HeaderMatch>>();
for (const kind of SHEET_KINDS) {
  const table = new Map<string, HeaderMatch>();
  for (const spec of FIELDS[kind]) {
    for (const alias of [...spec.aliases, spec.header.en]) table.set(headerKey(alias), { field: spec.field, output: !!spec.output });
  }
  ALIAS_TABLES.set(kind, table);
}

const FINANCE_PROGNOS = /^(?:prognos|forecast)\b/;
const FINANCE_BEFORE = /\b(?:fore|before)\b/;

/** Finance headers written with free text after the field word, e.g. `Prognos (efter resultatöverföringar, mnkr)`. */
function matchFinancePattern(key: string): HeaderMatch | null {
  if (FINANCE_PROGNOS.test(key)) return { field: FINANCE_BEFORE.test(key) ? 'prognosFore' : 'prognos', output: false };
  if (key.startsWith('prestations')) return { field: 'forandringar', output: false };
  if (key.startsWith('budget (') || key.startsWith('budget mnkr')) return { field: 'budget', output: false };
  return null;
}

/** The field a header stands for in a sheet of the given kind, or null when it maps to nothing. */
export function matchHeader(kind: SheetKind, header: CellValue): { field: string; output: boolean } | null {
  const key = headerKey(header);
  if (key === '') return null;
  const hit = ALIAS_TABLES.get(kind)?.get(key);
  if (hit) return hit;
  return kind === 'finance' ? matchFinancePattern(key) : null;
}

/** Required fields per kind. Indicators also need one of arsmal/kfArsmal (see `missingRequired`). */
export function requiredFields(kind: SheetKind): Field[] {
  return FIELDS[kind].filter((spec) => spec.required).map((spec) => spec.field);
}

/** Output fields of a kind (written by Målkoll beside the table). */
export function outputFields(kind: SheetKind): Field[] {
  return FIELDS[kind].filter((spec) => spec.output).map((spec) => spec.field);
}

/**
 * Required fields absent from a set of found fields. For indicators, `arsmal` stands for "one of
 * arsmal/kfArsmal". The finance label is taken from the first column whatever its header, so it is
 * never missing here.
 */
export function missingRequired(kind: SheetKind, found: Set<Field> | Partial<Record<string, number>>): Field[] {
  const has = (field: Field): boolean => (found instanceof Set ? found.has(field) : found[field] !== undefined);
  const missing = requiredFields(kind).filter((field) => field !== 'label' && !has(field));
  if (kind === 'indicators' && !has('arsmal') && !has('kfArsmal')) missing.push('arsmal');
  return missing;
}

/** The headers a template writes, in template column order. */
export function canonicalHeaders(kind: SheetKind, lang: Lang): { field: string; header: string; required: boolean; output: boolean }[] {
  return FIELDS[kind]
    .filter((spec) => kind !== 'finance' || spec.field !== 'prognosFore')
    .map((spec) => ({
      field: spec.field,
      header: spec.header[lang],
      required: !!spec.required || (kind === 'indicators' && spec.field === 'arsmal'),
      output: !!spec.output,
    }));
}

/** Keys of the Inställningar sheet (SPEC 2.5): label per language and the aliases a key cell may hold. */
export const SETTING_KEYS: { key: string; label: Record<Lang, string>; aliases: string[] }[] = [
  { key: 'period', label: { sv: 'Rapportperiod', en: 'Report period' }, aliases: ['Rapportperiod', 'Period', 'Rapporteringsperiod', 'Report period'] },
  { key: 'partialThreshold', label: { sv: 'Delvisgräns', en: 'Partial threshold' }, aliases: ['Delvisgräns', 'Partial threshold'] },
  { key: 'lang', label: { sv: 'Språk', en: 'Language' }, aliases: ['Språk', 'Language', 'Lang'] },
  { key: 'planYear', label: { sv: 'Planår', en: 'Plan year' }, aliases: ['Planår', 'Plan year', 'År'] },
  { key: 'goalHeltAbove', label: { sv: 'Målgräns helt', en: 'Goal fully met above' }, aliases: ['Målgräns helt', 'Goal fully met above'] },
  { key: 'goalDelvisFrom', label: { sv: 'Målgräns delvis', en: 'Goal partly met from' }, aliases: ['Målgräns delvis', 'Goal partly met from'] },
];

const SETTING_KEY_BY_ALIAS = new Map<string, string>();
for (const spec of SETTING_KEYS) for (const alias of [...spec.aliases, spec.label.en]) SETTING_KEY_BY_ALIAS.set(headerKey(alias), spec.key);

/** The settings key a key cell stands for (`Rapportperiod:` → period), or null. */
export function settingKey(value: CellValue): string | null {
  return SETTING_KEY_BY_ALIAS.get(headerKey(value)) ?? null;
}

/** The label of a settings key in a language. */
export function settingLabel(key: string, lang: Lang): string {
  return SETTING_KEYS.find((spec) => spec.key === key)?.label[lang] ?? key;
}

/** The template header of a field (for messages such as a missing column). */
export function fieldHeader(kind: SheetKind, field: Field, lang: Lang): string {
  const spec = FIELDS[kind].find((s) => s.field === field);
  return spec ? spec.header[lang] : field;
}
