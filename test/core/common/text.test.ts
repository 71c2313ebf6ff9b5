import { fold, stripTags } from '../../../core/common/text';
import { a1, columnLetters, parseA1 } from '../../../core/common/a1';

describe('text folding', () => {
  it('ignores case, diacritics and spacing', () => {
    expect(fold('  Årsmål\n')).toBe('arsmal');
    expect(fold('KF:s  ÅRSMÅL')).toBe(fold('kf:s arsmal'));
  });
  it('strips html tags from labels', () => {
    expect(stripTags('<i>varav vuxna</i>')).toBe('varav vuxna');
  });
});

describe('A1 addresses', () => {
  it('round-trips', () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(26)).toBe('AA');
    expect(a1(40, 7)).toBe('H41');
    expect(parseA1('AA10')).toEqual({ row: 9, col: 26 });
  });
});
