/**
 * `npm run web`: Hearth's services and UI for a browser on this machine, at 127.0.0.1 only.
 * Flags: --port N (default 7411, or any free port if taken), --data-dir, --models-dir.
 */
import { gpuChoiceFrom } from '../app/gpuChoice.js';
import { createHearth } from '../app/createHearth.js';
import { flag, resolveDataPaths } from '../app/dataPaths.js';
import { forkLauncher } from '../engine/transport/forkTransport.js';
import { rendererDir } from './rendererDir.js';
import { WebHost } from './WebHost.js';

const DEFAULT_PORT = 7411;

async function main(): Promise<void> {
  const paths = resolveDataPaths();
  const requestedPort = Number(flag(process.argv, '--port') ?? process.env.HEARTH_PORT ?? DEFAULT_PORT);
  const hearth = createHearth({
    paths,
    host: 'web',
    launcher: forkLauncher,
    gpu: gpuChoiceFrom(process.env.HEARTH_GPU),
    // The last-used model loads while the page opens (off in Settings).
    warmUp: true,
  });
  const staticDir = rendererDir();
  let host = new WebHost({ hearth, staticDir, port: requestedPort });
  try {
    await host.start();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || flag(process.argv, '--port')) throw error;
    host = new WebHost({ hearth, staticDir, port: 0 });
    await host.start();
  }
  console.log(
    `Hearth is running. Open this address in your browser (it carries this launch's access token):\n\n  ${host.url}\n`,
  );
  console.log(`Data folder:   ${paths.dataDir}\nModels folder: ${paths.modelsDir}\nPress Ctrl+C to stop.`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    await hearth.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(`Hearth could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
