// Messages of the home page and the list of schools, in both languages.
const zh = {
  'school.kind.primary': '小学',
  'school.kind.middle': '初中',
  'school.grades': '{min}–{max} 年级',

  'home.title': '{district}课后服务',
  'home.lead': '{schools} 所学校的 {clubs} 个社团、{courses} 门特色课程：3D 打印、编程、机器人、人工智能、无土栽培、趣味魔方……',
  'home.schools': '学校',
  'home.schoolCounts': '{clubs} 个社团 · {courses} 门课程',
  'home.noSchools': '还没有学校发布课程。',
  'home.forParents': '家长：注册账号，为孩子选课报名。',
  'home.forStaff': '老师和学校管理员：使用学校发放的账号登录。',
  'home.currentTerm': '本学期：{term}',
} as const;

const en = {
  'school.kind.primary': 'Primary',
  'school.kind.middle': 'Middle school',
  'school.grades': 'Grades {min}–{max}',

  'home.title': 'After school in {district}',
  'home.lead': '{clubs} clubs and {courses} specialty courses at {schools} schools: 3D printing, coding, robotics, AI, hydroponics, speed-cubing…',
  'home.schools': 'Schools',
  'home.schoolCounts': '{clubs} clubs · {courses} courses',
  'home.noSchools': 'No school has published its catalogue yet.',
  'home.forParents': 'Parents: register to choose courses and enrol your children.',
  'home.forStaff': 'Teachers and school admins: log in with the account your school gave you.',
  'home.currentTerm': 'This term: {term}',
} satisfies Record<keyof typeof zh, string>;

export const schoolsMessages = { zh, en };

declare module '../kernel/messages.ts' {
  interface MessageCatalogue extends Record<keyof typeof zh, string> {}
}
