// The Swedish user guide (docs/anvandarhandledning.md) explains every issue code core can emit, every column Målkoll writes, and shows pictures that exist.
import * as fs from 'fs';
import * as path from 'path';
import { canonicalHeaders, SHEET_KINDS } from '../../core/read/schema';

const ROOT = path.join(__dirname, '..', '..');
const GUIDE = fs.readFileSync(path.join(ROOT, 'docs', 'anvandarhandledning.md'), 'utf8');

/** Every issue code named in core's source (`'W_GOAL_EMPTY'` …). */
function coreCodes(): string[] {
  const codes = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.ts')) for (const m of fs.readFileSync(file, 'utf8').matchAll(/['"`]([EWI]_[A-Z][A-Z_]+)['"`]/g)) codes.add(m[1]);
    }
  };
  visit(path.join(ROOT, 'core'));
  return [...codes].sort();
}

/** The codes of SPEC 4, the documented interface (some are emitted by rules still being built). */
const SPEC_CODES = `E_NO_TABLE E_MISSING_COLUMN E_DUPLICATE_COLUMN I_UNKNOWN_COLUMN E_CELL_ERROR E_GOAL_NUMBER E_GOAL_DUPLICATE
E_GOAL_PARENT_MISSING W_GOAL_LEVEL E_ASSESSMENT_VALUE W_ASSESSMENT_UNMOTIVATED I_ASSESSMENT_DIFFERS W_GOAL_EMPTY E_UNKNOWN_GOAL
E_NAME_EMPTY W_DUPLICATE_INDICATOR E_NUMBER W_UNIT_MISMATCH I_UNIT_ASSUMED W_SCALE E_TARGET_MISSING I_TARGET_PENDING
I_TARGET_FROM_KF W_KF_TARGET_ON_NAMNDMAL W_KF_TARGET_MISSING I_TARGET_LOOSER_THAN_KF E_PERIODICITY E_PERIOD W_OUTCOME_MISSING
W_GENDER_PARTIAL W_GENDER_INCONSISTENT W_DEVIATION_UNCOMMENTED I_DIRECTION_ASSUMED W_SEASONAL_FALLBACK W_FORECAST_MISSING E_DATE
E_DATE_ORDER W_DATE_OUTSIDE_YEAR W_ACTIVITY_OVERDUE E_FIN_ARITHMETIC W_FIN_ROUNDING E_FIN_TOTAL W_FIN_VARAV E_NO_INPUT
I_DOCUMENT_KIND W_EXPECTED_RESULT_MISSING W_TARGET_LEFT_TO_NAMND W_ANALYSIS_MISSING W_ANALYSIS_COUNTS W_ACTIONS_MISSING
I_INDICATOR_JUDGED_BY_NAMND W_INDICATOR_ASSESSMENT_DIFFERS W_FORECAST_NEEDED W_CHANGED_UNEXPLAINED W_FIN_CHAIN W_FIN_RESULTATENHET
W_FIN_CROSS E_KEYFIGURE_SUM W_KEYFIGURE_CHANGE E_FIN_NETTO W_BUDGET_OVERRUN`.split(/\s+/);

/** The code column of the guide's tables: each row that starts with a code. */
const explained = new Map<string, string>();
for (const m of GUIDE.matchAll(/^\| `([EWI]_[A-Z_]+)` \| ([^|]+) \| ([^|]+) \|$/gm)) explained.set(m[1], `${m[2]} ${m[3]}`);

describe('docs/anvandarhandledning.md', () => {
  it('explains every issue code, what it means and what to do, once', () => {
    for (const code of [...new Set([...SPEC_CODES, ...coreCodes()])]) {
      expect([code, explained.has(code)]).toEqual([code, true]);
      expect(explained.get(code)!.trim().length).toBeGreaterThan(20);
    }
    const rows = [...GUIDE.matchAll(/^\| `([EWI]_[A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('describes every column Målkoll writes beside the tables and in the summary', () => {
    const outputHeaders = SHEET_KINDS.flatMap((kind) => canonicalHeaders(kind, 'sv').filter((h) => h.output).map((h) => h.header));
    expect(outputHeaders.length).toBeGreaterThanOrEqual(5);
    for (const header of outputHeaders) expect(GUIDE).toContain(`| **${header}** |`);
    for (const header of ['Nivå', 'Nummer', 'Mål', 'Indikatorer', 'Helt, Delvis, Inte', 'Ej bedömd/mätt', 'Fördelning', 'Förslag', 'Bedömning', 'Avviker', 'Underlag']) {
      expect(GUIDE).toContain(`| ${header} |`);
    }
    for (const header of ['Allvarlighet', 'Kod', 'Blad', 'Cell', 'Meddelande']) expect(GUIDE).toContain(`**${header}**`);
  });

  it('walks through the yearly cycle', () => {
    for (const document of ['**Verksamhetsplan**', '**Tertialrapport 1**', '**Tertialrapport 2**', '**Verksamhetsberättelse**']) expect(GUIDE).toContain(document);
  });

  it('shows pictures that exist and are PNGs', () => {
    const pictures = [...GUIDE.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(pictures).toEqual(['aktivitetsfonster.png', 'aktivitetsfonster-anmarkningar.png', 'sammanstallning.png']);
    for (const picture of pictures) {
      const png = fs.readFileSync(path.join(ROOT, 'docs', picture));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThan(300); // width: a readable picture, not an icon
    }
  });
});
