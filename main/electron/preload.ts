// Runs in the sandboxed preload: exposes exactly the contract's methods on window.rolecall and nothing else
// (never ipcRenderer itself). Bundled to one CommonJS file whose only require is "electron".
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_GLOBAL, createApi } from '../../src/api';

contextBridge.exposeInMainWorld(
  API_GLOBAL,
  createApi(
    (channel, request) => ipcRenderer.invoke(channel, request),
    (event, listener) => {
      const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(event, handler);
      return () => {
        ipcRenderer.removeListener(event, handler);
      };
    },
  ),
);
