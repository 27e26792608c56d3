// The route table's paths: what a workstation sends is also what it signs, so the path and query built
// from an entry must be exactly the strings the clients built by hand before the table.
import { describe, expect, it } from 'vitest';
import { adminRoutes, billingRoutes, queueAdminRoutes, queueRoutes, routePath, syncRoutes } from '@common/central/routes.js';

describe('routePath', () => {
  it('keeps the query in the order given, leaves out undefined values and adds no ? for an empty query', () => {
    expect(routePath(syncRoutes.pull, { query: { cursor: 3, limit: 1000, wait: 0, lastSeq: 2, conflicts: 0 } })).toBe(
      '/v1/pull?cursor=3&limit=1000&wait=0&lastSeq=2&conflicts=0',
    );
    expect(routePath(syncRoutes.snapshot, { query: { limit: 5000, page: undefined } })).toBe('/v1/snapshot?limit=5000');
    expect(routePath(queueRoutes.board, { query: {} })).toBe('/v1/queue/board');
    expect(routePath(queueRoutes.board, { query: { version: 4, wait: 25000 } })).toBe('/v1/queue/board?version=4&wait=25000');
    expect(routePath(queueRoutes.config)).toBe('/v1/queue/config');
  });

  it('percent-encodes query values and path parameters', () => {
    expect(routePath(queueRoutes.current, { query: { counterId: 'a b&c' } })).toBe('/v1/queue/current?counterId=a%20b%26c');
    expect(routePath(adminRoutes.revoke, { params: { id: 'ws/1' } })).toBe('/admin/workstations/ws%2F1/revoke');
    expect(routePath(billingRoutes.paid, { params: { code: '820100000000001' } })).toBe('/admin/billings/820100000000001/paid');
  });

  it('declares each method and path once', () => {
    const all = [syncRoutes, queueRoutes, queueAdminRoutes, adminRoutes, billingRoutes].flatMap((group) => Object.values(group));
    const keys = all.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
