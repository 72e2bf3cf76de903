// E-mail delivery over SMTP (nodemailer): one plain-text message per notification, to the recipient's own address.
import { createTransport } from 'nodemailer';
import type { Languages } from '../kernel/messages.ts';
import type { Transport } from './delivery.ts';

export function emailTransport(mail: { readonly url: string; readonly from: string }, languages: Languages): Transport {
  // Short timeouts: a stuck mail server must not hold a worker's claim for minutes (nodemailer waits 10 min by default).
  const smtp = createTransport({ url: mail.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    async send(message) {
      const to = message.recipient.email?.trim();
      if (!to) return { outcome: 'undeliverable', reason: 'no address' };
      const { t } = languages(message.recipient.lang);
      await smtp.sendMail({
        from: mail.from,
        to,
        subject: message.subject,
        text: `${message.text}\n\n${t('notify.mail.footer')}\n`,
        // Stable per delivery: if a crash comes between sending and recording it, the resend has the same
        // Message-ID, so the recipient's mail system shows it once.
        messageId: `<notification-${message.deliveryId}@clubroll>`,
        headers: { 'Content-Language': message.recipient.lang, 'Auto-Submitted': 'auto-generated' },
      });
      return { outcome: 'sent' };
    },
    close() {
      smtp.close();
    },
  };
}
