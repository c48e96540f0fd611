import { describe, expect, it } from 'vitest';
import { projectNameKey, sameProjectName } from './project-name.ts';

describe('projectNameKey', () => {
  it.each([
    ['兰溪纺织产业园', '兰溪纺织产业园'],
    ['  兰溪纺织产业园  ', '兰溪纺织产业园'],
    ['兰溪 纺织 产业园', '兰溪纺织产业园'],
    ['兰溪\u3000纺织产业园', '兰溪纺织产业园'],
    ['兰溪\t纺织\n产业园', '兰溪纺织产业园'],
    ['年产１０万吨项目', '年产10万吨项目'],
    ['ＡＢＣ厂房', 'abc厂房'],
    ['ABC厂房', 'abc厂房'],
    ['兰江（一期）', '兰江(一期)'],
    ['兰江(一期)', '兰江(一期)'],
    ['兰江—二期', '兰江-二期'],
    ['兰江－二期', '兰江-二期'],
  ])('%j → %j', (name, key) => {
    expect(projectNameKey(name)).toBe(key);
  });

  it.each([
    ['兰溪纺织产业园', '兰溪 纺织产业园', true],
    ['年产１０万吨（一期）', '年产10万吨(一期)', true],
    ['兰溪纺织产业园', '兰溪纺织产业园二期', false],
    ['兰溪纺织产业园一期', '兰溪纺织产业园二期', false],
    ['一期', '1期', false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameProjectName(a, b)).toBe(same);
  });
});
