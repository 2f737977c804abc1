// The first module the window evaluates (main.tsx imports it before anything else): the headless host's
// WebSocket opens while the rest of the code, React above all, is evaluated, not after it.
import { getApi } from './api/api';

try {
  getApi();
} catch {
  // No token or no bridge: main.tsx asks again and shows why.
}
