import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app')!;
if (location.pathname.startsWith('/embed/')) {
  // an embedded chart: no dashboard chrome; ?theme=light|dark overrides the reader's preference
  const theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  document.body.classList.add('embedded');
  void import('./embed/Embed.svelte').then(({ default: Embed }) => mount(Embed, { target }));
} else {
  mount(App, { target });
}

// On paper a table cannot be clicked open: print every "Xem dạng bảng" table with its chart.
window.addEventListener('beforeprint', () => {
  for (const d of document.querySelectorAll('details')) d.open = true;
});
