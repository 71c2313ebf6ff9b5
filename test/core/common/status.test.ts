// Reading stated assessments and statuses back from cell text (SPEC 2.2, 5.1).
import { parseAssessment, parseStatus } from '../../../core/common/status';

describe('parseAssessment', () => {
  it('reads the nämnd\'s words in either language, any case, with a status dot', () => {
    expect(parseAssessment('Uppfylls helt')).toBe('helt');
    expect(parseAssessment('● Uppfylls DELVIS.')).toBe('delvis');
    expect(parseAssessment('uppnås inte')).toBe('inte');
    expect(parseAssessment('Not met')).toBe('inte');
    expect(parseAssessment('  ')).toBeNull();
  });

  it('gives invalid for any other text, also the names an object inherits', () => {
    for (const text of ['kanske', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(parseAssessment(text)).toBe('invalid');
    expect(parseStatus('constructor')).toBeNull();
    expect(parseStatus('Ej mätt')).toBe('ej_matt');
  });
});
