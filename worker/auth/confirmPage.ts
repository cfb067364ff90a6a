// A sign-in link that arrives from another site (Sec-Fetch-Site: cross-site or same-site) could
// be that site signing the visitor in as someone else (login CSRF): the visitor would then work,
// and upload, under the other person's account. So such a link does not sign in by itself: it
// shows this page, and only its button (a POST from this site) opens the session. The page is
// served under the API's CSP (default-src 'none'): plain HTML, no script, no style.
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function confirmSignInPage(ticket: string, next: string | undefined, who: { vi: string; en: string }): string {
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  // each paragraph one line of the page: a line break inside one would reach its text
  const vi =
    'Bạn mở liên kết đăng nhập từ một trang web khác. Nếu chính bạn yêu cầu liên kết này, hãy bấm nút dưới đây ' +
    `để đăng nhập với tư cách <strong>${escapeHtml(who.vi)}</strong>. Nếu không, hãy đóng trang này.`;
  const en =
    'You opened a sign-in link from another website. If you asked for this link, press the button to sign in ' +
    `as <strong>${escapeHtml(who.en)}</strong>; otherwise close this page.`;
  return `<!doctype html><html lang="vi"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Xác nhận đăng nhập – Thi đua, khen thưởng</title>
<main data-testid="confirm-sign-in">
<h1>Xác nhận đăng nhập</h1>
<p>${vi}</p>
<p lang="en">${en}</p>
<form method="post" action="/api/v1/auth/sign-in">${hidden('ticket', ticket)}${next ? hidden('next', next) : ''}
<button type="submit">Đăng nhập / Sign in</button>
</form>
</main></html>`;
}
