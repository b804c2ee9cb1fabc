import { describe, expect, it } from 'vitest';
import { scheduleMeetings, solveAssignment, type AssignmentProblem, type ScheduleProblem } from '../../src/assign/index.js';

const ok: AssignmentProblem = {
  needs: [{ id: 'n0', demand: 1 }],
  experts: [{ id: 'e0', capacity: 1 }],
  edges: [{ need: 0, expert: 0, score: 1 }],
  objective: 'total',
};

describe('solveAssignment input validation', () => {
  const bad: [string, AssignmentProblem, RegExp][] = [
    ['NaN score', { ...ok, edges: [{ need: 0, expert: 0, score: NaN }] }, /edges\[0\]\.score must be a finite number > 0/],
    ['infinite score', { ...ok, edges: [{ need: 0, expert: 0, score: Infinity }] }, /score/],
    ['zero score', { ...ok, edges: [{ need: 0, expert: 0, score: 0 }] }, /score/],
    ['negative score', { ...ok, edges: [{ need: 0, expert: 0, score: -1 }] }, /score/],
    ['need index out of range', { ...ok, edges: [{ need: 1, expert: 0, score: 1 }] }, /edges\[0\]\.need must be an integer index in \[0, 1\)/],
    ['fractional expert index', { ...ok, edges: [{ need: 0, expert: 0.5, score: 1 }] }, /edges\[0\]\.expert/],
    ['negative expert index', { ...ok, edges: [{ need: 0, expert: -1, score: 1 }] }, /edges\[0\]\.expert/],
    [
      'duplicate edge',
      { ...ok, edges: [{ need: 0, expert: 0, score: 1 }, { need: 0, expert: 0, score: 2 }] },
      /edges\[1\] duplicates the pair \(need 0, expert 0\)/,
    ],
    ['negative capacity', { ...ok, experts: [{ id: 'e0', capacity: -1 }] }, /experts\[0\]\.capacity must be a non-negative integer/],
    ['fractional demand', { ...ok, needs: [{ id: 'n0', demand: 1.5 }] }, /needs\[0\]\.demand/],
    ['NaN demand', { ...ok, needs: [{ id: 'n0', demand: NaN }] }, /needs\[0\]\.demand/],
    ['duplicate need id', { ...ok, needs: [{ id: 'n0', demand: 1 }, { id: 'n0', demand: 1 }] }, /duplicate/],
    ['unknown objective', { ...ok, objective: 'max' as 'total' }, /objective/],
    ['negative alternates', { ...ok, alternates: -1 }, /alternates/],
  ];
  it.each(bad)('%s throws RangeError', (_, problem, message) => {
    expect(() => solveAssignment(problem)).toThrow(RangeError);
    expect(() => solveAssignment(problem)).toThrow(message);
  });
});

describe('scheduleMeetings input validation', () => {
  const pair = { need: 0, expert: 0, enterprise: 0 };
  const bad: [string, ScheduleProblem][] = [
    ['negative expert', { pairs: [{ ...pair, expert: -1 }] }],
    ['fractional enterprise', { pairs: [{ ...pair, enterprise: 0.5 }] }],
    ['NaN need', { pairs: [{ ...pair, need: NaN }] }],
    ['negative maxSlots', { pairs: [pair], maxSlots: -1 }],
    ['bad availability slot', { pairs: [pair], availability: new Map([[0, [-1]]]) }],
    ['availability not a Map', { pairs: [pair], availability: {} as ReadonlyMap<number, readonly number[]> }],
  ];
  it.each(bad)('%s throws RangeError', (_, problem) => {
    expect(() => scheduleMeetings(problem)).toThrow(RangeError);
  });
});
