// Rows travel into SQL as JSON text bound to one parameter (json_each), which keeps a statement
// within D1's 100 bound parameters; D1 caps one string at 2 MB, so long lists are cut into parts.
const MAX_CHARS = 900_000;

export function jsonChunks(items: unknown[]): string[] {
  const out: string[] = [];
  let part: string[] = [];
  let size = 2;
  for (const item of items) {
    const s = JSON.stringify(item);
    if (part.length && size + s.length + 1 > MAX_CHARS) {
      out.push(`[${part.join(',')}]`);
      part = [];
      size = 2;
    }
    part.push(s);
    size += s.length + 1;
  }
  if (part.length) out.push(`[${part.join(',')}]`);
  return out;
}
