// "My family": a parent's children with their weeks, and the forms that add a child or join one with a code.
import type { Chrome, FormState } from '../../chrome.ts';
import { Notice } from '../../components/form.tsx';
import { Layout } from '../../layout.tsx';
import { type ChildCard, ChildFacts, type Message, MessageNotice, type SchoolOption } from './common.tsx';
import { ChildForm, type ChildFormField, JoinForm, type JoinFormField } from './forms.tsx';
import { ChildWeekSections, type ChildWeekView } from './week.tsx';

export interface FamilyChild extends ChildCard {
  week: ChildWeekView;
}

export function FamilyPage(props: {
  chrome: Chrome;
  /** Not `children`: hono/jsx treats that prop as the element's content. */
  childList: FamilyChild[];
  form: FormState<ChildFormField>;
  join: FormState<JoinFormField>;
  joinMessage?: Message | undefined;
  schools: SchoolOption[];
  /** The privacy text's version the consent boxes ask about. */
  consentVersion: string;
  added?: string | undefined;
  notice?: Message | undefined;
  /** The add form's way back to the course the parent came from. */
  next?: string | undefined;
  /** Just registered: a welcome whose next step is the add form. */
  welcome?: string | undefined;
}) {
  const { t } = props.chrome.i18n;
  const i18n = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={t('family.title')}>
      <h1>{t('family.title')}</h1>
      <p class="lead">{t('family.lead')}</p>
      {props.welcome ? (
        <Notice kind="success">
          {props.welcome} <a href="#family-add">{t('family.addChild')}</a>
        </Notice>
      ) : null}
      {props.added ? <Notice kind="success">{props.added}</Notice> : null}
      <MessageNotice message={props.notice} />
      <section class="family-children" aria-labelledby="family-children">
        <h2 id="family-children">{t('family.children')}</h2>
        {props.childList.length === 0 ? (
          <p class="card">{t('family.noChildren')}</p>
        ) : (
          <ul class="child-list">
            {props.childList.map((child) => (
              <li class="card child-card">
                <h3>
                  <a href={`/children/${child.id}`}>{child.name}</a>
                </h3>
                <ChildFacts i18n={i18n} child={child} />
                <p>
                  <a href={`/s/${child.schoolSlug}?grade=${child.grade}`}>{t('family.browse', { school: child.schoolName })}</a>
                </p>
                <ChildWeekSections i18n={i18n} child={child} week={child.week} level={4} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <div class="split split--even">
        <section class="card" aria-labelledby="family-add">
          <h2 id="family-add">{t('family.addChild')}</h2>
          <ChildForm i18n={i18n} action="/children" form={props.form} schools={props.schools} submit={t('family.addChild')} consentVersion={props.consentVersion} next={props.next} />
        </section>
        <section class="card" aria-labelledby="family-join">
          <h2 id="family-join">{t('family.join.title')}</h2>
          <p>{t('family.join.lead')}</p>
          <JoinForm i18n={i18n} form={props.join} message={props.joinMessage} consentVersion={props.consentVersion} />
        </section>
      </div>
    </Layout>
  );
}
