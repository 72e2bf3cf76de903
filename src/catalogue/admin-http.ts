// What the catalogue administration routes (terms, offerings, meetings, import) share: the admins-only guard,
// whole numbers read from form text, a policy's field errors renamed to the form's fields.
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { TooManyFieldsError, readBody } from '../http/forms.ts';
import { requireAdmin } from '../http/guards.ts';
import type { Rejection } from '../kernel/rejection.ts';

/** School and district admins only; anyone else signed in gets the 403 page. */
export const admins = requireAdmin();

/** A form read: the parsed input, or the errors by form field; the values as sent, to fill the form again. */
export type Parsed<Input, Field extends string> =
  | { ok: true; input: Input; values: Partial<Record<Field, string>> }
  | { ok: false; errors: Partial<Record<Field, Rejection>>; values: Partial<Record<Field, string>> };

export function renameErrors<From extends string, To extends string>(errors: Partial<Record<From, Rejection>>, names: Record<From, To>) {
  const out: Partial<Record<To, Rejection>> = {};
  for (const [field, rejection] of Object.entries(errors) as [From, Rejection][]) out[names[field]] = rejection;
  return out;
}

export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

/** The whole body with repeated fields as arrays (slot rows, an upload); a body that cannot be read is empty. */
export function readFields<E extends AppEnv>(c: Context<E>): Promise<Record<string, unknown>> {
  return readBody(c).catch((error: unknown) => {
    if (error instanceof TooManyFieldsError) throw error;
    return {} as Record<string, unknown>;
  });
}

