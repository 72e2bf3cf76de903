// Every feature's words, gathered at the composition root: the one module that imports them all.
import { announceMessages } from './announcements/announcements.messages.ts';
import { attendanceMessages } from './attendance/attendance.messages.ts';
import { hoursMessages } from './attendance/hours.messages.ts';
import { leaveMessages } from './attendance/leave.messages.ts';
import { auditVocabularyMessages } from './audit/audit-vocabulary.messages.ts';
import { auditMessages } from './audit/audit.messages.ts';
import { authMessages } from './auth/auth.messages.ts';
import { sessionsMessages } from './auth/sessions.messages.ts';
import { catalogueMessages } from './catalogue/catalogue.messages.ts';
import { enrollmentMessages } from './enrollment/enrollment.messages.ts';
import { rosterMessages } from './enrollment/roster.messages.ts';
import { careMessages } from './family/care.messages.ts';
import { familyMessages } from './family/family.messages.ts';
import { districtMessages } from './district/district.messages.ts';
import { commonMessages } from './i18n/common.messages.ts';
import { type Catalogues, mergeMessages } from './i18n/i18n.ts';
import type { MessageKey } from './kernel/messages.ts';
import { lotteryMessages } from './lottery/lottery.messages.ts';
import { notifyMessages } from './notify/notify.messages.ts';
import { privacyMessages } from './privacy/privacy.messages.ts';
import { childCheckMessages } from './pupils/child-check.messages.ts';
import { pupilsImportMessages } from './pupils/pupils-import.messages.ts';
import { pupilsMessages } from './pupils/pupils.messages.ts';
import { schoolsMessages } from './schools/schools.messages.ts';

const FEATURES = [
  commonMessages,
  authMessages,
  sessionsMessages,
  schoolsMessages,
  catalogueMessages,
  pupilsMessages,
  pupilsImportMessages,
  childCheckMessages,
  enrollmentMessages,
  rosterMessages,
  familyMessages,
  careMessages,
  attendanceMessages,
  leaveMessages,
  hoursMessages,
  announceMessages,
  lotteryMessages,
  notifyMessages,
  auditMessages,
  auditVocabularyMessages,
  privacyMessages,
  districtMessages,
] as const;

type KeysOf<Feature> = Feature extends { zh: infer Texts } ? keyof Texts : never;
type Gathered = KeysOf<(typeof FEATURES)[number]>;
// Every key a feature declares is gathered here, and nothing else: a feature left out of the list fails to compile.
const complete: [MessageKey] extends [Gathered] ? ([Gathered] extends [MessageKey] ? true : never) : never = true;
void complete;

export const MESSAGES: Catalogues = mergeMessages(FEATURES);
