// The panel's language choice, its texts in both languages, and how host errors are described.
import { STATUS_TEXT } from '../../core/common/status';
import { describeError } from '../../ui/panel';
import { langFromLocale, UI_STRINGS } from '../../ui/strings';

describe('langFromLocale', () => {
  it.each([
    ['sv', 'sv'],
    ['sv-SE', 'sv'],
    ['SV-fi', 'sv'],
    ['sv_SE', 'sv'],
    ['en-US', 'en'],
    ['nb-NO', 'en'],
    ['svenska', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (locale, lang) => {
    expect(langFromLocale(locale)).toBe(lang);
  });
});

describe('UI_STRINGS', () => {
  it('has the same keys in Swedish and English, none empty', () => {
    expect(Object.keys(UI_STRINGS.en).sort()).toEqual(Object.keys(UI_STRINGS.sv).sort());
    for (const strings of Object.values(UI_STRINGS)) {
      for (const value of Object.values(strings)) if (typeof value === 'string') expect(value.trim()).not.toBe('');
    }
  });

  it('names the commands as SPEC 8 does', () => {
    expect([UI_STRINGS.sv.check, UI_STRINGS.sv.template, UI_STRINGS.sv.clear]).toEqual(['Kontrollera', 'Skapa mall', 'Rensa markeringar']);
    expect(UI_STRINGS.en.clear).toBe('Clear highlights');
    expect(UI_STRINGS.sv.checking).toBe('Kontrollerar…');
    expect(UI_STRINGS.sv.checkDone(1, 2, 3)).toBe('Klart: 1 fel, 2 varningar, 3 upplysningar.');
    // The status words themselves come from core, never a second table.
    expect(STATUS_TEXT.sv.helt).toBe('Uppfylls helt');
  });
});

describe('describeError', () => {
  it('describes errors, Office errors with a code, strings and objects', () => {
    expect(describeError(new Error('Boom'))).toBe('Boom');
    const officeError = Object.assign(new Error('The workbook is protected.'), { code: 'AccessDenied' });
    expect(describeError(officeError)).toBe('The workbook is protected. (AccessDenied)');
    expect(describeError('text')).toBe('text');
    expect(describeError({ message: 'from Apps Script' })).toBe('from Apps Script');
    expect(describeError(42)).toBe('42');
  });
});

describe('progress texts', () => {
  it('name the part (band) being read or written, in both languages', () => {
    expect(UI_STRINGS.sv.progress('read', 2, 5)).toBe('Läser arbetsboken: del 2 av 5…');
    expect(UI_STRINGS.en.progress('read', 2, 5)).toBe('Reading the workbook: part 2 of 5…');
    expect(UI_STRINGS.sv.progress('write', 0, 1)).toBe('Skriver i arbetsboken: del 1…');
  });
});
