// Filters and language live in the URL, so any view can be shared, bookmarked and restored
// with back/forward.

function read(): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(location.search));
}

export const urlState = $state({ params: read(), path: location.pathname });

window.addEventListener('popstate', () => {
  urlState.params = read();
  urlState.path = location.pathname;
});

/** Goes to another page, keeping the filters (they apply across pages). */
export function navigate(path: string) {
  if (path === urlState.path) return;
  history.pushState(null, '', `${path}${location.search}`);
  urlState.path = path;
}

function write(next: Record<string, string>, how: 'push' | 'replace') {
  const search = new URLSearchParams(next).toString();
  const url = `${location.pathname}${search ? `?${search}` : ''}`;
  if (how === 'push') history.pushState(null, '', url);
  else history.replaceState(history.state, '', url);
  urlState.params = next;
}

/** Sets (or with '' / undefined removes) URL parameters and records a history entry. */
export function setParams(changes: Record<string, string | undefined>) {
  const next = { ...urlState.params };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') delete next[k];
    else next[k] = v;
  }
  write(next, 'push');
}

/** Reads a one-time parameter (such as why a sign-in link failed) and removes it without a history entry. */
export function takeParam(name: string): string | undefined {
  const value = urlState.params[name];
  if (value === undefined) return undefined;
  const { [name]: _taken, ...rest } = urlState.params;
  write(rest, 'replace');
  return value;
}
