// Messages for notifications: the in-app list, e-mail and webhook texts, in both languages. Merged into src/i18n's catalogues.
const zh = {
} as const;

const en = {
} satisfies Record<keyof typeof zh, string>;

export const notifyMessages = { zh, en };
