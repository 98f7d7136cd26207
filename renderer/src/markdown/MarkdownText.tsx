import { memo, useContext, useEffect, useState } from 'react';
import Markdown from 'react-markdown';
import { CitationsContext } from './CitationsContext.js';
import { markdownComponents } from './markdownComponents.js';
import {
  citedRemarkPlugins,
  loadedMathPlugins,
  loadMathPlugins,
  rehypePlugins,
  remarkPlugins,
} from './markdownOptions.js';

/**
 * An answer rendered as Markdown; re-renders only when its text changes (or its sources). Inside
 * a {@link CitationsContext} its [n] markers become buttons that open the sources.
 */
export const MarkdownText = memo(function MarkdownText({ text }: { text: string }) {
  const cited = useContext(CitationsContext) !== null;
  // Maths needs a `$`; KaTeX (and its stylesheet and fonts, bundled by Vite and served from the app
  // itself: the CSP allows no other origin) loads the first time one appears, then the text renders again.
  const mayHoldMaths = text.includes('$');
  const [mathPlugins, setMathPlugins] = useState(loadedMathPlugins);
  useEffect(() => {
    if (!mayHoldMaths || mathPlugins) return;
    let current = true;
    void loadMathPlugins().then((plugins) => current && setMathPlugins(plugins));
    return () => {
      current = false;
    };
  }, [mayHoldMaths, mathPlugins]);
  return (
    <Markdown
      remarkPlugins={cited ? citedRemarkPlugins : remarkPlugins}
      rehypePlugins={mayHoldMaths && mathPlugins ? mathPlugins : rehypePlugins}
      components={markdownComponents}
    >
      {text}
    </Markdown>
  );
});
