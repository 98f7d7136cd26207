/** The part of pdf.js's document proxy that the outline needs. */
export interface PdfOutlineSource {
  getOutline(): Promise<PdfOutlineNode[] | null>;
  getDestination(id: string): Promise<unknown[] | null>;
  getPageIndex(ref: { num: number; gen: number }): Promise<number>;
}

export interface PdfOutlineNode {
  title: string;
  dest: string | unknown[] | null;
  items: PdfOutlineNode[];
}

/** One bookmark: its heading path (ancestors first) and the 1-based page it points to. */
export interface OutlineHeading {
  headingPath: string[];
  page: number;
}

/** Bookmarks beyond these are ignored: a hostile outline must not cost unbounded time. */
const MAX_ENTRIES = 5000;
const MAX_DEPTH = 16;

/**
 * The PDF's bookmarks as headings, in page order. PDFs have no headings of their own; the
 * outline (when the author made one) is the closest thing, and says which pages a chapter spans.
 * A bookmark whose target cannot be resolved is skipped, never fatal.
 */
export async function readPdfOutline(source: PdfOutlineSource, pageCount: number): Promise<OutlineHeading[]> {
  const outline = await source.getOutline().catch(() => null);
  if (!outline) return [];
  const headings: OutlineHeading[] = [];
  const visit = async (nodes: PdfOutlineNode[], path: string[]) => {
    for (const node of nodes) {
      if (headings.length >= MAX_ENTRIES) return;
      const title = node.title.replace(/\s+/g, ' ').trim().slice(0, 500);
      if (!title) continue;
      const headingPath = [...path, title];
      const page = await resolvePage(source, node.dest);
      if (page !== null && page >= 1 && page <= pageCount) headings.push({ headingPath, page });
      if (node.items.length > 0 && headingPath.length < MAX_DEPTH) await visit(node.items, headingPath);
    }
  };
  await visit(outline, []);
  // Stable: bookmarks on one page keep their reading order.
  return headings.sort((a, b) => a.page - b.page);
}

async function resolvePage(source: PdfOutlineSource, dest: PdfOutlineNode['dest']): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await source.getDestination(dest) : dest;
    const target = explicit?.[0];
    if (typeof target === 'number') return target + 1;
    if (isRef(target)) return (await source.getPageIndex(target)) + 1;
  } catch {
    // A dangling bookmark: skip it.
  }
  return null;
}

function isRef(value: unknown): value is { num: number; gen: number } {
  return typeof value === 'object' && value !== null && typeof (value as { num?: unknown }).num === 'number';
}
