// Pure catalogue rules: which offerings match a parent's filters, and whether a term's enrolment window is open.
import type { CategoryCode } from '../kernel/categories.ts';

export interface CatalogueFilters {
  category?: CategoryCode | undefined;
  grade?: number | undefined;
  weekday?: number | undefined;
  /** Free text, matched in Chinese and English titles, descriptions, teacher and code. */
  q?: string | undefined;
  /** Only offerings with a seat left. */
  free?: boolean | undefined;
}

export interface FilterableOffering {
  category: string;
  code: string;
  title_zh: string;
  title_en: string | null;
  description_zh: string;
  description_en: string | null;
  teacher_name: string | null;
  grade_min: number;
  grade_max: number;
  capacity: number;
  seats_taken: number;
  slots: readonly { weekday: number }[];
}

/** Lower-cased and width-folded, so "ＡＩ" finds "AI" and "scratch" finds "Scratch". */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function matchesFilters(offering: FilterableOffering, filters: CatalogueFilters): boolean {
  if (filters.category && offering.category !== filters.category) return false;
  if (filters.grade !== undefined && (filters.grade < offering.grade_min || filters.grade > offering.grade_max)) return false;
  if (filters.weekday !== undefined && !offering.slots.some((slot) => slot.weekday === filters.weekday)) return false;
  if (filters.free && offering.seats_taken >= offering.capacity) return false;
  const words = fold(filters.q ?? '').split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const haystack = fold(
      [offering.title_zh, offering.title_en, offering.description_zh, offering.description_en, offering.teacher_name, offering.code]
        .filter(Boolean)
        .join('\n'),
    );
    if (!words.every((word) => haystack.includes(word))) return false;
  }
  return true;
}

export type WindowState = 'not_yet' | 'open' | 'closed';

export function enrollmentWindow(term: { enrol_opens_at: string; enrol_closes_at: string }, now: Date): WindowState {
  const instant = now.toISOString();
  if (instant < term.enrol_opens_at) return 'not_yet';
  return instant < term.enrol_closes_at ? 'open' : 'closed';
}
