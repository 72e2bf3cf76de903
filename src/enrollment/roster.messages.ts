// Messages for rosters and the school's enrolment actions, in both languages. Merged into src/i18n's catalogues.
const zh = {
} as const;

const en = {
} satisfies Record<keyof typeof zh, string>;

export const rosterMessages = { zh, en };
