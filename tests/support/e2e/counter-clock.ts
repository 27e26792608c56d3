// The counter clock: an officer's actions and the screens' time while a case goes from F1 to finish.
// An action is a key press or a click the officer makes; typing or choosing the applicant's own data
// (names, dates, numbers, notes) is not one, since no screen can spare the officer that. Screen time is
// from each action until what it should show is there.
import { performance } from 'node:perf_hooks';
import type { Locator, Page } from 'playwright-core';

export interface ClockReading {
  actions: number;
  screenMs: number;
  /** Each action as the officer would name it, in order. */
  steps: string[];
}

export class CounterClock {
  readonly steps: string[] = [];
  screenMs = 0;
  constructor(private readonly page: Page) {}

  get actions(): number {
    return this.steps.length;
  }

  /** One action and the condition that shows it took effect. */
  async act(what: string, action: () => Promise<unknown>, settled: () => Promise<unknown> = async () => undefined): Promise<void> {
    this.steps.push(what);
    const start = performance.now();
    await action();
    await settled();
    this.screenMs += performance.now() - start;
  }

  key(keys: string, settled?: () => Promise<unknown>): Promise<void> {
    return this.act(keys, () => this.page.keyboard.press(keys), settled);
  }

  click(target: Locator, what: string, settled?: () => Promise<unknown>): Promise<void> {
    return this.act(`click ${what}`, () => target.click(), settled);
  }

  /** The applicant's data, typed or chosen: not an action. */
  async data(target: Locator, value: string): Promise<void> {
    if ((await target.evaluate((el) => el.tagName)) === 'SELECT') await target.selectOption(value);
    else await target.fill(value);
  }

  reading(): ClockReading {
    return { actions: this.actions, screenMs: Math.round(this.screenMs), steps: [...this.steps] };
  }
}
