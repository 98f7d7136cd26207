import type { ReactNode } from 'react';

interface EmptyStateProps {
  kind: 'welcome' | 'no-models' | 'no-model' | 'no-messages';
  title: string;
  children: ReactNode;
}

export function EmptyState({ kind, title, children }: EmptyStateProps) {
  return (
    <section className="empty-state" data-testid="empty-state" data-kind={kind} aria-label={title}>
      <div className="empty-state-mark" aria-hidden="true" />
      <h2>{title}</h2>
      {children}
    </section>
  );
}
