// Which term of each school the portrait shows, and how places turn into unmet demand: rules as sentences.
import { describe, expect, it } from 'vitest';
import { type PortraitCounts, portrait, termChoices, termsShown } from './district.policy.ts';

const term = (id: number, school: number, first: string, last: string, name = `term ${id}`) => ({ id, school_id: school, name_zh: name, name_en: name, first_day: first, last_day: last });
const autumnA = term(1, 10, '2026-09-01', '2027-01-15', '秋');
const springA = term(2, 10, '2026-02-01', '2026-06-30', '春');
const autumnB = term(3, 20, '2026-09-07', '2027-01-20', '秋');
const nextA = term(4, 10, '2027-02-20', '2027-06-30', '下学期');

describe('the terms the portrait shows', () => {
  it('shows each school the earliest term that has not ended, as its catalogue does', () => {
    const shown = termsShown([nextA, springA, autumnA, autumnB], '2026-11-26', null)!;
    expect(shown.get(10)!.id).toBe(1);
    expect(shown.get(20)!.id).toBe(3);
  });

  it('shows a chosen term at its school and, elsewhere, the term running on its first day or overlapping it', () => {
    const shown = termsShown([springA, autumnA, autumnB], '2026-11-26', 1)!;
    expect(shown.get(10)!.id).toBe(1);
    expect(shown.get(20)!.id).toBe(3); // starts a week later, overlaps
    const spring = termsShown([springA, autumnA, autumnB], '2026-11-26', 2)!;
    expect(spring.has(20)).toBe(false);
  });

  it('refuses a chosen term that does not exist', () => {
    expect(termsShown([autumnA], '2026-11-26', 99)).toBeNull();
  });

  it('offers one choice per period and name, newest first', () => {
    expect(termChoices([springA, autumnA, term(5, 20, '2026-09-01', '2027-01-15', '秋')]).map((one) => one.id)).toEqual([1, 2]);
  });
});

describe('unmet demand', () => {
  const counts = (categories: PortraitCounts['children'][number]['categories']): PortraitCounts => ({
    offerings: [
      { termId: 1, category: 'robotics', kind: 'course', gradeMin: 1, gradeMax: 3, offerings: 1, seats: 10, enrolled: 10, free: 0 },
      { termId: 1, category: 'robotics', kind: 'club', gradeMin: 3, gradeMax: 6, offerings: 1, seats: 10, enrolled: 4, free: 6 },
    ],
    wanted: [],
    children: [{ schoolId: 10, grade: 3, seated: 10, enrolled: 10, waitlisted: 2, unmet: 1, categories }],
    registered: [{ schoolId: 10, grade: 3, children: 20 }],
    pupils: [],
    marks: [],
  });

  it('sets the children waiting in a category against its free seats open to their grade', () => {
    const figures = portrait([{ id: 10, slug: 'a', name: 'A', childCheck: 'open', term: autumnA }], counts({ robotics: { seated: 10, waiting: 3, waitlisted: 2, unmet: 1 } }), null);
    expect(figures.unmet).toEqual([{ category: 'robotics', grade: 3, children: 3, waitlisted: 2, unmet: 1, freeSeats: 6 }]);
    expect(figures.schools[0]!.participationRate).toBe(0.5);
  });

  it('lists nothing where nobody waits', () => {
    const figures = portrait([{ id: 10, slug: 'a', name: 'A', childCheck: 'open', term: autumnA }], counts({ robotics: { seated: 10, waiting: 0, waitlisted: 0, unmet: 0 } }), null);
    expect(figures.unmet).toEqual([]);
  });

  it('counts the pupil list, not the registered children, where the school keeps one', () => {
    const figures = portrait([{ id: 10, slug: 'a', name: 'A', childCheck: 'pupil_list', term: autumnA }], { ...counts({}), pupils: [{ schoolId: 10, grade: 3, children: 40 }] }, null);
    expect(figures.schools[0]!.knownChildren).toBe(40);
    expect(figures.schools[0]!.participationRate).toBe(0.25);
  });
});
