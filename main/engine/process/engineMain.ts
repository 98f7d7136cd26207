/**
 * Entry point of the engine process: the only process that loads node-llama-cpp. Started by
 * main through Electron's `utilityProcess` or, under plain Node, `child_process.fork`.
 */
import { EngineServer } from './EngineServer.js';
import { connectToParent } from './parentChannel.js';

const channel = connectToParent();
// Without its parent the engine has no one to answer: exit rather than linger holding memory.
channel.onDisconnect(() => process.exit(0));
new EngineServer(channel).start();
