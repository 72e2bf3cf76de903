// The front page: what Clubroll is for this district, and its schools with this term's offer.
import type { Chrome } from '../chrome.ts';
import { Layout } from '../layout.tsx';

export interface SchoolCard {
  slug: string;
  name: string;
  kindLabel: string;
  gradesLabel: string;
  address: string;
  termName: string | null;
  clubs: number;
  courses: number;
}

export function HomePage(props: { chrome: Chrome; districtName: string; schools: SchoolCard[] }) {
  const { t, format } = props.chrome.i18n;
  const clubs = props.schools.reduce((sum, school) => sum + school.clubs, 0);
  const courses = props.schools.reduce((sum, school) => sum + school.courses, 0);
  return (
    <Layout
      chrome={props.chrome}
      title={t('nav.home')}
      share={{ description: t('home.lead', { schools: format.number(props.schools.length), clubs: format.number(clubs), courses: format.number(courses) }) }}
    >
      <section class="hero">
        <h1>{t('home.title', { district: props.districtName })}</h1>
        <p class="hero__lead">
          {t('home.lead', { schools: format.number(props.schools.length), clubs: format.number(clubs), courses: format.number(courses) })}
        </p>
        {props.chrome.user ? null : (
          <div class="hero__actions">
            <a class="button button--primary" href="/register">
              {t('nav.register')}
            </a>
            <a class="button" href="/login">
              {t('nav.login')}
            </a>
          </div>
        )}
        {props.chrome.user ? null : (
          <ul class="hero__audiences">
            <li>{t('home.forParents')}</li>
            <li>{t('home.forStaff')}</li>
          </ul>
        )}
      </section>
      <section aria-labelledby="schools-title">
        <h2 id="schools-title">{t('home.schools')}</h2>
        {props.schools.length === 0 ? (
          <p class="empty">{t('home.noSchools')}</p>
        ) : (
          <ul class="school-grid">
            {props.schools.map((school) => (
              <li class="school-card" id={`school-${school.slug}`}>
                <p class="school-card__meta">
                  <span class="tag">{school.kindLabel}</span> {school.gradesLabel}
                </p>
                <h3 class="school-card__name">
                  <a href={`/s/${school.slug}`}>{school.name}</a>
                </h3>
                {school.termName ? <p class="school-card__term">{t('home.currentTerm', { term: school.termName })}</p> : null}
                <p class="school-card__counts">
                  {t('home.schoolCounts', { clubs: format.number(school.clubs), courses: format.number(school.courses) })}
                </p>
                {school.address ? <p class="school-card__address">{school.address}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
