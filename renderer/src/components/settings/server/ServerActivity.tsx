import type { ApiServerStatus, ServedRequest } from '../../../../../contract/index.js';

const SHOWN = 12;
const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });

/** What the API is doing and has done since Hearth started (main keeps the recent list in memory). */
export function ServerActivity({ status }: { status: ApiServerStatus }) {
  const recent = status.recent.slice(0, SHOWN);
  return (
    <div className="server-subsection" data-testid="server-activity" aria-busy={status.inFlight > 0}>
      <h4>Activity</h4>
      <p className="server-activity-line">
        {status.inFlight > 0 && (
          <span className="server-busy" data-testid="server-busy">
            <span className="spinner" aria-hidden="true" />
            Answering {status.inFlight} {status.inFlight === 1 ? 'request' : 'requests'}…
          </span>
        )}
        <span data-testid="server-served">
          {status.served} {status.served === 1 ? 'request' : 'requests'} served since Hearth started
        </span>
      </p>
      {recent.length === 0 ? (
        <p className="hint">No requests yet.</p>
      ) : (
        <div className="server-table-scroll">
          <table className="server-table" data-testid="server-recent">
            <caption className="visually-hidden">Recent requests, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Request</th>
                <th scope="col">Status</th>
                <th scope="col">Model</th>
                <th scope="col">Tokens</th>
                <th scope="col">Client</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((request, index) => (
                <RequestRow key={`${request.at}-${index}`} request={request} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function RequestRow({ request }: { request: ServedRequest }) {
  const failed = request.status >= 400;
  return (
    <tr data-testid="server-request" data-status={request.status} data-aborted={request.aborted || undefined}>
      <td>{clock.format(request.at)}</td>
      <td>
        <code>
          {request.method} {request.path}
        </code>
      </td>
      <td>
        <span className={failed ? 'chip chip--error' : 'chip'}>{request.status}</span>
        {request.aborted && <span className="chip chip--error">client left</span>}
      </td>
      <td className="server-table-model">{request.model ?? '—'}</td>
      <td>{describeTokens(request)}</td>
      <td>{request.client}</td>
    </tr>
  );
}

function describeTokens({ promptTokens, completionTokens }: ServedRequest): string {
  if (promptTokens === null && completionTokens === null) return '—';
  return `${promptTokens ?? '?'} in · ${completionTokens ?? '?'} out`;
}
