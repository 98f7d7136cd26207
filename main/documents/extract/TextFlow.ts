/**
 * Text as a browser would lay it out for reading, built from a stream of text and block
 * boundaries: runs of white space become one space, a block boundary becomes a line break, a
 * paragraph boundary a blank line, and nothing is doubled at the edges.
 */
export class TextFlow {
  private out = '';
  private pendingSpace = false;
  private pendingBreak: 0 | 1 | 2 = 0;
  /** A list marker was just written: the item's text follows on its line, whatever blocks it holds. */
  private afterMarker = false;

  /** Flowing text: white space collapses. */
  text(text: string): void {
    if (/^\s/.test(text)) this.pendingSpace = true;
    const words = text.replace(/\s+/g, ' ').trim();
    if (words) {
      this.emitPending();
      this.out += words;
      this.pendingSpace = /\s$/.test(text);
    }
  }

  /** Preformatted text: kept as written, line breaks included. */
  raw(text: string): void {
    if (!text) return;
    this.emitPending();
    this.out += text;
  }

  /** A list item's "- " or "3. ", on a line of its own. */
  marker(text: string): void {
    this.break(1);
    this.emitPending();
    this.out += text;
    this.afterMarker = true;
  }

  /** 1: a line break (list item, table row); 2: a paragraph break. */
  break(level: 1 | 2): void {
    if (this.afterMarker) return;
    if (level > this.pendingBreak) this.pendingBreak = level;
    this.pendingSpace = false;
  }

  /** `<br>`: a second one in a row makes a blank line. */
  lineBreak(): void {
    if (!this.out || this.afterMarker) return;
    this.pendingBreak = this.pendingBreak === 0 ? 1 : 2;
    this.pendingSpace = false;
  }

  /** A separation that is a space within a line (table cells). */
  space(): void {
    this.pendingSpace = true;
  }

  get isEmpty(): boolean {
    return this.out.length === 0;
  }

  /** The text so far; the flow starts over empty. */
  take(): string {
    const text = this.out;
    this.out = '';
    this.pendingSpace = false;
    this.pendingBreak = 0;
    this.afterMarker = false;
    return text;
  }

  private emitPending(): void {
    if (this.afterMarker) {
      this.afterMarker = false;
    } else if (this.out) {
      if (this.pendingBreak) this.out = this.out.replace(/[ \t]+$/, '') + '\n'.repeat(this.pendingBreak);
      else if (this.pendingSpace && !/\s$/.test(this.out)) this.out += ' ';
    }
    this.pendingBreak = 0;
    this.pendingSpace = false;
  }
}
