// Renderer entry: languages first, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/index';
import { App } from './App';
import { hostSecret } from './api/secret';
import './styles.css';

initI18n();
// Before anything renders: take the host's secret and remove the one-time token from the address bar and history.
hostSecret();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
