import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app')!;
const embedded = location.pathname.startsWith('/embed/') || location.pathname.startsWith('/snapshot/');

// The theme follows the reader's colour scheme (live); an embed's ?theme=light|dark overrides it.
const asked = embedded ? new URLSearchParams(location.search).get('theme') : null;
const prefersDark = window.matchMedia('(prefers-color-scheme: dark)');
const applyTheme = () => {
  document.documentElement.dataset.theme =
    asked === 'light' || asked === 'dark' ? asked : prefersDark.matches ? 'dark' : 'light';
};
applyTheme();
prefersDark.addEventListener('change', applyTheme);

if (embedded) {
  // an embedded chart or a published snapshot alone, without the dashboard's chrome
  void import('./embed/Embed.svelte').then(({ default: Embed }) => mount(Embed, { target }));
} else {
  mount(App, { target });
}

// On paper a table cannot be clicked open: print every "Xem dạng bảng" table with its chart.
window.addEventListener('beforeprint', () => {
  for (const d of document.querySelectorAll('details')) d.open = true;
});
