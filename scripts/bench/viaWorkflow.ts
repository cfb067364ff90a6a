// VIA=workflow in `npm run bench:import`: the same file through R2 and the import Workflow, right
// after the one-request import of it was rolled back, so both run on the same server in one run.
// The clock runs from the first byte sent to the upload's stage `done` (polled every 250 ms).
import { createReadStream, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Readable } from 'node:stream';

type Json = Record<string, unknown>;

export async function viaWorkflow(url: string, auth: Record<string, string>, file: string, rows: number) {
  const api = (p: string, init: RequestInit = {}) =>
    fetch(`${url}/api/v1${p}`, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`load average before the Workflow import: ${load()}`);
  const started = performance.now();
  const res = await api('/uploads/awards?filename=bench.csv', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'content-length': String(statSync(file).size) },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const sent = (await res.json()) as { upload?: { id: string } };
  if (res.status !== 202) throw new Error(`upload refused: ${res.status} ${JSON.stringify(sent).slice(0, 300)}`);
  const uploaded = (performance.now() - started) / 1000;
  const stages: Record<string, number> = {};
  let u: Json;
  for (;;) {
    u = ((await (await api(`/uploads/${sent.upload!.id}`)).json()) as { upload: Json }).upload;
    stages[String(u.stage)] ??= (performance.now() - started) / 1000;
    if (['done', 'invalid', 'duplicate', 'cancelled', 'failed'].includes(String(u.stage))) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const seconds = (performance.now() - started) / 1000;
  if (u.stage !== 'done') throw new Error(`the Workflow ended ${u.stage}: ${JSON.stringify(u.result).slice(0, 300)}`);
  const at = Object.entries(stages)
    .map(([s, t]) => `${s} at ${t.toFixed(1)} s`)
    .join(', ');
  console.log(
    `through R2 and the Workflow: ${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString('en')} rows/s ` +
      `(upload answered after ${uploaded.toFixed(1)} s; ${at}); load average after: ${load()}`,
  );
  const check = (await (await api('/imports/consistency')).json()) as Json;
  console.log(`consistency after the Workflow import: ${check.ok ? 'ok' : 'FAILED'}`);
  return u;
}
