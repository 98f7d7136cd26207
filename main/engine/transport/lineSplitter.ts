/** Calls `listener` once per line written to `stream`, so partial writes are not split apart. */
export function forEachLine(stream: NodeJS.ReadableStream | null | undefined, listener: (line: string) => void): void {
  if (!stream) return;
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string | Buffer) => {
    const lines = (rest + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'))).split(/\r?\n/);
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) listener(line);
  });
  stream.on('end', () => {
    if (rest.trim()) listener(rest);
    rest = '';
  });
}
