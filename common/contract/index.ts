import { z } from 'zod';
import { appCalls } from './app.js';
import { authCalls } from './auth.js';
import { setupCalls } from './setup.js';
import { auditCalls, settingsCalls, usersCalls } from './users.js';
import { biometricsCalls, biometricsEvents } from './biometrics.js';
import { syncCalls, syncEvents } from './sync.js';
import { counterCalls } from './applications/calls.js';
import { analyticsCalls } from './analytics.js';
import { queueCalls, queueEvents } from './queue/queue.js';
import { endOfDayCalls } from './end-of-day.js';
import { floorCalls } from './queue/floor.js';
import { draftsCalls } from './drafts.js';
import type { CallSpec } from './define.js';
import type { Result } from './result.js';

/** Every call the workstation answers, declared once. Main must implement each (see main/core/handlers.ts). */
export const contract = {
  ...appCalls,
  ...setupCalls,
  ...authCalls,
  ...usersCalls,
  ...settingsCalls,
  ...auditCalls,
  ...biometricsCalls,
  ...syncCalls,
  ...counterCalls,
  ...analyticsCalls,
  ...queueCalls,
  ...endOfDayCalls,
  ...floorCalls,
  ...draftsCalls,
} satisfies Record<string, CallSpec>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export const CALL_NAMES = Object.keys(contract) as CallName[];
/** The calls declared as changing something (mutates: true). */
export type MutatingCallName = { [N in CallName]: Contract[N]['mutates'] extends true ? N : never }[CallName];
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

/** What the renderer sees: one named async function per call. */
export type LoketCalls = { [N in CallName]: (input: CallInput<N>) => Promise<Result<CallOutput<N>>> };

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events pushed from main to the renderer. */
export const events = {
  /** The session was locked (idle) or ended elsewhere; the renderer must follow. */
  'session.changed': z.strictObject({ sessionId: z.string(), state: z.enum(['locked', 'ended']) }),
  /** Setup finished or the training mode was entered or left: the renderer reloads app.status. */
  'app.changed': z.strictObject({ training: z.boolean(), setupDone: z.boolean() }),
  ...biometricsEvents,
  ...syncEvents,
  ...queueEvents,
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export * from './result.js';
export type { CallSpec } from './define.js';
