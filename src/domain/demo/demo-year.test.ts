import { describe, expect, it } from 'vitest';
import { checkProjectRules } from '../projects/project-rules.ts';
import { mustReport, submitDeadline } from '../reports/report-rules.ts';
import { lastDayOfMonth } from '../lights/period.ts';
import { generateDemoProjects } from './demo-county.ts';
import { TEST_UNITS } from './test-units.ts';
import { planDemoYear, type DemoYearStep } from './demo-year.ts';
import { libraryHistory, stageOn } from './library-history.ts';
import { createRng } from './random.ts';
import { checkTransition } from '../projects/lifecycle.ts';

const UNITS = TEST_UNITS.filter((u) => u.kind !== 'village');
const NOW = '2026-11-23 18:00';
const projects = generateDemoProjects({ seed: 7, today: NOW.slice(0, 10), count: 300, units: UNITS });
const year = planDemoYear({ projects, now: NOW, seed: 7 });
const ofProject = (index: number) => year.steps.filter((s) => 'index' in s && s.index === index);
const reportKey = (s: DemoYearStep) => ('month' in s && 'index' in s ? `${s.index}:${s.month}` : '');

describe('the demo year', () => {
  it('is deterministic for a seed, and different for another', () => {
    expect(planDemoYear({ projects, now: NOW, seed: 7 })).toEqual(year);
    expect(planDemoYear({ projects, now: NOW, seed: 8 }).steps).not.toEqual(year.steps);
  });

  it('happens in order, from the set-up on 5 January to now, never after', () => {
    expect(year.setupAt).toBe('2026-01-05 08:00');
    const ats = year.steps.map((s) => s.at);
    expect(ats).toEqual([...ats].sort());
    expect(ats[0]! > year.setupAt).toBe(true);
    expect(ats.at(-1)! <= NOW).toBe(true);
    // Ten minutes earlier, the same plan minus what had not happened yet.
    const earlier = planDemoYear({ projects, now: '2026-11-23 17:50', seed: 7 });
    expect(earlier.steps).toEqual(year.steps.filter((s) => s.at <= '2026-11-23 17:50'));
  });

  it('enters every project once, in January, before anything else happens to it, with no actual date after that day', () => {
    projects.forEach((p, index) => {
      const own = ofProject(index);
      const enter = own[0]!;
      expect(enter.kind === 'project' && enter.step.kind).toBe('enter');
      if (enter.kind !== 'project' || enter.step.kind !== 'enter') return;
      expect(own.filter((s) => s.kind === 'project' && s.step.kind === 'enter')).toHaveLength(1);
      const entered = {
        ...p,
        ...Object.fromEntries(enter.step.withheld.map((f) => [f, null])),
        stage: enter.step.stage,
      };
      for (const [field, date] of Object.entries(entered))
        if (field.startsWith('actual') && typeof date === 'string') expect(date <= enter.step.on).toBe(true);
      const facts = {
        stage: entered.stage,
        totalInvestment: p.totalInvestmentWan,
        fixedAssetInvestment: null,
        annualPlanSum: 0,
        planned: {},
        actual: {
          start: entered.actualStartDate,
          completion: entered.actualCompletionDate,
          production: entered.actualProductionDate,
          capacity: entered.actualCapacityDate,
        },
      };
      expect(checkProjectRules(facts, enter.step.on)).toEqual([]);
    });
  });

  it('ends every project in the stage the generator gave it, through its milestones on their days', () => {
    projects.forEach((p, index) => {
      let stage: string | null = null;
      for (const s of ofProject(index)) {
        if (s.kind !== 'project') continue;
        if (s.step.kind === 'enter') stage = s.step.stage;
        if (s.step.kind === 'transition') {
          stage = s.step.to;
          for (const date of Object.values(s.step.dates)) expect(date).toBe(s.step.on);
          expect(s.at.slice(0, 10)).toBe(s.step.on);
        }
      }
      expect(stage).toBe(p.stage);
    });
    // A project that started this year went from 前期 to 在建 on its start day.
    const started = projects.findIndex(
      (p) => p.actualStartDate && p.actualStartDate > '2026-02-01' && p.stage === 'construction',
    );
    expect(ofProject(started).find((s) => s.kind === 'project' && s.step.kind === 'transition')).toMatchObject({
      step: { to: 'construction', on: projects[started]!.actualStartDate },
    });
  });

  it('completes and starts producing on one day in one step, to 投产, whatever times the replay draws', () => {
    const p = { ...projects.find((q) => q.stage === 'production' && q.actualCompletionDate)! };
    Object.assign(p, { actualStartDate: '2026-02-10', actualCompletionDate: '2026-06-25' });
    Object.assign(p, { actualProductionDate: '2026-06-25', actualCapacityDate: null });
    const steps = libraryHistory(createRng(1), p, '2026-01-08', '2026-12-06');
    expect(steps.filter((s) => s.on === '2026-06-25')).toEqual([
      {
        kind: 'transition',
        on: '2026-06-25',
        to: 'production',
        dates: { actualCompletionDate: '2026-06-25', actualProductionDate: '2026-06-25' },
      },
    ]);
  });

  it('moves each project only as the lifecycle allows, in the order of the times drawn, whatever day it is loaded', () => {
    // Loaded on other days, the same seed draws other histories: milestones of one day (竣工 and 投产) must
    // still be played in an order the lifecycle accepts.
    for (const day of ['2026-03-09', '2026-06-30', '2026-09-15', '2026-12-07']) {
      const now = `${day} 18:00`;
      const ps = generateDemoProjects({ seed: 20260101, today: day, count: 300, units: UNITS });
      const plan = planDemoYear({ projects: ps, now, seed: 20260101 });
      const stages = new Map<number, string>();
      for (const s of plan.steps) {
        if (s.kind !== 'project') continue;
        if (s.step.kind === 'enter') stages.set(s.index, s.step.stage);
        if (s.step.kind !== 'transition') continue;
        const facts = {
          from: stages.get(s.index),
          to: s.step.to,
          today: s.step.on,
          reason: s.step.reason,
          ...s.step.dates,
        };
        expect(
          checkTransition(facts as Parameters<typeof checkTransition>[0]),
          `${day} #${s.index} → ${s.step.to}`,
        ).toBeNull();
        stages.set(s.index, s.step.to);
      }
    }
  });

  it('files each report before submitting it, submits before review, and returns only to see it sent again', () => {
    const seen = new Map<string, string[]>();
    for (const s of year.steps)
      if (['file', 'submit', 'approve', 'return'].includes(s.kind))
        seen.set(reportKey(s), [...(seen.get(reportKey(s)) ?? []), s.kind]);
    const lives = [...seen.values()].map((l) => l.join('→'));
    expect(new Set(lives)).toEqual(
      new Set(['file→submit→approve', 'file→submit→return→submit→approve', 'file', 'file→submit']),
    );
    // Only the latest month keeps drafts and reports waiting for review.
    for (const [key, life] of seen) if (!life.includes('approve')) expect(key.endsWith(':10')).toBe(true);
  });

  it('asks reports from January for every month the lights say is owed, some late, for reporting projects only', () => {
    const filed = year.steps.filter((s): s is Extract<DemoYearStep, { kind: 'file' }> => s.kind === 'file');
    expect(filed.every((r) => r.year === 2026 && r.month >= 1 && r.month <= 10)).toBe(true);
    for (const r of filed) {
      const p = projects[r.index]!;
      expect(
        mustReport(
          stageOn(p, lastDayOfMonth(2026, r.month)),
          p.annualPlans.some((a) => a.year === 2026),
        ) || !['construction', 'preparing'].includes(p.stage),
      ).toBe(true);
    }
    expect(filed.some((r) => r.month === 1)).toBe(true);
    const submits = year.steps.filter(
      (s): s is Extract<DemoYearStep, { kind: 'submit' | 'approve' }> => s.kind === 'submit',
    );
    const late = submits.filter((s) => s.at.slice(0, 10) > submitDeadline(s.year, s.month));
    expect(late.length).toBeGreaterThan(0);
    expect(late.length / submits.length).toBeLessThan(0.3);
  });

  it('publishes the bulletins of the last three finished months after their review days, each after its revenue', () => {
    const bulletins = year.steps.filter((s) => s.kind === 'bulletin');
    expect(bulletins.map((b) => ('month' in b ? b.month : 0))).toEqual([8, 9, 10]);
    for (const b of bulletins) {
      const m = 'month' in b ? b.month : 0;
      expect(b.at).toBe(`2026-${String(m + 1).padStart(2, '0')}-08 15:00`);
      expect(year.steps.find((s) => s.kind === 'revenue' && s.month === m)!.at < b.at).toBe(true);
    }
    const targets = year.steps.find((s) => s.kind === 'targets')!;
    expect(targets.at < year.steps.find((s) => s.kind === 'race')!.at && targets.at < bulletins[0]!.at).toBe(true);
  });

  it('in January reports on the whole of last year', () => {
    const january = planDemoYear({
      projects: generateDemoProjects({ seed: 7, today: '2027-01-10', count: 60, units: UNITS }),
      now: '2027-01-10 12:00',
      seed: 7,
    });
    expect(january.setupAt).toBe('2026-01-05 08:00');
    expect(Math.max(...january.steps.filter((s) => s.kind === 'file').map((s) => ('month' in s ? s.month : 0)))).toBe(
      12,
    );
  });
});
