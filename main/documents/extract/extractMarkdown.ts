import type { ExtractedDocument } from '../../../contract/index.js';
import { decodeText } from './decodeText.js';
import { documentFromSource, type SourceCut } from './documentFromSource.js';

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** YAML front matter: `---` on the first line, to the next `---` or `...` line. */
const FRONT_MATTER = /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
/** Indented code, list items, quotes and tables cannot be underlined into a heading. */
const NOT_PARAGRAPH = /^(?: {4}|\t| {0,3}(?:[-*+>|]|\d{1,9}[.)])(?:\s|$))/;

/**
 * A Markdown file, its text kept as written (offsets point into the file itself), cut into
 * sections at its headings: `#` lines and underlined (setext) headings, not lines inside fenced
 * code. A heading's path uses its text without inline marks: `**Setup**` is "Setup".
 */
export function extractMarkdown(bytes: Uint8Array, fallbackTitle: string): ExtractedDocument {
  const text = decodeText(bytes);
  const cuts: SourceCut[] = [];
  const open: { level: number; text: string }[] = [];
  let fence: string | null = null;
  /** A line that opened a paragraph: an underline on the next line makes it a heading. */
  let candidate: { start: number; line: string } | null = null;
  let atParagraphStart = true;
  let firstH1: string | null = null;

  const addHeading = (start: number, level: number, raw: string) => {
    const title = plainHeading(raw);
    if (!title) return;
    while (open.length > 0 && open.at(-1)!.level >= level) open.pop();
    open.push({ level, text: title });
    if (level === 1) firstH1 ??= title;
    cuts.push({ start, headingPath: open.map((h) => h.text) });
  };

  for (let start = FRONT_MATTER.exec(text)?.[0].length ?? 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    const fenceMark = FENCE.exec(line)?.[1];
    const atx = ATX.exec(line);
    const underline = SETEXT_UNDERLINE.exec(line);
    if (fence !== null) {
      if (
        fenceMark !== undefined &&
        fenceMark[0] === fence[0] &&
        fenceMark.length >= fence.length &&
        !line.trim().slice(fenceMark.length)
      ) {
        fence = null;
        atParagraphStart = true;
      }
    } else if (fenceMark) {
      fence = fenceMark;
      candidate = null;
    } else if (atx) {
      addHeading(start, atx[1]!.length, atx[2] ?? '');
      candidate = null;
      atParagraphStart = true;
    } else if (underline && candidate) {
      addHeading(candidate.start, underline[1]!.startsWith('=') ? 1 : 2, candidate.line);
      candidate = null;
      atParagraphStart = true;
    } else if (!line.trim() || THEMATIC_BREAK.test(line)) {
      candidate = null;
      atParagraphStart = true;
    } else {
      candidate = atParagraphStart && !NOT_PARAGRAPH.test(line) ? { start, line } : null;
      atParagraphStart = false;
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return documentFromSource('markdown', firstH1 ?? fallbackTitle, text, cuts);
}

/** Heading text without inline Markdown: emphasis, code spans, links and images by their text. */
function plainHeading(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|~~|`)(.+?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500);
}
