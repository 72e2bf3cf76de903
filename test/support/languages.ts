// The app's languages for tests that render texts outside a request (notifications, calendar feeds).
import { createLanguages } from '../../src/i18n/i18n.ts';
import { MESSAGES } from '../../src/messages.ts';

export const languages = createLanguages(MESSAGES, 'Asia/Shanghai');
