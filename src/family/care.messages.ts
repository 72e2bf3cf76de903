// Messages for who collects the child and who to call: the child page's card and the roll's lines, in both languages.
const zh = {
  'care.title': '接送与紧急联系',
  'care.lead': '只有这门课的老师和学校管理员能在点名时看到这些信息。',
  'care.collectors': '可以接孩子的人',
  'care.collectors.none': '还没有填写接送人。',
  'care.collectors.max': '最多 {max} 位。',
  'care.collector.line': '{relation} {name}',
  'care.name': '姓名',
  'care.relation': '关系',
  'care.relation.hint': '例如：奶奶、外公、阿姨',
  'care.phone': '电话',
  'care.add': '添加接送人',
  'care.added': '已添加接送人。',
  'care.remove': '删除',
  'care.removeNamed': '删除接送人 {name}',
  'care.removed': '已删除接送人。',
  'care.note': '紧急备注',
  'care.note.hint': '过敏、用药、身体情况等老师需要知道的事（最多 {max} 字）。',
  'care.note.save': '保存备注',
  'care.note.saved': '紧急备注已保存。',
  'care.note.removed': '紧急备注已清空。',
  'care.error.phone': '请填写能拨通的电话号码（5–15 位数字，可以有空格或短横线）。',
  'care.error.tooMany': '最多只能填写 {max} 位接送人，请先删除一位。',
  'care.roll.collectors': '接送人：',
  'care.roll.call': '拨打 {name} 的电话',
  'care.roll.note': '紧急备注',
} as const;

const en: Record<keyof typeof zh, string> = {
  'care.title': 'Collection and emergencies',
  'care.lead': "Only this course's teacher and the school's admins see this, on the roll.",
  'care.collectors': 'Who may collect the child',
  'care.collectors.none': 'Nobody added yet.',
  'care.collectors.max': 'At most {max}.',
  'care.collector.line': '{name} ({relation})',
  'care.name': 'Name',
  'care.relation': 'Relation',
  'care.relation.hint': 'For example: grandmother, uncle, childminder',
  'care.phone': 'Phone',
  'care.add': 'Add a person',
  'care.added': 'Added.',
  'care.remove': 'Remove',
  'care.removeNamed': 'Remove {name}',
  'care.removed': 'Removed.',
  'care.note': 'Emergency note',
  'care.note.hint': 'Allergies, medicines, health needs the teacher should know (at most {max} characters).',
  'care.note.save': 'Save the note',
  'care.note.saved': 'Emergency note saved.',
  'care.note.removed': 'Emergency note cleared.',
  'care.error.phone': 'Enter a phone number that can be called (5–15 digits; spaces and dashes are fine).',
  'care.error.tooMany': 'At most {max} people may collect a child: remove one first.',
  'care.roll.collectors': 'Collected by:',
  'care.roll.call': 'Call {name}',
  'care.roll.note': 'Emergency note',
};

export const careMessages = { zh, en };

declare module '../kernel/messages.ts' {
  interface MessageCatalogue extends Record<keyof typeof zh, string> {}
}
