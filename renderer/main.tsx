import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { z } from 'zod';
import { App } from './App.js';
import { initI18n } from './i18n/index.js';
import './styles/base.css';
import './styles/shell.css';
import './styles/forms.css';
import './styles/screens.css';

// Strict CSP: no eval, so zod must not try its JIT.
z.config({ jitless: true });

const i18n = initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
