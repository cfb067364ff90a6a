import { ApiError } from './api';
import { t } from './i18n.svelte';

/** What went wrong, in words a reader can act on (the API's own message kept for a bad filter). */
export function explain(e: unknown): string {
  if (!(e instanceof ApiError)) return String(e);
  if (e.status === 0) return t('errorNetwork');
  if (e.status === 400) return t('errorBadFilter', { detail: e.message });
  // outside the user's scope or above their role: the API says which parameter and why
  if (e.status === 403) return t('errorForbidden', { detail: e.message });
  if (e.status === 429) return t('errorTooMany', { detail: e.message });
  if (e.status >= 500) return t('errorServer', { detail: e.message });
  return e.message;
}

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
        state = { status: 'error', error: explain(e) };
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
