// Messages for announcements: the "send a notice" form, the offering page's list and the roll's "contact the guardians".
const zh = {
  'announce.heading': '发通知',
  'announce.text': '通知内容',
  'announce.hint': '最多 {max} 字。发给已录取孩子的家长，站内通知、邮件等渠道同时送达。',
  'announce.waitlist': '也发给候补孩子的家长',
  'announce.send': '发送通知',
  'announce.sent': '通知已发送给 {count} 位家长。',
  'announce.page.title': '发通知：{title}',
  'announce.back': '返回',
  'announce.error.required': '请填写通知内容。',
  'announce.error.tooLong': '内容最多 {max} 字，请删减后再发送。',
  'announce.error.control': '内容里有无法显示的控制字符，请删除后再发送。',
  'announce.error.nobody': '目前没有可以通知的家长（这门课没有已录取的孩子），通知没有发送。',
  'announce.error.nobodyWaitlist': '目前没有可以通知的家长（这门课没有已录取或候补的孩子），通知没有发送。',
  'announce.list.heading': '课程通知',
  'announce.list.empty': '还没有通知。',
  'announce.list.formerStaff': '（已离任的老师）',
  'announce.contact': '联系家长',
  'announce.contactFor': '给 {child} 的家长留言',
  'announce.contactSend': '发送留言',
  'announce.contactSent': '留言已发送给 {child} 的 {count} 位家长。',
} as const;

const en = {
  'announce.heading': 'Send a notice',
  'announce.text': 'Message',
  'announce.hint': 'At most {max} characters. Goes to the guardians of every enrolled child, in the app and by e-mail and the other channels.',
  'announce.waitlist': 'Also to the guardians of waitlisted children',
  'announce.send': 'Send notice',
  'announce.sent': 'The notice has gone to {count} guardians.',
  'announce.page.title': 'Send a notice: {title}',
  'announce.back': 'Back',
  'announce.error.required': 'Write the message first.',
  'announce.error.tooLong': 'At most {max} characters; shorten it and send again.',
  'announce.error.control': 'The message has control characters that cannot be shown; remove them and send again.',
  'announce.error.nobody': 'There is nobody to tell yet (no child is enrolled), so the notice was not sent.',
  'announce.error.nobodyWaitlist': 'There is nobody to tell yet (no child is enrolled or waitlisted), so the notice was not sent.',
  'announce.list.heading': 'Notices',
  'announce.list.empty': 'No notices yet.',
  'announce.list.formerStaff': '(a former teacher)',
  'announce.contact': 'Contact guardians',
  'announce.contactFor': "Message to {child}'s guardians",
  'announce.contactSend': 'Send message',
  'announce.contactSent': "The message has gone to {child}'s guardians ({count}).",
} satisfies Record<keyof typeof zh, string>;

export const announceMessages = { zh, en };

declare module '../kernel/messages.ts' {
  interface MessageCatalogue extends Record<keyof typeof zh, string> {}
}
