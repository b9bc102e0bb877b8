// First: zod must be jitless before any module below builds a schema (see zodJitless.ts).
import './zodJitless';
// Then the start-up calls, before the app's modules are evaluated (see startup/earlyCalls.ts).
import './startup/sendEarlyCalls';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api';
import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App api={getApi()} />
  </StrictMode>,
);
