// The process's settings: the environment parsed by zod, once, into a frozen Config.
import { z } from 'zod';

export type DatabaseTarget =
  | { readonly dialect: 'sqlite'; readonly path: string }
  | { readonly dialect: 'postgres'; readonly url: string };

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseTarget;
  readonly seedDemo: boolean;
  /** The public address (scheme + host) when the app is served behind a proxy, e.g. https://clubroll.example.cn */
  readonly publicOrigin: string | undefined;
  /** Proxies in front of the app that add to X-Forwarded-For (0: none; TRUST_PROXY=1 means one). */
  readonly trustProxy: number;
  readonly bodyLimitBytes: number;
  /** A session ends after this many days without use (the parents' limit; staff have a shorter one). */
  readonly sessionDays: number;
  /** A staff member's (teacher, school or district admin) session ends after this many minutes without use. */
  readonly staffIdleMinutes: number;
  /** No session lasts longer than this many days after its login, however much it is used. */
  readonly sessionMaxDays: number;
  readonly sqliteSynchronous: 'NORMAL' | 'FULL';
  /** SQLite: the Clubroll driver (src/db/sqlite/driver.ts) or Kysely's own SqliteDialect ('stock'). */
  readonly sqliteDriver: 'clubroll' | 'stock';
  /** The district's IANA time zone: what "today" and a meeting's time mean. */
  readonly timeZone: string;
  /** The district's name on the home page, in both languages. */
  readonly districtName: { readonly zh: string; readonly en: string };
  /** The footer's issuing authority (主办单位), contact and ICP filing number; each shown only when set. */
  readonly footer: { readonly authority?: string; readonly contact?: string; readonly icp?: string };
  /** Where notification e-mail goes out (SMTP), if anywhere. */
  readonly mail: { readonly url: string; readonly from: string } | undefined;
  /** A URL that receives every notification as a JSON POST (e.g. a school chat-group bot), if set. */
  readonly webhookUrl: string | undefined;
  /** Requests served at once by one process; beyond it the answer is a fast 503 "busy, retrying". */
  readonly maxInFlight: number;
  /** A request that waited longer than this for its turn (see src/http/turns.ts) gets the same fast 503. */
  readonly maxQueueMs: number;
  /** One JSON line per request on stdout (time, method, route pattern, status, ms — no personal data). */
  readonly logRequests: boolean;
  /** How long a worker's claim on a notification delivery lasts; after a crash another takes it over then. */
  readonly deliveryClaimSeconds: number;
  /** How long a first absence alarm waits before the guardians see it; a correction within it cancels the alarm. */
  readonly absenceAlertGraceSeconds: number;
  /** How long a school's catalogue read is shared between requests (milliseconds; 0 reads every time). */
  readonly catalogueCacheMs: number;
  /** Processes serving the port (node:cluster); 1 runs everything in this process. */
  readonly workers: number;
  /** The bearer token Prometheus sends for GET /metrics; unset, /metrics is not served (404). */
  readonly metricsToken: string | undefined;
  /** Children one account may hold (added or joined by code): made-up children must not hoard seats. */
  readonly childLimit: number;
  /** Days after a term's last day that its children's personal data are kept before `npm run purge` anonymises them. */
  readonly retentionDays: number;
  /** SQLite: the server's own scheduled backups (BACKUP_DIR), or undefined when off. */
  readonly backups: { readonly dir: string; readonly everyMs: number; readonly keep: number } | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_SQLITE_PATH = './data/clubroll.db';
/** A year after a term ends, its children's personal data go (`npm run purge`). */
export const DEFAULT_RETENTION_DAYS = 365;
/** Six children per account unless MAX_CHILDREN_PER_ACCOUNT says otherwise. */
export const DEFAULT_CHILD_LIMIT = 6;
/** Two minutes to take back a mis-tapped 缺勤 before any guardian hears of it. */
export const DEFAULT_ABSENCE_ALERT_GRACE_SECONDS = 120;

const flag = z.enum(['0', '1'], { error: 'must be 0 or 1' });

/** A whole number of `unit` between `min` and `max`, with a default when unset. */
function wholeNumber(unit: string, min: number, max: number, fallback: number) {
  return z
    .string()
    .regex(/^\d+$/, `must be a whole number of ${unit}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .default(fallback);
}

const environmentSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { error: 'must be development, production or test' })
    .default('development'),
  PORT: z
    .string()
    .regex(/^\d+$/, 'must be a whole number from 0 to 65535')
    .transform(Number)
    .pipe(z.number().max(65535, 'must be a whole number from 0 to 65535'))
    .default(3000),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  SEED_DEMO: flag.optional(),
  PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) origin such as https://clubroll.example.cn' })
    .transform((value) => new URL(value).origin)
    .optional(),
  TRUST_PROXY: wholeNumber('trusted proxy hops (0: no proxy)', 0, 10, 0),
  BODY_LIMIT_KB: wholeNumber('kilobytes', 1, Number.MAX_SAFE_INTEGER, 1024),
  SESSION_DAYS: wholeNumber('days', 1, 365, 30),
  SESSION_STAFF_IDLE_MINUTES: wholeNumber('minutes', 5, 525_600, 480),
  SESSION_MAX_DAYS: wholeNumber('days', 1, 3650, 90),
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL'], { error: 'must be NORMAL or FULL' }).default('NORMAL'),
  SQLITE_DRIVER: z.enum(['clubroll', 'stock'], { error: "must be clubroll (the default) or stock (Kysely's own SqliteDialect)" }).default('clubroll'),
  DISTRICT_NAME: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters').default('云溪高新区'),
  DISTRICT_AUTHORITY: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters').optional(),
  DISTRICT_CONTACT: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters').optional(),
  ICP_NUMBER: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters').optional(),
  DISTRICT_NAME_EN: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters').default('Yunxi Hi-Tech Zone'),
  LOG_REQUESTS: flag.optional(),
  DELIVERY_CLAIM_SECONDS: wholeNumber('seconds', 1, 3600, 300),
  ABSENCE_ALERT_GRACE_SECONDS: wholeNumber('seconds', 0, 3600, DEFAULT_ABSENCE_ALERT_GRACE_SECONDS),
  CATALOGUE_CACHE_MS: wholeNumber('milliseconds', 0, 60_000, 1000),
  WORKERS: wholeNumber('processes', 1, 64, 1),
  RETENTION_DAYS: wholeNumber('days', 30, 3650, DEFAULT_RETENTION_DAYS),
  MAX_CHILDREN_PER_ACCOUNT: wholeNumber('children', 1, 50, DEFAULT_CHILD_LIMIT),
  MAX_IN_FLIGHT: wholeNumber('requests', 1, 100_000, 256),
  METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{16,256}$/, 'must be 16 to 256 printable characters without spaces (e.g. from `openssl rand -hex 32`)').optional(),
  MAX_QUEUE_MS: wholeNumber('milliseconds', 50, 60_000, 1000),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.cn:587' }).optional(),
  MAIL_FROM: z.string().trim().min(3, 'must be an address such as "课后云 <noreply@clubroll.example.cn>"').default('Clubroll <noreply@clubroll.invalid>'),
  NOTIFY_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  BACKUP_DIR: z.string().trim().min(1, 'must be a folder, e.g. ./backups').optional(),
  BACKUP_EVERY_HOURS: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a number of hours such as 24 or 0.5')
    .transform(Number)
    .pipe(z.number().min(0.0001, 'must be at least 0.0001').max(8760, 'must be at most 8760'))
    .default(24),
  BACKUP_KEEP: wholeNumber('backups', 1, 1000, 14),
  TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai')
    .default('Asia/Shanghai'),
});

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  if (url === undefined || url.trim() === '') return { dialect: 'sqlite', path: DEFAULT_SQLITE_PATH };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new ConfigError('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:data/clubroll.db');
    return { dialect: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  const scheme = url.split(':')[0] ?? url;
  throw new ConfigError(
    `DATABASE_URL: unsupported scheme "${scheme}:" — use sqlite:path/to/file.db or postgres://user:password@host/database`,
  );
}

/** Parses the environment; throws ConfigError naming every bad setting in one line. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const given = environment[name];
      return `${name}: ${issue.message}${given === undefined ? '' : ` (got "${given}")`}`;
    });
    throw new ConfigError(problems.join('; '));
  }
  const values = parsed.data;
  const database = parseDatabaseUrl(values.DATABASE_URL);
  const seedDemo =
    values.SEED_DEMO === undefined
      ? database.dialect === 'sqlite' && values.NODE_ENV !== 'production'
      : values.SEED_DEMO === '1';
  return Object.freeze({
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    database,
    seedDemo,
    publicOrigin: values.PUBLIC_ORIGIN,
    trustProxy: values.TRUST_PROXY,
    bodyLimitBytes: values.BODY_LIMIT_KB * 1024,
    sessionDays: values.SESSION_DAYS,
    staffIdleMinutes: values.SESSION_STAFF_IDLE_MINUTES,
    sessionMaxDays: values.SESSION_MAX_DAYS,
    sqliteSynchronous: values.SQLITE_SYNCHRONOUS,
    sqliteDriver: values.SQLITE_DRIVER,
    timeZone: values.TIME_ZONE,
    districtName: Object.freeze({ zh: values.DISTRICT_NAME, en: values.DISTRICT_NAME_EN }),
    footer: Object.freeze({
      ...(values.DISTRICT_AUTHORITY ? { authority: values.DISTRICT_AUTHORITY } : {}),
      ...(values.DISTRICT_CONTACT ? { contact: values.DISTRICT_CONTACT } : {}),
      ...(values.ICP_NUMBER ? { icp: values.ICP_NUMBER } : {}),
    }),
    mail: values.SMTP_URL ? Object.freeze({ url: values.SMTP_URL, from: values.MAIL_FROM }) : undefined,
    webhookUrl: values.NOTIFY_WEBHOOK_URL,
    maxInFlight: values.MAX_IN_FLIGHT,
    maxQueueMs: values.MAX_QUEUE_MS,
    workers: values.WORKERS,
    retentionDays: values.RETENTION_DAYS,
    childLimit: values.MAX_CHILDREN_PER_ACCOUNT,
    metricsToken: values.METRICS_TOKEN,
    catalogueCacheMs: values.CATALOGUE_CACHE_MS,
    deliveryClaimSeconds: values.DELIVERY_CLAIM_SECONDS,
    absenceAlertGraceSeconds: values.ABSENCE_ALERT_GRACE_SECONDS,
    backups: values.BACKUP_DIR
      ? Object.freeze({ dir: values.BACKUP_DIR, everyMs: Math.round(values.BACKUP_EVERY_HOURS * 3_600_000), keep: values.BACKUP_KEEP })
      : undefined,
    logRequests: values.LOG_REQUESTS === undefined ? values.NODE_ENV === 'production' : values.LOG_REQUESTS === '1',
  });
}
