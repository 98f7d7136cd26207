import { useTranslation } from 'react-i18next';
import { describeLoadedPath } from '../../../format/describeLoadedPath.js';
import { useAppStore } from '../../../store/appStore.js';
import type { ModelPlan } from '../../../store/hardwareSlice.js';
import { Icon } from '../../common/Icon.js';
import { planDifferences } from './planDifferences.js';

interface LoadedPathProps {
  modelId: string;
  /** The plan for `modelId`, when there is one to compare with. */
  modelPlan: ModelPlan | null;
}

/** What really runs now, from the engine's report, and where it differs from the plan. */
export function LoadedPath({ modelId, modelPlan }: LoadedPathProps) {
  const { t } = useTranslation('settings');
  const loaded = useAppStore((state) => state.engine?.loadedModel ?? null);
  const contextSize = useAppStore((state) => state.settings?.contextSize ?? null);

  if (!loaded) {
    return <p className="hint">{t('notLoadedNow')}</p>;
  }
  const same = loaded.modelId === modelId;
  const parts = describeLoadedPath(loaded, same && modelPlan ? modelPlan.facts.layers : null);
  const differences =
    same && modelPlan && contextSize !== null ? planDifferences(loaded, modelPlan.plan, contextSize) : [];

  return (
    <div className="loaded-path-block">
      <p className="loaded-path" data-testid="loaded-path" data-backend={loaded.gpu}>
        <span className="loaded-path-label">{same ? t('runningOn') : t('loadedNowOn', { model: loaded.modelId })}</span>{' '}
        {parts.join(' · ')}
        {loaded.cpuVariant && <span className="loaded-path-cpu">{t('cpuBuild', { variant: loaded.cpuVariant })}</span>}
      </p>
      {differences.length > 0 ? (
        <div className="plan-differences" data-testid="plan-differences">
          <Icon name="info" size={15} />
          <div>
            {differences.length === 1 ? (
              <p className="plan-difference">{differences[0]}</p>
            ) : (
              <ul>
                {differences.map((difference) => (
                  <li key={difference} className="plan-difference">
                    {difference}
                  </li>
                ))}
              </ul>
            )}
            <p>{t('reloadToFollowPlan')}</p>
          </div>
        </div>
      ) : (
        same && modelPlan && <p className="hint">{t('asPlanned')}</p>
      )}
    </div>
  );
}
