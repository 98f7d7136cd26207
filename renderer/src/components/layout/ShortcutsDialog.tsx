import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutKeyNames } from '../../format/shortcutKeys.js';
import { Dialog } from '../common/Dialog.js';
import { SHORTCUT_GROUPS } from './shortcutList.js';

/** Every keyboard shortcut, grouped by where it works, with this platform's key names (⌘ on a Mac). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('layout');
  return (
    <Dialog title={t('shortcutsTitle')} onClose={onClose} className="dialog--small" testId="shortcuts-dialog">
      {/* Nothing in the list takes focus, so the list itself does: keyboard users can scroll it. */}
      <div className="dialog-body shortcuts" tabIndex={0} role="region" aria-label={t('shortcutsTitle')}>
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} className="shortcuts-group">
            {/* The dialog's title is the h2. */}
            <h3>{t(group.title)}</h3>
            <dl className="shortcuts-list">
              {group.items.map((item) => (
                <div key={item.action} className="shortcuts-item" data-testid="shortcut">
                  <dt>
                    {item.combos.map((combo, index) => (
                      <Fragment key={combo.join('+')}>
                        {index > 0 && <span className="shortcuts-or">{t('shortcutOr')}</span>}
                        <span className="shortcuts-combo">
                          {shortcutKeyNames(combo).map((name) => (
                            <kbd key={name}>{name}</kbd>
                          ))}
                        </span>
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{t(item.action)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
