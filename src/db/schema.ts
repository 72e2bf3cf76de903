// The database as Kysely sees it: one interface per table, in the shape both dialects return.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

import type { AttendanceMark, ChildCheck, Day, EnrollmentStatus, Instant, Lang, MeetingStatus, OfferingKind, OfferingStatus, Role, SchoolKind, TermMode, TimeOfDay } from '../kernel/vocabulary.ts';

// The domain's words are the kernel's; the tables below use them.
export type { AttendanceMark, ChildCheck, Day, EnrollmentStatus, Instant, Lang, MeetingStatus, OfferingKind, OfferingStatus, Role, SchoolKind, TermMode, TimeOfDay };

/** JSON columns: jsonb on PostgreSQL (parsed by pg), text on SQLite; written as a JSON string. */
export type JsonColumn = ColumnType<unknown, string, string>;

export interface SchoolsTable {
  id: Generated<number>;
  slug: string;
  name_zh: string;
  name_en: string;
  kind: SchoolKind;
  grade_min: number;
  grade_max: number;
  address_zh: Generated<string>;
  address_en: Generated<string>;
  child_check: Generated<ChildCheck>;
  created_at: Instant;
}

export interface UsersTable {
  id: Generated<number>;
  name: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  role: Role;
  school_id: number | null;
  lang: Generated<Lang>;
  created_at: Instant;
  password_changed_at: Instant;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  expires_at: Instant;
  created_at: Instant;
  /** When the session was last used, to the minute (null: not since its login). */
  last_seen_at: Instant | null;
}

export interface LoginThrottlesTable {
  key: string;
  failures: number;
  window_started_at: Instant;
  blocked_until: Instant | null;
  /** When the row stops mattering (its window and wait are over) and may be deleted; null only on rows from before. */
  expires_at: Instant | null;
}

export interface TermsTable {
  id: Generated<number>;
  school_id: number;
  name_zh: string;
  name_en: string;
  first_day: Day;
  last_day: Day;
  enrol_opens_at: Instant;
  enrol_closes_at: Instant;
  mode: TermMode;
  course_limit: number;
  choice_limit: Generated<number>;
  created_at: Instant;
}

export interface TermHolidaysTable {
  term_id: number;
  day: Day;
  name_zh: Generated<string>;
  name_en: Generated<string>;
}

export interface OfferingsTable {
  id: Generated<number>;
  term_id: number;
  code: string;
  kind: OfferingKind;
  category: string;
  title_zh: string;
  title_en: string | null;
  description_zh: Generated<string>;
  description_en: string | null;
  teacher_id: number | null;
  room: Generated<string>;
  capacity: number;
  seats_taken: Generated<number>;
  grade_min: number;
  grade_max: number;
  fee_cents: Generated<number>;
  status: Generated<OfferingStatus>;
  created_at: Instant;
  updated_at: Instant;
  /** Why the school archived it while children held places in it (shown to them); null otherwise. */
  cancel_reason: string | null;
  cancelled_at: Instant | null;
}

export interface OfferingSlotsTable {
  id: Generated<number>;
  offering_id: number;
  weekday: number;
  starts_at: TimeOfDay;
  ends_at: TimeOfDay;
}

export interface MeetingsTable {
  id: Generated<number>;
  offering_id: number;
  day: Day;
  starts_at: TimeOfDay;
  ends_at: TimeOfDay;
  room: Generated<string>;
  status: Generated<MeetingStatus>;
  reason: string | null;
  moved_to_day: Day | null;
  /** An admin reopened the roll for corrections until then. */
  unlocked_until: Instant | null;
}

export interface ChildrenTable {
  id: Generated<number>;
  name: string;
  school_id: number;
  grade: number;
  class_name: string | null;
  /** The listed pupil this child is bound to (schools that check children against their pupil list). */
  pupil_id: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface PupilsTable {
  id: Generated<number>;
  school_id: number;
  number: string;
  name: string;
  /** The name as compared: NFKC, whitespace removed. */
  name_key: string;
  grade: number;
  class_name: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface GuardianshipsTable {
  user_id: number;
  child_id: number;
  created_at: Instant;
}

export interface EnrollmentsTable {
  id: Generated<number>;
  offering_id: number;
  child_id: number;
  status: EnrollmentStatus;
  waitlist_position: number | null;
  created_at: Instant;
  updated_at: Instant;
  /** A lottery request's rank among the child's choices (1 = first choice); null otherwise. */
  choice_rank: number | null;
}

export interface AttendanceMarksTable {
  meeting_id: number;
  child_id: number;
  mark: AttendanceMark;
  note: string | null;
  marked_by: number | null;
  marked_at: Instant;
  /** null: nobody was told; 'absent': the guardians were alarmed; 'cleared': a follow-up took it back. */
  alert_state: AbsenceAlertState | null;
  /** When a held first alarm reaches the guardians (the grace to correct a mis-tap); null when not held. */
  alert_due_at: Instant | null;
}

export type AbsenceAlertState = 'absent' | 'cleared';

/** A guardian's report ahead that the child will miss a meeting (请假); one per child and meeting. */
export interface AbsenceReportsTable {
  id: Generated<number>;
  child_id: number;
  meeting_id: number;
  reason: string;
  reported_by: number;
  created_at: Instant;
}

/** Someone a child's guardians allow to collect the child (接送人); at most five per child. */
export interface ChildCollectorsTable {
  id: Generated<number>;
  child_id: number;
  name: string;
  relation: string;
  phone: string;
  added_by: number | null;
  created_at: Instant;
}

/** The child's emergency note (allergies, medical needs), kept by its guardians; one per child. */
export interface ChildCareNotesTable {
  child_id: number;
  note: string;
  updated_by: number | null;
  updated_at: Instant;
}

export interface NotificationsTable {
  id: Generated<number>;
  recipient_id: number;
  kind: string;
  payload: JsonColumn;
  created_at: Instant;
  read_at: Instant | null;
  /** Held until this instant: no list, count or channel shows it before (null: at once). */
  not_before: Instant | null;
  /** Names a held message so the change that made it can withdraw it before it is due (e.g. absence:meeting:child). */
  hold_key: string | null;
}

export type DeliveryChannel = 'email' | 'webhook';

export interface NotificationDeliveriesTable {
  id: Generated<number>;
  notification_id: number;
  channel: DeliveryChannel;
  attempts: Generated<number>;
  next_attempt_at: Instant;
  claimed_until: Instant | null;
  sent_at: Instant | null;
  failed_at: Instant | null;
  last_error: string | null;
}

export interface GuardianInvitesTable {
  id: Generated<number>;
  child_id: number;
  code_hash: string;
  created_by: number;
  created_at: Instant;
  expires_at: Instant;
  used_by: number | null;
  used_at: Instant | null;
}

export interface LotteryEntriesTable {
  term_id: number;
  child_id: number;
  entry_number: number;
  created_at: Instant;
}

export interface LotteryDrawsTable {
  term_id: number;
  algorithm_version: number;
  seed: string;
  commitment: string;
  committed_at: Instant;
  public_value_source_zh: string;
  public_value_source_en: string;
  entries_json: string | null;
  entries_hash: string | null;
  frozen_at: Instant | null;
  public_value: string | null;
  drawn_at: Instant | null;
  drawn_by: number | null;
  result_json: string | null;
  /** The named 双色球 draw's instant, fixed at the freeze: the draw is refused before it. */
  public_draw_at: Instant | null;
  /** JSON array of entry numbers the draw skipped (their child was deleted after the freeze). */
  skipped_entries: string | null;
}

export interface CalendarFeedsTable {
  token: string;
  child_id: number;
  user_id: number;
  created_at: Instant;
}

export interface AuditEventsTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string;
  school_id: number | null;
  detail: JsonColumn;
  at: Instant;
}

export interface ChildConsentsTable {
  id: Generated<number>;
  child_id: number;
  user_id: number;
  /** The version of the privacy text (src/family/consent.policy.ts) the guardian ticked. */
  version: string;
  given_at: Instant;
}

export type DeletionRequestStatus = 'pending' | 'done';

export interface DeletionRequestsTable {
  id: Generated<number>;
  /** Null once carried out. */
  child_id: number | null;
  school_id: number;
  requested_by: number | null;
  reason: string | null;
  requested_at: Instant;
  status: Generated<DeletionRequestStatus>;
  done_at: Instant | null;
  done_by: number | null;
}

/** Marks that no longer say whose they were (an erased child, a purged term), counted per meeting. */
export interface AttendanceTalliesTable {
  meeting_id: number;
  mark: AttendanceMark;
  count: number;
}

/** An account the demo seed created (`npm run seed -- --replace` deletes only a database of such). */
export interface DemoAccountsTable {
  /** users.id */
  id: number;
}

/** A child the demo seed created. */
export interface DemoChildrenTable {
  /** children.id */
  id: number;
}

/** What an offering's teacher or school told its families (issue 22); names no child. */
export interface AnnouncementsTable {
  id: Generated<number>;
  offering_id: number;
  sender_id: number | null;
  text: string;
  /** 1 when the waitlisted children's guardians were told too. */
  to_waitlist: number;
  /** How many guardians were told. */
  recipients: number;
  created_at: Instant;
}

export interface Database {
  schools: SchoolsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttles: LoginThrottlesTable;
  terms: TermsTable;
  term_holidays: TermHolidaysTable;
  offerings: OfferingsTable;
  offering_slots: OfferingSlotsTable;
  meetings: MeetingsTable;
  children: ChildrenTable;
  pupils: PupilsTable;
  guardianships: GuardianshipsTable;
  enrollments: EnrollmentsTable;
  attendance_marks: AttendanceMarksTable;
  absence_reports: AbsenceReportsTable;
  child_collectors: ChildCollectorsTable;
  child_care_notes: ChildCareNotesTable;
  notifications: NotificationsTable;
  notification_deliveries: NotificationDeliveriesTable;
  guardian_invites: GuardianInvitesTable;
  calendar_feeds: CalendarFeedsTable;
  lottery_entries: LotteryEntriesTable;
  lottery_draws: LotteryDrawsTable;
  audit_events: AuditEventsTable;
  child_consents: ChildConsentsTable;
  deletion_requests: DeletionRequestsTable;
  attendance_tallies: AttendanceTalliesTable;
  demo_accounts: DemoAccountsTable;
  demo_children: DemoChildrenTable;
  announcements: AnnouncementsTable;
}

export type School = Selectable<SchoolsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Term = Selectable<TermsTable>;
export type Offering = Selectable<OfferingsTable>;
