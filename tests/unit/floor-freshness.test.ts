// The floor calls its numbers live only while they are fresh and the last refresh reached central;
// past a minute they are stale whatever happened since, so twenty-minute-old numbers never read as live.
import { describe, expect, it } from 'vitest';
import { freshness, STALE_AFTER_MS } from '@renderer/features/floor/format.js';

describe('floor freshness', () => {
  const at = Date.parse('2026-12-04T03:00:00Z');

  it('is live while the last refresh reached central and the numbers are under a minute old', () => {
    expect(freshness(at, at, true)).toBe('live');
    expect(freshness(at, at + STALE_AFTER_MS, true)).toBe('live');
  });

  it('is not live once a refresh failed, even with recent numbers', () => {
    expect(freshness(at, at + 5_000, false)).toBe('unconfirmed');
  });

  it('is stale past a minute, whether or not the last refresh succeeded', () => {
    expect(freshness(at, at + STALE_AFTER_MS + 1, false)).toBe('stale');
    expect(freshness(at, at + 20 * 60_000, true)).toBe('stale');
  });
});
