import { ApiError } from './api';

export type LoadState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: string };

/**
 * Loads data for one card and reloads when what `request` reads (URL filters, language)
 * changes; a newer request aborts the older one. `request` runs synchronously so Svelte
 * tracks what it reads.
 */
export function resource<R, T>(request: () => R, fetcher: (req: R, signal: AbortSignal) => Promise<T>) {
  let state = $state.raw<LoadState<T>>({ status: 'loading' });
  let attempt = $state(0);
  $effect(() => {
    void attempt;
    const req = request();
    const ctrl = new AbortController();
    state = { status: 'loading' };
    fetcher(req, ctrl.signal).then(
      (data) => {
        if (!ctrl.signal.aborted) state = { status: 'ready', data };
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        state = { status: 'error', error: e instanceof ApiError ? (e.status ? e.message : '') : String(e) };
      },
    );
    return () => ctrl.abort();
  });
  return {
    get state() {
      return state;
    },
    retry: () => attempt++,
  };
}
