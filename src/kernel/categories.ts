// The categories a club or course belongs to; each has a message key `category.<code>` in both languages.
export const CATEGORY_CODES = [
  'robotics',
  'programming',
  'ai',
  '3d_printing',
  'maker',
  'mechanical',
  'hydroponics',
  'speed_cubing',
  'science',
  'steam',
] as const;

export type CategoryCode = (typeof CATEGORY_CODES)[number];

export function isCategory(value: unknown): value is CategoryCode {
  return typeof value === 'string' && (CATEGORY_CODES as readonly string[]).includes(value);
}
