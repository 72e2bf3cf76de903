// The domain's words as types, shared by every layer: days and times as text, roles, languages and the states of
// terms, offerings, meetings, places and marks. The database schema and the views both speak them.

/** ISO-8601 UTC instant, e.g. 2026-11-28T08:30:00.000Z (timestamptz on PostgreSQL, text on SQLite). */
export type Instant = string;
/** A calendar day in the school's local calendar, YYYY-MM-DD. */
export type Day = string;
/** A time of day, HH:MM. */
export type TimeOfDay = string;
export type Role = 'parent' | 'teacher' | 'school_admin' | 'district_admin';
export type Lang = 'zh-CN' | 'en';
export type SchoolKind = 'primary' | 'middle';
/** How a school checks the children parents add: against its pupil list, or not at all. */
export type ChildCheck = 'open' | 'pupil_list';
export type TermMode = 'first_come' | 'lottery';
export type OfferingKind = 'club' | 'course';
export type OfferingStatus = 'draft' | 'published' | 'archived';
export type MeetingStatus = 'scheduled' | 'cancelled' | 'moved';
export type EnrollmentStatus = 'enrolled' | 'waitlisted' | 'requested' | 'withdrawn';
export type AttendanceMark = 'present' | 'late' | 'absent' | 'excused';

/** What a child's roll adds up to in one offering: meetings marked, each mark's count, and the attendance rate. */
export interface AttendanceTally {
  meetings: number;
  present: number;
  late: number;
  absent: number;
  excused: number;
  /** Attended (present or late) out of the meetings that were not excused; null before any such meeting. */
  rate: number | null;
}
