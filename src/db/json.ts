// JSON values as queries return them on either database.

/**
 * An object or array a query returned as JSON: PostgreSQL's json and jsonb arrive parsed, SQLite's (a text column,
 * or JSON built in the query) as text.
 */
export function fromJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
