// KaTeX's stylesheet and fonts, bundled by Vite and served from the app itself (the CSP allows no other origin).
import 'katex/dist/katex.min.css';
import { memo, useContext } from 'react';
import Markdown from 'react-markdown';
import { CitationsContext } from './CitationsContext.js';
import { markdownComponents } from './markdownComponents.js';
import { citedRemarkPlugins, rehypePlugins, remarkPlugins } from './markdownOptions.js';

/**
 * An answer rendered as Markdown; re-renders only when its text changes (or its sources). Inside
 * a {@link CitationsContext} its [n] markers become buttons that open the sources.
 */
export const MarkdownText = memo(function MarkdownText({ text }: { text: string }) {
  const cited = useContext(CitationsContext) !== null;
  return (
    <Markdown
      remarkPlugins={cited ? citedRemarkPlugins : remarkPlugins}
      rehypePlugins={rehypePlugins}
      components={markdownComponents}
    >
      {text}
    </Markdown>
  );
});
