import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  auditActionLabel,
  auditObjectTypeLabel,
  isAuditAction,
  isAuditObjectType,
} from '../src/domain/audit/audit-labels.ts';

const SERVER = join(import.meta.dirname, '..', 'src', 'server');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** The action and object-type literals the writers pass to the audit log (`audit.record`, the import stamps). */
function writtenLiterals() {
  const actions = new Set<string>();
  const types = new Set<string>();
  for (const file of sources(SERVER)) {
    const text = readFileSync(file, 'utf8');
    if (!/audit\.record\(|importStamps|'audit_events'/.test(text)) continue;
    // Each `audit.record({ … })` call: the action (a literal, a choice of two, or a template) and the type.
    for (const call of text.split(/audit\.record\(/).slice(1)) {
      // An event built elsewhere (the cutoff's escalations) is read where it is built, below.
      if (/^\s*\w[\w.]*\s*,/.test(call)) continue;
      const head = call.slice(0, 400);
      const action = /\baction: (?:\w+ \? )?(['`])([\w.${}]+)\1(?: : '([\w.]+)')?/.exec(head);
      if (!action) actions.add(`unreadable in ${file}`);
      else for (const a of [action[2], action[3]]) if (a) actions.add(a);
      const type = /\bobjectType: '(\w+)'/.exec(head);
      types.add(type ? type[1]! : `unreadable in ${file}`);
    }
    // An event written as a value (`{ … } satisfies AuditEventInput`), passed to audit.record or recordMany.
    for (const m of text.matchAll(/satisfies AuditEventInput/g)) {
      const body = text.slice(Math.max(0, m.index - 600), m.index);
      const action = [...body.matchAll(/\baction: '([\w.]+)'/g)].at(-1);
      const type = [...body.matchAll(/\bobjectType: '(\w+)'/g)].at(-1);
      actions.add(action ? action[1]! : `unreadable in ${file}`);
      types.add(type ? type[1]! : `unreadable in ${file}`);
    }
    // The bulk writers of a ledger import pass the action as the second argument of `audit(id, '…', …)`.
    for (const m of text.matchAll(/\baudit\(\s*[\w.![\]]+,\s*'([\w.]+)'/g)) actions.add(m[1]!);
    for (const m of text.matchAll(/importStamps\(\w+, '(\w+)'\)/g)) types.add(m[1]!);
  }
  return { actions, types };
}

describe('audit labels', () => {
  const written = writtenLiterals();

  it('finds the writers (the scan is not silently empty)', () => {
    expect(written.actions.size).toBeGreaterThan(30);
    expect(written.actions).toContain('lightRules.update');
    expect(written.actions).toContain('import.mapping.save');
    expect(written.types).toContain('lightRules');
  });

  it('has a label for every action a server source writes', () => {
    const templated = [...written.actions].filter((a) => a.includes('${'));
    expect(templated).toEqual(['report.${action}']);
    for (const step of ['submit', 'approve', 'return']) expect(isAuditAction(`report.${step}`)).toBe(true);
    const missing = [...written.actions].filter((a) => !a.includes('${') && !isAuditAction(a));
    expect(missing).toEqual([]);
  });

  it('has a label for every object type a server source writes', () => {
    expect([...written.types].filter((t) => !isAuditObjectType(t))).toEqual([]);
  });

  it('labels in both languages, none empty, no two actions alike', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const labels = AUDIT_ACTIONS.map((a) => auditActionLabel(a, locale));
      expect(labels.every((x) => x.trim().length > 0)).toBe(true);
      expect(new Set(labels).size).toBe(labels.length);
      expect(AUDIT_OBJECT_TYPES.every((t) => auditObjectTypeLabel(t, locale).trim().length > 0)).toBe(true);
    }
  });

  it.each([
    ['session.create', 'zh-CN', '登录'],
    ['lightRules.update', 'zh-CN', '修改亮灯规则'],
    ['report.approve', 'zh-CN', '审核通过月报'],
    ['report.approve', 'en', 'Approve monthly report'],
    ['something.old', 'zh-CN', 'something.old'],
  ] as const)('%s in %s reads “%s”', (action, locale, label) => {
    expect(auditActionLabel(action, locale)).toBe(label);
  });
});
