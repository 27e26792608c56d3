import type { z } from 'zod';
import type { Access } from '../domain/shared/roles.js';

/**
 * One call of the contract. `mutates` tells core to run it inside a transaction that also appends the
 * audit event and the outbox op; read-only calls never write.
 */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  mutates: boolean;
}

export const defineCall = <I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>): CallSpec<I, O> => spec;
