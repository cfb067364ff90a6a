// Hand-made zip archives for the XLSX size tests: entries deflated with workerd's
// CompressionStream, and central-directory sizes that may be set to lie.

export interface ZipEntry {
  name: string;
  /** The content, or a producer of chunks (so that a large entry never exists whole). */
  content: string | (() => AsyncIterable<Uint8Array>);
  /** What the central directory claims; the true size otherwise. */
  declaredSize?: number;
}

async function deflate(content: ZipEntry['content']): Promise<{ bytes: Uint8Array; size: number }> {
  const enc = new TextEncoder();
  let size = 0;
  const source =
    typeof content === 'string'
      ? (async function* () {
          yield enc.encode(content);
        })()
      : content();
  const stream = new ReadableStream<Uint8Array>({
    async start(c) {
      for await (const chunk of source) {
        size += chunk.length;
        c.enqueue(chunk);
      }
      c.close();
    },
  }).pipeThrough(new CompressionStream('deflate-raw') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return { bytes, size };
}

export async function zip(entries: ZipEntry[]): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const { bytes, size } = await deflate(e.content);
    const declared = e.declaredSize ?? size;
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(8, 8, true);
    l.setUint32(18, bytes.length, true);
    l.setUint32(22, declared, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const c = new DataView(cd.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(10, 8, true);
    c.setUint32(20, bytes.length, true);
    c.setUint32(24, declared, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    cd.set(name, 46);
    parts.push(local, bytes);
    central.push(cd);
    offset += local.length + bytes.length;
  }
  const cdSize = central.reduce((s, p) => s + p.length, 0);
  const end = new Uint8Array(22);
  const d = new DataView(end.buffer);
  d.setUint32(0, 0x06054b50, true);
  d.setUint16(8, entries.length, true);
  d.setUint16(10, entries.length, true);
  d.setUint32(12, cdSize, true);
  d.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((s, p) => s + p.length, 0));
  let p = 0;
  for (const a of all) {
    out.set(a, p);
    p += a.length;
  }
  return out;
}

/** `total` bytes of `unit` repeated, in 1 MB chunks. */
export function repeated(unit: string, total: number): () => AsyncIterable<Uint8Array> {
  return async function* () {
    const chunk = new TextEncoder().encode(unit.repeat(Math.ceil((1 << 20) / unit.length)));
    for (let n = 0; n < total; n += chunk.length) yield chunk.subarray(0, Math.min(chunk.length, total - n));
  };
}
