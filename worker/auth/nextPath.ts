// Where a sign-in may send the browser afterwards. Checking the text of `next` (a leading '/',
// no '//', no '\') is not enough: browsers drop tabs and newlines inside URLs, so '/\t/evil.example'
// becomes '//evil.example', another origin, and a raw newline breaks the Location header. So the
// target is built, not checked: `next` is resolved against this site's origin the way a browser
// would, and only its path and query are kept (percent-encoded by the URL parser). Anything that
// resolves to another origin, or is not a path, goes to the dashboard.
export function nextPath(next: string | undefined, origin: string): string {
  if (!next?.startsWith('/')) return '/';
  let target: URL;
  try {
    target = new URL(next, origin);
  } catch {
    return '/';
  }
  if (target.origin !== origin) return '/';
  return `${target.pathname}${target.search}`;
}
