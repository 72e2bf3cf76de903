// createApp(deps): the middleware order, the error pages, and every feature mounted. No environment, no port.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import { announcementRoutes } from './announcements/announcements.routes.tsx';
import { createAnnouncementsService } from './announcements/announcements.service.ts';
import { attendanceRoutes } from './attendance/attendance.routes.tsx';
import { createAttendanceService } from './attendance/attendance.service.ts';
import { hoursRoutes } from './attendance/hours.routes.tsx';
import { createHoursService } from './attendance/hours.service.ts';
import { leaveRoutes } from './attendance/leave.routes.tsx';
import { createLeaveService } from './attendance/leave.service.ts';
import { auditRoutes } from './audit/audit.routes.tsx';
import { createAuditLogService } from './audit/audit.service.ts';
import { createAuthService } from './auth/auth.service.ts';
import { authRoutes } from './auth/auth.routes.tsx';
import { createLucia } from './auth/lucia.ts';
import type { SessionUseRecorder } from './auth/session-use.ts';
import { sessionMiddleware } from './auth/session.middleware.ts';
import { lifetimeFromSettings } from './auth/session.policy.ts';
import type { Clock } from './kernel/clock.ts';
import { type Config, DEFAULT_CHILD_LIMIT, DEFAULT_RETENTION_DAYS } from './config.ts';
import { isDatabaseBusy } from './db/handle.ts';
import { type ReadAside, readInPlace } from './db/read-aside.ts';
import type { Database } from './db/schema.ts';
import { type BackupStatus, healthRoutes } from './health/health.routes.ts';
import { renderJsxWithoutAsyncHooks } from './http/jsx-context.ts';
import type { AppEnv } from './http/app-env.ts';
import { busyPage, errorPage } from './http/pages.tsx';
import { TooManyFieldsError } from './http/forms.ts';
import { limitBody } from './http/body.ts';
import { isSecure } from './http/request-facts.ts';
import { answerBusy, shedLoad } from './http/load-shedding.ts';
import { type Metrics, bearerMatches } from './metrics/metrics.ts';
import { crossSiteGuard, securityHeaders } from './http/security.ts';
import { createLanguages, langFromAcceptLanguage, DEFAULT_LANG } from './i18n/i18n.ts';
import { MESSAGES } from './messages.ts';
import { i18nMiddleware } from './i18n/i18n.middleware.ts';
import { catalogueAdminRoutes } from './catalogue/admin.routes.ts';
import { createImportService } from './catalogue/import.service.ts';
import { createMeetingsService } from './catalogue/meetings.service.ts';
import { createOfferingsService } from './catalogue/offerings.service.ts';
import { createTermsService } from './catalogue/terms.service.ts';
import { catalogueRoutes } from './catalogue/catalogue.routes.tsx';
import { createCatalogueService } from './catalogue/catalogue.service.ts';
import { createEnrollmentService } from './enrollment/enrollment.service.ts';
import { enrolPanelFor, enrollmentRoutes } from './enrollment/enrollment.routes.tsx';
import { rosterRoutes } from './enrollment/roster.routes.tsx';
import { createRosterService } from './enrollment/roster.service.ts';
import { createCareService } from './family/care.service.ts';
import { createFamilyService } from './family/family.service.ts';
import { familyRoutes } from './family/family.routes.tsx';
import { privacyRoutes } from './privacy/privacy.routes.tsx';
import { createPrivacyService } from './privacy/privacy.service.ts';
import { lotteryRoutes } from './lottery/lottery.routes.tsx';
import { createLotteryService } from './lottery/lottery.service.ts';
import { createOutbox } from './notify/outbox.ts';
import { deliveryChannels } from './notify/channels.ts';
import { notificationRoutes } from './notify/notify.routes.tsx';
import { createNotificationsService } from './notify/notify.service.ts';
import { pupilImportRoutes } from './pupils/import.routes.tsx';
import { createPupilImportService } from './pupils/import.service.ts';
import { childCheckRoutes } from './pupils/child-check.routes.tsx';
import { createChildCheckService } from './pupils/child-check.service.ts';
import { pupilsRoutes } from './pupils/pupils.routes.tsx';
import { createPupilsService } from './pupils/pupils.service.ts';
import { homeRoutes } from './schools/home.routes.tsx';
import { createSchoolsService } from './schools/schools.service.ts';
import { districtRoutes } from './district/district.routes.tsx';
import { createDistrictService } from './district/district.service.ts';

export interface AppDeps {
  db: Kysely<Database>;
  config: Pick<Config, 'publicOrigin' | 'trustProxy' | 'bodyLimitBytes' | 'sessionDays' | 'staffIdleMinutes' | 'sessionMaxDays' | 'timeZone' | 'env' | 'districtName' | 'mail' | 'webhookUrl' | 'maxInFlight' | 'maxQueueMs' | 'logRequests' | 'catalogueCacheMs'> &
    Partial<Pick<Config, 'retentionDays' | 'metricsToken' | 'childLimit' | 'absenceAlertGraceSeconds' | 'footer'>>;
  clock: Clock;
  /** Where unexpected errors go; never given passwords or session ids. */
  logError?: (error: unknown, context: { method: string; path: string }) => void;
  /** Told after every request that may have written to the outbox (any non-GET), so delivery starts at once. */
  kickDelivery?: () => void;
  /** Prometheus metrics (GET /metrics) and request logs; absent in most tests. */
  metrics?: Metrics;
  /** The age of the newest good scheduled backup, for /healthz (main.ts, when BACKUP_DIR is set). */
  backupStatus?: () => BackupStatus;
  /** Batches the sessions' last-use writes (main.ts); without it each is written during its request. */
  sessionUse?: SessionUseRecorder;
  /** Where the district's figures are computed (main.ts: reader threads on SQLite); else on the database's executor. */
  readAside?: ReadAside;
}

/** Seconds a "busy" answer asks the browser to wait before it tries again (Retry-After). */
const BUSY_RETRY_SECONDS = 2;

const STATIC_DIR = fileURLToPath(new URL('../static', import.meta.url));
const HTMX_FILE = createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js');

export function createApp(deps: AppDeps) {
  renderJsxWithoutAsyncHooks();
  const { db, config, clock } = deps;
  const facts = { publicOrigin: config.publicOrigin, trustProxy: config.trustProxy };
  const lucia = createLucia(db, { sessionDays: config.sessionDays, clock });
  const auth = createAuthService({ db, lucia, clock, lifetime: lifetimeFromSettings(config), ...(deps.sessionUse ? { sessionUse: deps.sessionUse } : {}) });
  const languages = createLanguages(MESSAGES, config.timeZone);
  const schools = createSchoolsService({ db, clock, timeZone: config.timeZone });
  const catalogue = createCatalogueService({ db, clock, timeZone: config.timeZone, cacheMs: config.catalogueCacheMs });
  const family = createFamilyService({ db, clock, timeZone: config.timeZone, childLimit: config.childLimit ?? DEFAULT_CHILD_LIMIT });
  const outbox = createOutbox({ channels: deliveryChannels(config), now: () => clock.now() });
  const catalogueAdmin = {
    terms: createTermsService({ db, clock, timeZone: config.timeZone }),
    offerings: createOfferingsService({ db, clock, timeZone: config.timeZone, outbox }),
    meetings: createMeetingsService({ db, clock, timeZone: config.timeZone, outbox }),
    imports: createImportService({ db, clock, timeZone: config.timeZone, outbox }),
  };
  const pupilImports = createPupilImportService({ db, clock, outbox });
  const notifications = createNotificationsService({ db, clock });
  const enrollment = createEnrollmentService({ db, clock, outbox });
  const roster = createRosterService({ db, clock, outbox });
  const announcements = createAnnouncementsService({ db, clock, outbox });
  const attendance = createAttendanceService({ db, clock, timeZone: config.timeZone, outbox, absenceAlertGraceSeconds: config.absenceAlertGraceSeconds ?? 0 });
  const leave = createLeaveService({ db, clock, timeZone: config.timeZone });
  const lottery = createLotteryService({ db, clock, timeZone: config.timeZone, outbox });
  const pupils = createPupilsService({ db, clock, outbox });
  const childCheck = createChildCheckService({ db, clock, outbox, onChildCheckChanged: (school) => catalogue.forgetSchool(school.slug) });
  const auditLog = createAuditLogService({ db, timeZone: config.timeZone });
  const privacy = createPrivacyService({ db, clock, timeZone: config.timeZone, outbox });
  const logError =
    deps.logError ??
    ((error, context) => console.error(`${context.method} ${context.path} failed:`, error instanceof Error ? error.stack : error));

  const app = new Hono<AppEnv>();

  const site = { ...(config.footer ?? {}), publicOrigin: config.publicOrigin };
  app.use(async function requestFacts(c, next) {
    c.set('site', site);
    c.set('secure', isSecure(c, facts));
    // A history restore (back button) wants the whole page even though htmx asks for it.
    c.set('htmx', c.req.header('hx-request') === 'true' && c.req.header('hx-history-restore-request') !== 'true');
    await next();
  });
  app.use(securityHeaders());
  const kickDelivery = deps.kickDelivery;
  if (kickDelivery) {
    app.use(async function kickDeliveryAfterWrites(c, next) {
      await next();
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD') kickDelivery();
    });
  }

  const staticCache = config.env === 'production' ? 'public, max-age=86400' : 'no-cache';
  app.get(
    '/static/htmx.min.js',
    async (c, next) => {
      c.header('Cache-Control', staticCache);
      await next();
    },
    serveStatic({ path: HTMX_FILE }),
  );
  app.use(
    '/static/*',
    async (c, next) => {
      c.header('Cache-Control', staticCache);
      await next();
    },
    serveStatic({ root: STATIC_DIR, rewriteRequestPath: (path) => path.replace(/^\/static/, '') }),
  );
  const metrics = deps.metrics;
  if (metrics) {
    app.use(metrics.middleware({ log: config.logRequests }));
    // Only for whoever holds METRICS_TOKEN (Prometheus' `authorization` setting); to everyone else it does not exist.
    const metricsToken = config.metricsToken;
    app.get('/metrics', async (c, next) => {
      if (!metricsToken || !bearerMatches(c.req.header('authorization'), metricsToken)) return next();
      return c.text(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
    });
  }
  app.route('/', healthRoutes({ db, ...(deps.backupStatus ? { backupStatus: deps.backupStatus } : {}) }));
  // "Busy, try again in a moment": for load shedding, before the session and language are known (the browser's
  // language, no database work at all), and for a database that could not take the request (onError below).
  // A page answered before the session and language middleware ran: the browser's language, nobody signed in.
  const withoutSession = <E extends AppEnv>(c: Context<E>) => {
    if (!c.get('i18n')) c.set('i18n', languages(langFromAcceptLanguage(c.req.header('accept-language')) ?? DEFAULT_LANG));
    if (c.get('user') === undefined) c.set('user', null);
  };
  const busy = <E extends AppEnv>(c: Context<E>) => {
    withoutSession(c);
    if (c.get('htmx')) return c.html(`<p class="notice notice--info" role="status">${c.get('i18n').t('error.busy.body')}</p>`, 503);
    return busyPage(c, BUSY_RETRY_SECONDS);
  };
  app.use(shedLoad({ maxInFlight: config.maxInFlight, maxQueueMs: config.maxQueueMs, retryAfterSeconds: BUSY_RETRY_SECONDS, busy }));

  app.use(sessionMiddleware(auth));
  app.use(i18nMiddleware(languages));
  app.use(crossSiteGuard(facts, (c) => errorPage(c, 403, ['error.crossSite.title', 'error.crossSite.body'])));
  app.use(limitBody({ maxSize: config.bodyLimitBytes, onError: (c) => errorPage(c as never, 413) }));
  app.use(async function unreadNotifications(c, next) {
    // One indexed count for the header badge; htmx fragments have no header, so they skip it.
    const user = c.get('user');
    c.set('unreadNotifications', user && !c.get('htmx') ? await notifications.unreadCount(user.id) : null);
    await next();
  });

  app.route('/', homeRoutes({ schools, districtName: config.districtName }));
  app.route('/', catalogueRoutes({ catalogue, enrolPanelFor: enrolPanelFor(enrollment), announcementsFor: announcements.pastAnnouncements }));
  app.route('/', enrollmentRoutes({ enrollment, addChoice: lottery.addChoice, recordOutcome: metrics?.recordEnrollment }));
  app.route('/', rosterRoutes({ roster }));
  app.route('/', attendanceRoutes({ attendance }));
  app.route('/', leaveRoutes({ leave }));
  app.route('/', hoursRoutes({ hours: createHoursService({ db, clock, timeZone: config.timeZone }) }));
  app.route('/', announcementRoutes({ announcements }));
  app.route('/', lotteryRoutes({ lottery, schools }));
  app.route('/', auditRoutes({ auditLog }));
  app.route('/', districtRoutes({ district: createDistrictService({ db, reads: deps.readAside ?? readInPlace(db), clock, timeZone: config.timeZone }) }));
  app.route('/', notificationRoutes({ notifications }));
  app.route('/', catalogueAdminRoutes({ ...catalogueAdmin, timeZone: config.timeZone }));
  app.route('/', pupilsRoutes({ pupils, childCheck }));
  app.route('/', childCheckRoutes({ childCheck }));
  app.route('/', pupilImportRoutes({ imports: pupilImports, maxBodyBytes: config.bodyLimitBytes }));
  app.route('/', authRoutes({ auth, schools, facts, sessionSettings: config }));
  app.route(
    '/',
    familyRoutes({
      family,
      care: createCareService({ db, clock }),
      schools,
      // What the child page shows of attendance and privacy: their functions, so family imports neither.
      sources: { childRecord: attendance.childRecord, childLeave: leave.childLeave, dataStatus: privacy.dataStatus, requestDeletion: privacy.requestDeletion },
      facts,
      timeZone: config.timeZone,
      languages,
    }),
  );
  app.route('/', privacyRoutes({ privacy, retentionDays: config.retentionDays ?? DEFAULT_RETENTION_DAYS }));

  app.notFound((c) => errorPage(c, 404));
  app.onError((error, c) => {
    // Not a failure: the database had no room for the request just now, and nothing was written.
    if (isDatabaseBusy(error)) return answerBusy(c, BUSY_RETRY_SECONDS, busy);
    if (error instanceof TooManyFieldsError) {
      withoutSession(c);
      return errorPage(c, 413, ['error.tooManyFields.title', 'error.tooManyFields.body']);
    }
    logError(error, { method: c.req.method, path: c.req.path });
    // The failure may have come before the language was chosen (e.g. the database is down).
    withoutSession(c);
    return errorPage(c, 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
