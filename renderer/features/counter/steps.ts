// Going to a step of the counter flow: the screen that holds it, then the step's own control focused
// (screens mark it with data-counter-step), so Ctrl+1..7 lands the caret where the work is.
import { replaceHash } from '@renderer/lib/route.js';
import type { CounterStep } from '@common/domain/applications/counter-steps.js';
import type { Role } from '@common/domain/shared/roles.js';
import { detailRoute } from '../applications/route.js';
import { captureRoute } from '../capture/route.js';

export const STEP_KEYS: Record<Exclude<CounterStep, 'finish'>, string> = {
  data: 'Ctrl+1',
  documents: 'Ctrl+2',
  biometrics: 'Ctrl+3',
  interview: 'Ctrl+4',
  payment: 'Ctrl+5',
  receipt: 'Ctrl+6',
};

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href]';

/** Focuses the step's first control once its screen shows it (a screen change takes a frame or two). */
function focusWhenShown(step: CounterStep, tries = 30): void {
  const target = document.querySelector<HTMLElement>(`[data-counter-step="${step}"]`);
  if (!target) {
    if (tries > 0) requestAnimationFrame(() => focusWhenShown(step, tries - 1));
    return;
  }
  const control = target.matches(FOCUSABLE) ? target : target.querySelector<HTMLElement>(FOCUSABLE);
  target.scrollIntoView({ block: 'nearest' });
  control?.focus();
}

export function goToStep(step: Exclude<CounterStep, 'finish'>, role: Role, applicationId: string): void {
  replaceHash(step === 'biometrics' ? captureRoute(role, applicationId) : detailRoute(role, applicationId));
  if (step !== 'biometrics') focusWhenShown(step);
}
