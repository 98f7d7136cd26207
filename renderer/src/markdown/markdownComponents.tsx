import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { Components, ExtraProps } from 'react-markdown';
import { CitationMarker } from './CitationMarker.js';
import { CodeBlock } from './CodeBlock.js';

/** Drops react-markdown's `node` prop so it does not reach the DOM. */
function withoutNode<P extends ExtraProps>({ node: _node, ...rest }: P): Omit<P, 'node'> {
  return rest;
}

function Link(props: ComponentProps<'a'> & ExtraProps) {
  const { href, children, ...rest } = withoutNode(props);
  // New windows are refused by the app shell, which hands allowed links to the system browser.
  return (
    <a {...rest} href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}

/** Images are never fetched: Hearth makes no network requests the user did not ask for. */
function Image(props: ComponentProps<'img'> & ExtraProps) {
  const { t } = useTranslation('chat');
  const { src, alt } = withoutNode(props);
  const label = alt?.trim() ? t('imageWithAlt', { alt }) : t('image');
  return typeof src === 'string' && src !== '' ? (
    <a className="md-image" href={src} target="_blank" rel="noreferrer noopener">
      [{label}]
    </a>
  ) : (
    <span className="md-image">[{label}]</span>
  );
}

function Table(props: ComponentProps<'table'> & ExtraProps) {
  return (
    <div className="md-table-scroll">
      <table {...withoutNode(props)} />
    </div>
  );
}

export const markdownComponents: Components = {
  a: Link,
  img: Image,
  table: Table,
  pre: CodeBlock,
  // Markdown has no buttons of its own: every one comes from `remarkCitations`.
  button: CitationMarker,
};
