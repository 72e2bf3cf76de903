// What the family routes hand their views, shared by the children, child and feed routes: a child's card and
// week in the reader's language, the school options, the child form as read, and the answer after a success.
import type { Context } from 'hono';
import { z } from 'zod';
import type { ChildCard, SchoolOption } from '../../views/pages/family/common.tsx';
import type { ChildFormField } from '../../views/pages/family/forms.tsx';
import type { ChildWeekView } from '../../views/pages/family/week.tsx';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm, textField } from '../http/forms.ts';
import { safeLocalPath } from '../http/local-path.ts';
import type { Rejection } from '../kernel/rejection.ts';
import type { SchoolsService } from '../schools/schools.service.ts';
import type { ChildForm as ChildInput, ChildWeek, FamilyService } from './family.service.ts';
import { checksPupils } from './binding.policy.ts';
import { timetableLayout } from './timetable.policy.ts';

/** A grade as the child form and its pre-fill (`/family?grade=`) take it: 1 to 12. */
export const GRADE = /^(1[0-2]|[1-9])$/;

const childSchema = z.object({
  name: textField(200),
  school: textField(60),
  grade: z.preprocess((value) => (Array.isArray(value) ? value.at(-1) : value), z.string({ error: 'form.required' }).regex(GRADE, { error: 'family.error.grade' })),
  class: textField(100, { optional: true }).optional(),
  /**
   * Only read at a school that checks children against its pupil list, so no length limit of its own here (an open
   * school ignores it whatever it holds); a number longer than any on a list simply matches no pupil.
   */
  pupil_number: z.preprocess((value) => (Array.isArray(value) ? value.at(-1) : value), z.string({ error: 'form.required' }).optional()),
  /** The privacy text's version the guardian ticked: required when adding a child, ignored when editing one. */
  consent: textField(40, { optional: true }).optional(),
  /** Where to go once the child is added (the course the parent came from); only a path on this site is followed. */
  next: textField(512, { optional: true }).optional(),
});

export interface ChildFormRead {
  input: ChildInput | null;
  /** A safe `next` the form carried, or undefined. */
  next: string | undefined;
  consent: string | undefined;
  values: Partial<Record<ChildFormField, string>>;
  errors: Partial<Record<ChildFormField, Rejection>>;
}

/** The child form (add or edit) as posted: the service's input when it parsed, what was typed either way. */
export async function readChild<E extends AppEnv>(c: Context<E>): Promise<ChildFormRead> {
  const parsed = await parseForm(c, childSchema);
  const next = safeLocalPath(parsed.values.next);
  if (!parsed.ok) return { input: null, next, consent: parsed.values.consent, values: parsed.values, errors: parsed.errors };
  return {
    next,
    values: parsed.values,
    consent: parsed.data.consent,
    errors: {},
    input: { name: parsed.data.name, school: parsed.data.school, grade: Number(parsed.data.grade), className: parsed.data.class ?? null, pupilNumber: parsed.data.pupil_number ?? null },
  };
}

/** A parent whose pupil numbers missed too often waits: the header for clients, the wait at the field for people. */
export function pupilThrottled<E extends AppEnv>(c: Context<E>, retryAfterSeconds: number): string {
  c.header('Retry-After', String(retryAfterSeconds));
  return c.get('i18n').t('family.error.pupilThrottled', { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
}

/** After a success that leads elsewhere: htmx follows HX-Redirect, a plain form the 303. */
export function redirect<E extends AppEnv>(c: Context<E>, to: string) {
  if (c.get('htmx')) {
    c.header('HX-Redirect', to);
    return c.body(null, 204);
  }
  return c.redirect(to, 303);
}

export function familyViews(deps: { family: FamilyService; schools: SchoolsService }) {
  const { family, schools } = deps;
  return {
    async schoolOptions<E extends AppEnv>(c: Context<E>): Promise<SchoolOption[]> {
      const { pick } = c.get('i18n');
      return (await schools.list()).map((school) => ({ value: String(school.id), label: pick(school.name_zh, school.name_en), slug: school.slug, checksPupils: checksPupils(school) }));
    },

    weekView<E extends AppEnv>(c: Context<E>, week: ChildWeek): ChildWeekView {
      const { pick } = c.get('i18n');
      return {
        termName: week.term ? pick(week.term.nameZh, week.term.nameEn) : null,
        timetable: timetableLayout(week.offerings.map((offering) => ({ ...offering, title: pick(offering.titleZh, offering.titleEn) }))),
        upcoming: week.upcoming.map((meeting) => ({ ...meeting, title: pick(meeting.titleZh, meeting.titleEn) })),
      };
    },

    /** The guardian's children as cards, in the reader's language. */
    async cards<E extends AppEnv>(c: Context<E>, guardianId: number): Promise<ChildCard[]> {
      const { pick } = c.get('i18n');
      return (await family.children(guardianId)).map((child) => ({
        id: child.id,
        name: child.name,
        schoolName: pick(child.school_name_zh, child.school_name_en),
        schoolSlug: child.school_slug,
        grade: child.grade,
        className: child.class_name,
        pupil: checksPupils({ child_check: child.school_child_check }) ? { number: child.pupil_number } : undefined,
      }));
    },
  };
}

export type FamilyViews = ReturnType<typeof familyViews>;
