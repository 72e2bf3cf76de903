// Webhook delivery: each notification as a JSON POST to one configured URL (e.g. a school chat-group bot).
import type { OutgoingNotification, Transport } from './delivery.ts';

/** The JSON body the webhook receives (documented in docs/features.md, "Notifications"). */
export interface WebhookBody {
  id: number;
  kind: string;
  recipientId: number;
  lang: string;
  subject: string;
  text: string;
  payload: unknown;
  createdAt: string;
}

export function webhookBody(message: OutgoingNotification): WebhookBody {
  return {
    id: message.notificationId,
    kind: message.kind,
    recipientId: message.recipient.id,
    lang: message.recipient.lang,
    subject: message.subject,
    text: message.text,
    payload: message.payload,
    createdAt: message.createdAt,
  };
}

export function webhookTransport(url: string, options: { timeoutMs?: number } = {}): Transport {
  const timeoutMs = options.timeoutMs ?? 5_000;
  return {
    async send(message) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Clubroll-notify' },
        body: JSON.stringify(webhookBody(message)),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The answer's body is not needed; reading it frees the connection for the next POST.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`webhook answered HTTP ${response.status}`);
      return { outcome: 'sent' };
    },
  };
}
