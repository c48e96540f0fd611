import { describe, expect, it } from 'vitest';
import { initialsOf } from '../../projects/projects.service.ts';
import { initialsFor } from './import-rows.ts';

describe('initials of imported names', () => {
  it.each([
    '兰溪市年产5万吨光膜新材料项目',
    '重庆路长乐街道银行大楼重建',
    '长安区2024年重点工程',
    'ABC智能装备（一期）',
    '乐清长江大桥',
    '单县重型机械',
    '银行行长',
    '兰江街道·农贸市场提升改造',
    '调整调查调度',
    '1号楼',
  ])('are the project form’s for %s', (name) => {
    expect(initialsFor(name)).toBe(initialsOf(name));
  });
});
