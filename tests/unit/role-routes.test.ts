// Where each role's screens live: reception has one screen, so every other address goes back to it,
// while the other roles keep the sub-pages of their own section.
import { describe, expect, it } from 'vitest';
import { HOME_ROUTE, routeFor } from '@renderer/lib/route.js';
import { maySync } from '@renderer/features/sync/route.js';

describe('role routes', () => {
  it("sends reception home from a counter's, another role's or its own section's other addresses", () => {
    expect(HOME_ROUTE.reception).toBe('#/resepsi/antrean');
    for (const hash of ['#/loket', '#/loket/antrean', '#/admin/accounts', '#/supervisor', '#/resepsi', '#/resepsi/sync', ''])
      expect(routeFor('home', 'reception', hash), hash).toBe('#/resepsi/antrean');
    expect(routeFor('home', 'reception', '#/resepsi/antrean')).toBe('#/resepsi/antrean');
    // After an unlock it returns home, whatever the lock covered.
    expect(routeFor('home', 'reception', '#/locked', '#/loket')).toBe('#/resepsi/antrean');
  });

  it('keeps the other roles in their sections as before', () => {
    expect(routeFor('home', 'officer', '#/loket/antrean')).toBe('#/loket/antrean');
    expect(routeFor('home', 'officer', '#/resepsi/antrean')).toBe('#/loket');
    expect(routeFor('home', 'admin', '#/admin/workstation')).toBe('#/admin/workstation');
    expect(routeFor('home', 'supervisor', '#/locked', '#/supervisor/sync')).toBe('#/supervisor/sync');
  });

  it('opens the Sync screen to every role but reception', () => {
    expect((['officer', 'supervisor', 'admin', 'reception'] as const).filter(maySync)).toEqual(['officer', 'supervisor', 'admin']);
  });
});
