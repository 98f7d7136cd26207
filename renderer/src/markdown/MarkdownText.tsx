import { memo } from 'react';
import Markdown from 'react-markdown';
import { markdownComponents } from './markdownComponents.js';
import { rehypePlugins, remarkPlugins } from './markdownOptions.js';

/** An answer rendered as Markdown; re-renders only when its text changes. */
export const MarkdownText = memo(function MarkdownText({ text }: { text: string }) {
  return (
    <Markdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={markdownComponents}>
      {text}
    </Markdown>
  );
});
