import { describe, expect, it } from 'vitest';
import { DEFAULT_DEAL_SETTINGS } from './deal-fields.ts';
import { allowedMoves, type DealStage } from './deal-stages.ts';
import { planDemoDeals } from './demo-deals.ts';

const input = {
  seed: 20260101,
  now: '2026-12-08 10:30',
  earliest: '2026-01-26',
  townships: ['兰江街道', '云山街道', '上华街道', '永昌街道', '赤溪街道', '女埠街道'],
  office: '市商务局',
  settings: DEFAULT_DEAL_SETTINGS,
};

describe('the demo county’s 招商 year', () => {
  const plan = planDemoDeals(input);

  it('is the same plan for the same seed', () => {
    expect(planDemoDeals(input)).toEqual(plan);
    expect(planDemoDeals({ ...input, seed: 7 })).not.toEqual(plan);
  });

  it('plans about 400 deals in three teams, every step between the first day and now, in order', () => {
    expect(plan.deals.length).toBeGreaterThan(350);
    expect(plan.deals.length).toBeLessThanOrEqual(400);
    expect(plan.teams.map((t) => t.name)).toEqual(['沪苏招商小分队', '杭州招商小分队', '深圳招商小分队']);
    for (const d of plan.deals) {
      expect(d.steps[0]!.kind).toBe('create');
      const times = d.steps.map((s) => s.at);
      expect(times).toEqual([...times].sort());
      expect(times.every((t) => t >= input.earliest && t < input.now)).toBe(true);
    }
  });

  it('moves each deal only as the stage rules allow, converting when signed and landing once started', () => {
    const reached = new Set<DealStage>();
    for (const d of plan.deals) {
      let stage: DealStage = 'lead';
      let shelvedFrom: DealStage | null = null;
      let converted = false;
      for (const s of d.steps) {
        if (s.kind === 'move') {
          expect(allowedMoves(stage, shelvedFrom)).toContain(s.to);
          if (s.to === 'shelved') shelvedFrom = stage;
          if (s.to === 'shelved' || s.to === 'terminated') expect(s.reason).toBeTruthy();
          if (s.to === 'signed') expect(s.signedAmountYuan! % 100_000).toBe(0);
          stage = s.to;
        }
        if (s.kind === 'convert') {
          expect(stage).toBe('signed');
          converted = true;
        }
        if (s.kind === 'start') {
          expect(converted).toBe(true);
          stage = 'landed';
        }
        if (s.kind === 'funds') expect(['signed', 'landed']).toContain(stage);
      }
      reached.add(stage);
    }
    expect([...reached].sort()).toEqual(
      ['assessing', 'landed', 'lead', 'negotiating', 'shelved', 'signed', 'terminated'].sort(),
    );
  });
});
