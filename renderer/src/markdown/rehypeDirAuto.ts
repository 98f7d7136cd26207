/** The few fields of a hast node this plugin reads and writes. */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Elements that hold a run of text of their own: each finds its direction from its first strong letter. */
const TEXT_BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'td', 'th', 'dt', 'dd']);

/**
 * Sets dir="auto" on every paragraph-like element of a rendered answer, so a paragraph in Arabic
 * or Hebrew reads from the right and one in English from the left, however the answer mixes them.
 * Code blocks keep the page's direction (code is left-to-right), and so does KaTeX's output.
 */
export function rehypeDirAuto() {
  return (tree: HastNode): void => {
    const visit = (node: HastNode) => {
      if (node.type === 'element' && node.tagName !== undefined && TEXT_BLOCKS.has(node.tagName)) {
        node.properties = { ...node.properties, dir: 'auto' };
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
