// Form parsing with zod: the body becomes typed data, or per-field rejections (message keys) and the values typed.
import type { Context } from 'hono';
import { z } from 'zod';
import type { Rejection } from '../kernel/rejection.ts';
import type { I18n, MessageKey } from '../kernel/messages.ts';

/** A text field: the last value if repeated, trimmed of nothing, required unless `optional`, at most `max` characters. */
export function textField(max: number, options: { optional?: boolean } = {}) {
  const base = z
    .string({ error: 'form.required' satisfies MessageKey })
    .max(max, { error: 'form.tooLong' satisfies MessageKey });
  const field = options.optional ? base : base.refine((value) => value.trim() !== '', { error: 'form.required' satisfies MessageKey });
  return z.preprocess((value) => (Array.isArray(value) ? value.at(-1) : value), field);
}

/** More fields than any form of the app has (the offering form's slot rows are the most, a few dozen). */
export const MAX_FORM_FIELDS = 1000;

/** A body with more than MAX_FORM_FIELDS fields: answered 413 by the app's error handler, never parsed further. */
export class TooManyFieldsError extends Error {
  override name = 'TooManyFieldsError';
}

const bodies = new WeakMap<object, Promise<Record<string, unknown>>>();

/**
 * The form's fields, a repeated field as an array; at most MAX_FORM_FIELDS of them, or TooManyFieldsError.
 * URL-encoded forms (every form the app renders) are read with URLSearchParams over the raw text, several times
 * cheaper than the general parser; anything else (multipart) goes through Hono's parseBody. Work is linear in the
 * body (a repeated field's values are pushed, never copied). Reading it again gives the same fields (parsed once).
 */
export function readBody(c: Context): Promise<Record<string, unknown>> {
  let body = bodies.get(c.req.raw);
  if (!body) {
    body = parseFields(c);
    bodies.set(c.req.raw, body);
  }
  return body;
}

async function parseFields(c: Context): Promise<Record<string, unknown>> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    const fields = await c.req.parseBody({ all: true });
    let count = 0;
    for (const value of Object.values(fields)) count += Array.isArray(value) ? value.length : 1;
    if (count > MAX_FORM_FIELDS) throw new TooManyFieldsError();
    return fields;
  }
  // Own properties only (a field named __proto__ is just a field), one entry per name, arrays grown in place.
  const text = await c.req.text();
  if (moreFieldsThan(text, MAX_FORM_FIELDS)) throw new TooManyFieldsError();
  const fields = new Map<string, string | string[]>();
  for (const [name, value] of new URLSearchParams(text)) {
    const seen = fields.get(name);
    if (seen === undefined) fields.set(name, value);
    else if (Array.isArray(seen)) seen.push(value);
    else fields.set(name, [seen, value]);
  }
  return Object.fromEntries(fields);
}

/** Whether URL-encoded text holds more than `max` fields, counted before parsing and stopping at max + 1 (an empty piece is no field). */
function moreFieldsThan(text: string, max: number): boolean {
  let fields = 0;
  for (let start = 0; start < text.length; ) {
    const found = text.indexOf('&', start);
    const end = found === -1 ? text.length : found;
    if (end > start && ++fields > max) return true;
    start = end + 1;
  }
  return false;
}

export type FormResult<Data, Field extends string> =
  | { ok: true; data: Data; values: Partial<Record<Field, string>> }
  | { ok: false; errors: Partial<Record<Field, Rejection>>; values: Partial<Record<Field, string>> };

export async function parseForm<Shape extends z.ZodRawShape>(
  c: Context,
  schema: z.ZodObject<Shape>,
): Promise<FormResult<z.infer<z.ZodObject<Shape>>, Extract<keyof Shape, string>>> {
  type Field = Extract<keyof Shape, string>;
  let body: Record<string, unknown> = {};
  try {
    body = await readBody(c);
  } catch (error) {
    if (error instanceof TooManyFieldsError) throw error;
    body = {}; // a malformed body is treated as an empty form: every required field says so
  }
  const values: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(schema.shape) as Field[]) {
    const raw = body[field];
    const value = Array.isArray(raw) ? raw.at(-1) : raw;
    if (typeof value === 'string') values[field] = value.slice(0, 1000);
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: Partial<Record<Field, Rejection>> = {};
  const i18n: I18n = c.get('i18n');
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as Field | undefined;
    if (field === undefined || errors[field]) continue;
    const key: MessageKey = i18n.isKey(issue.message) ? issue.message : 'form.required';
    errors[field] = key === 'form.tooLong' && 'maximum' in issue ? { key, params: { max: Number(issue.maximum) } } : { key };
  }
  return { ok: false, errors, values };
}


/** Rejections (message keys) into the user's language, by field. */
export function translateErrors<Field extends string>(
  i18n: I18n,
  errors: Partial<Record<Field, Rejection>>,
): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const [field, rejection] of Object.entries(errors) as [Field, Rejection | undefined][]) {
    if (rejection) out[field] = i18n.t(rejection.key, rejection.params);
  }
  return out;
}
