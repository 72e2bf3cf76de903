// Messages of enrolling and withdrawing, in both languages.
const zh = {
  'enrol.title': '报名',
  'enrol.addChildFirst': '先添加孩子，再为孩子报名。',
  'enrol.addChildLink': '添加孩子',
  'enrol.button': '为 {child} 报名',
  'enrol.done': '报名成功。',
  'enrol.doneWaitlist': '名额已满，已加入候补，有人退出时按顺序递补。',
  'enrol.enrolled': '{child} 已报名',
  'enrol.waitlisted': '{child} 在候补第 {position} 位',
  'enrol.withdraw': '退课',
  'enrol.leaveWaitlist': '退出候补',
  'enrol.confirmWithdraw': '确定为 {child} 退掉“{title}”吗？名额会让给候补的第一位同学。',
  'enrol.confirmLeave': '确定让 {child} 退出“{title}”的候补吗？',
  'enrol.confirm': '确定退课',
  'enrol.confirmLeaveWaitlist': '确定退出候补',
  'enrol.keep': '不退了',
  'enrol.choiceNotWithdrawn': '这是 {child} 的抽签志愿，不是名额：报名期间请在孩子的志愿页调整；报名截止后志愿已冻结，等待抽签。',
  'enrol.withdrawn': '{child} 已退课。',
  'enrol.refused.other_school': '{child} 不在这所学校就读，只能报名本校的社团和课程。',
  'enrol.refused.grade': '这门课面向 {min}–{max} 年级，{child} 的年级不符合。',
  'enrol.refused.unverified': '{child} 还没有通过学校学生名单的核验，暂时不能报名新课程：请在孩子页面填写学号。',
  'enrol.refused.not_open': '报名还没开始：{opensAt} 开放。',
  'enrol.refused.closed': '本学期报名已截止。',
  'enrol.refused.lottery': '本学期名额抽签分配，请在抽签开放后填报志愿。',
  'enrol.refused.limit': '每个孩子本学期最多报 {limit} 门，{child} 已经报满。',
  'enrol.refused.clash': '和 {child} 已报的“{title}”（{weekday} {start}–{end}）时间冲突。',
} as const;

const en = {
  'enrol.title': 'Enrol',
  'enrol.addChildFirst': 'Add your child first, then enrol them.',
  'enrol.addChildLink': 'Add a child',
  'enrol.button': 'Enrol {child}',
  'enrol.done': 'Enrolled.',
  'enrol.doneWaitlist': 'The course is full; you are on the waitlist and move up in order as places free.',
  'enrol.enrolled': '{child} is enrolled',
  'enrol.waitlisted': '{child} is number {position} on the waitlist',
  'enrol.withdraw': 'Withdraw',
  'enrol.leaveWaitlist': 'Leave the waitlist',
  'enrol.confirmWithdraw': 'Withdraw {child} from “{title}”? The seat goes to the first child on the waitlist.',
  'enrol.confirmLeave': 'Take {child} off the waitlist for “{title}”?',
  'enrol.confirm': 'Yes, withdraw',
  'enrol.confirmLeaveWaitlist': 'Yes, leave the waitlist',
  'enrol.keep': 'Keep it',
  'enrol.choiceNotWithdrawn': "This is {child}'s lottery choice, not a place: change choices on the child's choices page while the window is open. Once it has closed, choices are frozen for the draw.",
  'enrol.withdrawn': '{child} has been withdrawn.',
  'enrol.refused.other_school': '{child} does not attend this school; children can enrol in their own school’s offerings only.',
  'enrol.refused.grade': 'This is for grades {min}–{max}; {child}’s grade does not fit.',
  'enrol.refused.unverified': '{child} has not been verified against the school’s pupil list yet, so cannot take new places: enter the pupil number on the child’s page.',
  'enrol.refused.not_open': 'Enrolment has not opened yet: it opens {opensAt}.',
  'enrol.refused.closed': 'Enrolment for this term has closed.',
  'enrol.refused.lottery': 'Seats this term are drawn by lottery; rank your choices when the lottery opens.',
  'enrol.refused.limit': 'A child may take at most {limit} this term, and {child} already has that many.',
  'enrol.refused.clash': 'Clashes with “{title}” ({weekday} {start}–{end}), which {child} already has.',
} satisfies Record<keyof typeof zh, string>;

export const enrollmentMessages = { zh, en };

declare module '../kernel/messages.ts' {
  interface MessageCatalogue extends Record<keyof typeof zh, string> {}
}
