// SIMPONI's callback stands in here as an admin route: it marks a billing paid, and the status flows down by pull.
import type { FastifyInstance } from 'fastify';
import { billingRoutes } from '@common/central/routes.js';
import { billingStatus, markBillingPaid } from './simponi.js';
import type { CentralDeps } from '../http/deps.js';
import { routeServer } from '../http/route.js';

export function registerPaymentRoutes(app: FastifyInstance, deps: CentralDeps): void {
  const serve = routeServer(app, deps);
  serve(billingRoutes.status, async ({ params }) => billingStatus(deps, params.code));
  serve(billingRoutes.paid, async ({ params, body }) => markBillingPaid(deps, params.code, body.paidAt));
}
