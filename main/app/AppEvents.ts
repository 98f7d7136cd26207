import type { ApiEventName, ApiEvents, EventPayload } from '../../contract/index.js';

export type AnyEventListener = (event: ApiEventName, payload: unknown) => void;

/** Events for the renderer, fanned out to every connected window or socket by the hosts. */
export class AppEvents {
  readonly #listeners = new Set<AnyEventListener>();

  emit<K extends ApiEventName>(event: K, payload: EventPayload<ApiEvents, K>): void {
    for (const listener of this.#listeners) listener(event, payload);
  }

  subscribe(listener: AnyEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
