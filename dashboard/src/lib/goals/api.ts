// Targets and chart notes: reads through the typed client; writes answer their error in both
// languages, which the editor panel shows as they are (the row and column of a bad CSV line).
import { ApiError, call, client } from '../api';
import type { paths } from '../api-schema';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;
export type Target = Json<paths['/targets']['get']['responses'][200]>['targets'][number];
export type Note = Json<paths['/annotations']['get']['responses'][200]>['annotations'][number];
export type TargetInput = Json<NonNullable<paths['/targets']['put']['requestBody']>>['targets'][number];
export type NewNote = Json<NonNullable<paths['/annotations']['post']['requestBody']>>;
export type Indicator = Target['indicator'];

export interface WriteError {
  error: string;
  error_vi?: string;
  errors?: { row: number; column: string; message: string; message_vi: string }[];
}
export type Written<T> = { ok: true; data: T } | { ok: false; status: number; body: WriteError };

export const getTargets = (q: { unit?: string; from?: string; to?: string }, signal?: AbortSignal) =>
  call<{ targets: Target[] }>(client.GET('/targets', { params: { query: q }, signal }));

export const getNotes = (q: { on?: string; from?: string; to?: string }, signal?: AbortSignal) =>
  call<{ annotations: Note[] }>(client.GET('/annotations', { params: { query: q }, signal }));

// Several cards of a page show the same unit's targets and notes: one request each, shared, per
// unit and per change made here (`version`); a failed one is asked again next time.
const shared = new Map<string, Promise<unknown>>();
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = shared.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    shared.set(key, p);
    p.catch(() => shared.delete(key));
    if (shared.size > 100) shared.delete(shared.keys().next().value!);
  }
  return p;
}

/** The unit's targets, shared by the cards that show them (not aborted by one of them). */
export const unitTargetsOnce = (unit: string, version: number) =>
  once(`targets:${unit}:${version}`, () => getTargets({ unit }));

/** The notes a unit's charts show, shared likewise. */
export const chartNotesOnce = (on: string, version: number) => once(`notes:${on}:${version}`, () => getNotes({ on }));

async function write<T>(path: string, method: string, body: BodyInit, type: string): Promise<Written<T>> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, body, headers: { 'content-type': type } });
  } catch {
    throw new ApiError(0, 'network');
  }
  const data = await res.json().catch(() => ({ error: res.statusText }));
  return res.ok ? { ok: true, data: data as T } : { ok: false, status: res.status, body: data as WriteError };
}

export const putTargets = (targets: TargetInput[]) =>
  write<{ targets: Target[] }>('/targets', 'PUT', JSON.stringify({ targets }), 'application/json');

/** A CSV typed in a spreadsheet (Chỉ tiêu, Năm, Đơn vị, Giá trị), read by the Worker. */
export const putTargetsCsv = (file: Blob) => write<{ targets: Target[] }>('/targets', 'PUT', file, 'text/csv');

export const deleteTarget = (id: number) => write<Target>(`/targets/${id}`, 'DELETE', '', 'application/json');

export const postNote = (note: NewNote) =>
  write<Note>('/annotations', 'POST', JSON.stringify(note), 'application/json');

export const putNote = (id: number, note: NewNote) =>
  write<Note>(`/annotations/${id}`, 'PUT', JSON.stringify(note), 'application/json');

export const deleteNote = (id: number) => write<Note>(`/annotations/${id}`, 'DELETE', '', 'application/json');
