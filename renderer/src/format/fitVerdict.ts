import type { ExecutionPlan } from '../../../contract/index.js';
import { t } from '../i18n/i18n.js';

/** The planner's fit as a verdict the user can act on. */
export function fitVerdict(fit: ExecutionPlan['fit']): string {
  switch (fit) {
    case 'vram':
      return t('fitVram', { ns: 'library' });
    case 'partial':
      return t('fitPartial', { ns: 'library' });
    case 'ram':
      return t('fitRam', { ns: 'library' });
    case 'no':
      return t('fitNo', { ns: 'library' });
    default:
      return fit satisfies never;
  }
}
