import type { ApiServerStatus } from '../../../../../contract/index.js';
import { CopyButton } from '../../common/CopyButton.js';

/** Whether the API answers now, at which address, or why not. */
export function ServerStatusLine({ id, status }: { id: string; status: ApiServerStatus }) {
  const state = !status.settings.enabled ? 'off' : status.running ? 'running' : 'stopped';
  return (
    <div className="server-status" id={id} role="status" data-testid="server-status" data-state={state}>
      <span
        className={`engine-dot engine-dot--${state === 'running' ? 'ready' : state === 'off' ? 'stopped' : 'loading'}`}
        aria-hidden="true"
      />
      {state === 'running' && status.url ? (
        <>
          <span>
            Running at <code data-testid="server-url">{status.url}</code>
          </span>
          <CopyButton text={status.url} label="Copy the server address" testId="server-url-copy" />
        </>
      ) : state === 'off' ? (
        <span>Off. Nothing listens until you turn it on.</span>
      ) : (
        <span>Not running: {status.error ?? 'starting…'}</span>
      )}
    </div>
  );
}
