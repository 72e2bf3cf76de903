// Pure rules for a club or course: grades, capacity (never below the seats already taken), fee, weekly slots.
import type { Rejection } from '../kernel/rejection.ts';
import { type WeeklySlot, slotsOverlap } from '../kernel/slots.ts';

export interface OfferingInput {
  code: string;
  kind: 'club' | 'course';
  category: string;
  titleZh: string;
  titleEn: string | null;
  descriptionZh: string;
  descriptionEn: string | null;
  teacherId: number | null;
  room: string;
  capacity: number;
  gradeMin: number;
  gradeMax: number;
  feeCents: number;
  slots: WeeklySlot[];
}

export type OfferingField =
  | 'code' | 'kind' | 'category' | 'titleZh' | 'titleEn' | 'descriptionZh' | 'descriptionEn' | 'teacherId'
  | 'room' | 'capacity' | 'gradeMin' | 'gradeMax' | 'fee' | 'slots';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function offeringProblems(
  offering: OfferingInput,
  context: { seatsTaken: number; schoolGrades: { min: number; max: number } },
): Partial<Record<OfferingField, Rejection>> {
  const problems: Partial<Record<OfferingField, Rejection>> = {};
  if (!CODE.test(offering.code)) problems.code = { key: 'offering.error.code' };
  if (offering.gradeMax < offering.gradeMin) problems.gradeMax = { key: 'offering.error.gradeOrder' };
  else if (offering.gradeMin < context.schoolGrades.min || offering.gradeMax > context.schoolGrades.max) {
    problems.gradeMin = { key: 'offering.error.gradeSchool', params: { min: context.schoolGrades.min, max: context.schoolGrades.max } };
  }
  if (offering.capacity < context.seatsTaken) {
    problems.capacity = { key: 'offering.error.capacityBelowTaken', params: { taken: context.seatsTaken } };
  }
  const slotProblem = slotsProblem(offering.slots);
  if (slotProblem) problems.slots = slotProblem;
  return problems;
}

/** At least one slot; each ends after it starts; no two of one offering overlap. */
export function slotsProblem(slots: readonly WeeklySlot[]): Rejection | null {
  if (slots.length === 0) return { key: 'offering.error.noSlot' };
  for (const slot of slots) {
    if (!TIME.test(slot.startsAt) || !TIME.test(slot.endsAt)) return { key: 'offering.error.slotTime' };
    if (slot.endsAt <= slot.startsAt) return { key: 'offering.error.slotOrder' };
  }
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length; j++) if (slotsOverlap(slots[i]!, slots[j]!)) return { key: 'offering.error.slotOverlap' };
  }
  return null;
}

/** "450", "450.5", "¥1,200.00" → fen; null when it is not an amount of money. */
export function parseFee(text: string): number | null {
  const cleaned = text.replace(/[¥￥,\s]/g, '').replace(/元$/, '');
  if (cleaned === '') return 0;
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}
