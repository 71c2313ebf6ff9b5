// Decides which document of the yearly cycle a workbook is (SPEC 5.0) — plan, t1, t2 or vb — from Rapportperiod, the Period column or a pasted report's title, and says so (I_DOCUMENT_KIND).
import { issueAt } from '../common/issues';
import { cellText, fold } from '../common/text';
import { parsePeriod } from './period';
import type { CellRef, CellValue, DocumentKind, DocumentOrigin, Issue, Lang, Period, SheetGrid, WorkbookModel } from '../types';

/** What a period text says about the document: a kind, or `bareYear` when only the outcomes can tell plan from vb. */
export interface DocumentReading {
  kind: DocumentKind | 'bareYear';
  year: number | null;
  /** The report period for t1/t2/vb; null for a plan. */
  period: Period | null;
}

const PLAN_RE = /^(?:verksamhetsplan(?: och budget)?|vp|plan|budget och verksamhetsplan)(?:\s+for)?(?:\s+((?:19|20)\d{2}))?$/;
const BARE_YEAR_RE = /^(?:19|20)\d{2}$/;

/**
 * Reads a Rapportperiod text as a document: `Verksamhetsplan 2025`, `VP 2025`, `Plan 2025` → plan;
 * `Tertial 1 2024`, `T1 2024`, `Jan-april 2024` → t1; `Tertialrapport 2 2024`, `Jan-aug 2024` → t2;
 * `VB 2023`, `Helår 2023`, `Bokslut 2023`, `Årsbokslut`, `Tertial 3` → vb; a bare year → bareYear.
 * Periods of other lengths count by months elapsed (up to April t1, up to November t2). Null when unreadable.
 */
export function readDocumentText(value: CellValue, fallbackYear: number | null = null): DocumentReading | null {
  const text = typeof value === 'number' ? String(value) : cellText(value).trim();
  if (text === '') return null;
  const folded = fold(text).replace(/[.,:]/g, ' ').replace(/\s+/g, ' ').trim();
  const plan = PLAN_RE.exec(folded);
  if (plan) return { kind: 'plan', year: plan[1] ? Number(plan[1]) : fallbackYear, period: null };
  const period = parsePeriod(value, fallbackYear);
  if (!period) return null;
  return { kind: BARE_YEAR_RE.test(folded) ? 'bareYear' : kindOfPeriod(period), year: period.year, period };
}

/** The report a period ends: up to April t1, up to August (or any part-year beyond April) t2, the whole year vb. */
export function kindOfPeriod(period: Period): DocumentKind {
  if (period.months >= 12) return 'vb';
  return period.months <= 4 ? 't1' : 't2';
}

/** A bare year is a plan when no indicator has an outcome, else a verksamhetsberättelse (SPEC 5.0). */
export function settleBareYear(model: WorkbookModel): DocumentKind {
  return model.indicators.some((i) => i.outcome.kind !== 'missing') ? 'vb' : 'plan';
}

/** Rows at the top of a pasted report searched for its title (`Tertialrapport 1 2024`, `Verksamhetsplan 2024`). */
const TITLE_ROWS = 15;
const TITLE_RE = /\b(verksamhetsplan|tertialrapport\s*[12]|verksamhetsberattelse)\s*(?:for\s+|,\s*)?((?:19|20)\d{2})\b/;

/** The document a pasted report's title lines name, with the cell that names it; null when none does. */
export function documentFromTitle(grid: SheetGrid): { reading: DocumentReading; ref: CellRef; text: string } | null {
  const rows = Math.min(TITLE_ROWS, grid.values.length);
  for (let row = 0; row < rows; row++) {
    const cells = grid.values[row] ?? [];
    for (let col = 0; col < Math.min(cells.length, 3); col++) {
      const text = cellText(cells[col]).trim();
      if (text === '' || text.length > 120) continue;
      const match = TITLE_RE.exec(fold(text));
      if (!match) continue;
      const reading = readDocumentText(`${match[1]} ${match[2]}`);
      if (reading) return { reading, ref: { sheet: grid.name, row, col }, text };
    }
  }
  return null;
}

export type DocumentSource = DocumentOrigin['source'];

const KIND_TEXT: Record<Lang, Record<DocumentKind, string>> = {
  sv: { plan: 'en verksamhetsplan', t1: 'tertialrapport 1', t2: 'tertialrapport 2', vb: 'en verksamhetsberättelse' },
  en: { plan: 'a business plan (verksamhetsplan)', t1: 'tertial report 1', t2: 'tertial report 2', vb: 'an annual report (verksamhetsberättelse)' },
};

const CONSEQUENCE: Record<Lang, Record<DocumentKind, string>> = {
  sv: {
    plan: 'inga statusar, prognoser eller förslag; Målkoll kontrollerar det en plan ska innehålla',
    t1: 'prognoserna för helåret bedöms',
    t2: 'prognoserna för helåret bedöms',
    vb: 'helårets utfall bedöms',
  },
  en: {
    plan: 'no statuses, forecasts or proposals; Målkoll checks what a plan must hold',
    t1: 'the full-year forecasts are judged',
    t2: 'the full-year forecasts are judged',
    vb: "the whole year's outcomes are judged",
  },
};

/**
 * I_DOCUMENT_KIND for a read model (SPEC 4, 5.0): which document, from what, and how to state it. Only
 * when there is a document to judge (goals, indicators or activities); "cannot tell" only with indicators,
 * where it changes what is judged.
 */
export function documentKindIssues(model: WorkbookModel): Issue[] {
  const origin = model.documentOrigin;
  if (!origin) return [];
  const kind = model.settings.document ?? null;
  const items = kind === null ? model.indicators.length : model.goals.length + model.indicators.length + model.activities.length;
  if (items === 0) return [];
  return [documentIssue(kind, origin.source, origin.shown, origin.bareYear, origin.ref, model.settings.lang)];
}

/** The I_DOCUMENT_KIND info: which document, from what, and how to state it (SPEC 4, 5.0). */
export function documentIssue(kind: DocumentKind | null, source: DocumentSource, shown: string, bareYear: boolean, ref: CellRef, lang: Lang): Issue {
  const how =
    lang === 'en'
      ? 'For another document, set Rapportperiod in Inställningar (e.g. "Verksamhetsplan 2025", "Tertial 1 2024", "VB 2024").'
      : 'Är det ett annat dokument: ange Rapportperiod i Inställningar (t.ex. "Verksamhetsplan 2025", "Tertial 1 2024", "VB 2024").';
  if (kind === null) {
    const message =
      lang === 'en'
        ? `Målkoll cannot tell which document this is (no report period anywhere); it is judged as a report. ${how}`
        : `Målkoll kan inte avgöra vilket dokument detta är (ingen rapportperiod hittades); det bedöms som en rapport. ${how}`;
    return issueAt('info', 'I_DOCUMENT_KIND', ref, message);
  }
  const from = sourceText(source, shown, lang);
  const why = bareYear ? bareYearText(kind, lang) : '';
  const message =
    lang === 'en'
      ? `Judged as ${KIND_TEXT.en[kind]} (${from}${why}): ${CONSEQUENCE.en[kind]}. ${how}`
      : `Bedöms som ${KIND_TEXT.sv[kind]} (${from}${why}): ${CONSEQUENCE.sv[kind]}. ${how}`;
  return issueAt('info', 'I_DOCUMENT_KIND', ref, message);
}

function sourceText(source: DocumentSource, shown: string, lang: Lang): string {
  const en = lang === 'en';
  switch (source) {
    case 'settings':
      return en ? `from Rapportperiod "${shown}"` : `från Rapportperiod "${shown}"`;
    case 'option':
      return en ? `from the period "${shown}" given to the check` : `från perioden "${shown}" som angavs vid kontrollen`;
    case 'periodColumn':
      return en ? `from the indicators' Period column, "${shown}"` : `från indikatorernas Period-kolumn, "${shown}"`;
    case 'title':
      return en ? `from the report's title "${shown}"` : `från rapportens rubrik "${shown}"`;
    default:
      return '';
  }
}

function bareYearText(kind: DocumentKind, lang: Lang): string {
  if (lang === 'en') return kind === 'plan' ? ', a bare year and no indicator has an outcome' : ', a bare year and indicators have outcomes';
  return kind === 'plan' ? ', ett årtal och ingen indikator har utfall' : ', ett årtal och indikatorerna har utfall';
}
