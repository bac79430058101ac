import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startApp } from './state/load-sample';
import { appStore } from './state/store';
import { App } from './ui/App';
import './ui/styles.css';

// Exposed for the browser tests and for planners' power users (console); holds no secrets.
(window as unknown as { __xwghStore: typeof appStore }).__xwghStore = appStore;

void startApp(appStore);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
