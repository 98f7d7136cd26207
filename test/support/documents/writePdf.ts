import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/** A page of text lines (an empty string is a blank line: a paragraph gap), or a scanned image. */
export type PdfPage = { lines: string[] } | { image: true };

export interface PdfBookmark {
  title: string;
  /** 1-based. */
  page: number;
  children?: PdfBookmark[];
}

export interface PdfSpec {
  pages: PdfPage[];
  title?: string;
  bookmarks?: PdfBookmark[];
}

const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

/**
 * Writes a real, minimal PDF: Helvetica text drawn line by line in deflated content streams, an
 * optional document title and bookmarks (outline), and image-only pages that look like a scan.
 * Text is WinAnsi (Latin-1), which is all the tests need.
 */
export function writePdf(path: string, spec: PdfSpec): void {
  const objects: (Buffer | null)[] = [];
  const reserve = () => objects.push(null);
  const set = (id: number, body: Buffer | string) =>
    (objects[id - 1] = Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'));
  const stream = (dictionary: string, data: Buffer) =>
    Buffer.concat([
      Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream'),
    ]);

  const catalogId = reserve();
  const pagesId = reserve();
  const fontId = reserve();
  set(fontId, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const imageId = reserve();
  const pixels = Buffer.alloc(64 * 64);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37) % 256;
  set(
    imageId,
    stream(
      '/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode',
      deflateSync(pixels),
    ),
  );

  const pageIds: number[] = [];
  for (const page of spec.pages) {
    const pageId = reserve();
    const contentId = reserve();
    pageIds.push(pageId);
    let content: string;
    if ('image' in page) {
      content = 'q 468 0 0 648 72 72 cm /Im1 Do Q';
    } else {
      const body = page.lines.map((line) => (line ? `(${escape(line)}) Tj T*` : 'T*')).join('\n');
      content = `BT /F1 11 Tf 14 TL 72 740 Td\n${body}\nET`;
    }
    set(contentId, stream('/Filter /FlateDecode', deflateSync(Buffer.from(content, 'latin1'))));
    set(
      pageId,
      `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${fontId} 0 R >> /XObject << /Im1 ${imageId} 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
  }
  set(pagesId, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);

  let outline = '';
  if (spec.bookmarks?.length) {
    const outlinesId = reserve();
    const writeLevel = (items: PdfBookmark[], parentId: number): { first: number; last: number; count: number } => {
      const ids = items.map(() => reserve());
      let count = items.length;
      items.forEach((item, index) => {
        const id = ids[index]!;
        const pageId = pageIds[item.page - 1]!;
        let entry = `<< /Title (${escape(item.title)}) /Parent ${parentId} 0 R /Dest [${pageId} 0 R /XYZ 0 792 0]`;
        if (index > 0) entry += ` /Prev ${ids[index - 1]} 0 R`;
        if (index < ids.length - 1) entry += ` /Next ${ids[index + 1]} 0 R`;
        if (item.children?.length) {
          const children = writeLevel(item.children, id);
          entry += ` /First ${children.first} 0 R /Last ${children.last} 0 R /Count ${children.count}`;
          count += children.count;
        }
        set(id, `${entry} >>`);
      });
      return { first: ids[0]!, last: ids.at(-1)!, count };
    };
    const top = writeLevel(spec.bookmarks, outlinesId);
    set(outlinesId, `<< /Type /Outlines /First ${top.first} 0 R /Last ${top.last} 0 R /Count ${top.count} >>`);
    outline = ` /Outlines ${outlinesId} 0 R /PageMode /UseOutlines`;
  }
  set(catalogId, `<< /Type /Catalog /Pages ${pagesId} 0 R${outline} >>`);
  let info = '';
  if (spec.title !== undefined) {
    const infoId = reserve();
    set(infoId, `<< /Title (${escape(spec.title)}) /Producer (Hearth tests) >>`);
    info = ` /Info ${infoId} 0 R`;
  }

  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    if (!body) throw new Error(`PDF object ${index + 1} was reserved but never written`);
    const object = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, 'latin1'),
      body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    offsets.push(offset);
    parts.push(object);
    offset += object.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalogId} 0 R${info} >>\nstartxref\n${offset}\n%%EOF\n`,
      'latin1',
    ),
  );
  writeFileSync(path, Buffer.concat(parts));
}
