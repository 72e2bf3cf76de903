import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('defaults to port 3000, SQLite under ./data and the demo seed', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ dialect: 'sqlite', path: './data/clubroll.db' });
    expect(config.seedDemo).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes the district name shown on the home page, in both languages', () => {
    expect(loadConfig({}).districtName).toEqual({ zh: '云溪高新区', en: 'Yunxi Hi-Tech Zone' });
    expect(loadConfig({ DISTRICT_NAME: '高新区', DISTRICT_NAME_EN: 'Hi-Tech Zone' }).districtName).toEqual({ zh: '高新区', en: 'Hi-Tech Zone' });
    expect(() => loadConfig({ DISTRICT_NAME: ' ' })).toThrow(/DISTRICT_NAME: must not be empty/);
  });

  it("takes the footer's issuing authority, contact and filing number, each only when set", () => {
    expect(loadConfig({}).footer).toEqual({});
    expect(loadConfig({ DISTRICT_AUTHORITY: '云溪高新区教育局', DISTRICT_CONTACT: '0571-8888 1234', ICP_NUMBER: '浙ICP备12345678号-1' }).footer).toEqual({
      authority: '云溪高新区教育局',
      contact: '0571-8888 1234',
      icp: '浙ICP备12345678号-1',
    });
    expect(() => loadConfig({ ICP_NUMBER: ' ' })).toThrow(/ICP_NUMBER: must not be empty/);
    expect(() => loadConfig({ DISTRICT_AUTHORITY: '局'.repeat(81) })).toThrow(/DISTRICT_AUTHORITY: must be at most 80 characters/);
  });

  it('serves /metrics only with METRICS_TOKEN, a token of at least 16 printable characters', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'a'.repeat(32) }).metricsToken).toBe('a'.repeat(32));
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be 16 to 256 printable characters/);
    expect(() => loadConfig({ METRICS_TOKEN: 'has a space in it, sixteen+' })).toThrow(ConfigError);
  });

  it('takes TRUST_PROXY as the number of trusted proxy hops: 0 (none, the default), 1 for one proxy, up to 10', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY: must be a whole number of trusted proxy hops/);
    expect(() => loadConfig({ TRUST_PROXY: '11' })).toThrow(/TRUST_PROXY: must be at most 10/);
  });

  it('lets one account hold six children unless MAX_CHILDREN_PER_ACCOUNT says otherwise (1 to 50)', () => {
    expect(loadConfig({}).childLimit).toBe(6);
    expect(loadConfig({ MAX_CHILDREN_PER_ACCOUNT: '10' }).childLimit).toBe(10);
    expect(() => loadConfig({ MAX_CHILDREN_PER_ACCOUNT: '0' })).toThrow(/MAX_CHILDREN_PER_ACCOUNT: must be at least 1/);
  });

  it('names a bad value clearly', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(new ConfigError('PORT: must be a whole number from 0 to 65535 (got "abc")'));
    expect(() => loadConfig({ SEED_DEMO: 'yes' })).toThrow(/SEED_DEMO: must be 0 or 1/);
    expect(() => loadConfig({ TIME_ZONE: 'Mars/Olympus' })).toThrow(/TIME_ZONE/);
  });

  it('keeps ended terms’ personal data a year by default, RETENTION_DAYS days when set (30 to 3650)', () => {
    expect(loadConfig({}).retentionDays).toBe(365);
    expect(loadConfig({ RETENTION_DAYS: '730' }).retentionDays).toBe(730);
    expect(() => loadConfig({ RETENTION_DAYS: '7' })).toThrow(/RETENTION_DAYS: must be at least 30/);
    expect(() => loadConfig({ RETENTION_DAYS: 'a year' })).toThrow(/RETENTION_DAYS: must be a whole number of days/);
  });

  it('takes backups only when BACKUP_DIR is set: every 24 hours, the newest 14 kept, unless told otherwise', () => {
    expect(loadConfig({}).backups).toBeUndefined();
    expect(loadConfig({ BACKUP_DIR: '/var/backups/clubroll' }).backups).toEqual({ dir: '/var/backups/clubroll', everyMs: 86_400_000, keep: 14 });
    expect(loadConfig({ BACKUP_DIR: 'b', BACKUP_EVERY_HOURS: '0.5', BACKUP_KEEP: '3' }).backups).toEqual({ dir: 'b', everyMs: 1_800_000, keep: 3 });
    expect(() => loadConfig({ BACKUP_DIR: 'b', BACKUP_EVERY_HOURS: 'daily' })).toThrow(/BACKUP_EVERY_HOURS: must be a number of hours/);
    expect(() => loadConfig({ BACKUP_DIR: 'b', BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP: must be at least 1/);
  });

  it('picks the database from DATABASE_URL and refuses other schemes', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:tmp/other.db' }).database).toEqual({ dialect: 'sqlite', path: 'tmp/other.db' });
    expect(loadConfig({ DATABASE_URL: 'sqlite:/var/lib/clubroll.db' }).database).toEqual({ dialect: 'sqlite', path: '/var/lib/clubroll.db' });
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/clubroll' }).database.dialect).toBe('postgres');
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@db/clubroll' }).database.dialect).toBe('postgres');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:p@db/clubroll' })).toThrow(/unsupported scheme "mysql:"/);
  });

  it("runs SQLite on the Clubroll driver unless SQLITE_DRIVER=stock picks Kysely's own, and names a bad value", () => {
    expect(loadConfig({}).sqliteDriver).toBe('clubroll');
    expect(loadConfig({ SQLITE_DRIVER: 'stock' }).sqliteDriver).toBe('stock');
    expect(loadConfig({ SQLITE_DRIVER: 'clubroll' }).sqliteDriver).toBe('clubroll');
    expect(() => loadConfig({ SQLITE_DRIVER: 'kysely' })).toThrow(/SQLITE_DRIVER: must be clubroll \(the default\) or stock .*\(got "kysely"\)/);
  });

  it('never seeds PostgreSQL or production unless SEED_DEMO=1 says so', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/x' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: '1' }).seedDemo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/x', SEED_DEMO: '1' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: '0' }).seedDemo).toBe(false);
  });

  it('keeps parents signed in for 30 idle days, staff for 8 idle hours, nobody past 90 days', () => {
    const config = loadConfig({});
    expect([config.sessionDays, config.staffIdleMinutes, config.sessionMaxDays]).toEqual([30, 480, 90]);
    const set = loadConfig({ SESSION_DAYS: '7', SESSION_STAFF_IDLE_MINUTES: '60', SESSION_MAX_DAYS: '30' });
    expect([set.sessionDays, set.staffIdleMinutes, set.sessionMaxDays]).toEqual([7, 60, 30]);
    expect(() => loadConfig({ SESSION_STAFF_IDLE_MINUTES: '1' })).toThrow(/SESSION_STAFF_IDLE_MINUTES: must be at least 5/);
    expect(() => loadConfig({ SESSION_MAX_DAYS: 'forever' })).toThrow(/SESSION_MAX_DAYS: must be a whole number of days/);
  });
});
