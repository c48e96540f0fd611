import { describe, expect, it } from 'vitest';
import {
  canMoveUnder,
  childPath,
  depthOf,
  isInSubtree,
  isStrictlyBelow,
  kindOfDivision,
  rebasePath,
  rollUpPath,
} from './unit-tree.ts';

describe('unit tree paths', () => {
  it.each([
    [null, 1, '/1/'],
    ['/1/', 4, '/1/4/'],
    ['/1/4/', 17, '/1/4/17/'],
  ])('childPath(%s, %i) is %s', (parent, id, expected) => {
    expect(childPath(parent, id)).toBe(expected);
  });

  it.each([
    ['/1/', 0],
    ['/1/4/', 1],
    ['/1/4/17/', 2],
  ])('depth of %s is %i', (path, depth) => {
    expect(depthOf(path)).toBe(depth);
  });

  it.each([
    // path, root, inSubtree, strictlyBelow
    ['/1/4/', '/1/4/', true, false],
    ['/1/4/17/', '/1/4/', true, true],
    ['/1/5/', '/1/4/', false, false],
    // "/1/41/" shares the characters "/1/4" but is a sibling, not a child: the trailing slash matters.
    ['/1/41/', '/1/4/', false, false],
    ['/1/', '/1/4/', false, false],
  ])('%s against root %s: in subtree %s, strictly below %s', (path, root, inSub, below) => {
    expect(isInSubtree(path, root)).toBe(inSub);
    expect(isStrictlyBelow(path, root)).toBe(below);
  });

  it.each([
    ['/1/4/', '/1/5/', true],
    ['/1/4/', '/1/', true],
    ['/1/4/', '/1/4/', false],
    ['/1/4/', '/1/4/17/', false],
  ])('moving %s under %s allowed: %s', (unit, parent, ok) => {
    expect(canMoveUnder(unit, parent)).toBe(ok);
  });

  it('rebases a moved subtree', () => {
    expect(rebasePath('/1/4/17/', '/1/4/', '/1/5/4/')).toBe('/1/5/4/17/');
    expect(() => rebasePath('/1/6/', '/1/4/', '/1/5/4/')).toThrow();
  });

  it.each([
    ['330781001', '兰江街道', 'street'],
    ['330781102', '游埠镇', 'township'],
    ['330781203', '水亭畲族乡', 'township'],
    ['330781400', '兰溪经济开发区', 'other'],
  ])('division %s %s is a %s', (code, name, kind) => {
    expect(kindOfDivision(code, name)).toBe(kind);
  });
});

describe('rolling figures up to the units below the one looked at', () => {
  it.each([
    ['the county’s own projects stay with the county', '/1/', '/1/', '/1/'],
    ['a township’s figures go to the township', '/1/', '/1/4/', '/1/4/'],
    ['a village’s figures go to its township', '/1/', '/1/4/30/', '/1/4/'],
    ['looking at the township, the village is its own row', '/1/4/', '/1/4/30/', '/1/4/30/'],
    ['another township is outside', '/1/4/', '/1/5/', null],
    ['"/1/40/" is not below "/1/4/"', '/1/4/', '/1/40/', null],
  ])('%s', (_what, top, path, expected) => {
    expect(rollUpPath(top, path)).toBe(expected);
  });
});
