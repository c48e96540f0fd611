import { describe, expect, it } from 'vitest';
import { normaliseProjectCode } from './project-code.ts';

describe('project code (GB/T 40058)', () => {
  it.each([
    ['2403-330781-04-01-123456', '2403-330781-04-01-123456'],
    [' 2403-330781-04-01-123456 ', '2403-330781-04-01-123456'],
    ['２４０３－330781－04－01－123456', '2403-330781-04-01-123456'],
  ])('accepts %s as %s', (input, code) => {
    expect(normaliseProjectCode(input)).toEqual({ code });
  });

  it.each([
    ['2403-330781-04-01-12345', 'format'],
    ['2403330781-04-01-123456', 'format'],
    ['24A3-330781-04-01-123456', 'format'],
    ['2403-330781-04-01-1234567', 'format'],
    ['2413-330781-04-01-123456', 'month'],
    ['2400-330781-04-01-123456', 'month'],
  ])('refuses %s (%s)', (input, error) => {
    expect(normaliseProjectCode(input)).toEqual({ error });
  });
});
