const { contextBridge, ipcRenderer } = require('electron');

contextBridge.exposeInMainWorld('selftest', {
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
});
