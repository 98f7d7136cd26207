import type { Options } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { rehypeDirAuto } from './rehypeDirAuto.js';
import { remarkCitations } from './remarkCitations.js';
import { remarkHtmlAsText } from './remarkHtmlAsText.js';

/** Plugins shared by every rendered answer; module-level so they are created once. */
export const remarkPlugins: Options['remarkPlugins'] = [remarkGfm, remarkMath, remarkHtmlAsText];

/** For answers over documents: their [n] markers become citations (never inside maths: those are not text nodes). */
export const citedRemarkPlugins: Options['remarkPlugins'] = [remarkGfm, remarkMath, remarkHtmlAsText, remarkCitations];

// Only fenced blocks that name their language are highlighted: guessing on every streamed
// frame costs time and mislabels gibberish. Maths that does not parse (half of it still streaming,
// or a typo) shows as its source instead of failing the answer; KaTeX's warnings are for authors.
// KaTeX's `style` attributes reach the DOM as React style props (set through the CSSOM), which
// the CSP's `style-src 'self'` allows: no 'unsafe-inline' is needed.
export const rehypePlugins: Options['rehypePlugins'] = [
  [rehypeKatex, { throwOnError: false, strict: 'ignore', trust: false }],
  [rehypeHighlight, { detect: false }],
  rehypeDirAuto,
];
