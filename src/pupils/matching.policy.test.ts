import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classKey, matchChildrenToPupils } from './matching.policy.ts';

const pupil = (id: number, nameKey: string, grade: number, className: string | null = '2班') => ({ id, nameKey, grade, className });
const child = (id: number, name: string, grade: number, className: string | null = '2班') => ({ id, name, grade, className });

describe('matching existing children to the pupil list', () => {
  it('binds a child to the one pupil whose name, grade and class agree', () => {
    expect(matchChildrenToPupils([child(1, '王小明', 3)], [pupil(10, '王小明', 3), pupil(11, '李雷', 3)])).toEqual({ matches: [{ childId: 1, pupilId: 10 }], unmatched: [] });
  });

  it('compares names as the list does: spaces and full-width letters do not matter', () => {
    expect(matchChildrenToPupils([child(1, ' 王 小明 ', 3), child(2, 'Ａｍｙ Li', 3)], [pupil(10, '王小明', 3), pupil(11, 'AmyLi', 3)]).matches).toEqual([
      { childId: 1, pupilId: 10 },
      { childId: 2, pupilId: 11 },
    ]);
  });

  it('leaves a child whose grade or class differs unmatched', () => {
    expect(matchChildrenToPupils([child(1, '王小明', 4), child(2, '王小明', 3, '3班')], [pupil(10, '王小明', 3)])).toEqual({ matches: [], unmatched: [1, 2] });
  });

  it('reads the ways one class is written as the same class, and no class matches only no class', () => {
    for (const written of [' １班 ', '1', '(1)班', '（1）班', '一班', '1 班']) expect(classKey(written)).toBe('1');
    expect(classKey('十二班')).toBe('12');
    expect(classKey('二十三')).toBe('23');
    expect(classKey('A班')).toBe('a');
    expect(classKey('实验班')).toBe('实验');
    expect(classKey('2')).not.toBe(classKey('12'));
    expect(matchChildrenToPupils([child(1, '甲', 1, '一班')], [pupil(10, '甲', 1, '(1)')]).matches).toEqual([{ childId: 1, pupilId: 10 }]);
    expect(matchChildrenToPupils([child(1, '甲', 1, '2班')], [pupil(10, '甲', 1, '1班')]).unmatched).toEqual([1]);
    expect(matchChildrenToPupils([child(1, '甲', 1, null)], [pupil(10, '甲', 1, '1班')]).unmatched).toEqual([1]);
    expect(matchChildrenToPupils([child(1, '甲', 1, null)], [pupil(10, '甲', 1, null)]).matches).toEqual([{ childId: 1, pupilId: 10 }]);
  });

  it('leaves ambiguity to the school: two pupils with the same name, grade and class, or two children claiming one pupil', () => {
    expect(matchChildrenToPupils([child(1, '张伟', 2)], [pupil(10, '张伟', 2), pupil(11, '张伟', 2)]).unmatched).toEqual([1]);
    expect(matchChildrenToPupils([child(1, '张伟', 2), child(2, '张伟', 2)], [pupil(10, '张伟', 2)]).unmatched).toEqual([1, 2]);
  });

  it('never binds two children to one pupil nor one child twice, and accounts for every child', () => {
    const names = fc.constantFrom('甲', '乙', '丙');
    const arbitraryChild = fc.record({ name: names, grade: fc.integer({ min: 1, max: 2 }), className: fc.constantFrom(null, '1班', '2班') });
    const arbitraryPupil = fc.record({ nameKey: names, grade: fc.integer({ min: 1, max: 2 }), className: fc.constantFrom(null, '1班', '2班') });
    fc.assert(
      fc.property(fc.array(arbitraryChild, { maxLength: 30 }), fc.array(arbitraryPupil, { maxLength: 30 }), (childRows, pupilRows) => {
        const children = childRows.map((row, index) => ({ id: index + 1, ...row }));
        const pupils = pupilRows.map((row, index) => ({ id: 100 + index, ...row }));
        const { matches, unmatched } = matchChildrenToPupils(children, pupils);
        expect(new Set(matches.map((match) => match.pupilId)).size).toBe(matches.length);
        expect([...matches.map((match) => match.childId), ...unmatched].sort((a, b) => a - b)).toEqual(children.map((one) => one.id));
        for (const match of matches) {
          const a = children.find((one) => one.id === match.childId)!;
          const b = pupils.find((one) => one.id === match.pupilId)!;
          expect([a.name, a.grade, classKey(a.className)]).toEqual([b.nameKey, b.grade, classKey(b.className)]);
        }
      }),
    );
  });

  it('matches in linear time: ten times the children and pupils cost about ten times as much, not a hundred', () => {
    const run = (size: number) => {
      const many = Array.from({ length: size }, (_, i) => i);
      const children = many.map((i) => child(i, `学生${i}`, 1 + (i % 6)));
      const pupils = many.map((i) => pupil(100_000 + i, `学生${i}`, 1 + (i % 6)));
      const started = performance.now();
      const { matches } = matchChildrenToPupils(children, pupils);
      expect(matches).toHaveLength(size);
      return performance.now() - started;
    };
    run(2_000); // warm up
    const small = Math.min(run(2_000), run(2_000));
    const large = Math.min(run(20_000), run(20_000));
    expect(large / small).toBeLessThan(40);
  });
});
