// HTTP for leave ahead (请假): a guardian reports (POST /children/:id/absences) or withdraws
// (POST /children/:id/absences/:absenceId/withdraw). htmx gets the leave card back, a plain form a 303 to the page.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { Layout } from '../../views/layout.tsx';
import { type LeaveFormField, LeaveSection, type LeaveView } from '../../views/pages/leave.tsx';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm, textField, translateErrors } from '../http/forms.ts';
import { requireRole } from '../http/guards.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import { leaveRequest } from './leave.policy.ts';
import type { LeaveService } from './leave.service.ts';

const optionalText = textField(20, { optional: true }).optional();
const leaveSchema = z.object({ meeting: optionalText, from: optionalText, to: optionalText, reason: textField(200) });

export function leaveRoutes(deps: { leave: LeaveService }) {
  const { leave } = deps;
  const app = new Hono<AppEnv>();
  const parents = requireRole(['parent'], (c, status) => errorPage(c, status));

  /** The leave card alone (htmx) or on a page of its own (a plain form that came back with an answer). */
  async function renderCard<E extends AppEnv>(c: Context<E>, childId: number, extra: Pick<LeaveView, 'values' | 'errors' | 'message'>, status: 200 | 422) {
    const i18n = c.get('i18n');
    const found = await leave.childLeave(c.get('user').id, childId, i18n.lang);
    if (!found) return errorPage(c, 404);
    const view: LeaveView = { ...found, ...extra };
    return respond(
      c,
      {
        page: () => (
          <Layout chrome={chromeFor(c, `/children/${childId}`)} title={i18n.t('leave.title')}>
            <p class="breadcrumb">
              <a href={`/children/${childId}`}>←</a>
            </p>
            <LeaveSection i18n={i18n} leave={view} />
          </Layout>
        ),
        fragment: () => <LeaveSection i18n={i18n} leave={view} />,
      },
      status,
    );
  }

  app.post('/children/:id/absences', parents, ids('id'), async (c) => {
    const { id } = c.req.valid('param');
    const i18n = c.get('i18n');
    const userId = c.get('user').id;
    const parsed = await parseForm(c, leaveSchema);
    const values = parsed.values as Partial<Record<LeaveFormField, string>>;
    const request = leaveRequest(parsed.ok ? parsed.data : { meeting: values.meeting, from: values.from, to: values.to });
    if (!parsed.ok || !request.ok) {
      // Someone else's child answers 404 whatever the form says.
      if (!(await leave.childLeave(userId, id, i18n.lang))) return errorPage(c, 404);
      const errors = { ...(request.ok ? {} : translateErrors(i18n, request.errors)), ...(parsed.ok ? {} : translateErrors(i18n, parsed.errors)) };
      return renderCard(c, id, { values, errors }, 422);
    }
    const result = await leave.report(userId, id, request.request, parsed.data.reason.trim());
    if (!result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (!result.ok) return renderCard(c, id, { values, errors: translateErrors(i18n, result.errors) }, 422);
    if (!c.get('htmx')) return c.redirect(`/children/${id}#leave`, 303);
    return renderCard(c, id, { message: { kind: 'success', text: i18n.t('leave.done', { count: result.reported }) } }, 200);
  });

  app.post('/children/:id/absences/:absenceId/withdraw', parents, ids('id', 'absenceId'), async (c) => {
    const { id, absenceId } = c.req.valid('param');
    const i18n = c.get('i18n');
    const result = await leave.withdraw(c.get('user').id, id, absenceId);
    if (!result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (!result.ok) return renderCard(c, id, { message: { kind: 'error', text: i18n.t('leave.error.tooLate') } }, 422);
    if (!c.get('htmx')) return c.redirect(`/children/${id}#leave`, 303);
    return renderCard(c, id, { message: { kind: 'success', text: i18n.t('leave.withdrawn') } }, 200);
  });

  return app;
}
