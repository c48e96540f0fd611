import { lightColumns } from './src/server/features/tickets/ticket-columns.ts';
import { deadlineAt } from './src/domain/tickets/clock.ts';
const now = new Date('2026-11-11T16:05:00Z');
const tz = 'Asia/Shanghai';
const dues: any[] = [];
let seed = 1; const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
for (let i = 0; i < 100000; i++) {
  const start = new Date(now.getTime() - rnd() * 60 * 86400000);
  const a = deadlineAt(start, { unit: rnd() < 0.5 ? 'workingDays' : 'workingHours', amount: 3 } as any, tz).toISOString();
  const c = deadlineAt(start, { unit: 'workingDays', amount: 15 } as any, tz).toISOString();
  dues.push(rnd() < 0.3 ? { accept: a, interim: null, close: null, revisit: null } : { accept: null, interim: a, close: c, revisit: null });
}
const t = performance.now();
let h = 0;
for (const d of dues) h += lightColumns(d, false, now, tz).light.length;
console.log('lightColumns x100k', (performance.now() - t).toFixed(0), 'ms', h);
