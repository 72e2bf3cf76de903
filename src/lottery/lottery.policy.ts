// Pure rules of a lottery term: who may rank an offering, and when each stage (commit, freeze, draw) may happen.
import { addDays, dayInZone, instantInZone } from '../kernel/calendar.ts';
import { ELIGIBILITY_RULES, type EnrollmentFacts, type Refusal } from '../enrollment/enrollment.policy.ts';

export type ChoiceRefusal = Refusal | { reason: 'choice_limit'; limit: number };

/** A child may rank an offering of its own school and grade while the window is open, up to K choices. */
export function choiceRefusal(facts: EnrollmentFacts & { choices: number; choiceLimit: number }): ChoiceRefusal | null {
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

export type DrawRefusal =
  | { reason: 'not_closed' }
  | { reason: 'already_drawn' }
  | { reason: 'no_public_value' }
  | { reason: 'public_value_form' }
  | { reason: 'before_public_draw'; drawAt: string };

/**
 * The 双色球 numbers as announced: 6 distinct red balls 01–33 in announcement order, then 1 blue ball 01–16, two
 * digits each, separated by spaces (runs of whitespace count as one space).
 */
export function isDoubleColourBall(value: string): boolean {
  const balls = value.trim().split(/\s+/);
  if (balls.length !== 7 || !balls.every((ball) => /^\d{2}$/.test(ball))) return false;
  const numbers = balls.map(Number);
  const red = numbers.slice(0, 6);
  const blue = numbers[6]!;
  return red.every((ball) => ball >= 1 && ball <= 33) && new Set(red).size === 6 && blue >= 1 && blue <= 16;
}

/**
 * The draw runs once, only after the window has closed and after the named 双色球 draw has taken place
 * (`publicDrawAt`, fixed when the list was frozen), with that draw's numbers in their announced form.
 */
export function drawRefusal(stage: LotteryStage, publicValue: string, facts: { now: Date; publicDrawAt: string | null }): DrawRefusal | null {
  if (stage === 'drawn') return { reason: 'already_drawn' };
  if (stage !== 'closed') return { reason: 'not_closed' };
  if (facts.publicDrawAt && facts.now.toISOString() < facts.publicDrawAt) return { reason: 'before_public_draw', drawAt: facts.publicDrawAt };
  if (publicValue.trim() === '') return { reason: 'no_public_value' };
  return isDoubleColourBall(publicValue) ? null : { reason: 'public_value_form' };
}

/** 双色球 draws: Tuesday, Thursday and Sunday at 21:15 Beijing time. */
const DOUBLE_COLOUR_BALL = { weekdays: [0, 2, 4], time: '21:15', timeZone: 'Asia/Shanghai' } as const;

/** The first 双色球 draw strictly after an instant (the freeze): its Beijing day and the instant it takes place. */
export function firstPublicDrawAfter(instant: Date): { day: string; at: Date } {
  const start = dayInZone(instant, DOUBLE_COLOUR_BALL.timeZone);
  for (let offset = 0; offset <= 7; offset++) {
    const day = addDays(start, offset);
    if (!(DOUBLE_COLOUR_BALL.weekdays as readonly number[]).includes(new Date(`${day}T00:00:00Z`).getUTCDay())) continue;
    const at = instantInZone(day, DOUBLE_COLOUR_BALL.time, DOUBLE_COLOUR_BALL.timeZone);
    if (at > instant) return { day, at };
  }
  throw new Error('unreachable: a week always has a Tuesday');
}

/** How the named source reads, in both languages (part of the frozen, hashed entry list). */
export function publicValueSourceText(day: string) {
  return {
    zh: `${day} 中国福利彩票「双色球」开奖号码（北京时间 21:15 开奖；6 个红球加 1 个蓝球，两位数字，按开奖公告的顺序，用空格隔开）`,
    en: `The China Welfare Lottery "Double Colour Ball" numbers drawn on ${day} at 21:15 Beijing time (6 red balls then 1 blue ball, two digits each, in the order announced, separated by spaces)`,
  };
}

