// Messages of a school's pupil list (学籍名单), in both languages.
const zh = {
  'pupils.error.number': '学号只能包含字母、数字和连字符，并以字母或数字开头。',
  'pupils.error.grade': '这所学校只有 {min}–{max} 年级。',
  'pupils.error.class': '班级名称里不能有 < > { } \\ 这些符号。',
} as const;

const en = {
  'pupils.error.number': 'A pupil number may hold letters, digits and hyphens, and starts with a letter or digit.',
  'pupils.error.grade': 'This school only has grades {min}–{max}.',
  'pupils.error.class': 'A class name cannot contain < > { } or \\.',
} satisfies Record<keyof typeof zh, string>;

export const pupilsMessages = { zh, en };

declare module '../kernel/messages.ts' {
  interface MessageCatalogue extends Record<keyof typeof zh, string> {}
}
