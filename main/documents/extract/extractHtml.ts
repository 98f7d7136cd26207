import { Parser } from 'htmlparser2';
import type { DocumentKind, ExtractedDocument } from '../../../contract/index.js';
import { DocumentBuilder } from './DocumentBuilder.js';
import { isPageChrome } from './htmlChrome.js';
import { TextFlow } from './TextFlow.js';

/** Elements whose content is not reading text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'select',
  'button',
  'head',
]);
const PARAGRAPHS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'blockquote',
  'pre',
  'table',
  'ul',
  'ol',
  'dl',
  'figure',
  'form',
  'fieldset',
  'details',
  'address',
  'hr',
  'body',
]);
const LINES = new Set([
  'li',
  'tr',
  'dt',
  'dd',
  'caption',
  'figcaption',
  'summary',
  'option',
  'thead',
  'tbody',
  'tfoot',
]);
const CELLS = new Set(['td', 'th']);
const HEADING = /^h([1-6])$/;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * An HTML document's reading text, cut into sections at its headings (h1–h6), with `<title>` (or
 * the first heading) as its title. Scripts, styles, hidden elements and site chrome (menus,
 * navigation bars, sidebars, footers: htmlChrome.ts) are dropped. Also reads
 * mammoth's HTML for Word documents, hence `kind`. A streaming parser: no DOM tree is built.
 */
export function extractHtml(html: string, fallbackTitle: string, kind: DocumentKind = 'html'): ExtractedDocument {
  const builder = new DocumentBuilder();
  const flow = new TextFlow();
  const headingPath: { level: number; text: string }[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  /** Open elements inside a skipped one, the skipped one included. */
  let skipDepth = 0;
  let preDepth = 0;
  let heading: { level: number; text: string } | null = null;
  let title: string | null = null;
  let inTitle = false;

  let itemDepth = 0;
  const boundary = (name: string) => {
    // Paragraphs inside a list item (Word's lists, loose Markdown lists) stay on the item's lines.
    if (name === 'p' && itemDepth > 0) flow.break(1);
    else if (PARAGRAPHS.has(name)) flow.break(2);
    else if (LINES.has(name)) flow.break(1);
    else if (CELLS.has(name)) flow.space();
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title' && title === null) inTitle = true;
        if (skipDepth > 0) return void skipDepth++;
        if (
          SKIPPED.has(name) ||
          'hidden' in attributes ||
          attributes['aria-hidden'] === 'true' ||
          // Word's HTML (mammoth) has no chrome; a class there is the author's and is kept.
          (kind === 'html' && isPageChrome(name, attributes))
        )
          return void (skipDepth = 1);
        const level = HEADING.exec(name)?.[1];
        if (level) {
          heading ??= { level: Number(level), text: '' };
          return;
        }
        if (name === 'pre') preDepth++;
        if (name === 'br') flow.lineBreak();
        if (name === 'ul' || name === 'ol') lists.push({ ordered: name === 'ol', count: 0 });
        boundary(name);
        if (name === 'li') itemDepth++;
        const list = lists.at(-1);
        if (name === 'li' && list) flow.marker(list.ordered ? `${++list.count}. ` : '- ');
      },
      ontext(text) {
        if (inTitle) title = (title ?? '') + text;
        if (skipDepth > 0) return;
        if (heading) heading.text += text;
        else if (preDepth > 0) flow.raw(text);
        else flow.text(text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (skipDepth > 0) return void skipDepth--;
        const level = HEADING.exec(name)?.[1];
        if (level) {
          if (heading?.level !== Number(level)) return;
          const { level: closed, text: raw } = heading;
          heading = null;
          const text = collapse(raw).slice(0, 500);
          if (!text) return;
          builder.addSection(
            headingPath.map((h) => h.text),
            null,
            flow.take(),
          );
          while (headingPath.length > 0 && headingPath.at(-1)!.level >= closed) headingPath.pop();
          headingPath.push({ level: closed, text });
          flow.text(text);
          flow.break(2);
          return;
        }
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (name === 'ul' || name === 'ol') lists.pop();
        if (name === 'li') itemDepth = Math.max(0, itemDepth - 1);
        boundary(name);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  builder.addSection(
    headingPath.map((h) => h.text),
    null,
    flow.take(),
  );

  const documentTitle = collapse((title as string | null) ?? '') || builder.firstHeadingPath()?.[0] || fallbackTitle;
  return builder.finish(kind, documentTitle.slice(0, 500), null);
}
