import type { FastifyInstance } from 'fastify';
import { adminRoutes } from '@common/central/routes.js';
import { auditAnchorsOf } from '../sync/anchors.js';
import { createEnrolmentCode, createUser, listWorkstations, revokeWorkstation, updateUser, upsertOffice } from './ops.js';
import { compact } from '../sync/feed.js';
import type { CentralDeps } from '../http/deps.js';
import { routeServer } from '../http/route.js';

/** Admin API: bearer admin token (server/README.md says where it comes from). */
export function registerAdminRoutes(app: FastifyInstance, deps: CentralDeps): void {
  const serve = routeServer(app, deps);
  serve(adminRoutes.saveOffice, async ({ body }) => ({ ...(await upsertOffice(deps, body)), code: body.code }));
  serve(adminRoutes.enrolmentCode, async ({ body }) => createEnrolmentCode(deps, body.officeCode, body.ttlHours));
  serve(adminRoutes.workstations, async ({ query }) => listWorkstations(deps, query.office));
  serve(adminRoutes.revoke, async ({ params }) => revokeWorkstation(deps, params.id));
  serve(adminRoutes.auditAnchors, async ({ params }) => auditAnchorsOf(deps.store, params.id));
  serve(adminRoutes.createUser, async ({ body }) => createUser(deps, body));
  serve(adminRoutes.updateUser, async ({ params, body }) => updateUser(deps, params.id, body));
  serve(adminRoutes.compact, async ({ body }) => ({
    officeCode: body.officeCode,
    ...(await compact(deps.store, body.officeCode, body.upTo)),
  }));
}
