import type { DocxParagraph } from '../../test/support/documents/writeDocx.js';

const NUMBERED_HEADING = /^(\d+)((?:\.\d+)*)\.\s+\S.{0,80}$/;

/**
 * Debian's plain-text rendering of a DocBook manual (numbered section lines, indented paragraphs
 * separated by blank lines) as Word paragraphs: the first line is the title, a block that is one
 * numbered line ("4. File syntax", "4.1. Single-line values") a heading of its depth, any other
 * block one paragraph with its lines joined. A numbered line that recurs later is a contents
 * entry (the later one is the heading): a plain paragraph, as Word's own contents are. Debian ships no Word manual; this turns one it ships
 * as text into a real .docx, the same on every machine, so the eval covers Word's import path.
 */
export function textToDocxParagraphs(text: string): DocxParagraph[] {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);
  const lastIndexOf = new Map(blocks.map((lines, index) => [lines.join(' '), index]));
  return blocks.map((lines, index): DocxParagraph => {
    if (index === 0 && lines.length === 1) return { style: 'Title', text: lines[0]! };
    const recurs = lastIndexOf.get(lines.join(' '))! > index;
    const heading = lines.length === 1 && !recurs ? NUMBERED_HEADING.exec(lines[0]!) : null;
    if (heading) {
      const depth = heading[2]!.split('.').length; // "4" → 1, "4.1" → 2, "4.1.2" → 3
      return { style: depth === 1 ? 'Heading1' : depth === 2 ? 'Heading2' : 'Heading3', text: lines[0]! };
    }
    return { text: lines.join(' ') };
  });
}
