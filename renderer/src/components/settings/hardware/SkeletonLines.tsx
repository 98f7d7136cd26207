/** Grey lines where facts will be, with a spinner and a sentence saying what is being fetched. */
export function SkeletonLines({ label, lines }: { label: string; lines: number }) {
  return (
    <div className="skeleton" role="status">
      <p className="hint">
        <span className="spinner" aria-hidden="true" /> {label}
      </p>
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} className="skeleton-line" aria-hidden="true" />
      ))}
    </div>
  );
}
