// The admin's page of one offering (its form, its status and copy controls, its upcoming meetings), rendered by
// the offering routes and again by a refused meeting change; and the offering form's choices.
import type { Context } from 'hono';
import type { FormState } from '../../views/chrome.ts';
import { meetingView } from '../../views/components/meeting.tsx';
import { OfferingAdminPage, OfferingForm, type OfferingFormField, type SlotRow } from '../../views/pages/admin-offerings.tsx';
import type { AppEnv } from '../http/app-env.ts';
import type { SignedInEnv } from '../http/guards.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import { offeringAsText } from './catalogue-csv.policy.ts';
import type { MeetingsService } from './meetings.service.ts';
import type { OfferingsService } from './offerings.service.ts';
import type { TermsService } from './terms.service.ts';

export interface OfferingPageDeps {
  offerings: OfferingsService;
  terms: TermsService;
  meetings: MeetingsService;
}

export interface OfferingPageNotes {
  saved?: string;
  duplicated?: boolean;
  meetingChanged?: boolean;
  meetingError?: { meetingId: number; messages: string[] };
}

/** The teacher and grade choices of the offering form for a school. */
export async function offeringFormOptions<E extends AppEnv>(c: Context<E>, offerings: OfferingsService, schoolId: number, grades: { min: number; max: number }) {
  const teachers = await offerings.teachersOfSchool(schoolId);
  return {
    teachers: [{ value: '', label: c.get('i18n').t('admin.noTeacher') }, ...teachers.map((teacher) => ({ value: String(teacher.id), label: teacher.name }))],
    gradeMin: grades.min,
    gradeMax: grades.max,
  };
}

export async function renderOfferingPage<E extends SignedInEnv>(
  c: Context<E>,
  deps: OfferingPageDeps,
  offeringId: number,
  form: FormState<OfferingFormField> | null,
  slots: SlotRow[] | null,
  status: 200 | 422,
  notes: OfferingPageNotes = {},
) {
  const user = c.get('user');
  const found = await deps.offerings.offering(user, offeringId);
  if (!found) return errorPage(c, 404);
  const { offering, term } = found;
  const i18n = c.get('i18n');
  const terms = (await deps.terms.termsOfSchool(user, term.school_id))?.terms ?? [];
  const options = await offeringFormOptions(c, deps.offerings, term.school_id, { min: term.school_grade_min, max: term.school_grade_max });
  const values: FormState<OfferingFormField> = form ?? {
    errors: {},
    values: { ...offeringAsText(offering), teacher: offering.teacher_id === null ? '' : String(offering.teacher_id) },
  };
  const upcoming = (await deps.meetings.upcomingMeetings(user, offeringId)) ?? [];
  const slotRows = slots ?? found.slots.map((slot) => ({ weekday: String(slot.weekday), start: slot.starts_at, end: slot.ends_at }));
  const formProps = {
    action: `/admin/offerings/${offeringId}`,
    validate: `/admin/offerings/${offeringId}/validate`,
    form: values,
    slots: slotRows,
    options,
    saved: notes.saved,
  };
  return respond(
    c,
    {
      page: () => (
        <OfferingAdminPage
          chrome={chromeFor(c, `/admin/offerings/${offeringId}`)}
          title={i18n.pick(offering.title_zh, offering.title_en)}
          back={{ href: `/admin/terms/${term.id}`, label: i18n.pick(term.name_zh, term.name_en) }}
          formProps={formProps}
          manage={{
            id: offeringId,
            status: offering.status,
            publicHref: `/offerings/${offeringId}`,
            terms: terms.map((other) => ({ value: String(other.id), label: i18n.pick(other.name_zh, other.name_en) })),
            duplicated: notes.duplicated,
          }}
          meetings={{
            rows: upcoming.map((meeting) => meetingView(meeting, deps.meetings.today())),
            error: notes.meetingError,
            changed: notes.meetingChanged,
          }}
        />
      ),
      fragment: () => <OfferingForm i18n={i18n} {...formProps} />,
    },
    status,
  );
}
