// Why a value was refused, as a message key and its parameters: policies return it, routes translate it.
import type { MessageKey } from './messages.ts';

export type Rejection = { key: MessageKey; params?: Record<string, string | number> };
