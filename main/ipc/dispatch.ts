import { ZodError } from 'zod';
import { contract, isCallName, type CallName, type Result } from '@common/contract/index.js';
import { AppError, fail, ok } from '@common/contract/result.js';
import { jsonProblem } from '@common/domain/shared/text.js';
import type { Core } from '../core/core.js';
import { authorize } from '../core/kernel/gate.js';
import { writeViolation } from '../core/kernel/write-check.js';
import { handlers } from '../core/handlers.js';
import type { Handler } from '../core/kernel/context.js';

export interface Caller {
  /** The session token the renderer got from auth.login, if any. */
  sessionToken?: string | undefined;
}

function validationDetails(err: ZodError): { fields: Record<string, string[]> } {
  const fields: Record<string, string[]> = {};
  for (const issue of err.issues) {
    const key = issue.path.join('.') || '_';
    (fields[key] ??= []).push(issue.message);
  }
  return { fields };
}

/**
 * The one door into core for every transport: checks the caller, parses the input (whatever the
 * renderer checked already), runs the handler, holds it to its declared `mutates` and wraps the answer
 * in the Result envelope.
 */
export async function dispatch(core: Core, name: string, rawInput: unknown, caller: Caller = {}): Promise<Result<unknown>> {
  if (!isCallName(name)) return fail('NOT_FOUND', `Unknown call: ${name}`);
  try {
    const ctx = authorize(core, name, caller.sessionToken);
    const spec = contract[name];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const details = validationDetails(parsed.error);
      return fail('VALIDATION', `The request is not valid: ${Object.keys(details.fields).join(', ')}`, details);
    }
    // Past the schema's own fields (text() refuses poison in each): values the schema takes as they come
    // and the input's depth, so nothing unstorable reaches a row, the audit trail or the outbox.
    const problem = jsonProblem(rawInput);
    if (problem) return fail('VALIDATION', `The request is not valid: ${problem}`, { fields: { _: [problem] } });
    const handler = handlers[name] as Handler<CallName>;
    const output = await handler(ctx, parsed.data as never);
    const violation = writeViolation(ctx.call);
    if (violation) {
      core.log.error({ call: name, violation }, 'a call broke its declared mutates');
      return fail('INTERNAL', 'Something went wrong inside Loket; the incident was logged');
    }
    const checked = spec.output.safeParse(output);
    if (!checked.success) {
      // Paths and codes only: the answer itself is personal data more often than not.
      const issues = checked.error.issues.map((i) => `${i.path.map(String).join('.')}:${i.code}`);
      core.log.error({ call: name, issues }, 'a call returned a value outside its contract');
      return fail('INTERNAL', 'Loket produced an unexpected answer; the incident was logged');
    }
    return ok(checked.data);
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toBody() };
    core.log.error({ call: name, err }, 'a call failed');
    return fail('INTERNAL', 'Something went wrong inside Loket; the incident was logged');
  }
}
