// The sandboxed preload: exposes one object with a method per contract call, nothing else.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { callNames } from '../shared/api/contract';

const bridge = Object.fromEntries(
  callNames.map((name) => [name, (args: unknown) => ipcRenderer.invoke(`fazhi:${name}`, args)]),
);

contextBridge.exposeInMainWorld('fazhi', bridge);
// Dropped or picked files carry their path only through webUtils in a sandboxed renderer.
contextBridge.exposeInMainWorld('fazhiFiles', { pathForFile: (file: File) => webUtils.getPathForFile(file) });
