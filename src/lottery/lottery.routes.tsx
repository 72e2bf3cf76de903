// HTTP for lottery terms: the public page and export, a child's ranked choices, and the admin's draw.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { type ChoiceView, ChoiceList, ChoicesPage, LotteryPage, type LotteryPageView } from '../../views/pages/lottery.tsx';
import { requireAdmin, requireRole } from '../http/guards.ts';
import { canManageSchool } from '../kernel/roles.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm, textField, translateErrors } from '../http/forms.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import type { MessageKey } from '../kernel/messages.ts';
import type { SchoolsService } from '../schools/schools.service.ts';
import type { DrawRefusal } from './lottery.policy.ts';
import type { LotteryService } from './lottery.service.ts';

const drawSchema = z.object({ public_value: textField(200) });

const DRAW_REFUSAL: Record<Exclude<DrawRefusal['reason'], 'before_public_draw'>, MessageKey> = {
  not_closed: 'lottery.error.notClosed',
  already_drawn: 'lottery.error.alreadyDrawn',
  no_public_value: 'lottery.error.noPublicValue',
  public_value_form: 'lottery.error.publicValueForm',
};

function drawRefusalText(i18n: AppEnv['Variables']['i18n'], refusal: DrawRefusal): string {
  if (refusal.reason === 'before_public_draw') return i18n.t('lottery.error.beforePublicDraw', { at: i18n.format.dateTime(refusal.drawAt) });
  return i18n.t(DRAW_REFUSAL[refusal.reason]);
}

export function lotteryRoutes(deps: { lottery: LotteryService; schools: SchoolsService }) {
  const { lottery, schools } = deps;
  const app = new Hono<AppEnv>();
  const parents = requireRole(['parent'], (c, status) => errorPage(c, status));
  const admins = requireAdmin();

  async function pageView<E extends AppEnv>(c: Context<E>, schoolId: number, slug: string, drawForm?: { value: string; error?: string }): Promise<LotteryPageView | null> {
    const found = await lottery.publicView(schoolId);
    if (!found) return null;
    const { term, draw, stage, entries, results, offerings, publicDrawAt } = found;
    const { format, pick } = c.get('i18n');
    const user = c.get('user');
    const demand = await lottery.demandOf(term.id);
    const school = await schools.find(schoolId);
    const adminHere = user && canManageSchool(user, term.school_id);
    return {
      schoolName: pick(school!.name_zh, school!.name_en),
      schoolSlug: slug,
      termName: pick(term.name_zh, term.name_en),
      stage,
      opensAt: format.dateTime(term.enrol_opens_at),
      closesAt: format.dateTime(term.enrol_closes_at),
      publicDrawAt: format.dateTime(publicDrawAt),
      drawnAt: draw?.drawn_at ? format.dateTime(draw.drawn_at) : null,
      commitment: draw?.commitment ?? null,
      publicValueSource: draw ? pick(draw.public_value_source_zh, draw.public_value_source_en) : null,
      entries,
      entriesHash: draw?.entries_hash ?? null,
      seed: draw?.drawn_at ? draw.seed : null,
      publicValue: draw?.public_value ?? null,
      algorithmVersion: draw?.drawn_at ? draw.algorithm_version : null,
      offerings: offerings.map((offering) => ({
        code: offering.code,
        title: pick(offering.title_zh, offering.title_en),
        seats: results?.[offering.code]?.seats ?? [],
        waitlist: results?.[offering.code]?.waitlist ?? [],
        demand: demand.get(offering.id) ?? 0,
        capacity: offering.capacity,
      })),
      yourEntries: user?.role === 'parent' ? (await lottery.entriesOfParent(user.id, term.id)).map((row) => ({ child: row.name, number: row.entry_number, position: row.position })) : [],
      drawForm: adminHere && stage === 'closed' ? { termId: term.id, value: drawForm?.value ?? '', error: drawForm?.error } : null,
    };
  }

  app.get('/s/:school/lottery', async (c) => {
    const school = await schools.bySlug(c.req.param('school'));
    if (!school) return errorPage(c, 404);
    const view = await pageView(c, school.id, school.slug);
    if (view && c.req.query('drawn') === '1' && view.stage === 'drawn') {
      const counts = { seated: 0, waitlisted: 0 };
      for (const offering of view.offerings) {
        counts.seated += offering.seats.length;
        counts.waitlisted += offering.waitlist.length;
      }
      view.notice = c.get('i18n').t('lottery.draw.done', { ...counts, unplaced: Math.max(0, (view.entries ?? 0) - new Set(view.offerings.flatMap((offering) => [...offering.seats, ...offering.waitlist])).size) });
    }
    return respond(c, { page: () => <LotteryPage chrome={chromeFor(c)} view={view} schoolName={c.get('i18n').pick(school.name_zh, school.name_en)} /> });
  });

  app.get('/s/:school/lottery/export.json', async (c) => {
    const school = await schools.bySlug(c.req.param('school'));
    const exported = school ? await lottery.exportOf(school.id) : null;
    if (!exported) return c.json({ error: 'not_found' }, 404);
    c.header('Cache-Control', 'no-cache');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Content-Disposition', `attachment; filename="${school!.slug}-lottery.json"`);
    return c.json(exported);
  });

  app.post('/admin/terms/:termId/lottery/draw', admins, ids('termId'), async (c) => {
    const { termId } = c.req.valid('param');
    const parsed = await parseForm(c, drawSchema);
    const outcome = await lottery.draw(c.get('user'), termId, parsed.ok ? parsed.data.public_value : '');
    if (!outcome.ok && outcome.reason === 'not_found') return errorPage(c, 404);
    const school = await lottery.schoolOfTerm(termId);
    if (!school) return errorPage(c, 404);
    if (outcome.ok) return c.redirect(`/s/${school.slug}/lottery?drawn=1`, 303);
    const error = !parsed.ok ? Object.values(translateErrors(c.get('i18n'), parsed.errors))[0] : drawRefusalText(c.get('i18n'), outcome.refusal);
    const view = await pageView(c, school.id, school.slug, { value: parsed.values.public_value ?? '', ...(error ? { error } : {}) });
    if (view && !view.drawForm) view.error = error;
    return respond(c, { page: () => <LotteryPage chrome={chromeFor(c, `/s/${school.slug}/lottery`)} view={view} schoolName={c.get('i18n').pick(school.name_zh, school.name_en)} /> }, outcome.refusal.reason === 'already_drawn' ? 409 : 422);
  });

  async function choicesView<E extends AppEnv>(c: Context<E>, parentId: number, childId: number) {
    const found = await lottery.choicesOf(parentId, childId);
    if (!found) return null;
    const { pick } = c.get('i18n');
    const choices: ChoiceView[] = found.choices.map((choice) => ({ enrollmentId: choice.id, offeringId: choice.offering_id, title: pick(choice.title_zh, choice.title_en), rank: choice.choice_rank ?? 0 }));
    return { found, choices, editable: found.stage === 'open' };
  }

  app.get('/children/:id/choices', parents, ids('id'), async (c) => {
    const view = await choicesView(c, c.get('user').id, c.req.valid('param').id);
    if (!view) return errorPage(c, 404);
    const { found } = view;
    const school = await schools.find(found.child.school_id);
    return respond(c, {
      page: () => (
        <ChoicesPage
          chrome={chromeFor(c)}
          childId={found.child.id}
          childName={found.child.name}
          schoolSlug={school!.slug}
          termName={found.term ? c.get('i18n').pick(found.term.name_zh, found.term.name_en) : null}
          limit={found.term?.choice_limit ?? 0}
          entryNumber={found.entry?.entry_number ?? null}
          editable={view.editable}
          choices={view.choices}
        />
      ),
    });
  });

  for (const action of ['up', 'down', 'remove'] as const) {
    app.post(`/choices/:id/${action}`, parents, ids('id'), async (c) => {
      const { id } = c.req.valid('param');
      const parentId = c.get('user').id;
      const result = action === 'remove' ? await lottery.removeChoice(parentId, id) : await lottery.moveChoice(parentId, id, action);
      if (!result.ok && result.reason === 'not_found') return errorPage(c, 404);
      const childId = result.ok ? result.childId : await lottery.childOfChoice(id);
      if (!c.get('htmx')) return c.redirect(`/children/${childId}/choices`, 303);
      const view = await choicesView(c, parentId, childId!);
      if (!view) return errorPage(c, 404);
      return c.html(
        <ChoiceList i18n={c.get('i18n')} childId={childId!} choices={view.choices} editable={view.editable} message={result.ok ? undefined : c.get('i18n').t('lottery.choices.closed')} />,
        result.ok ? 200 : 422,
      );
    });
  }

  return app;
}
