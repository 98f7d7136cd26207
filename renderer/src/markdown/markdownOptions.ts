import type { Options } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
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
// frame costs time and mislabels gibberish.
export const rehypePlugins: Options['rehypePlugins'] = [[rehypeHighlight, { detect: false }], rehypeDirAuto];

let withMath: Options['rehypePlugins'] | null = null;

/** The plugins with maths typeset (rehypeMath, see there for the CSP), once they have been loaded. */
export function loadedMathPlugins(): Options['rehypePlugins'] | null {
  return withMath;
}

/**
 * KaTeX and its HTML parser are half the renderer's code, and most answers have no maths: they
 * are loaded (a separate chunk, from the app itself) the first time an answer may hold some.
 */
export async function loadMathPlugins(): Promise<Options['rehypePlugins']> {
  if (withMath) return withMath;
  const [{ rehypeMath }] = await Promise.all([import('./rehypeMath.js'), import('katex/dist/katex.min.css')]);
  withMath = [rehypeMath, ...(rehypePlugins ?? [])];
  return withMath;
}
