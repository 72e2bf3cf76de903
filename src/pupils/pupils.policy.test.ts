import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey, normalisePupilNumber, pupilMatches, pupilProblems } from './pupils.policy.ts';

const school = { gradeMin: 1, gradeMax: 6 };
const pupil = { name: '王小明', number: 'G4401', grade: 3, className: '2班' };

describe('a listed pupil', () => {
  it('is accepted with a name, a number, a grade the school has and an optional class', () => {
    expect(pupilProblems(pupil, school)).toEqual({});
    expect(pupilProblems({ ...pupil, className: null }, school)).toEqual({});
  });

  it('is refused with a grade the school does not have, naming the school’s grades', () => {
    expect(pupilProblems({ ...pupil, grade: 7 }, school).grade).toEqual({ key: 'pupils.error.grade', params: { min: 1, max: 6 } });
  });

  it('is refused with a missing, overlong or oddly written pupil number', () => {
    expect(pupilProblems({ ...pupil, number: '  ' }, school).number).toEqual({ key: 'form.required' });
    expect(pupilProblems({ ...pupil, number: '1'.repeat(31) }, school).number).toEqual({ key: 'form.tooLong', params: { max: 30 } });
    expect(pupilProblems({ ...pupil, number: '-12' }, school).number).toEqual({ key: 'pupils.error.number' });
    expect(pupilProblems({ ...pupil, number: 'G 44' }, school).number).toEqual({ key: 'pupils.error.number' });
  });

  it('compares names after NFKC and without whitespace, and numbers in upper case', () => {
    expect(nameKey('王 小明')).toBe(nameKey('王小明'));
    expect(nameKey('Ｌｉ　Ｌｅｉ')).toBe('LiLei');
    expect(normalisePupilNumber(' ｇ４４０１ ')).toBe('G4401');
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(nameKey(nameKey(name))).toBe(nameKey(name));
      }),
    );
  });
});

describe('a child matching a listed pupil', () => {
  const listed = { nameKey: nameKey('王 小明'), grade: 3 };

  it('matches with the same name (NFKC, whitespace ignored) and the same grade', () => {
    expect(pupilMatches(listed, { name: '王小明', grade: 3 })).toBe(true);
    expect(pupilMatches(listed, { name: ' 王　小 明 ', grade: 3 })).toBe(true);
  });

  it('does not match with another name or another grade', () => {
    expect(pupilMatches(listed, { name: '王小名', grade: 3 })).toBe(false);
    expect(pupilMatches(listed, { name: '王小明', grade: 4 })).toBe(false);
  });
});
