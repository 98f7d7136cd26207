import type { Options } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { rehypeDirAuto } from './rehypeDirAuto.js';
import { rehypeMath } from './rehypeMath.js';
import { remarkCitations } from './remarkCitations.js';
import { remarkHtmlAsText } from './remarkHtmlAsText.js';

/** Plugins shared by every rendered answer; module-level so they are created once. */
export const remarkPlugins: Options['remarkPlugins'] = [remarkGfm, remarkMath, remarkHtmlAsText];

/** For answers over documents: their [n] markers become citations (never inside maths: those are not text nodes). */
export const citedRemarkPlugins: Options['remarkPlugins'] = [remarkGfm, remarkMath, remarkHtmlAsText, remarkCitations];

// Only fenced blocks that name their language are highlighted: guessing on every streamed
// frame costs time and mislabels gibberish. Maths is typeset by rehypeMath (see there for the CSP).
export const rehypePlugins: Options['rehypePlugins'] = [
  rehypeMath,
  [rehypeHighlight, { detect: false }],
  rehypeDirAuto,
];
