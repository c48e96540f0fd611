import { describe, expect, it } from 'vitest';
import { availableSteps, partiesOf, stepRefusal, type TicketParty, type TicketStep } from './ticket-flow.ts';

const as = (...parties: TicketParty[]) => new Set(parties);

describe('the steps of a ticket, by state and party', () => {
  it.each<
    [TicketStep, Parameters<typeof stepRefusal>[1], TicketParty[], string | null, ReturnType<typeof stepRefusal>]
  >([
    ['accept', 'raised', ['office'], null, null],
    ['accept', 'raised', ['handler'], null, 'NOT_A_PARTY'],
    ['accept', 'raised', ['raiser'], null, 'NOT_A_PARTY'],
    // Accepting a closed ticket is refused for its state.
    ['accept', 'closed', ['office'], null, 'WRONG_STATE'],
    ['reject', 'raised', ['office'], '不属于涉企问题范围', null],
    ['reject', 'raised', ['office'], '  ', 'TEXT_REQUIRED'],
    ['assign', 'accepted', ['office'], null, null],
    // Reassigning while it is being handled (another unit is better placed).
    ['assign', 'handling', ['office'], null, null],
    ['assign', 'raised', ['office'], null, 'WRONG_STATE'],
    ['reply', 'handling', ['handler'], '已对接自然资源局，下周现场踏勘', null],
    ['reply', 'handling', ['raiser'], '催一下', 'NOT_A_PARTY'],
    ['reply', 'accepted', ['handler'], '答复', 'WRONG_STATE'],
    ['answer', 'handling', ['handler'], '用地指标已落实', null],
    ['answer', 'handling', ['handler'], '', 'TEXT_REQUIRED'],
    ['answer', 'answered', ['office'], '再答复', 'WRONG_STATE'],
    ['rate', 'answered', ['raiser'], null, null],
    // Rating someone else's ticket: the person is no party to it.
    ['rate', 'answered', [], null, 'NOT_A_PARTY'],
    ['rate', 'answered', ['office'], null, 'NOT_A_PARTY'],
    ['reopen', 'answered', ['raiser'], '问题没有解决', null],
    ['reopen', 'answered', ['raiser'], null, 'TEXT_REQUIRED'],
    ['reopen', 'closed', ['raiser'], '又出现了', 'WRONG_STATE'],
    ['note', 'handling', ['handler'], '企业诉求偏高，需协调', null],
    ['note', 'handling', ['raiser'], '备注', 'NOT_A_PARTY'],
    ['note', 'closed', ['office'], '备注', 'WRONG_STATE'],
    ['requestExtension', 'handling', ['handler'], '需省厅批复', null],
    ['requestExtension', 'handling', ['office'], '需省厅批复', 'NOT_A_PARTY'],
    ['decideExtension', 'handling', ['office'], null, null],
    ['decideExtension', 'handling', ['handler'], null, 'NOT_A_PARTY'],
  ])('%s in %s by %j with %j → %s', (step, state, parties, text, refusal) => {
    expect(stepRefusal(step, state, as(...parties), text)).toBe(refusal);
  });

  it('offers each party its buttons', () => {
    expect(availableSteps('raised', as('office'))).toEqual(['accept', 'reject', 'note']);
    expect(availableSteps('handling', as('handler'))).toEqual(['reply', 'answer', 'note', 'requestExtension']);
    expect(availableSteps('answered', as('raiser'))).toEqual(['rate', 'reopen']);
    expect(availableSteps('closed', as('office', 'handler', 'raiser'))).toEqual([]);
    expect(availableSteps('handling', as())).toEqual([]);
  });
});

describe('what a person is to a ticket', () => {
  const ticket = { raisedBy: 7, enterpriseId: 3, handlerPaths: ['/1/4/', '/1/9/'] };
  it.each([
    ['a coordinator is the office', { id: 1, role: 'coordinator', unitPath: '/1/' }, ['office']],
    ['an editor of the handling unit handles it', { id: 2, role: 'unit_editor', unitPath: '/1/4/' }, ['handler']],
    ['an editor of a co-unit handles it too', { id: 5, role: 'unit_editor', unitPath: '/1/9/' }, ['handler']],
    ['an editor elsewhere is no party', { id: 6, role: 'unit_editor', unitPath: '/1/5/' }, []],
    ['the person who raised it', { id: 7, role: 'unit_editor', unitPath: '/1/5/' }, ['raiser']],
    ["the enterprise's other account", { id: 8, role: 'enterprise', unitPath: '/1/', enterpriseId: 3 }, ['raiser']],
    ["another enterprise's account", { id: 9, role: 'enterprise', unitPath: '/1/', enterpriseId: 4 }, []],
    ['a leader reads, takes no step', { id: 10, role: 'leader', unitPath: '/1/' }, []],
  ] as const)('%s', (_, actor, parties) => {
    expect([...partiesOf(actor, ticket)].sort()).toEqual([...parties].sort());
  });
});
