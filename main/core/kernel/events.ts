import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '@common/contract/index.js';

/** Typed wrapper so hosts forward exactly the events the contract declares. */
export class CoreEvents {
  private readonly emitter = new EventEmitter();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.emitter.emit(name, payload);
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
