// Status and assessment vocabulary (SPEC 2.8): texts in both languages, colours, and reading them back.
import { ownEntry } from './lookup';
import { fold } from './text';
import type { Assessment, Lang, Status } from '../types';

export const STATUS_TEXT: Record<Lang, Record<Status, string>> = {
  sv: {
    helt: 'Uppfylls helt',
    delvis: 'Uppfylls delvis',
    inte: 'Uppfylls inte',
    ej_bedomd: 'Ej bedömd',
    ej_matt: 'Ej mätt',
  },
  en: {
    helt: 'Fully met',
    delvis: 'Partly met',
    inte: 'Not met',
    ej_bedomd: 'Not assessed',
    ej_matt: 'Not measured',
  },
};

export const STATUS_FILL: Record<Status, string> = {
  helt: '#C6EFCE',
  delvis: '#FFEB9C',
  inte: '#FFC7CE',
  ej_bedomd: '#EDEDED',
  ej_matt: '#EDEDED',
};

export const STATUS_FONT: Record<Status, string> = {
  helt: '#006100',
  delvis: '#9C5700',
  inte: '#9C0006',
  ej_bedomd: '#595959',
  ej_matt: '#595959',
};

/** Fills of input cells with an issue (SPEC 2.8). */
export const HIGHLIGHT_FILL = { error: '#F8CBAD', warning: '#FFF2CC' } as const;

export const STATUSES: Status[] = ['helt', 'delvis', 'inte', 'ej_bedomd', 'ej_matt'];

/**
 * Reads a stated assessment (Bedömning): `Uppfylls helt`, `helt`, `● Uppfylls delvis`, `inte`, `ej`,
 * English texts too, any case. Blank → null; anything else → 'invalid'.
 */
export function parseAssessment(text: string): Assessment | null | 'invalid' {
  const t = fold(text).replace(/^[●•○◐◑\s]+/, '').replace(/[.!]+$/, '').trim();
  if (t === '') return null;
  return ownEntry(ASSESSMENT_WORDS, t) ?? 'invalid';
}

/** Folded assessment texts, read through ownEntry: "constructor" in a cell is no assessment. */
const ASSESSMENT_WORDS: Record<string, Assessment> = {
  'uppfylls helt': 'helt', helt: 'helt', 'fully met': 'helt', 'uppfylls': 'helt', 'uppnas helt': 'helt',
  'uppfylls delvis': 'delvis', delvis: 'delvis', 'partly met': 'delvis', 'partially met': 'delvis', 'uppnas delvis': 'delvis',
  'uppfylls inte': 'inte', inte: 'inte', ej: 'inte', 'uppfylls ej': 'inte', 'not met': 'inte', 'uppnas inte': 'inte',
};

/** Reads a status text written by Målkoll or a person (either language, any case) back to a Status. */
export function parseStatus(text: string): Status | null {
  const a = parseAssessment(text);
  if (a && a !== 'invalid') return a;
  const t = fold(text);
  if (t === 'ej bedomd' || t === 'not assessed' || t === 'ej_bedomd') return 'ej_bedomd';
  if (t === 'ej matt' || t === 'not measured' || t === 'ej_matt') return 'ej_matt';
  return null;
}

/**
 * True when the nämnd stated an assessment and Målkoll proposes another one. A proposal `ej_bedomd`
 * (nothing to judge the goal on) is no disagreement: see `proposalMissing`. The one rule for
 * I_ASSESSMENT_DIFFERS, the summary's Avviker column, the CLI table and the panel.
 */
export function proposalDiffers(stated: Assessment | null, proposed: Status): boolean {
  return stated !== null && isAssessment(proposed) && proposed !== stated;
}

/** True when the nämnd stated an assessment that Målkoll has nothing to weigh against (proposal ej_bedomd). */
export function proposalMissing(stated: Assessment | null, proposed: Status): boolean {
  return stated !== null && !isAssessment(proposed);
}

function isAssessment(status: Status): status is Assessment {
  return status === 'helt' || status === 'delvis' || status === 'inte';
}
