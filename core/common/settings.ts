// The defaults of SPEC 2.5 and 5.5, used when a workbook has no Inställningar sheet and by the cell functions.
import type { Settings } from '../types';

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  periodText: null,
  period: null,
  partialThreshold: 0.8,
  lang: 'sv',
  planYear: null,
  goalHeltAbove: 0.75,
  goalDelvisFrom: 0.5,
  document: null,
};
