// The audit log's vocabulary in both languages: every kind of event (recordAudit accepts only these), the families
// the filter offers, the subjects, and the views a staff read names. The log keeps the codes; people read these.
const ACTIONS = {
  'account.registered': ['注册账号', 'Account registered'],
  'account.password_changed': ['修改密码', 'Password changed'],
  'account.other_sessions_ended': ['退出其他设备', 'Other devices signed out'],
  'account.sessions_ended': ['让账号退出所有登录', 'All sessions of an account ended'],
  'announcement.sent': ['发送课程通知', 'Announcement sent'],
  'attendance.unlocked': ['解锁点名', 'Roll unlocked'],
  'calendar_feed.created': ['开通日历订阅', 'Calendar feed created'],
  'calendar_feed.renewed': ['更换日历订阅链接', 'Calendar feed renewed'],
  'calendar_feed.revoked': ['停用日历订阅', 'Calendar feed revoked'],
  'care.collector_added': ['添加接送人', 'Collector added'],
  'care.collector_removed': ['删除接送人', 'Collector removed'],
  'care.note_saved': ['修改紧急备注', 'Emergency note changed'],
  'catalogue.imported': ['导入课程', 'Catalogue imported'],
  'child.added': ['添加孩子', 'Child added'],
  'child.updated': ['修改孩子资料', 'Child updated'],
  'child.exported': ['导出孩子资料', 'Child data exported'],
  'child.deletion_requested': ['申请删除孩子资料', 'Deletion requested'],
  'child.erased': ['删除孩子资料', 'Child data erased'],
  'child.pupil_matched': ['孩子与学生名单匹配', 'Child matched with the pupil list'],
  'child.pupil_unbound': ['解除孩子与学生名单的匹配', 'Child unmatched from the pupil list'],
  'children.pupils_matched': ['批量匹配学生名单', 'Children matched with the pupil list'],
  'child_records.read': ['查看孩子资料', "Children's records read"],
  'enrollment.enrolled': ['报名成功', 'Enrolled'],
  'enrollment.waitlisted': ['加入候补', 'Waitlisted'],
  'enrollment.withdrawn': ['退课', 'Withdrawn'],
  'enrollment.promoted': ['候补递补', 'Promoted from the waitlist'],
  'guardian.invite_created': ['生成家长邀请码', 'Guardian invitation created'],
  'guardian.invite_used': ['使用家长邀请码', 'Guardian invitation used'],
  'guardian.removed': ['移除家长', 'Guardian removed'],
  'leave.reported': ['请假', 'Leave reported'],
  'leave.withdrawn': ['撤销请假', 'Leave withdrawn'],
  'lottery.choice_added': ['填报抽签志愿', 'Lottery choice added'],
  'lottery.drawn': ['抽签', 'Lottery drawn'],
  'meeting.cancel': ['取消一次课', 'Session cancelled'],
  'meeting.move': ['调课', 'Session moved'],
  'meeting.reinstate': ['恢复一次课', 'Session reinstated'],
  'offering.created': ['新建课程', 'Offering created'],
  'offering.draft': ['课程改为草稿', 'Offering back to draft'],
  'offering.published': ['发布课程', 'Offering published'],
  'offering.archived': ['归档课程', 'Offering archived'],
  'offering.updated': ['修改课程', 'Offering updated'],
  'offering.duplicated': ['复制课程', 'Offering copied'],
  'privacy.purged': ['按保存期限清理', 'Retention purge'],
  'pupil.added': ['添加学生', 'Pupil added'],
  'pupil.updated': ['修改学生', 'Pupil updated'],
  'pupil.removed': ['移除学生', 'Pupil removed'],
  'pupils.imported': ['导入学生名单', 'Pupil list imported'],
  'pupils.promoted': ['学生升年级', 'Pupils promoted'],
  'roster.added': ['学校添加学生到课程', 'Added to a roster'],
  'roster.removed': ['学校将学生移出课程', 'Removed from a roster'],
  'roster.moved': ['学校为学生调课', 'Moved to another offering'],
  'school.child_check_changed': ['更改孩子核验方式', 'Child check changed'],
  'staff.account_opened': ['开通教职工账号', 'Staff account opened'],
  'teacher_message.sent': ['老师联系家长', 'Teacher messaged guardians'],
  'term.created': ['新建学期', 'Term created'],
  'term.updated': ['修改学期', 'Term updated'],
} as const satisfies Record<string, readonly [string, string]>;

export type AuditAction = keyof typeof ACTIONS;
type Family = AuditAction extends infer A ? (A extends `${infer F}.${string}` ? F : never) : never;

const FAMILIES: Record<Family, readonly [string, string]> = {
  account: ['账号', 'Accounts'],
  announcement: ['课程通知', 'Announcements'],
  attendance: ['点名', 'Roll'],
  calendar_feed: ['日历订阅', 'Calendar feeds'],
  care: ['接送与紧急联系', 'Collection and emergencies'],
  catalogue: ['课程导入', 'Catalogue imports'],
  child: ['孩子资料', 'Children'],
  children: ['批量匹配', 'Matching'],
  child_records: ['查看孩子资料', "Reading children's records"],
  enrollment: ['报名', 'Enrolments'],
  guardian: ['家长', 'Guardians'],
  leave: ['请假', 'Leave'],
  lottery: ['抽签', 'Lottery'],
  meeting: ['课次变动', 'Sessions'],
  offering: ['课程', 'Offerings'],
  privacy: ['数据保存', 'Retention'],
  pupil: ['学生名单', 'Pupil list'],
  pupils: ['学生名单批量操作', 'Pupil list, in bulk'],
  roster: ['名单调整', 'Rosters'],
  school: ['学校设置', 'School settings'],
  staff: ['教职工账号', 'Staff accounts'],
  teacher_message: ['老师联系家长', 'Teacher messages'],
  term: ['学期', 'Terms'],
};

const SUBJECTS = {
  child: ['孩子', 'child'],
  deletion_request: ['删除申请', 'deletion request'],
  enrollment: ['报名', 'enrolment'],
  meeting: ['课次', 'session'],
  offering: ['课程', 'offering'],
  pupil: ['学生', 'pupil'],
  school: ['学校', 'school'],
  term: ['学期', 'term'],
  user: ['账号', 'account'],
} as const satisfies Record<string, readonly [string, string]>;

export type AuditSubject = keyof typeof SUBJECTS;

/** The views a staff read (child_records.read) names. */
const VIEWS = {
  roll: ['点名页', 'roll'],
  'roll.care': ['点名页上的接送人和紧急备注', 'collectors and emergency notes on the roll'],
  'roll.sheet': ['签到表', 'sign-in sheet'],
  'term.sheet': ['整学期签到表', "term's sign-in sheet"],
  roster: ['课程名单', 'roster'],
  'roster.csv': ['课程名单 CSV', 'roster CSV'],
  'roster.search': ['查找孩子', 'child search'],
  'attendance.report': ['出勤报告', 'attendance report'],
  pupils: ['学生名单', 'pupil list'],
  'pupils.csv': ['学生名单 CSV', 'pupil list CSV'],
  'pupils.unmatched': ['未匹配的孩子', 'unmatched children'],
} as const satisfies Record<string, readonly [string, string]>;

/** The detail keys a person reads most. */
const DETAIL = { view: ['查看', 'view'], children: ['孩子人数', 'children'] } as const satisfies Record<string, readonly [string, string]>;

type Words<Prefix extends string, Keys extends string> = { [K in Keys as `${Prefix}${K}`]: string };
function words<Prefix extends string, Keys extends string>(prefix: Prefix, table: Record<Keys, readonly [string, string]>, lang: 0 | 1): Words<Prefix, Keys> {
  return Object.fromEntries(Object.entries<readonly [string, string]>(table).map(([key, texts]) => [`${prefix}${key}`, texts[lang]])) as Words<Prefix, Keys>;
}

const zh = {
  ...words('audit.action.', ACTIONS, 0),
  ...words('audit.family.', FAMILIES, 0),
  ...words('audit.subject.', SUBJECTS, 0),
  ...words('audit.view.', VIEWS, 0),
  ...words('audit.detail.', DETAIL, 0),
};

const en: Record<keyof typeof zh, string> = {
  ...words('audit.action.', ACTIONS, 1),
  ...words('audit.family.', FAMILIES, 1),
  ...words('audit.subject.', SUBJECTS, 1),
  ...words('audit.view.', VIEWS, 1),
  ...words('audit.detail.', DETAIL, 1),
};

export const auditVocabularyMessages = { zh, en };

declare module '../kernel/messages.ts' {
  interface MessageCatalogue extends Record<keyof typeof zh, string> {}
}
