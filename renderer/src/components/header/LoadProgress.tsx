import { useAppStore } from '../../store/appStore.js';

export function LoadProgress() {
  const progress = useAppStore((state) => state.loadProgress);
  const loadingId = useAppStore((state) => state.engine?.loadingModelId ?? null);
  const modelId = progress?.modelId ?? loadingId ?? 'model';
  const percent = progress ? Math.round(progress.progress * 100) : null;

  return (
    <div className="load-progress">
      <span className="load-progress-label">
        Loading {modelId}
        {percent !== null && ` · ${percent}%`}
      </span>
      {/* Without a figure yet the bar is indeterminate rather than stuck at zero. */}
      {progress ? (
        <progress data-testid="load-progress" max={1} value={progress.progress} aria-label={`Loading ${modelId}`} />
      ) : (
        <progress data-testid="load-progress" aria-label={`Loading ${modelId}`} />
      )}
    </div>
  );
}
