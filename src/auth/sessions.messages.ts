// Messages for signed-in devices: "log out everywhere else" on the account page and an admin ending someone's sessions.
const zh = {
  'sessions.account.title': '登录的设备',
  'sessions.account.count': '你目前在 {count} 个浏览器或设备上登录（包括这一个）。',
  'sessions.account.lifetime': '家长账号 {parentDays} 天不使用、教职工账号 {staffHours} 小时不使用会自动退出登录；每次登录最长有效 {maxDays} 天。',
  'sessions.account.endOthers': '退出其他所有设备',
  'sessions.account.ended': '已退出其他 {count} 个设备上的登录，这个设备保持登录。',
  'sessions.admin.column': '登录',
  'sessions.admin.action': '退出所有登录',
  'sessions.admin.confirmTitle': '让 {name} 在所有设备上退出登录？',
  'sessions.admin.confirmBody': '{name}（{login}）目前在 {count} 个浏览器或设备上登录。确认后这些登录立即失效，需要重新登录才能继续使用；账号和密码不变。',
  'sessions.admin.confirmHint': '适用于手机丢失、设备被他人使用或人员离职等情况。此操作会记入审计日志。',
  'sessions.admin.confirm': '确认退出登录',
  'sessions.admin.cancel': '取消',
  'sessions.admin.ended': '已让 {name} 在所有设备上退出登录（结束了 {count} 个登录）。',
  'sessions.admin.self': '这是你自己的账号：请在“我的账号”里使用“退出其他所有设备”。',
} as const;

const en = {
  'sessions.account.title': 'Signed-in devices',
  'sessions.account.count': 'You are signed in on {count} browsers or devices (this one included).',
  'sessions.account.lifetime': 'You are signed out after {parentDays} days without use (parents) or {staffHours} hours (staff), and every login lasts at most {maxDays} days.',
  'sessions.account.endOthers': 'Log out everywhere else',
  'sessions.account.ended': 'Signed out on {count} other devices; this one stays signed in.',
  'sessions.admin.column': 'Sessions',
  'sessions.admin.action': 'Sign out everywhere',
  'sessions.admin.confirmTitle': 'Sign {name} out on every device?',
  'sessions.admin.confirmBody': '{name} ({login}) is signed in on {count} browsers or devices. Once you confirm, all of them end at once and they must log in again to go on; the account and password stay as they are.',
  'sessions.admin.confirmHint': 'For a lost phone, a device someone else used, or a person who left. This is recorded in the audit log.',
  'sessions.admin.confirm': 'Sign them out',
  'sessions.admin.cancel': 'Cancel',
  'sessions.admin.ended': '{name} has been signed out on every device ({count} sessions ended).',
  'sessions.admin.self': 'This is your own account: use "Log out everywhere else" on My account.',
} satisfies Record<keyof typeof zh, string>;

export const sessionsMessages = { zh, en };

declare module '../kernel/messages.ts' {
  interface MessageCatalogue extends Record<keyof typeof zh, string> {}
}
