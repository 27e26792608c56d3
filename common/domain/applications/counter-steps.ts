// Where an applicant is in the counter's part of the flow, for the step bar every counter screen shows:
// data -> documents -> photo and fingerprints -> interview -> payment -> receipt -> finish. Read from the
// application's status and receipts, the same facts core decides transitions on, so the bar never says a
// step is done that core would still refuse to go past.
import { TERMINAL_STATUSES, type ApplicationStatus } from './flow.js';

export const COUNTER_STEPS = ['data', 'documents', 'biometrics', 'interview', 'payment', 'receipt', 'finish'] as const;
export type CounterStep = (typeof COUNTER_STEPS)[number];
export type StepState = 'done' | 'current' | 'todo';

/** The counter's statuses in the order the counter moves an application through them. */
const COUNTER_ORDER: readonly ApplicationStatus[] = ['checked_in', 'verified', 'biometrics_captured', 'interviewed', 'paid', 'submitted'];

/**
 * Statuses in which the counter's work on an application is over for this visit: handed to adjudication
 * or beyond, sent home with a deficiency notice, or closed. Finishing the ticket then needs no second look.
 */
const COUNTER_DONE: ReadonlySet<ApplicationStatus> = new Set<ApplicationStatus>([
  ...TERMINAL_STATUSES,
  'incomplete',
  'submitted',
  'approved',
  'printed',
  'ready',
]);
export const counterWorkDone = (status: ApplicationStatus): boolean => COUNTER_DONE.has(status);

export interface StepFacts {
  status: ApplicationStatus;
  /** The applicant's data passes the full check (core's applicantComplete guard). */
  applicantComplete: boolean;
  /** An active application receipt was printed. */
  receiptPrinted: boolean;
}

/** Each step's state; the first step not done is the current one. Without an application only data is current. */
export function counterSteps(facts: StepFacts | null, ticketFinished = false): Record<CounterStep, StepState> {
  const done: Record<CounterStep, boolean> = {
    data: false,
    documents: false,
    biometrics: false,
    interview: false,
    payment: false,
    receipt: false,
    finish: ticketFinished,
  };
  if (facts) {
    // Past check-in (or incomplete) means core accepted the data; beyond the counter every step is behind.
    const reached = facts.status === 'incomplete' ? 0 : COUNTER_ORDER.indexOf(facts.status);
    const beyond = reached === -1 && facts.status !== 'incomplete';
    const at = (s: ApplicationStatus): boolean => beyond || reached >= COUNTER_ORDER.indexOf(s);
    done.data = facts.applicantComplete || at('verified');
    done.documents = at('verified');
    done.biometrics = at('biometrics_captured');
    done.interview = at('interviewed');
    done.payment = at('paid');
    done.receipt = facts.receiptPrinted;
  }
  let current: CounterStep | null = null;
  const out = {} as Record<CounterStep, StepState>;
  for (const step of COUNTER_STEPS) {
    if (done[step]) out[step] = 'done';
    else if (current === null) {
      current = step;
      out[step] = 'current';
    } else out[step] = 'todo';
  }
  return out;
}
