/** The few fields of an mdast node this plugin reads. */
interface MarkdownNode {
  type: string;
  value?: string;
  children?: MarkdownNode[];
}

/**
 * Shows HTML written by the model as the literal text it is. react-markdown never renders raw
 * HTML (there is no rehype-raw here), but by default it drops it silently, which loses text
 * such as "use the <div> tag". Turning each HTML node into a text node keeps it, inert.
 */
export function remarkHtmlAsText() {
  return (tree: MarkdownNode): void => {
    const visit = (node: MarkdownNode) => {
      if (node.type === 'html') node.type = 'text';
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
