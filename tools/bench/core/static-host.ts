// The baseline of the page-load figures of `npm run bench`: a bare static page served the same way as the
// renderer (the headless host's server, with a router that answers nothing). argv: the folder to serve.
// Prints the URL on stdout, as the headless host does.
import { EventHub, Router, startHeadlessServer } from '../../../electron/headless';

const staticDir = process.argv[2];
if (!staticDir) {
  console.error('usage: static-host.mjs FOLDER');
  process.exit(2);
}
const server = await startHeadlessServer({
  router: new Router(() => {}),
  events: new EventHub(),
  staticDir,
  port: 0,
});
console.log(`Static page ready at ${server.url}`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
