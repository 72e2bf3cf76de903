// The page of one child: its week, enrolments, leave, who collects it, attendance, its record, guardians, invitation,
// calendar feed and data.
import type { Chrome, FormState } from '../../chrome.ts';
import { Layout } from '../../layout.tsx';
import { LeaveSection, type LeaveView } from '../leave.tsx';
import { ChildDataSection, type ChildDataView } from '../privacy.tsx';
import { CareSection, type CareView } from './care.tsx';
import { type ChildCard, ChildFacts, type Message, MessageNotice, type SchoolOption } from './common.tsx';
import { ChildForm, type ChildFormField } from './forms.tsx';
import { AttendanceSection, type AttendanceRecordView, EnrollmentsSection, type EnrollmentView } from './records.tsx';
import { CalendarSection, GuardiansSection, type GuardianView, InviteSection } from './sharing.tsx';
import { ChildWeekSections, type ChildWeekView } from './week.tsx';

export function ChildPage(props: {
  chrome: Chrome;
  child: ChildCard;
  form: FormState<ChildFormField>;
  schools: SchoolOption[];
  saved?: string | undefined;
  notice?: Message | undefined;
  week: ChildWeekView;
  enrollments: EnrollmentView[];
  guardians: { list: GuardianView[]; confirming?: number | null; message?: Message | undefined };
  invite?: { code: string; expires: string } | undefined;
  feed: { url: string; webcal: string } | null;
  feedMessage?: Message | undefined;
  attendance: AttendanceRecordView[];
  leave: LeaveView;
  care: CareView;
  data: ChildDataView;
}) {
  const { t } = props.chrome.i18n;
  const i18n = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={props.child.name}>
      <p class="breadcrumb">
        <a href="/family">← {t('family.title')}</a>
      </p>
      <h1>{props.child.name}</h1>
      <ChildFacts i18n={i18n} child={props.child} />
      <p>
        <a href={`/s/${props.child.schoolSlug}?grade=${props.child.grade}`}>{t('family.browse', { school: props.child.schoolName })}</a>
      </p>
      <MessageNotice message={props.notice} />
      <div class="child-layout">
        <div class="child-layout__main">
          <div class="card">
            <ChildWeekSections i18n={i18n} child={props.child} week={props.week} level={2} />
          </div>
          <EnrollmentsSection i18n={i18n} child={props.child} enrollments={props.enrollments} />
          <LeaveSection i18n={i18n} leave={props.leave} />
          <CareSection i18n={i18n} care={props.care} />
          <AttendanceSection i18n={i18n} records={props.attendance} />
          <p>
            <a href={`/children/${props.child.id}/choices`}>{t('lottery.link')}</a>
          </p>
        </div>
        <div class="child-layout__side">
          <section class="card" aria-labelledby="edit-title">
            <h2 id="edit-title">{t('family.editChild')}</h2>
            <ChildForm
              i18n={i18n}
              action={`/children/${props.child.id}`}
              form={props.form}
              schools={props.schools}
              submit={t('family.saveChild')}
              saved={props.saved}
            />
          </section>
          <GuardiansSection i18n={i18n} child={props.child} guardians={props.guardians.list} confirming={props.guardians.confirming ?? null} message={props.guardians.message} />
          <InviteSection i18n={i18n} child={props.child} created={props.invite} />
          <CalendarSection i18n={i18n} child={props.child} feed={props.feed} message={props.feedMessage} />
          <ChildDataSection i18n={i18n} data={props.data} />
        </div>
      </div>
    </Layout>
  );
}
