// The step bar reads the counter's steps from the application's status and receipts: what is done, where
// the officer is now, and whether finishing the ticket needs a second look.
import { describe, expect, it } from 'vitest';
import { counterSteps, counterWorkDone } from '@common/domain/applications/counter-steps.js';

const facts = (status: Parameters<typeof counterWorkDone>[0], more: { applicantComplete?: boolean; receiptPrinted?: boolean } = {}) => ({
  status,
  applicantComplete: more.applicantComplete ?? false,
  receiptPrinted: more.receiptPrinted ?? false,
});

describe('counter steps', () => {
  it('starts at the data without an application, and finishing is the only step a ticket alone completes', () => {
    expect(counterSteps(null)).toEqual({
      data: 'current',
      documents: 'todo',
      biometrics: 'todo',
      interview: 'todo',
      payment: 'todo',
      receipt: 'todo',
      finish: 'todo',
    });
    expect(counterSteps(null, true).finish).toBe('done');
  });

  it('moves to the documents once the data is complete, and on with each status', () => {
    expect(counterSteps(facts('checked_in', { applicantComplete: true }))).toMatchObject({ data: 'done', documents: 'current' });
    expect(counterSteps(facts('checked_in'))).toMatchObject({ data: 'current', documents: 'todo' });
    expect(counterSteps(facts('verified'))).toMatchObject({ data: 'done', documents: 'done', biometrics: 'current' });
    expect(counterSteps(facts('interviewed'))).toMatchObject({ interview: 'done', payment: 'current' });
    expect(counterSteps(facts('paid'))).toMatchObject({ payment: 'done', receipt: 'current' });
    expect(counterSteps(facts('submitted', { receiptPrinted: true }))).toMatchObject({ receipt: 'done', finish: 'current' });
  });

  it('counts a receipt printed early as done while earlier steps still wait', () => {
    const s = counterSteps(facts('verified', { receiptPrinted: true }));
    expect(s).toMatchObject({ biometrics: 'current', receipt: 'done', finish: 'todo' });
    expect(Object.values(s).filter((v) => v === 'current')).toHaveLength(1);
  });

  it('keeps an incomplete application at its documents, and shows a decided one past every counter step', () => {
    expect(counterSteps(facts('incomplete', { applicantComplete: true }))).toMatchObject({ data: 'done', documents: 'current' });
    expect(counterSteps(facts('approved'))).toMatchObject({ payment: 'done', receipt: 'current' });
  });

  it('needs no second look to finish once the application left the counter or went home incomplete', () => {
    for (const s of ['submitted', 'incomplete', 'approved', 'collected', 'cancelled'] as const) expect(counterWorkDone(s)).toBe(true);
    for (const s of ['checked_in', 'verified', 'biometrics_captured', 'interviewed', 'paid'] as const)
      expect(counterWorkDone(s)).toBe(false);
  });
});
