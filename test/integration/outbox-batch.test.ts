// The outbox's message to many children's guardians at once: each guardian gets the message about their own child,
// a child without guardians gets none, and every message is queued on every outside channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutbox } from '../../src/notify/outbox.ts';
import { createSchool, createUser } from '../support/app.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

for (const dialect of DIALECTS) {
  describe(`the outbox to many children's guardians on ${dialect}`, () => {
    let handle: TestDatabase;
    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
    });
    afterAll(() => handle.drop());

    it('writes one message per guardian about their child, and queues each on every channel', async () => {
      const school = await createSchool(handle, 'ash');
      const now = new Date().toISOString();
      const [mum, dad, aunt] = [await createUser(handle, { login: 'mum@example.com' }), await createUser(handle, { login: 'dad@example.com' }), await createUser(handle, { login: 'aunt@example.com' })];
      const child = async (name: string, guardians: number[]) => {
        const id = (await handle.db.insertInto('children').values({ name, school_id: school, grade: 2, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
        for (const guardian of guardians) await handle.db.insertInto('guardianships').values({ user_id: guardian, child_id: id, created_at: now }).execute();
        return id;
      };
      const both = await child('甲', [mum!, dad!]);
      const one = await child('乙', [aunt!]);
      const none = await child('丙', []);
      const outbox = createOutbox({ channels: ['email', 'webhook'], now: () => new Date('2026-12-04T10:00:00Z') });
      const about = (childId: number, childName: string) => ({ childId, payload: { childId, childName, school: '白蜡学校', schoolEn: 'Ash School', reason: 'switched' as const } });
      await handle.db.transaction().execute((trx) => outbox.toGuardiansOfEach(trx, 'child_unverified', [about(both, '甲'), about(one, '乙'), about(none, '丙')]));
      await handle.db.transaction().execute((trx) => outbox.toGuardiansOfEach(trx, 'child_unverified', []));

      const rows = await handle.db.selectFrom('notifications').select(['id', 'recipient_id', 'kind', 'payload']).orderBy('id').execute();
      const named = rows.map((row) => [row.recipient_id, (JSON.parse(typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload)) as { childName: string }).childName]);
      expect(named.sort()).toEqual([[mum, '甲'], [dad, '甲'], [aunt, '乙']].sort());
      expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(['child_unverified']));
      const deliveries = await handle.db.selectFrom('notification_deliveries').select(['notification_id', 'channel']).execute();
      expect(deliveries).toHaveLength(6);
      for (const row of rows) expect(deliveries.filter((delivery) => delivery.notification_id === row.id).map((delivery) => delivery.channel).sort()).toEqual(['email', 'webhook']);
    });
  });
}
