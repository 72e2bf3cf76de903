// Which outside channels the configuration turns on.
import type { Config } from '../config.ts';
import type { DeliveryChannel } from '../db/schema.ts';

export function deliveryChannels(config: Pick<Config, 'mail' | 'webhookUrl'>): DeliveryChannel[] {
  return [...(config.mail ? (['email'] as const) : []), ...(config.webhookUrl ? (['webhook'] as const) : [])];
}
