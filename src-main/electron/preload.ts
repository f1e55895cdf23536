import { contextBridge, ipcRenderer } from 'electron';
import { buildCasebookApi } from './preload-api';

/**
 * Sandboxed preload (bundled as CommonJS). It exposes window.casebook and nothing else;
 * contextBridge copies the functions into the page's world, so the page never holds a
 * reference to ipcRenderer.
 */
contextBridge.exposeInMainWorld('casebook', buildCasebookApi(ipcRenderer));
