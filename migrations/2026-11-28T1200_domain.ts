// The whole domain of DESIGN.md: schools, terms, offerings and their slots and meetings, people,
// sessions, enrollments, attendance, the notification outbox, the audit log and login throttling.
// Frozen in time: this file must never import application code.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  // Column types that differ by dialect; everything else is plain SQL both understand.
  const id = postgres ? sql`serial primary key` : sql`integer not null primary key autoincrement`;
  const instant = postgres ? sql`timestamptz` : sql`text`; // SQLite keeps ISO-8601 UTC text
  const json = postgres ? sql`jsonb` : sql`text`;

  await db.schema
    .createTable('schools')
    .addColumn('id', id)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('primary', 'middle')`))
    .addColumn('grade_min', 'integer', (c) => c.notNull())
    .addColumn('grade_max', 'integer', (c) => c.notNull())
    .addColumn('address_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addCheckConstraint('schools_grades', sql`grade_min between 1 and 12 and grade_max between grade_min and 12`)
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('phone', 'text', (c) => c.unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('parent', 'teacher', 'school_admin', 'district_admin')`),
    )
    .addColumn('school_id', 'integer', (c) => c.references('schools.id').onDelete('restrict'))
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('zh-CN').check(sql`lang in ('zh-CN', 'en')`))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('password_changed_at', instant, (c) => c.notNull())
    .addCheckConstraint('users_reachable', sql`email is not null or phone is not null`)
    .addCheckConstraint(
      'users_staff_school',
      // Teachers and school admins belong to one school; parents and district admins to none.
      sql`(role in ('teacher', 'school_admin')) = (school_id is not null)`,
    )
    .execute();
  await db.schema.createIndex('users_school').on('users').columns(['school_id', 'role']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull()) // SQLite lets a text primary key be null unless told
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', instant, (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('login_throttles')
    .addColumn('key', 'text', (c) => c.primaryKey().notNull()) // 'account:<login>' or 'address:<ip>'
    .addColumn('failures', 'integer', (c) => c.notNull().check(sql`failures >= 0`))
    .addColumn('window_started_at', instant, (c) => c.notNull())
    .addColumn('blocked_until', instant)
    .execute();

  await db.schema
    .createTable('terms')
    .addColumn('id', id)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('first_day', 'text', (c) => c.notNull()) // YYYY-MM-DD, the school's local calendar
    .addColumn('last_day', 'text', (c) => c.notNull())
    .addColumn('enrol_opens_at', instant, (c) => c.notNull())
    .addColumn('enrol_closes_at', instant, (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('first_come', 'lottery')`))
    .addColumn('course_limit', 'integer', (c) => c.notNull().check(sql`course_limit >= 1`))
    .addColumn('choice_limit', 'integer', (c) => c.notNull().defaultTo(3).check(sql`choice_limit >= 1`))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addCheckConstraint('terms_days', sql`last_day >= first_day`)
    .addCheckConstraint('terms_window', sql`enrol_closes_at > enrol_opens_at`)
    .execute();
  await db.schema.createIndex('terms_school_days').on('terms').columns(['school_id', 'first_day', 'last_day']).execute();

  await db.schema
    .createTable('term_holidays')
    .addColumn('term_id', 'integer', (c) => c.notNull().references('terms.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('term_holidays_pk', ['term_id', 'day'])
    .execute();

  await db.schema
    .createTable('offerings')
    .addColumn('id', id)
    .addColumn('term_id', 'integer', (c) => c.notNull().references('terms.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('club', 'course')`))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('description_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text')
    .addColumn('teacher_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('room', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 0`))
    .addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('grade_min', 'integer', (c) => c.notNull())
    .addColumn('grade_max', 'integer', (c) => c.notNull())
    .addColumn('fee_cents', 'integer', (c) => c.notNull().defaultTo(0).check(sql`fee_cents >= 0`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published', 'archived')`),
    )
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    // Invariant 1 in the schema itself: the seat counter can never pass the capacity.
    .addCheckConstraint('offerings_seats', sql`seats_taken >= 0 and seats_taken <= capacity`)
    .addCheckConstraint('offerings_grades', sql`grade_min between 1 and 12 and grade_max between grade_min and 12`)
    .addUniqueConstraint('offerings_term_code', ['term_id', 'code'])
    .execute();
  await db.schema.createIndex('offerings_term_status').on('offerings').columns(['term_id', 'status']).execute();
  await db.schema.createIndex('offerings_teacher').on('offerings').column('teacher_id').execute();

  await db.schema
    .createTable('offering_slots')
    .addColumn('id', id)
    .addColumn('offering_id', 'integer', (c) => c.notNull().references('offerings.id').onDelete('cascade'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`)) // ISO: 1 = Monday
    .addColumn('starts_at', 'text', (c) => c.notNull()) // HH:MM
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addCheckConstraint('offering_slots_order', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('offering_slots_offering').on('offering_slots').column('offering_id').execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', id)
    .addColumn('offering_id', 'integer', (c) => c.notNull().references('offerings.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('room', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('scheduled').check(sql`status in ('scheduled', 'cancelled', 'moved')`),
    )
    .addColumn('reason', 'text')
    .addColumn('moved_to_day', 'text')
    .addCheckConstraint('meetings_order', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('meetings_offering_day').on('meetings').columns(['offering_id', 'day']).execute();
  await db.schema.createIndex('meetings_day').on('meetings').column('day').execute();

  await db.schema
    .createTable('children')
    .addColumn('id', id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('restrict'))
    .addColumn('grade', 'integer', (c) => c.notNull().check(sql`grade between 1 and 12`))
    .addColumn('class_name', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('children_school').on('children').columns(['school_id', 'grade']).execute();

  await db.schema
    .createTable('guardianships')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('child_id', 'integer', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('guardianships_pk', ['user_id', 'child_id'])
    .execute();
  await db.schema.createIndex('guardianships_child').on('guardianships').column('child_id').execute();

  await db.schema
    .createTable('enrollments')
    .addColumn('id', id)
    .addColumn('offering_id', 'integer', (c) => c.notNull().references('offerings.id').onDelete('cascade'))
    .addColumn('child_id', 'integer', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('enrolled', 'waitlisted', 'requested', 'withdrawn')`),
    )
    .addColumn('waitlist_position', 'integer', (c) => c.check(sql`waitlist_position >= 1`))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    // Invariant 2: one row per child and offering; re-enrolling reuses it.
    .addUniqueConstraint('enrollments_offering_child', ['offering_id', 'child_id'])
    .addCheckConstraint(
      'enrollments_waitlist_position',
      sql`(status = 'waitlisted') = (waitlist_position is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('enrollments_offering_status')
    .on('enrollments')
    .columns(['offering_id', 'status', 'waitlist_position'])
    .execute();
  await db.schema.createIndex('enrollments_child').on('enrollments').columns(['child_id', 'status']).execute();

  await db.schema
    .createTable('attendance_marks')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('child_id', 'integer', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('mark', 'text', (c) => c.notNull().check(sql`mark in ('present', 'late', 'absent', 'excused')`))
    .addColumn('note', 'text')
    .addColumn('marked_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('marked_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_marks_pk', ['meeting_id', 'child_id'])
    .execute();
  await db.schema.createIndex('attendance_marks_child').on('attendance_marks').column('child_id').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', id)
    .addColumn('recipient_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', json, (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', instant, (c) => c.notNull())
    .addColumn('sent_at', instant)
    .addColumn('last_error', 'text')
    .addColumn('read_at', instant)
    .execute();
  await db.schema
    .createIndex('notifications_pending')
    .on('notifications')
    .columns(['sent_at', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('notifications_recipient')
    .on('notifications')
    .columns(['recipient_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', id)
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('school_id', 'integer', (c) => c.references('schools.id').onDelete('set null'))
    .addColumn('detail', json, (c) => c.notNull())
    .addColumn('at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_subject').on('audit_events').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('audit_events_school_at').on('audit_events').columns(['school_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_events',
    'notifications',
    'attendance_marks',
    'enrollments',
    'guardianships',
    'children',
    'meetings',
    'offering_slots',
    'offerings',
    'term_holidays',
    'terms',
    'login_throttles',
    'sessions',
    'users',
    'schools',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
