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
}

export interface SchoolOption {
  value: string;
  label: string;
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
    <p class="muted">
      {child.schoolName} · {t('family.gradeN', { grade: child.grade })}
      {child.className ? ` · ${child.className}` : ''}
    </p>
  );
}
