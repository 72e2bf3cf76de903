// Row ids as they arrive in URLs and forms: decimal digits (leading zeros allowed, as before) for a positive
// 32-bit integer, nothing else.
export type Id = number;

const ID_TEXT = /^\d{1,10}$/;
const MAX_ID = 2_147_483_647;

/** The id a text names, or null for anything that is not one (signs, spaces, exponents, zero, overflow). */
export function parseId(text: string | undefined | null): Id | null {
  if (typeof text !== 'string' || !ID_TEXT.test(text)) return null;
  const id = Number(text);
  return id >= 1 && id <= MAX_ID ? id : null;
}
