// Training numbers: a shape the real rules never produce, read only by a desk in training mode.
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_NUMBER,
  applicationNumberIn,
  formatApplicationNumber,
  parseApplicationNumber,
} from '@common/domain/applications/number.js';
import { classifyQuery } from '@common/domain/applications/search-query.js';
import { formatTicketNumber, trainingPrefix } from '@common/domain/queue/ticket-number.js';

const parts = { prefix: 'BYM', businessDate: '2026-11-30', counter: 3, seq: 7 };

describe('training numbers', () => {
  it('marks a practice application number so the real rule refuses it', () => {
    expect(formatApplicationNumber(parts)).toBe('BYM-261130-03-0007');
    const practice = formatApplicationNumber({ ...parts, training: true });
    expect(practice).toBe('LAT-BYM-261130-03-0007');
    expect(APPLICATION_NUMBER.test(practice)).toBe(false);
  });

  it('parses a practice number in training only, and never as the real number inside it', () => {
    expect(parseApplicationNumber(' lat-bym-261130-03-0007 ', true)).toBe('LAT-BYM-261130-03-0007');
    expect(parseApplicationNumber('LAT-BYM-261130-03-0007')).toBeNull();
    expect(parseApplicationNumber('BYM-261130-03-0007', true)).toBe('BYM-261130-03-0007');
    expect(applicationNumberIn('QR:LAT-BYM-261130-03-0007;x', true)).toBe('LAT-BYM-261130-03-0007');
    expect(applicationNumberIn('QR:LAT-BYM-261130-03-0007;x')).toBeNull();
    expect(applicationNumberIn('QR:BYM-261130-03-0007;x')).toBe('BYM-261130-03-0007');
  });

  it('searches a practice number as a number', () => {
    expect(classifyQuery('lat-bym-261130-03-0007')).toEqual({ kinds: ['number'], value: 'LAT-BYM-261130-03-0007' });
  });

  it('numbers practice tickets LAT-', () => {
    expect(formatTicketNumber(trainingPrefix('A'), 7)).toBe('LAT-A-007');
  });
});
