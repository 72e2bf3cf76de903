// Which outside channels the configuration turns on, and the transports that send through them.
import type { Config } from '../config.ts';
import type { DeliveryChannel } from '../db/schema.ts';
import type { Languages } from '../kernel/messages.ts';
import type { Transports } from './delivery.ts';
import { emailTransport } from './email.ts';
import { webhookTransport } from './webhook.ts';

export function deliveryChannels(config: Pick<Config, 'mail' | 'webhookUrl'>): DeliveryChannel[] {
  return [...(config.mail ? (['email'] as const) : []), ...(config.webhookUrl ? (['webhook'] as const) : [])];
}

/** One transport per configured channel, for the delivery worker. */
export function deliveryTransports(config: Pick<Config, 'mail' | 'webhookUrl'>, languages: Languages): Transports {
  return {
    ...(config.mail ? { email: emailTransport(config.mail, languages) } : {}),
    ...(config.webhookUrl ? { webhook: webhookTransport(config.webhookUrl) } : {}),
  };
}
