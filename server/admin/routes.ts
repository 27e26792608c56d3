import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AdminOfficeInput, AdminUserInput, AdminUserUpdate, CompactInput, EnrolmentCodeInput } from '@common/central/admin.js';
import { createEnrolmentCode, createUser, listWorkstations, revokeWorkstation, updateUser, upsertOffice } from './ops.js';
import { compact } from '../sync/feed.js';
import { billingStatus, markBillingPaid } from '../payments/simponi.js';
import type { CentralDeps } from '../http/deps.js';
import { CentralError, parseJson, validate } from '../http/errors.js';

function checkAdmin(req: FastifyRequest, token: string): void {
  const auth = req.headers.authorization ?? '';
  const given = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7) : '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CentralError('ADMIN_UNAUTHORIZED', 'Send the admin token as Authorization: Bearer <token>');
  }
}

/** Admin API: bearer admin token (server/README.md says where it comes from). */
export function registerAdminRoutes(app: FastifyInstance, deps: CentralDeps): void {
  app.register(async (admin) => {
    admin.addHook('onRequest', async (req) => checkAdmin(req, deps.adminToken));
    const body = <S extends z.ZodType>(schema: S, req: FastifyRequest): z.output<S> => validate(schema, parseJson(req.body));

    admin.post('/admin/offices', async (req) => {
      const input = body(AdminOfficeInput, req);
      return { ...(await upsertOffice(deps, input)), code: input.code };
    });
    admin.post('/admin/enrolment-codes', async (req) => {
      const input = body(EnrolmentCodeInput, req);
      return createEnrolmentCode(deps, input.officeCode, input.ttlHours);
    });
    admin.get('/admin/workstations', async (req) => {
      const q = validate(z.strictObject({ office: z.string().max(64).optional() }), req.query);
      return listWorkstations(deps, q.office);
    });
    admin.post('/admin/workstations/:id/revoke', async (req) => {
      const { id } = validate(z.strictObject({ id: z.string().max(64) }), req.params);
      return revokeWorkstation(deps, id);
    });
    admin.post('/admin/users', async (req) => createUser(deps, body(AdminUserInput, req)));
    admin.post('/admin/users/:id', async (req) => {
      const { id } = validate(z.strictObject({ id: z.string().max(64) }), req.params);
      return updateUser(deps, id, body(AdminUserUpdate, req));
    });
    // SIMPONI's callback stands in here: it marks a billing paid, and the status flows down by pull.
    const billing = (req: FastifyRequest) => validate(z.strictObject({ code: z.string().regex(/^\d{15}$/) }), req.params).code;
    admin.get('/admin/billings/:code', async (req) => billingStatus(deps, billing(req)));
    admin.post('/admin/billings/:code/paid', async (req) => {
      const input =
        req.body === undefined || (Buffer.isBuffer(req.body) && req.body.length === 0)
          ? {}
          : body(z.strictObject({ paidAt: z.number().int().positive().optional() }), req);
      return markBillingPaid(deps, billing(req), input.paidAt);
    });
    admin.post('/admin/compact', async (req) => {
      const input = body(CompactInput, req);
      return { officeCode: input.officeCode, ...(await compact(deps.store, input.officeCode, input.upTo)) };
    });
  });
}
