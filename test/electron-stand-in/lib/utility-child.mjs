// Loaded (--import) into every utility process: process.parentPort, Electron's channel to the main process,
// made from Node's IPC channel. https://www.electronjs.org/docs/latest/api/parent-port
import { EventEmitter } from 'node:events';

const parentPort = new EventEmitter();
parentPort.postMessage = (message) => process.send?.(message);
parentPort.on('newListener', (name) => {
  if (name === 'message' && parentPort.listenerCount('message') === 0)
    process.on('message', (data) => parentPort.emit('message', { data, ports: [] }));
});
Object.defineProperty(process, 'parentPort', { enumerable: true, writable: false, value: parentPort });
// Node keeps a child alive while its IPC channel is referenced; a utility process without listeners does not wait.
process.channel?.unref();
