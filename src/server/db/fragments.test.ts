import { describe, expect, it } from 'vitest';
import { subtreeRange } from './fragments.ts';

describe('subtreeRange', () => {
  const [lo, hi] = subtreeRange('/1/4/');
  it.each([
    ['/1/4/', true],
    ['/1/4/17/', true],
    ['/1/4/17/300/', true],
    ['/1/40/', false],
    ['/1/41/', false],
    ['/1/5/', false],
    ['/1/3/', false],
    ['/1/', false],
  ])('%s inside: %s', (path, inside) => {
    expect(path >= lo && path < hi).toBe(inside);
  });
});
