/**
 * The engine's line to main. Under Electron the engine is a `utilityProcess` and talks through
 * `process.parentPort`; under plain Node it is a `child_process.fork` child and talks through
 * `process.send`. This adapter is the only place that knows the difference.
 */
export interface ParentChannel {
  send(frame: unknown): void;
  /**
   * Sends and resolves once the frame has left this process: for news that must outlive a crash,
   * and for a worker's last report before it exits (a large report can take long to write).
   */
  sendNow(frame: unknown): Promise<void>;
  onMessage(listener: (frame: unknown) => void): void;
  onDisconnect(listener: () => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function connectToParent(): ParentChannel {
  const electronPort = (process as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      send: (frame) => electronPort.postMessage(frame),
      // postMessage has no completion callback; a turn of the event loop lets Electron post it.
      sendNow: (frame) => {
        electronPort.postMessage(frame);
        return new Promise((resolve) => setImmediate(resolve));
      },
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
      // Electron ends a utility process together with its parent.
      onDisconnect: () => undefined,
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('The Hearth engine must be started by Hearth: it has no channel to its parent.');
  return {
    send: (frame) => send(frame),
    sendNow: (frame) =>
      new Promise<void>((resolve) => {
        send(frame, undefined, {}, () => resolve());
      }),
    onMessage: (listener) => process.on('message', listener),
    onDisconnect: (listener) => process.on('disconnect', listener),
  };
}
