import './styles.css';
import { mount } from './app.ts';

const root = document.getElementById('app');
if (root) {
  const unmount = mount(root);
  // Vite's hot reload swaps this module: tear the old explorer down first.
  import.meta.hot?.dispose(unmount);
}
