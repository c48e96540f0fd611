import { describe, expect, it } from 'vitest';
import { generateDemoReports, type DemoReportProject } from './demo-reports.ts';

const projects: DemoReportProject[] = Array.from({ length: 200 }, (_, i) => ({
  index: i,
  stage: i % 10 === 0 ? 'preparing' : 'construction',
  actualStartDate: i % 10 === 0 ? null : i % 3 === 0 ? '2026-05-10' : '2025-08-01',
  annualPlanYuan: 120_000_000,
}));

describe('demo monthly reports', () => {
  const reports = generateDemoReports(projects, '2026-11-23', 7);

  it('reports last year in January', () => {
    const january = generateDemoReports(projects, '2027-01-10', 7);
    expect(january.every((r) => r.year === 2026)).toBe(true);
    expect(Math.max(...january.map((r) => r.month))).toBe(12);
  });

  it('is deterministic for a seed', () => {
    expect(generateDemoReports(projects, '2026-11-23', 7)).toEqual(reports);
    expect(generateDemoReports(projects, '2026-11-23', 8)).not.toEqual(reports);
  });

  it('covers only past months after the start, of started projects', () => {
    expect(reports.every((r) => r.year === 2026 && r.month >= 1 && r.month <= 10)).toBe(true);
    // 前期 projects report small amounts from January.
    expect(reports.filter((r) => r.index % 10 === 0).every((r) => r.amountYuan <= 300_000)).toBe(true);
    expect(reports.filter((r) => r.index % 3 === 0 && r.index % 10 !== 0).every((r) => r.month >= 5)).toBe(true);
  });

  it('has the patterns the lights need: late ones, never-reporting projects, drafts only in the last month', () => {
    expect(reports.some((r) => r.isLate)).toBe(true);
    const reporting = new Set(reports.map((r) => r.index));
    expect(projects.filter((p) => p.actualStartDate && !reporting.has(p.index)).length).toBeGreaterThan(0);
    expect(reports.filter((r) => r.state !== 'approved').every((r) => r.month === 10)).toBe(true);
    expect(reports.every((r) => (r.state === 'draft') === (r.submittedOn === null))).toBe(true);
    // Late means after the deadline: the 3rd of the next month.
    for (const r of reports.filter((x) => x.submittedOn)) {
      const deadline = `2026-${String(r.month + 1).padStart(2, '0')}-03`;
      expect(r.submittedOn! > deadline).toBe(r.isLate);
    }
  });

  it('spreads projects between on track and lagging', () => {
    // A month's pace against the plan's twelfth: lagging projects report 25–60 %, the others 85–125 %.
    const paces = reports.filter((r) => r.index % 10 !== 0).map((r) => r.amountYuan / (120_000_000 / 12));
    expect(paces.filter((p) => p < 0.61).length).toBeGreaterThan(0);
    expect(paces.filter((p) => p >= 0.85).length / paces.length).toBeGreaterThan(0.6);
    expect(Math.max(...paces)).toBeLessThanOrEqual(1.25);
  });
});
