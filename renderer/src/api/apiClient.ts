import {
  AppError,
  apiCalls,
  apiEvents,
  type ApiCalls,
  type ApiEventName,
  type ApiEvents,
  type Client,
  type EventListener,
  describeIssues,
  isName,
} from '../../../contract/index.js';
import type { HearthBridge } from './HearthBridge.js';

export interface ApiClient {
  readonly host: 'desktop' | 'web';
  readonly calls: Client<ApiCalls>;
  on<K extends ApiEventName>(event: K, listener: EventListener<ApiEvents, K>): () => void;
  onConnection(listener: (connected: boolean) => void): () => void;
}

/**
 * Typed calls and events over any bridge. Failed calls reject with an {@link AppError}; replies
 * and events are checked against the contract too, so a drift between main and renderer shows up
 * as a clear error instead of a blank screen.
 */
export function createApiClient(bridge: HearthBridge): ApiClient {
  const calls = {} as Record<string, (input: unknown) => Promise<unknown>>;
  for (const method of Object.keys(apiCalls) as (keyof ApiCalls)[]) {
    const spec = apiCalls[method];
    calls[method] = async (input: unknown) => {
      const result = await bridge.call(method, input);
      if (!result.ok) throw AppError.fromValue(result.error);
      const output = spec.output.safeParse(result.value);
      if (!output.success)
        throw new AppError('internal', `Unexpected reply to ${method}: ${describeIssues(output.error)}`);
      return output.data;
    };
  }

  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  bridge.onEvent((event, payload) => {
    if (!isName(apiEvents, event)) return;
    const parsed = apiEvents[event].safeParse(payload);
    if (!parsed.success) {
      console.warn(`Dropped malformed ${event} event: ${describeIssues(parsed.error)}`);
      return;
    }
    listeners.get(event)?.forEach((listener) => listener(parsed.data));
  });

  return {
    host: bridge.host,
    calls: calls as Client<ApiCalls>,
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
    onConnection(listener) {
      return bridge.onConnection?.(listener) ?? (() => undefined);
    },
  };
}
