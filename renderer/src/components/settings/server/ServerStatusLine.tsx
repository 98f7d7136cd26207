import type { ApiServerStatus } from '../../../../../contract/index.js';
import { CopyButton } from '../../common/CopyButton.js';
import { localizedMessage } from '../../../i18n/i18n.js';
import { Trans, useTranslation } from 'react-i18next';

/** Whether the API answers now, at which address, or why not. */
export function ServerStatusLine({ id, status }: { id: string; status: ApiServerStatus }) {
  const { t } = useTranslation('settings');
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
            <Trans
              t={t}
              i18nKey="serverRunningAt"
              values={{ url: status.url }}
              components={{ code: <code data-testid="server-url" /> }}
            />
          </span>
          <CopyButton text={status.url} label={t('copyServerAddress')} testId="server-url-copy" />
        </>
      ) : state === 'off' ? (
        <span>{t('serverOff')}</span>
      ) : (
        <span>
          {t('serverNotRunning', {
            reason:
              status.error === null
                ? t('serverStarting')
                : localizedMessage({ message: status.error, text: status.errorText }),
          })}
        </span>
      )}
    </div>
  );
}
