// Messages for teacher hours (教师课时): the page, its month picker, the tables and the CSV's headers, in both languages.
const zh = {
  'hours.link': '教师课时',
  'hours.title': '教师课时',
  'hours.heading.district': '全区教师课时',
  'hours.heading.school': '{school} · 教师课时',
  'hours.back.district': '管理首页',
  'hours.intro': '按月统计每位老师已上的课：课时按每次课的起止时间计算；取消的课不计，调课按调整后的日期计入。“已上”指未取消且日期不晚于今天的课。',
  'hours.month': '月份',
  'hours.pickMonth': '选择月份',
  'hours.month.hint': '例如 2026-11',
  'hours.show': '查看',
  'hours.csv': '下载 CSV',
  'hours.error.month': '请选择一个月份，格式如 2026-11。',
  'hours.summary': '{month}：{teachers} 位老师，已上 {held} 次课，共 {hours} 小时，其中 {taken} 次已点名。',
  'hours.empty': '这个月还没有已上的课。',
  'hours.byTeacher': '按老师合计',
  'hours.byOffering': '按课程明细',
  'hours.noTeacher': '（未指定老师）',
  'hours.col.teacher': '老师',
  'hours.col.school': '学校',
  'hours.col.code': '课程代码',
  'hours.col.title': '课程名称',
  'hours.col.held': '已上次数',
  'hours.col.taken': '已点名次数',
  'hours.col.hours': '课时（小时）',
  'hours.col.average': '平均到课人数',
  'hours.col.month': '月份',
  'hours.total': '合计',
  'hours.none': '—',
};

const en = {
  'hours.link': 'Teacher hours',
  'hours.title': 'Teacher hours',
  'hours.heading.district': "The district's teacher hours",
  'hours.heading.school': '{school} · teacher hours',
  'hours.back.district': 'Administration',
  'hours.intro':
    "Each teacher's sessions held in a month: hours come from each session's start and end; cancelled sessions do not count, moved ones count on their new day. Held means not cancelled and on or before today.",
  'hours.month': 'Month',
  'hours.pickMonth': 'Choose a month',
  'hours.month.hint': 'For example 2026-11',
  'hours.show': 'Show',
  'hours.csv': 'Download CSV',
  'hours.error.month': 'Choose a month, written like 2026-11.',
  'hours.summary': '{month}: {teachers} teachers, {held} sessions held, {hours} hours in all, {taken} of them with the roll taken.',
  'hours.empty': 'No sessions held this month yet.',
  'hours.byTeacher': 'Totals per teacher',
  'hours.byOffering': 'Per club or course',
  'hours.noTeacher': '(no teacher assigned)',
  'hours.col.teacher': 'Teacher',
  'hours.col.school': 'School',
  'hours.col.code': 'Code',
  'hours.col.title': 'Title',
  'hours.col.held': 'Sessions held',
  'hours.col.taken': 'Rolls taken',
  'hours.col.hours': 'Hours',
  'hours.col.average': 'Present on average',
  'hours.col.month': 'Month',
  'hours.total': 'Total',
  'hours.none': '—',
} satisfies Record<keyof typeof zh, string>;

export const hoursMessages = { zh, en };

declare module '../kernel/messages.ts' {
  interface MessageCatalogue extends Record<keyof typeof zh, string> {}
}
