// GET /: the district's schools with this term's clubs and courses.
import { Hono } from 'hono';
import { HomePage } from '../../views/pages/home.tsx';
import type { AppEnv } from '../http/app-env.ts';
import { chromeFor, respond } from '../http/pages.tsx';
import type { SchoolsService } from './schools.service.ts';

export function homeRoutes(deps: { schools: SchoolsService; districtName: { zh: string; en: string } }) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const { t, pick } = c.get('i18n');
    const summaries = await deps.schools.summaries();
    const cards = summaries.map(({ school, term, clubs, courses }) => ({
      slug: school.slug,
      name: pick(school.name_zh, school.name_en),
      kindLabel: t(`school.kind.${school.kind}`),
      gradesLabel: t('school.grades', { min: school.grade_min, max: school.grade_max }),
      address: pick(school.address_zh, school.address_en),
      termName: term ? pick(term.name_zh, term.name_en) : null,
      clubs,
      courses,
    }));
    const districtName = pick(deps.districtName.zh, deps.districtName.en);
    return respond(c, { page: () => <HomePage chrome={chromeFor(c)} districtName={districtName} schools={cards} /> });
  });
  return app;
}
