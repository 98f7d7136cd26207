import { useTranslation } from 'react-i18next';
import type { ApiServerStatus, ServedRequest } from '../../../../../contract/index.js';
import { dateFormat } from '../../../i18n/formatters.js';
import { t as translate } from '../../../i18n/i18n.js';

const SHOWN = 12;
// In the UI's language, read at each render (formatters are cached per language).
const clock = () => dateFormat({ hour: 'numeric', minute: '2-digit', second: '2-digit' });

/** What the API is doing and has done since Hearth started (main keeps the recent list in memory). */
export function ServerActivity({ status }: { status: ApiServerStatus }) {
  const { t } = useTranslation('settings');
  const recent = status.recent.slice(0, SHOWN);
  return (
    <div className="server-subsection" data-testid="server-activity" aria-busy={status.inFlight > 0}>
      <h4>{t('activity')}</h4>
      <p className="server-activity-line">
        {status.inFlight > 0 && (
          <span className="server-busy" data-testid="server-busy">
            <span className="spinner" aria-hidden="true" />
            {t('answeringRequests', { count: status.inFlight })}
          </span>
        )}
        <span data-testid="server-served">{t('servedRequests', { count: status.served })}</span>
      </p>
      {recent.length === 0 ? (
        <p className="hint">{t('noRequests')}</p>
      ) : (
        <div className="server-table-scroll">
          <table className="server-table" data-testid="server-recent">
            <caption className="visually-hidden">{t('recentRequests')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columnTime')}</th>
                <th scope="col">{t('columnRequest')}</th>
                <th scope="col">{t('columnStatus')}</th>
                <th scope="col">{t('columnModel')}</th>
                <th scope="col">{t('columnTokens')}</th>
                <th scope="col">{t('columnClient')}</th>
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
  const { t } = useTranslation('settings');
  const failed = request.status >= 400;
  return (
    <tr data-testid="server-request" data-status={request.status} data-aborted={request.aborted || undefined}>
      <td>{clock().format(request.at)}</td>
      <td>
        <code>
          {request.method} {request.path}
        </code>
      </td>
      <td>
        <span className={failed ? 'chip chip--error' : 'chip'}>{request.status}</span>
        {request.aborted && <span className="chip chip--error">{t('clientLeft')}</span>}
      </td>
      <td className="server-table-model">{request.model ?? '—'}</td>
      <td>{describeTokens(request)}</td>
      <td>{request.client}</td>
    </tr>
  );
}

function describeTokens({ promptTokens, completionTokens }: ServedRequest): string {
  if (promptTokens === null && completionTokens === null) return '—';
  return translate('tokensInOut', { ns: 'settings', prompt: promptTokens ?? '?', completion: completionTokens ?? '?' });
}
