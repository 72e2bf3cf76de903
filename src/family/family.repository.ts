// Kysely queries for children and the guardians who look after them.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export function childrenOfGuardian(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('guardianships')
    .innerJoin('children', 'children.id', 'guardianships.child_id')
    .innerJoin('schools', 'schools.id', 'children.school_id')
    .selectAll('children')
    .select(['schools.name_zh as school_name_zh', 'schools.name_en as school_name_en', 'schools.slug as school_slug'])
    .where('guardianships.user_id', '=', userId)
    .orderBy('children.created_at')
    .orderBy('children.id')
    .execute();
}

/** The child, only if this user is one of its guardians. */
export function childOfGuardian(db: Kysely<Database>, userId: number, childId: number) {
  return db
    .selectFrom('guardianships')
    .innerJoin('children', 'children.id', 'guardianships.child_id')
    .selectAll('children')
    .where('guardianships.user_id', '=', userId)
    .where('children.id', '=', childId)
    .executeTakeFirst();
}

export function schoolByIdOrSlug(db: Kysely<Database>, text: string) {
  const query = db.selectFrom('schools').selectAll();
  return (/^\d{1,9}$/.test(text) ? query.where('id', '=', Number(text)) : query.where('slug', '=', text)).executeTakeFirst();
}
