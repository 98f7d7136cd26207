import { fromHtml } from 'hast-util-from-html';
import katex from 'katex';

/** The few fields of a hast node this plugin reads and writes. */
interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/**
 * Typesets the maths remark-math marked (`$a+b$` inline, `$$…$$` as a block) with KaTeX. It does
 * what rehype-katex does, with one difference that matters here: KaTeX's HTML is parsed by parse5
 * (hast-util-from-html), not by the browser. rehype-katex parses it through a <template>, and the
 * browser reports every `style` attribute met there as a violation of the CSP (`style-src
 * 'self'`, no inline styles). Parsed here, the styles reach the DOM as React style props, set
 * through the CSSOM, which the CSP allows. Maths that does not parse (half-streamed, a typo) shows
 * as KaTeX's error text instead of failing the answer; `trust: false` keeps \href and the like out.
 */
export function rehypeMath() {
  return (tree: HastNode): void => {
    const visit = (node: HastNode) => {
      if (!node.children) return;
      node.children = node.children.flatMap((child) => {
        const mode = mathMode(child);
        if (mode === null) {
          visit(child);
          return [child];
        }
        const html = katex.renderToString(textOf(child), {
          displayMode: mode === 'display',
          throwOnError: false,
          strict: 'ignore',
          trust: false,
          output: 'htmlAndMathml',
        });
        return fromHtml(html, { fragment: true }).children;
      });
    };
    visit(tree);
  };
}

/** remark-math's classes: `math-inline` for text maths, `math-display` for a block. */
function mathMode(node: HastNode): 'inline' | 'display' | null {
  if (node.type !== 'element') return null;
  const classes = node.properties?.['className'];
  if (!Array.isArray(classes)) return null;
  if (classes.includes('math-display')) return 'display';
  if (classes.includes('math-inline')) return 'inline';
  return null;
}

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}
