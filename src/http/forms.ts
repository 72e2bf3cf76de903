// Form parsing with zod: the body becomes typed data, or per-field rejections (message keys) and the values typed.
import type { Context } from 'hono';
import { z } from 'zod';
import type { Rejection } from '../auth/credentials.policy.ts';
import { requestText } from './body.ts';
import { type I18n, type MessageKey, isMessageKey } from '../i18n/i18n.ts';

/** A text field: the last value if repeated, trimmed of nothing, required unless `optional`, at most `max` characters. */
export function textField(max: number, options: { optional?: boolean } = {}) {
  const base = z
    .string({ error: 'form.required' satisfies MessageKey })
    .max(max, { error: 'form.tooLong' satisfies MessageKey });
  const field = options.optional ? base : base.refine((value) => value.trim() !== '', { error: 'form.required' satisfies MessageKey });
  return z.preprocess((value) => (Array.isArray(value) ? value.at(-1) : value), field);
}

/**
 * The form's fields, a repeated field as an array. URL-encoded forms (every form the app renders) are read with
 * URLSearchParams over the raw text, several times cheaper than the general parser; anything else (multipart)
 * goes through Hono's parseBody. Reading it again gives the same fields (the text is read once).
 */
export async function readBody(c: Context): Promise<Record<string, unknown>> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return c.req.parseBody({ all: true });
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(await requestText(c))) {
    const seen = fields[name];
    fields[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return fields;
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
  } catch {
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
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as Field | undefined;
    if (field === undefined || errors[field]) continue;
    const key: MessageKey = isMessageKey(issue.message) ? issue.message : 'form.required';
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

/** Only local paths survive as a post-login destination (no //evil.example, no scheme). */
export function safeLocalPath(next: unknown): string | undefined {
  if (typeof next !== 'string' || next.length > 512) return undefined;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  return next;
}
