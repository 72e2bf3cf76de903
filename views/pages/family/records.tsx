// A child's places and record on its page: the enrolments (each with its withdraw step) and attendance per offering.
import type { I18n } from '../../../src/kernel/messages.ts';
import type { AttendanceTally } from '../../../src/kernel/vocabulary.ts';
import { percent } from '../attendance-report.tsx';
import type { ChildCard } from './common.tsx';

export interface EnrollmentView {
  enrollmentId: number;
  offeringId: number;
  title: string;
  status: 'enrolled' | 'waitlisted';
  position: number | null;
}

/** One offering's line of the child's attendance. */
export interface AttendanceRecordView extends AttendanceTally {
  offeringId: number;
  title: string;
}

/** The child's attendance per offering: meetings attended, missed and excused, with the rate. */
export function AttendanceSection(props: { i18n: I18n; records: AttendanceRecordView[] }) {
  const { t } = props.i18n;
  return (
    <section class="card" id="attendance" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('family.attendance.title')}</h2>
      {props.records.length === 0 ? (
        <p class="muted">{t('family.attendance.none')}</p>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-labelledby="attendance-title">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('report.col.offering')}</th>
                <th scope="col" class="num">{t('family.attendance.attended')}</th>
                <th scope="col" class="num">{t('report.col.absent')}</th>
                <th scope="col" class="num">{t('report.col.excused')}</th>
                <th scope="col" class="num">{t('report.col.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {props.records.map((record) => (
                <tr>
                  <th scope="row">
                    <a href={`/offerings/${record.offeringId}`}>{record.title}</a>
                  </th>
                  <td class="num">
                    {record.present + record.late}
                    {record.late > 0 ? <span class="muted"> {t('family.attendance.lateCount', { count: record.late })}</span> : null}
                  </td>
                  <td class="num">{record.absent}</td>
                  <td class="num">{record.excused}</td>
                  <td class="num">{percent(props.i18n, record.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The child's enrolments, each with the withdraw step of the offering's enrol control. */
export function EnrollmentsSection(props: { i18n: I18n; child: ChildCard; enrollments: EnrollmentView[] }) {
  const { t } = props.i18n;
  return (
    <section class="card" id="enrollments" aria-labelledby="enrollments-title">
      <h2 id="enrollments-title">{t('family.enrollments.title')}</h2>
      {props.enrollments.length === 0 ? (
        <p class="muted">
          {t('family.enrollments.empty')} <a href={`/s/${props.child.schoolSlug}?grade=${props.child.grade}`}>{t('family.browse', { school: props.child.schoolName })}</a>
        </p>
      ) : (
        <ul class="enrollment-list">
          {props.enrollments.map((enrollment) => (
            <li class="enrollment">
              <a href={`/offerings/${enrollment.offeringId}`} class="enrollment__title">
                {enrollment.title}
              </a>
              <span class={`tag tag--${enrollment.status === 'enrolled' ? 'open' : 'moved'}`}>
                {enrollment.status === 'enrolled' ? t('family.enrollments.enrolled') : t('family.week.waitlist', { position: enrollment.position ?? 0 })}
              </span>
              <form method="post" action={`/enrollments/${enrollment.enrollmentId}/withdraw`}>
                <button type="submit" class="button button--quiet-danger">
                  {enrollment.status === 'enrolled' ? t('enrol.withdraw') : t('enrol.leaveWaitlist')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
