import type { Options } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import { remarkHtmlAsText } from './remarkHtmlAsText.js';

/** Plugins shared by every rendered answer; module-level so they are created once. */
export const remarkPlugins: Options['remarkPlugins'] = [remarkGfm, remarkHtmlAsText];

// Only fenced blocks that name their language are highlighted: guessing on every streamed
// frame costs time and mislabels gibberish.
export const rehypePlugins: Options['rehypePlugins'] = [[rehypeHighlight, { detect: false }]];
