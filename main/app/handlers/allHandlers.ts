import type { ApiCalls, Handlers } from '../../../contract/index.js';
import { appHandlers } from './appHandlers.js';
import { chatHandlers } from './chatHandlers.js';
import { conversationHandlers } from './conversationHandlers.js';
import { documentHandlers } from './documentHandlers.js';
import { exchangeHandlers } from './exchangeHandlers.js';
import type { CallContext, HearthServices } from './HearthServices.js';
import { libraryHandlers } from './libraryHandlers.js';
import { modelHandlers } from './modelHandlers.js';
import { engineHandlers } from './engineHandlers.js';
import { serverHandlers } from './serverHandlers.js';
import { stateHandlers } from './stateHandlers.js';

/**
 * Every call's handler, by domain. The type makes it complete: a call added to the contract
 * without a handler does not compile.
 */
export function allHandlers(services: HearthServices): Handlers<ApiCalls, CallContext> {
  return {
    ...appHandlers(services),
    ...conversationHandlers(services),
    ...chatHandlers(services),
    ...modelHandlers(services),
    ...libraryHandlers(services),
    ...documentHandlers(services),
    ...stateHandlers(services),
    ...serverHandlers(services),
    ...engineHandlers(services),
    ...exchangeHandlers(services),
  };
}
