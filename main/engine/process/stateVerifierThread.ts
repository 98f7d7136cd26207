import {
  type StateVerifierCommand,
  StateVerifierCommandSchema,
  type StateVerifierReply,
} from '../../../contract/index.js';
import { serveJobs } from '../../threads/serveJobs.js';
import { verifyStateBytes } from './stateBytes.js';

/**
 * The engine's state verifier thread: reads a saved state's bytes once — checksum and finite
 * numbers — through the file descriptor the engine opened and parsed, while the engine's thread
 * hands the state to llama.cpp and the prompt is read. One job at a time, in order.
 */
serveJobs<StateVerifierCommand, StateVerifierReply>('state verifier', StateVerifierCommandSchema, run, (id, error) => ({
  type: 'failed',
  id,
  message: (error as Error).message,
}));

function run(command: StateVerifierCommand): StateVerifierReply {
  if (command.type === 'close') return { type: 'closed', id: command.id };
  return {
    type: 'verified',
    id: command.id,
    problem: verifyStateBytes(command.fd, command.size, command.sha256, command.payloads),
  };
}
