// Who can reach a child: its guardians (remove one, or leave), the invitation for a second guardian, the private calendar feed.
import type { I18n } from '../../../src/kernel/messages.ts';
import { Notice } from '../../components/form.tsx';
import { type ChildCard, type Message, MessageNotice } from './common.tsx';

export interface GuardianView {
  id: number;
  name: string;
  you: boolean;
}

/** Who looks after the child; removing one asks first (`confirming` names whom). */
export function GuardiansSection(props: { i18n: I18n; child: ChildCard; guardians: GuardianView[]; confirming?: number | null; message?: Message | undefined }) {
  const { t } = props.i18n;
  const { child } = props;
  const target = { 'hx-target': '#guardians', 'hx-swap': 'outerHTML' };
  const onlyOne = props.guardians.length <= 1;
  return (
    <section class="card" id="guardians" aria-labelledby="guardians-title">
      <h2 id="guardians-title">{t('family.guardians.title')}</h2>
      <p class="muted">{t('family.guardians.lead', { child: child.name })}</p>
      <MessageNotice message={props.message} />
      <ul class="guardian-list">
        {props.guardians.map((guardian) => {
          const action = `/children/${child.id}/guardians/${guardian.id}/remove`;
          return (
            <li class="guardian">
              <span class="guardian__name">
                {guardian.name}
                {guardian.you ? ` ${t('family.guardians.you')}` : ''}
              </span>
              {onlyOne ? null : props.confirming === guardian.id ? (
                <form method="post" action={action} hx-post={action} class="guardian__confirm" {...target}>
                  <p>{guardian.you ? t('family.guardians.confirmLeave', { child: child.name }) : t('family.guardians.confirmRemove', { name: guardian.name, child: child.name })}</p>
                  <input type="hidden" name="confirm" value="yes" />
                  <button type="submit" class="button">
                    {t('family.guardians.confirm')}
                  </button>{' '}
                  <a href={`/children/${child.id}#guardians`}>{t('family.guardians.keep')}</a>
                </form>
              ) : (
                <form method="post" action={action} hx-post={action} {...target}>
                  <button type="submit" class="link-button link-button--ink" aria-label={guardian.you ? undefined : t('family.guardians.removeNamed', { name: guardian.name })}>
                    {guardian.you ? t('family.guardians.leave') : t('family.guardians.remove')}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      {onlyOne ? <p class="muted">{t('family.guardians.onlyOne')}</p> : null}
    </section>
  );
}

/** The invitation for a second guardian; a new code is shown only in the answer that made it. */
export function InviteSection(props: { i18n: I18n; child: ChildCard; created?: { code: string; expires: string } | undefined }) {
  const { t } = props.i18n;
  const action = `/children/${props.child.id}/invites`;
  return (
    <section class="card" id="invite" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('family.invite.title')}</h2>
      <p>{t('family.invite.lead', { child: props.child.name })}</p>
      {props.created ? (
        <Notice kind="success">
          <p>
            {t('family.invite.code')}: <code class="invite-code">{props.created.code}</code>
          </p>
          <p>{t('family.invite.shownOnce', { expires: props.created.expires })}</p>
        </Notice>
      ) : null}
      <form method="post" action={action} hx-post={action} hx-target="#invite" hx-swap="outerHTML">
        <button type="submit" class="button">
          {t('family.invite.create')}
        </button>
      </form>
      <p class="field__hint">{t('family.invite.replaces')}</p>
    </section>
  );
}

/** The private calendar link: create it, copy or open it, replace it or turn it off. */
export function CalendarSection(props: { i18n: I18n; child: ChildCard; feed: { url: string; webcal: string } | null; message?: Message | undefined }) {
  const { t } = props.i18n;
  const base = `/children/${props.child.id}/calendar-feed`;
  const target = { 'hx-target': '#calendar', 'hx-swap': 'outerHTML' };
  return (
    <section class="card" id="calendar" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('family.calendar.title')}</h2>
      <p>{t('family.calendar.lead', { child: props.child.name })}</p>
      <MessageNotice message={props.message} />
      {props.feed ? (
        <>
          <div class="field">
            <label for="calendar-url">{t('family.calendar.url')}</label>
            <input id="calendar-url" type="url" readonly value={props.feed.url} class="feed-url" />
          </div>
          <p class="feed-links">
            <a href={props.feed.webcal} class="button button--primary">
              {t('family.calendar.webcal')}
            </a>{' '}
            <a href={`/children/${props.child.id}/calendar.ics`} download>
              {t('family.calendar.download')}
            </a>
          </p>
          <div class="feed-actions">
            <form method="post" action={base} hx-post={base} {...target}>
              <button type="submit" class="button">
                {t('family.calendar.renew')}
              </button>
            </form>
            <form method="post" action={`${base}/revoke`} hx-post={`${base}/revoke`} {...target}>
              <button type="submit" class="link-button link-button--ink">
                {t('family.calendar.revoke')}
              </button>
            </form>
          </div>
          <p class="field__hint">{t('family.calendar.renewHint')}</p>
        </>
      ) : (
        <form method="post" action={base} hx-post={base} {...target}>
          <button type="submit" class="button button--primary">
            {t('family.calendar.create')}
          </button>
        </form>
      )}
    </section>
  );
}
