import type { z } from 'zod';
import type { Access } from '../domain/shared/roles.js';

/**
 * One call of the contract. `mutates` says whether the call changes anything; core holds it to that
 * (main/ipc/dispatch.ts): a read-only call cannot write, and a mutating call that answers without an
 * audited write is refused as a fault unless it is one of the few that may legitimately change nothing.
 */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, M extends boolean = boolean> {
  input: I;
  output: O;
  access: Access;
  mutates: M;
  /**
   * The screen makes this call by itself (a refetch on a pushed event, a status poll), never on an
   * officer's input: it does not count as activity for the idle lock. The officer's own input reaches
   * main as auth.activity.
   */
  background?: true;
}

export const defineCall = <I extends z.ZodType, O extends z.ZodType, M extends boolean>(spec: CallSpec<I, O, M>): CallSpec<I, O, M> => spec;
