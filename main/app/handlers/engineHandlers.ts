import type { HandlerGroup, HearthServices } from './HearthServices.js';

/** Remote engines: OpenAI-compatible servers whose models conversations may use. */
export function engineHandlers({
  remote,
}: HearthServices): HandlerGroup<'engines.list' | 'engines.add' | 'engines.remove' | 'engines.models'> {
  return {
    'engines.list': async () => remote.list(),
    'engines.add': async (input) => remote.add(input),
    'engines.remove': async ({ id }) => ({ removed: remote.remove(id) }),
    'engines.models': async ({ id }) => ({ models: await remote.models(id) }),
  };
}
