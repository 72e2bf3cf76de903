// The list of migrations, by timestamped name. Imported statically so every runtime (tsx, vitest) loads them
// the same way; a test fails if a migration file in this folder is missing here.
import type { Migration } from 'kysely';
import * as domain from './2026-11-28T1200_domain.ts';
import * as familyAndDelivery from './2026-11-29T0900_family_and_delivery.ts';
import * as attendance from './2026-11-29T1000_attendance.ts';
import * as lottery from './2026-11-29T1100_lottery.ts';
import * as sessions from './2026-11-30T0900_sessions.ts';
import * as privacy from './2026-11-30T1000_privacy.ts';
import * as frozenLottery from './2026-12-04T1200_frozen_lottery.ts';
import * as throttleExpiry from './2026-12-04T1300_throttle_expiry.ts';
import * as demoSeedRows from './2026-12-04T1400_demo_seed_rows.ts';
import * as pupilLists from './2026-12-04T1500_pupil_lists.ts';
import * as leave from './2026-12-04T2000_leave.ts';
import * as announcements from './2026-12-04T2010_announcements.ts';
import * as alertGrace from './2026-12-04T2020_alert_grace.ts';
import * as childCare from './2026-12-04T2030_child_care.ts';
import * as marksByMeeting from './2026-12-04T2100_marks_by_meeting.ts';
import * as enrollmentsByOfferingCovering from './2026-12-05T0000_enrollments_by_offering_covering.ts';
import * as placeAtOnce from './2026-12-05T0000_place_at_once.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-28T1200_domain': domain,
  '2026-11-29T0900_family_and_delivery': familyAndDelivery,
  '2026-11-29T1000_attendance': attendance,
  '2026-11-29T1100_lottery': lottery,
  '2026-11-30T0900_sessions': sessions,
  '2026-11-30T1000_privacy': privacy,
  '2026-12-04T1200_frozen_lottery': frozenLottery,
  '2026-12-04T1300_throttle_expiry': throttleExpiry,
  '2026-12-04T1400_demo_seed_rows': demoSeedRows,
  '2026-12-04T1500_pupil_lists': pupilLists,
  '2026-12-04T2000_leave': leave,
  '2026-12-04T2010_announcements': announcements,
  '2026-12-04T2020_alert_grace': alertGrace,
  '2026-12-04T2030_child_care': childCare,
  '2026-12-04T2100_marks_by_meeting': marksByMeeting,
  '2026-12-05T0000_enrollments_by_offering_covering': enrollmentsByOfferingCovering,
  '2026-12-05T0000_place_at_once': placeAtOnce,
};
