// The district portrait groups every place of the shown terms by child (issue 23). The (offering_id, status,
// waitlist_position) index now also carries child_id and choice_rank, so that pass reads the index alone instead
// of one table row per place; it still serves every lookup the narrower one did. Frozen in time: this file must
// never import application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('enrollments_offering_status_child')
    .on('enrollments')
    .columns(['offering_id', 'status', 'waitlist_position', 'child_id', 'choice_rank'])
    .execute();
  await db.schema.dropIndex('enrollments_offering_status').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('enrollments_offering_status').on('enrollments').columns(['offering_id', 'status', 'waitlist_position']).execute();
  await db.schema.dropIndex('enrollments_offering_status_child').execute();
}
