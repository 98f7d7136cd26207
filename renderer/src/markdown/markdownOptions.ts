import type { Options } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import { remarkCitations } from './remarkCitations.js';
import { remarkHtmlAsText } from './remarkHtmlAsText.js';

/** Plugins shared by every rendered answer; module-level so they are created once. */
export const remarkPlugins: Options['remarkPlugins'] = [remarkGfm, remarkHtmlAsText];

/** For answers over documents: their [n] markers become citations. */
export const citedRemarkPlugins: Options['remarkPlugins'] = [remarkGfm, remarkHtmlAsText, remarkCitations];

// Only fenced blocks that name their language are highlighted: guessing on every streamed
// frame costs time and mislabels gibberish.
export const rehypePlugins: Options['rehypePlugins'] = [[rehypeHighlight, { detect: false }]];
