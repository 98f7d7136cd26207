/** The few fields of an mdast node this plugin reads and writes. */
interface MarkdownNode {
  type: string;
  value?: string;
  children?: MarkdownNode[];
  data?: {
    hName?: string;
    hProperties?: Record<string, string | number>;
    hChildren?: { type: 'text'; value: string }[];
  };
}

/** "[1]", "[2, 3]", "[1; 4]": how answers over documents cite their numbered sources. */
const MARKERS = /\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]/g;

/** Citation buttons must not end up inside links (interactive content may not nest). */
const SKIPPED = new Set(['link', 'linkReference']);

/**
 * Turns the [n] markers in an answer's text into citation elements: `<button data-citation="n">`
 * in the rendered tree, which `CitationMarker` replaces with a button that opens the source. Only
 * text nodes are touched, so markers in code stay as written; nothing the model wrote becomes
 * markup (it cannot write a button: raw HTML is shown as text).
 */
export function remarkCitations() {
  return (tree: MarkdownNode): void => {
    const visit = (node: MarkdownNode) => {
      if (!node.children || SKIPPED.has(node.type)) return;
      node.children = node.children.flatMap((child) => {
        if (child.type === 'text') return splitCitations(child.value ?? '');
        visit(child);
        return [child];
      });
    };
    visit(tree);
  };
}

function splitCitations(text: string): MarkdownNode[] {
  const nodes: MarkdownNode[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKERS)) {
    if (match.index > last) nodes.push({ type: 'text', value: text.slice(last, match.index) });
    for (const n of (match[1] ?? '').split(/\s*[,;]\s*/)) nodes.push(citation(Number(n)));
    last = match.index + match[0].length;
  }
  if (last === 0) return [{ type: 'text', value: text }];
  if (last < text.length) nodes.push({ type: 'text', value: text.slice(last) });
  return nodes;
}

function citation(n: number): MarkdownNode {
  return {
    type: 'citation',
    children: [],
    data: { hName: 'button', hProperties: { dataCitation: n }, hChildren: [{ type: 'text', value: `[${n}]` }] },
  };
}
