// The admin token for writes, kept in sessionStorage: it survives a reload but not the tab,
// and is never put in the URL. Sign-in and roles replace this later.
const KEY = 'thidua-admin-token';

export const adminToken = $state({ value: sessionStorage.getItem(KEY) ?? '' });

export function setToken(value: string) {
  adminToken.value = value.trim();
  if (adminToken.value) sessionStorage.setItem(KEY, adminToken.value);
  else sessionStorage.removeItem(KEY);
}
