// HTTP for the audit log: GET /admin/audit with filters, for school admins (their school) and the district admin.
import { Hono } from 'hono';
import { z } from 'zod';
import { AuditPage, SUBJECT_TYPES } from '../../views/pages/audit.tsx';
import { requireAdmin } from '../http/guards.ts';
import type { AppEnv } from '../http/app-env.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import type { AuditLogService } from './audit.service.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));
const filterSchema = z.object({
  action: z.string().regex(/^[a-z_]+\.$/).optional(),
  subject_type: z.enum(SUBJECT_TYPES).optional(),
  subject_id: z.string().regex(/^\d{1,12}$/).optional(),
  from: day.optional(),
  to: day.optional(),
  before: z.string().regex(/^\d{1,12}$/).optional(),
});

export function auditRoutes(deps: { auditLog: AuditLogService }) {
  const app = new Hono<AppEnv>();
  const admins = requireAdmin();

  app.get('/admin/audit', admins, async (c) => {
    // Empty fields mean "any"; a value that cannot be read is reported and ignored.
    const query = Object.fromEntries(Object.entries(c.req.query()).filter(([, value]) => value !== ''));
    const parsed = filterSchema.safeParse(query);
    const filters = parsed.success ? parsed.data : {};
    const page = await deps.auditLog.page(c.get('user'), {
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.subject_type ? { subjectType: filters.subject_type } : {}),
      ...(filters.subject_id ? { subjectId: filters.subject_id } : {}),
      ...(filters.from ? { fromDay: filters.from } : {}),
      ...(filters.to ? { toDay: filters.to } : {}),
      ...(filters.before ? { beforeId: Number(filters.before) } : {}),
    });
    if (!page) return errorPage(c, 404);
    const i18n = c.get('i18n');
    const { t, format } = i18n;
    // The log keeps codes; a person reads words (a code the vocabulary does not know shows as it is).
    const words = (key: string, code: string) => (i18n.isKey(key) ? t(key) : code);
    const older = page.more === null ? null : new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([key]) => key !== 'before')), before: String(page.more) });
    return respond(
      c,
      {
        page: () => (
          <AuditPage
            chrome={chromeFor(c)}
            invalid={!parsed.success}
            families={page.families.map((family) => ({ value: family, label: words(`audit.family.${family.replace(/\.$/, '')}`, family) }))}
            subjectTypes={SUBJECT_TYPES.map((type) => ({ value: type, label: words(`audit.subject.${type}`, type) }))}
            filters={{ action: filters.action ?? '', subjectType: filters.subject_type ?? '', subjectId: filters.subject_id ?? '', from: filters.from ?? '', to: filters.to ?? '' }}
            events={page.events.map((event) => ({
              at: format.dateTime(event.at),
              actor: event.actor_name ? `${event.actor_name}（${t(`role.${event.actor_role!}`)}）` : t('audit.system'),
              action: words(`audit.action.${event.action}`, event.action),
              code: event.action,
              subject: `${words(`audit.subject.${event.subject_type}`, event.subject_type)} #${event.subject_id}`,
              detail: summarise(event.detail, words),
            }))}
            olderHref={older ? `/admin/audit?${older}` : null}
          />
        ),
      },
      parsed.success ? 200 : 400,
    );
  });

  return app;
}

/**
 * The detail object as "key: value" pairs (JSON text on SQLite, already parsed on PostgreSQL), the keys and the
 * staff read's view in words where the vocabulary has them.
 */
function summarise(detail: unknown, words: (key: string, code: string) => string): string {
  const value = typeof detail === 'string' ? safeParse(detail) : detail;
  if (!value || typeof value !== 'object') return '';
  return Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => {
      const text = key === 'view' && typeof item === 'string' ? words(`audit.view.${item}`, item) : typeof item === 'object' ? JSON.stringify(item) : String(item);
      return `${words(`audit.detail.${key}`, key)}: ${text}`;
    })
    .join(' · ');
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
