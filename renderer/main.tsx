import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { getApi } from './api';
import { App } from './App';
import './styles.css';

// zod v4 probes `new Function('')` to decide whether to compile object parsers; under the page's CSP (no
// 'unsafe-eval') that probe is reported as a CSP violation even though zod catches it. Jitless skips the probe.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App api={getApi()} />
  </StrictMode>,
);
