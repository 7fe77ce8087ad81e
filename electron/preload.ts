// The sandboxed preload: exposes one object with a method per contract call, nothing else.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { callNames } from '../shared/api/contract';

const bridge = Object.fromEntries(
  callNames.map((name) => [name, (args: unknown) => ipcRenderer.invoke(`fazhi:${name}`, args)]),
);

contextBridge.exposeInMainWorld('fazhi', bridge);
// Dropped or picked files carry their path only through webUtils in a sandboxed renderer. The main process is told the
// path here, where the page cannot forge it (a File made in script has no path), and refuses any path it was not told.
contextBridge.exposeInMainWorld('fazhiFiles', {
  pathForFile: (file: File) => {
    const p = webUtils.getPathForFile(file);
    if (p) void ipcRenderer.invoke('fazhi-files:grant', p);
    return p;
  },
});
