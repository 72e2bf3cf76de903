// Messages for the audit log page, in both languages.
const zh = {
  'audit.title': '审计日志',
  'audit.intro': '谁在什么时候做了什么：报名、退出、名单调整、点名解锁、抽签、孩子资料和账号的变动，以及教职工查看孩子资料的记录。',
  'audit.filter.action': '类别',
  'audit.filter.anyAction': '全部',
  'audit.filter.subjectType': '对象类型',
  'audit.filter.subjectId': '对象编号',
  'audit.filter.from': '从',
  'audit.filter.to': '到',
  'audit.filter.apply': '筛选',
  'audit.filter.invalid': '筛选条件无效，已显示全部。',
  'audit.col.at': '时间',
  'audit.col.actor': '操作人',
  'audit.col.action': '操作',
  'audit.col.subject': '对象',
  'audit.col.detail': '详情',
  'audit.system': '系统',
  'audit.empty': '没有符合条件的记录。',
  'audit.older': '更早的记录',
  'audit.nav': '审计日志',
} as const;

const en = {
  'audit.title': 'Audit log',
  'audit.intro': "Who did what and when: enrolments, withdrawals, roster changes, roll unlocks, lottery draws, changes to children's records and accounts, and staff reading children's records.",
  'audit.filter.action': 'Kind',
  'audit.filter.anyAction': 'All',
  'audit.filter.subjectType': 'Subject type',
  'audit.filter.subjectId': 'Subject id',
  'audit.filter.from': 'From',
  'audit.filter.to': 'To',
  'audit.filter.apply': 'Filter',
  'audit.filter.invalid': 'Those filters are not valid; showing everything.',
  'audit.col.at': 'When',
  'audit.col.actor': 'Who',
  'audit.col.action': 'What',
  'audit.col.subject': 'Subject',
  'audit.col.detail': 'Detail',
  'audit.system': 'System',
  'audit.empty': 'No events match.',
  'audit.older': 'Older events',
  'audit.nav': 'Audit log',
} satisfies Record<keyof typeof zh, string>;

export const auditMessages = { zh, en };

declare module '../kernel/messages.ts' {
  interface MessageCatalogue extends Record<keyof typeof zh, string> {}
}
