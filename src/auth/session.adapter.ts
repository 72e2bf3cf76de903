// Lucia's storage adapter over Kysely, so sessions live in our own database on either dialect.
import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia';
import type { Kysely } from 'kysely';
import { preparedQuery } from '../db/prepared.ts';
import type { Database } from '../db/schema.ts';

export interface SessionUserRow {
  name: string;
  role: Database['users']['role'];
  school_id: number | null;
  lang: 'zh-CN' | 'en';
  email: string | null;
  phone: string | null;
  school_name_zh: string | null;
  school_name_en: string | null;
}

const sessionWithUser = preparedQuery(1, (db, sessionId: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('schools', 'schools.id', 'users.school_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.expires_at',
      'sessions.created_at',
      'sessions.last_seen_at',
      'users.name',
      'users.role',
      'users.school_id',
      'users.lang',
      'users.email',
      'users.phone',
      'schools.name_zh as school_name_zh',
      'schools.name_en as school_name_en',
    ])
    .where('sessions.id', '=', sessionId),
);

export class KyselySessionAdapter implements Adapter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  /** Runs on every request that carries a cookie, so it is compiled once (see src/db/prepared.ts). */
  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = (await sessionWithUser(this.db, sessionId)).rows[0];
    if (!row) return [null, null];
    const session: DatabaseSession = {
      id: row.id,
      userId: row.user_id,
      expiresAt: new Date(row.expires_at),
      attributes: { created_at: row.created_at, last_seen_at: row.last_seen_at },
    };
    const user: DatabaseUser = {
      id: row.user_id,
      attributes: {
        name: row.name,
        role: row.role,
        school_id: row.school_id,
        lang: row.lang,
        email: row.email,
        phone: row.phone,
        school_name_zh: row.school_name_zh,
        school_name_en: row.school_name_en,
      },
    };
    return [session, user];
  }

  async getUserSessions(userId: number): Promise<DatabaseSession[]> {
    const rows = await this.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).execute();
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      expiresAt: new Date(row.expires_at),
      attributes: { created_at: row.created_at, last_seen_at: row.last_seen_at },
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        expires_at: session.expiresAt.toISOString(),
        created_at: session.attributes.created_at ?? this.now().toISOString(),
        last_seen_at: session.attributes.last_seen_at ?? session.attributes.created_at ?? this.now().toISOString(),
      })
      .execute();
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ expires_at: expiresAt.toISOString() }).where('id', '=', sessionId).execute();
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  }

  async deleteUserSessions(userId: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', this.now().toISOString()).execute();
  }
}
