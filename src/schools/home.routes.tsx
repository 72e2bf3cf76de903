// GET /: the district's schools with this term's clubs and courses.
import { Hono } from 'hono';
import { HomePage } from '../../views/pages/home.tsx';
import type { AppEnv } from '../http/app-env.ts';
import { chromeFor, respond } from '../http/pages.tsx';
import type { SchoolsService } from './schools.service.ts';

export function homeRoutes(deps: { schools: SchoolsService; districtName: { zh: string; en: string } }) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const { t, lang } = c.get('i18n');
    const english = lang === 'en';
    const summaries = await deps.schools.summaries();
    const cards = summaries.map(({ school, term, clubs, courses }) => ({
      slug: school.slug,
      name: english ? school.name_en : school.name_zh,
      kindLabel: t(`school.kind.${school.kind}`),
      gradesLabel: t('school.grades', { min: school.grade_min, max: school.grade_max }),
      address: english ? school.address_en : school.address_zh,
      termName: term ? (english ? term.name_en : term.name_zh) : null,
      clubs,
      courses,
    }));
    const districtName = english ? deps.districtName.en : deps.districtName.zh;
    return respond(c, { page: () => <HomePage chrome={chromeFor(c)} districtName={districtName} schools={cards} /> });
  });
  return app;
}
