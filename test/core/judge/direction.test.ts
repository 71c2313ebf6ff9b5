// Tests for the direction rule (SPEC 5.3) and I_DIRECTION_ASSUMED, on real T1 2024 rows.
import { decideDirection, directionIssue, lowerKeywordIn, nameDirection, parseDirectionText } from '../../../core/judge/direction';
import type { Indicator, Issue } from '../../../core/types';
import { fixtureIndicator } from '../assess-helpers';

function decide(indicator: Indicator, lang: 'sv' | 'en' = 'sv') {
  const issues: Issue[] = [];
  const decision = decideDirection(indicator, indicator.arsmal.kind === 'missing' ? indicator.kfArsmal : indicator.arsmal);
  directionIssue(indicator, decision, lang, issues);
  return { ...decision, issues };
}

describe('parseDirectionText', () => {
  test.each([
    ['Högre är bättre', 'higher'],
    ['högre', 'higher'],
    ['öka', 'higher'],
    ['↑', 'higher'],
    ['+', 'higher'],
    ['Lägre är bättre', 'lower'],
    ['LAGRE', 'lower'],
    ['minska', 'lower'],
    ['↓', 'lower'],
    ['-', 'lower'],
    ['Intervall', 'band'],
    ['±', 'band'],
    ['Exakt', 'exact'],
    ['=', 'exact'],
    ['Higher is better', 'higher'],
    ['kanske', null],
  ])('%s → %s', (text, direction) => expect(parseDirectionText(text)).toBe(direction));
});

describe('decideDirection (SPEC 5.3)', () => {
  test('1: the Riktning column decides (row 7 Antal barn per anställd: Lägre är bättre), no issue', () => {
    expect(decide(fixtureIndicator(7))).toMatchObject({ direction: 'lower', source: 'column', issues: [] });
  });

  test('2: the årsmål\'s own form: Max → lower, Minst → higher, a band → band', () => {
    const max = fixtureIndicator(35, { Riktning: null, Årsmål: 'Max 10 personer' });
    expect(decide(max)).toMatchObject({ direction: 'lower', source: 'target', issues: [] });
    const min = fixtureIndicator(35, { Riktning: null, Årsmål: 'Minst 80 %' });
    expect(decide(min)).toMatchObject({ direction: 'higher', source: 'target' });
    expect(decide(fixtureIndicator(55, { Riktning: null }))).toMatchObject({ direction: 'band', source: 'target' });
  });

  test('3: KF:s årsmål Minskning (row 9, 15,4 st against KF Minskning) → lower from kf', () => {
    expect(decide(fixtureIndicator(9, { Riktning: null }))).toMatchObject({ direction: 'lower', source: 'kf', issues: [] });
    // and KF:s "Max 10 personer" beside a plain årsmål 10 (row 35)
    expect(decide(fixtureIndicator(35, { Riktning: null }))).toMatchObject({ direction: 'lower', source: 'kf' });
  });

  test('a trend target makes the direction trend, judged in the trend\'s own sense', () => {
    const row = fixtureIndicator(6, { Årsmål: null }); // KF:s årsmål Ökning
    expect(decide(row)).toMatchObject({ direction: 'trend', sense: 'higher', source: 'column' });
    expect(decide(fixtureIndicator(6, { Årsmål: null, Riktning: null }))).toMatchObject({ direction: 'trend', sense: 'higher', source: 'kf' });
    expect(decide(fixtureIndicator(6, { Årsmål: 'Minskning', Riktning: null }))).toMatchObject({ direction: 'trend', sense: 'lower', source: 'target' });
  });

  test('4: a name keyword → lower with I_DIRECTION_ASSUMED naming it (row 70 Sjukfrånvaro), at the Riktning cell', () => {
    const result = decide(fixtureIndicator(70, { Riktning: null }));
    expect(result).toMatchObject({ direction: 'lower', source: 'keyword', keyword: 'sjukfrånvaro' });
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ severity: 'info', code: 'I_DIRECTION_ASSUMED', sheet: 'Indikatorer', cell: 'L70' });
    expect(result.issues[0].message).toContain('sjukfrånvaro');
    expect(result.issues[0].message).toContain('Riktning');
  });

  test('real keyword rows: klimatpåverkan, köpt energi, CO2e, per grupp, åter blir föremål, timavlönad, ekonomiskt bistånd', () => {
    for (const row of [48, 49, 50, 8, 11, 67, 3]) {
      expect(decide(fixtureIndicator(row, { Riktning: null, Årsmål: '1', 'KF:s årsmål': null }))).toMatchObject({ direction: 'lower', source: 'keyword' });
    }
    expect(lowerKeywordIn('Andel nöjda omsorgstagare')).toBeNull();
  });

  test('5: default higher with I_DIRECTION_ASSUMED saying so (row 76), at the name cell when there is no Riktning column', () => {
    const result = decide(fixtureIndicator(76, { Riktning: null }, ['direction']), 'en');
    expect(result).toMatchObject({ direction: 'higher', source: 'default' });
    expect(result.issues[0]).toMatchObject({ code: 'I_DIRECTION_ASSUMED', cell: 'B76' });
    expect(result.issues[0].message).toMatch(/by default.*Direction/);
  });
});

describe('the extended name rule (SPEC 5.3 step 4)', () => {
  // Names quoted from issue 13 (real plans outside the fixtures) and from the VP 2024 fixture.
  test.each([
    ['Andel externa konsulter', 'lower', 'konsult'],
    ['Antal barnfamiljer som beviljats tillfälligt boende på hotell/vandrarhem', 'lower', 'hotell'],
    ['Andel invånare som upplever ordningsproblem i sitt bostadsområde', 'lower', 'ordningsproblem'],
    ['Andel som känner oro för våld i sitt närområde', 'lower', 'oro för'],
    ['Andel elever som blivit illa behandlade i skolan', 'lower', 'illa behandla'],
    ['Andel som känner sig otrygga utomhus på kvällen', 'lower', 'otrygg'],
    ['Antal anmälda skadegörelser', 'lower', 'skadegörelse'],
    ['Andel som utsatts för brott', 'lower', 'utsatt för'],
    ['Antal felaktiga utbetalningar', 'lower', 'felaktig utbetalning'],
    ['Nämndens budgetföljsamhet före resultatöverföringar', 'exact', 'budgetföljsamhet'],
    ['Nämndens prognossäkerhet T2', 'band', 'prognossäkerhet'],
  ])('%s → %s (%s)', (name, direction, keyword) => {
    expect(nameDirection(name)).toEqual({ direction, keyword });
  });

  test('a positive word overrides a lower keyword: "förbättrad situation … (ekonomiskt bistånd)" is higher', () => {
    const name = 'Andel personer som själva upplever att de får en förbättrad situation av insatserna de fått från socialtjänsten (ekonomiskt bistånd)';
    expect(nameDirection(name)).toEqual({ direction: 'higher', keyword: 'förbättrad' });
    expect(lowerKeywordIn(name)).toBeNull();
    expect(nameDirection('Andel nöjda brukare med ekonomiskt bistånd')).toEqual({ direction: 'higher', keyword: 'nöjda' });
    expect(nameDirection('Fler i arbete efter ekonomiskt bistånd')).toEqual({ direction: 'higher', keyword: 'Fler' });
  });

  test('the override is named in I_DIRECTION_ASSUMED', () => {
    const name = 'Andel personer som själva upplever att de får en förbättrad situation av insatserna (ekonomiskt bistånd)';
    const result = decide(fixtureIndicator(3, { Indikator: name, Riktning: null, Årsmål: '80 %', 'KF:s årsmål': null }));
    expect(result).toMatchObject({ direction: 'higher', source: 'keyword' });
    expect(result.issues[0].message).toBe('Riktningen antogs vara "Högre är bättre" eftersom namnet innehåller "förbättrad". Fyll i Riktning för att bekräfta den.');
  });

  test('"trygg" overrides only as its own word: otrygg stays lower, and a word merely containing "fler" does not count', () => {
    expect(nameDirection('Andel som känner sig otrygga')).toEqual({ direction: 'lower', keyword: 'otrygg' });
    expect(nameDirection('Andel som känner sig trygga trots oro för brott')).toEqual({ direction: 'higher', keyword: 'trygga' });
    expect(nameDirection('Antal reflexvästar (klotter)')).toEqual({ direction: 'lower', keyword: 'klotter' });
  });

  test('a name without any keyword gives nothing (default higher happens in decideDirection)', () => {
    expect(nameDirection('Andel nöjda omsorgstagare')).toBeNull();
  });

  test('budgetföljsamhet (real T1 row 54, "Nämndens budgetföljsamhet före resultatöverföringar | 100,2 % | … | 100 %") resolves to exact from the name, with I_DIRECTION_ASSUMED naming the word', () => {
    const result = decide(fixtureIndicator(54, { Riktning: null }));
    expect(result).toMatchObject({ direction: 'exact', source: 'keyword', keyword: 'budgetföljsamhet' });
    expect(result.issues[0].message).toBe('Riktningen antogs vara "Exakt" eftersom namnet innehåller "budgetföljsamhet". Fyll i Riktning för att bekräfta den.');
  });
});
