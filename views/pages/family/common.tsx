// The pieces every part of the family pages shares: the child's card, a message with an optional link, the child's facts line.
import type { I18n } from '../../../src/kernel/messages.ts';
import { Notice } from '../../components/form.tsx';

export interface ChildCard {
  id: number;
  name: string;
  schoolName: string;
  schoolSlug: string;
  grade: number;
  className: string | null;
  /** At a school that checks children against its pupil list: the bound pupil's number, or null while unmatched. */
  pupil?: { number: string | null } | undefined;
}

export interface SchoolOption {
  value: string;
  label: string;
  /** The school's address name, as `/family?school=<slug>` names it to pre-fill the child form. */
  slug?: string;
  /** The school checks children against its pupil list: the child form asks for the pupil number. */
  checksPupils?: boolean;
}

export type Message = { kind: 'success' | 'error' | 'info'; text: string; link?: { href: string; text: string } | undefined };

export function MessageNotice(props: { message: Message | undefined }) {
  const { message } = props;
  if (!message) return null;
  return (
    <Notice kind={message.kind}>
      <p>
        {message.text}
        {message.link ? (
          <>
            {' '}
            <a href={message.link.href}>{message.link.text}</a>
          </>
        ) : null}
      </p>
    </Notice>
  );
}

export function ChildFacts(props: { i18n: I18n; child: ChildCard }) {
  const { t } = props.i18n;
  const { child } = props;
  return (
    <>
      <p class="muted">
        {child.schoolName} · {t('family.gradeN', { grade: child.grade })}
        {child.className ? ` · ${child.className}` : ''}
      </p>
      <PupilCheck i18n={props.i18n} child={child} />
    </>
  );
}

/** Whether the child is matched with its school's pupil list (only at a school that keeps one), with the way to fix it. */
export function PupilCheck(props: { i18n: I18n; child: ChildCard }) {
  const { t } = props.i18n;
  const { pupil, id } = props.child;
  if (!pupil) return null;
  if (pupil.number !== null) {
    return (
      <p class="pupil-check pupil-check--verified">
        <span class="tag tag--open">{t('family.pupil.verified', { number: pupil.number })}</span>
      </p>
    );
  }
  return (
    <p class="pupil-check pupil-check--unverified">
      <span class="tag tag--moved">{t('family.pupil.unverified')}</span> <a href={`/children/${id}#child-pupil-number`}>{t('family.pupil.fix')}</a>
    </p>
  );
}
