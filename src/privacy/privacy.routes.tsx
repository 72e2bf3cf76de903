// HTTP for children's data: the privacy text (GET /privacy), a guardian's export of a child's data
// (GET /children/:id/export.json) and the school admins' deletion requests (GET /admin/deletions,
// POST /admin/deletions/:id with a confirm step). Parse, call the service, render.
import { Hono } from 'hono';
import { z } from 'zod';
import { DeletionRequestsPage, PrivacyPage } from '../../views/pages/privacy.tsx';
import { requireAdmin, requireRole } from '../http/guards.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseForm, textField } from '../http/forms.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import type { Context } from 'hono';
import { CONSENT_VERSION } from '../family/consent.policy.ts';
import type { Actor } from '../kernel/roles.ts';
import type { PrivacyService } from './privacy.service.ts';
import { parseId } from '../kernel/ids.ts';

const confirmSchema = z.object({ confirm: textField(3, { optional: true }).optional() });

export function privacyRoutes(deps: { privacy: PrivacyService; retentionDays: number }) {
  const { privacy } = deps;
  const app = new Hono<AppEnv>();
  const admins = requireAdmin();
  const parents = requireRole(['parent'], (c, status) => errorPage(c, status));

  app.get('/privacy', (c) => respond(c, { page: () => <PrivacyPage chrome={chromeFor(c)} version={CONSENT_VERSION} retentionDays={deps.retentionDays} /> }));

  /** Everything the platform holds about the child, as a JSON file, for its guardians only. */
  app.get('/children/:id/export.json', parents, ids('id'), async (c) => {
    const { id } = c.req.valid('param');
    const data = await privacy.exportChild(c.get('user').id, id);
    if (!data) return errorPage(c, 404);
    c.header('Cache-Control', 'private, no-store');
    c.header('Content-Disposition', `attachment; filename="clubroll-child-${id}.json"`);
    return c.body(JSON.stringify(data, null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  async function renderRequests<E extends AppEnv>(c: Context<E>, actor: Actor, options: { confirming?: number; notice?: string }, status: 200 | 404 = 200) {
    const requests = await privacy.pending(actor);
    if (!requests) return errorPage(c, 404);
    const { t, format, pick } = c.get('i18n');
    // The names of children asking to be forgotten are shown only to the admins who carry it out, and are not cached.
    c.header('Cache-Control', 'private, no-store');
    return respond(
      c,
      {
        page: () => (
          <DeletionRequestsPage
            chrome={chromeFor(c, '/admin/deletions')}
            confirming={options.confirming ?? null}
            notice={options.notice}
            requests={requests.map((request) => ({
              id: request.id,
              childName: request.child_name,
              details: request.class_name ? `${t('family.gradeN', { grade: request.grade })} · ${request.class_name}` : t('family.gradeN', { grade: request.grade }),
              school: pick(request.school_name_zh, request.school_name_en),
              requestedAt: format.dateTime(new Date(request.requested_at)),
              reason: request.reason,
              enrollments: Number(request.active_enrollments ?? 0),
            }))}
          />
        ),
      },
      status,
    );
  }

  app.get('/admin/deletions', admins, async (c) => {
    const done = parseId(c.req.query('done'));
    return renderRequests(c, c.get('user'), done === null ? {} : { notice: c.get('i18n').t('privacy.admin.done', { id: done }) });
  });

  app.post('/admin/deletions/:id', admins, ids('id'), async (c) => {
    const { id: requestId } = c.req.valid('param');
    const actor = c.get('user');
    if (!(await privacy.pendingRequest(actor, requestId))) return errorPage(c, 404);
    const parsed = await parseForm(c, confirmSchema);
    // The confirm step: the same list, asking first.
    if (!(parsed.ok && parsed.data.confirm === 'yes')) return renderRequests(c, actor, { confirming: requestId });
    const result = await privacy.carryOut(actor, requestId);
    if (!result.ok) return errorPage(c, 404);
    return c.redirect(`/admin/deletions?done=${requestId}`, 303);
  });

  return app;
}
