// Pure rules of a lottery term: who may rank an offering, and when each stage (commit, freeze, draw) may happen.
import { ELIGIBILITY_RULES, type EnrolmentFacts, type Refusal } from '../enrollment/enrollment.policy.ts';

export type ChoiceRefusal = Refusal | { reason: 'choice_limit'; limit: number };

/** A child may rank an offering of its own school and grade while the window is open, up to K choices. */
export function choiceRefusal(facts: EnrolmentFacts & { choices: number; choiceLimit: number }): ChoiceRefusal | null {
  for (const rule of ELIGIBILITY_RULES) {
    const refusal = rule(facts);
    if (refusal) return refusal;
  }
  return facts.choices < facts.choiceLimit ? null : { reason: 'choice_limit', limit: facts.choiceLimit };
}

export type LotteryStage = 'not_open' | 'open' | 'closed' | 'drawn';

export function lotteryStage(term: { enrol_opens_at: string; enrol_closes_at: string }, drawnAt: string | null, now: Date): LotteryStage {
  if (drawnAt) return 'drawn';
  const instant = now.toISOString();
  if (instant < term.enrol_opens_at) return 'not_open';
  return instant < term.enrol_closes_at ? 'open' : 'closed';
}

export type DrawRefusal = { reason: 'not_closed' } | { reason: 'already_drawn' } | { reason: 'no_public_value' };

/** The draw runs once, only after the window has closed, with the public value typed in. */
export function drawRefusal(stage: LotteryStage, publicValue: string): DrawRefusal | null {
  if (stage === 'drawn') return { reason: 'already_drawn' };
  if (stage !== 'closed') return { reason: 'not_closed' };
  return publicValue.trim() === '' ? { reason: 'no_public_value' } : null;
}

/**
 * The public value named in advance: the China Welfare Lottery "double colour ball" numbers of its first draw
 * after the window closes (draws are on Tuesdays, Thursdays and Sundays), a value nobody knows at close.
 */
export function publicValueDay(closesDay: string): string {
  for (let offset = 1; offset <= 7; offset++) {
    const date = new Date(`${closesDay}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + offset);
    if ([0, 2, 4].includes(date.getUTCDay())) return date.toISOString().slice(0, 10);
  }
  throw new Error('unreachable: a week always has a Tuesday');
}
