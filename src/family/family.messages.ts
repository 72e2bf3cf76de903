// Messages for children, second guardians, the family timetable and calendar feeds, in both languages. Merged into src/i18n's catalogues.
const zh = {
} as const;

const en = {
} satisfies Record<keyof typeof zh, string>;

export const familyMessages = { zh, en };
