import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  findTransition,
  isRefusal,
  nextActions,
  TERMINAL_STATUSES,
  TRANSITIONS,
  type ApplicationStatus,
} from '@common/domain/applications/flow.js';

const HAPPY: Array<[string, ApplicationStatus]> = [
  ['verify', 'verified'],
  ['captureBiometrics', 'biometrics_captured'],
  ['interview', 'interviewed'],
  ['pay', 'paid'],
  ['submit', 'submitted'],
  ['approve', 'approved'],
  ['print', 'printed'],
  ['markReady', 'ready'],
  ['handOver', 'collected'],
];

describe('application flow', () => {
  it('walks from check-in to collection with the right roles', () => {
    let status: ApplicationStatus = 'checked_in';
    for (const [action, to] of HAPPY) {
      const role = action === 'approve' ? 'supervisor' : 'officer';
      const rule = findTransition(status, action, role);
      expect(isRefusal(rule), `${action} from ${status}`).toBe(false);
      if (!isRefusal(rule)) status = rule.to;
      expect(status).toBe(to);
    }
  });

  it('refuses transitions out of order and says where they are allowed from', () => {
    expect(findTransition('checked_in', 'pay', 'officer')).toEqual({
      code: 'outOfOrder',
      status: 'checked_in',
      allowedFrom: ['interviewed'],
    });
    expect(findTransition('collected', 'cancel', 'supervisor')).toMatchObject({ code: 'outOfOrder' });
    expect(findTransition('paid', 'fly', 'officer')).toEqual({ code: 'unknownAction' });
  });

  it('keeps adjudication and late cancellation to supervisors', () => {
    expect(findTransition('submitted', 'approve', 'officer')).toEqual({ code: 'role', roles: ['supervisor'] });
    expect(findTransition('approved', 'cancel', 'officer')).toEqual({ code: 'role', roles: ['supervisor'] });
    expect(isRefusal(findTransition('paid', 'cancel', 'officer'))).toBe(false);
  });

  it('requires a reason to reject or cancel', () => {
    for (const r of TRANSITIONS.filter((t) => t.action === 'reject' || t.action === 'cancel')) expect(r.reason).toBe('required');
  });

  it('lets an incomplete application be verified once the documents arrive', () => {
    expect(findTransition('checked_in', 'markIncomplete', 'officer')).toMatchObject({ to: 'incomplete' });
    expect(findTransition('incomplete', 'verify', 'officer')).toMatchObject({ to: 'verified' });
  });

  it('offers nothing from a terminal status and every other status has a way on', () => {
    for (const s of TERMINAL_STATUSES) expect(nextActions(s, 'supervisor')).toEqual([]);
    for (const s of APPLICATION_STATUSES.filter((x) => !TERMINAL_STATUSES.includes(x)))
      expect(nextActions(s, 'supervisor').length).toBeGreaterThan(0);
  });

  it('expires only ready passports, by supervisor or the sweep', () => {
    expect(findTransition('ready', 'expire', 'supervisor')).toMatchObject({ to: 'expired', guards: ['collectionWindowOver'] });
    expect(findTransition('printed', 'expire', 'supervisor')).toMatchObject({ code: 'outOfOrder' });
  });
});
