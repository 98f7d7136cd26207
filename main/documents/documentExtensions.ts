/** File names Hearth reads as documents, by kind (detectType checks the bytes as well). */
export const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mkdn']);
export const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
export const OTHER_DOCUMENT_EXTENSIONS = new Set(['.pdf', '.docx', '.txt', '.text']);
