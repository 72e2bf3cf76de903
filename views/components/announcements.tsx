// Announcements: the "send a notice" form (roster and teacher pages), the offering page's list of past ones, and
// the roll's per-child "contact the guardians" form. Each form is its own htmx fragment: it swaps itself.
import type { I18n } from '../../src/kernel/messages.ts';
import { Notice } from './form.tsx';

/** Matches MAX_MESSAGE_CHARS of the announcements policy; the browser stops typing there, the server checks again. */
const MAX_CHARS = 1000;

export interface AnnouncementFormView {
  offeringId: number;
  /** Where a plain (non-htmx) submit returns. */
  from: 'roster' | 'teach';
  text?: string;
  waitlist?: boolean;
  error?: string | undefined;
  /** Just sent: to how many guardians (the success notice). */
  sent?: number | undefined;
  /** Shown open (a teacher's list of cards keeps it folded until asked). */
  open?: boolean;
}

export function AnnouncementForm(props: { i18n: I18n; form: AnnouncementFormView }) {
  const { t } = props.i18n;
  const { form } = props;
  const id = `announce-${form.offeringId}-${form.from}`;
  const action = `/offerings/${form.offeringId}/announcements`;
  const errorId = form.error ? `${id}-error` : undefined;
  return (
    <details class="card announce" id={id} open={form.open || form.error || form.sent ? true : undefined}>
      <summary>{t('announce.heading')}</summary>
      {form.sent ? <Notice kind="success">{t('announce.sent', { count: form.sent })}</Notice> : null}
      <form method="post" action={action} hx-post={action} hx-target={`#${id}`} hx-swap="outerHTML" class="announce__form">
        <input type="hidden" name="from" value={form.from} />
        <div class={form.error ? 'field field--invalid' : 'field'}>
          <label for={`${id}-text`}>{t('announce.text')}</label>
          {form.error ? (
            <p class="field__error" id={errorId}>
              {form.error}
            </p>
          ) : null}
          <textarea id={`${id}-text`} name="text" rows={5} maxlength={MAX_CHARS} required aria-invalid={form.error ? 'true' : undefined} aria-describedby={errorId}>
            {form.text ?? ''}
          </textarea>
          <p class="field__hint">{t('announce.hint', { max: MAX_CHARS })}</p>
        </div>
        <p class="announce__check">
          <label>
            <input type="checkbox" name="waitlist" value="yes" checked={form.waitlist ? true : undefined} /> {t('announce.waitlist')}
          </label>
        </p>
        <button type="submit" class="button button--primary">
          {t('announce.send')}
        </button>
      </form>
    </details>
  );
}

export interface PastAnnouncementView {
  id: number;
  sender: string | null;
  at: string;
  text: string;
}

/** Past announcements, newest first; the text escaped, its line breaks kept (CSS white-space). */
export function AnnouncementList(props: { i18n: I18n; items: PastAnnouncementView[] }) {
  const { t } = props.i18n;
  return (
    <section class="card announcements" aria-labelledby="announcements-heading">
      <h2 id="announcements-heading">{t('announce.list.heading')}</h2>
      {props.items.length === 0 ? (
        <p class="empty">{t('announce.list.empty')}</p>
      ) : (
        <ol class="announcements__list">
          {props.items.map((item) => (
            <li class="announcement" id={`announcement-${item.id}`}>
              <p class="announcement__meta muted">
                {item.sender ?? t('announce.list.formerStaff')} · {item.at}
              </p>
              <p class="announcement__text">{item.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export interface GuardianMessageView {
  meetingId: number;
  childId: number;
  childName: string;
  text?: string;
  error?: string | undefined;
  notice?: string | undefined;
}

/** On a roll row: a folded form to write to this child's guardians. */
export function GuardianMessageForm(props: { i18n: I18n; message: GuardianMessageView }) {
  const { t } = props.i18n;
  const { message } = props;
  const id = `message-${message.meetingId}-${message.childId}`;
  const action = `/teach/meetings/${message.meetingId}/children/${message.childId}/message`;
  const errorId = message.error ? `${id}-error` : undefined;
  return (
    <details class="roll-row__message" id={id} open={message.error || message.notice ? true : undefined}>
      <summary>{t('announce.contact')}</summary>
      {message.notice ? <Notice kind="success">{message.notice}</Notice> : null}
      <form method="post" action={action} hx-post={action} hx-target={`#${id}`} hx-swap="outerHTML" class="announce__form">
        <div class={message.error ? 'field field--invalid' : 'field'}>
          <label for={`${id}-text`}>{t('announce.contactFor', { child: message.childName })}</label>
          {message.error ? (
            <p class="field__error" id={errorId}>
              {message.error}
            </p>
          ) : null}
          <textarea id={`${id}-text`} name="text" rows={3} maxlength={MAX_CHARS} required aria-invalid={message.error ? 'true' : undefined} aria-describedby={errorId}>
            {message.text ?? ''}
          </textarea>
        </div>
        <button type="submit" class="button">
          {t('announce.contactSend')}
        </button>
      </form>
    </details>
  );
}
