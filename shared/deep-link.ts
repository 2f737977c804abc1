/**
 * The orbdeck:// URL scheme, for Shortcuts and scripts. A pure parser; what it returns is carried
 * out by the window, which asks first for everything that changes something (README: "orbdeck:// links").
 *
 *   orbdeck://machine/NAME                 show the machine
 *   orbdeck://machine/NAME/start|stop|restart
 *   orbdeck://machine/NAME/export          export to the export folder (Settings), else the last one used
 *   orbdeck://preset/PRESET-NAME/create    create a machine from a preset (the name URL-encoded)
 */
import { machineRefProblem } from './names';

export type DeepLink =
  | { kind: 'show'; machine: string }
  | { kind: 'power'; action: 'start' | 'stop' | 'restart'; machine: string }
  | { kind: 'export'; machine: string }
  | { kind: 'create-from-preset'; preset: string };

export const DEEP_LINK_SCHEME = 'orbdeck';

/** Everything but showing a machine changes something, so the window asks before it acts. */
export function asksFirst(link: DeepLink): boolean {
  return link.kind !== 'show';
}

/** Whether `url` is an orbdeck:// link at all: a scheme's case does not matter (`ORBDECK://` is one too). */
export function isDeepLink(url: string): boolean {
  return url.slice(0, DEEP_LINK_SCHEME.length + 3).toLowerCase() === `${DEEP_LINK_SCHEME}://`;
}

export function parseDeepLink(url: string): { link: DeepLink } | { problem: string } {
  const refuse = (problem: string) => ({ problem });
  if (typeof url !== 'string' || url.length > 2048) return refuse('That is not an OrbDeck link.');
  const m = isDeepLink(url)
    ? /^([a-z]+)\/([^/?#]+)(?:\/([a-z]+))?\/?$/.exec(url.slice(DEEP_LINK_SCHEME.length + 3))
    : null;
  if (!m) return refuse(`“${url.slice(0, 80)}” is not an OrbDeck link OrbDeck understands.`);
  const [, what, rawName, verb] = m as unknown as [string, string, string, string | undefined];
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    return refuse('The link’s name is not properly encoded.');
  }
  if (what === 'machine') {
    const problem = machineRefProblem(name);
    if (problem) return refuse(problem);
    if (verb === undefined) return { link: { kind: 'show', machine: name } };
    if (verb === 'start' || verb === 'stop' || verb === 'restart')
      return { link: { kind: 'power', action: verb, machine: name } };
    if (verb === 'export') return { link: { kind: 'export', machine: name } };
    return refuse(`OrbDeck links cannot “${verb}” a machine.`);
  }
  if (what === 'preset' && verb === 'create') {
    if (name.trim() === '' || name.length > 64 || name.includes('\0'))
      return refuse('That is not a preset name.');
    return { link: { kind: 'create-from-preset', preset: name } };
  }
  return refuse(`“${url.slice(0, 80)}” is not an OrbDeck link OrbDeck understands.`);
}

/** The question asked before a link acts, in words. */
export function deepLinkQuestion(link: DeepLink): string {
  switch (link.kind) {
    case 'show':
      return `Show ${link.machine}?`;
    case 'power':
      return `${link.action[0]!.toUpperCase()}${link.action.slice(1)} ${link.machine}?`;
    case 'export':
      return `Export ${link.machine} to the export folder?`;
    case 'create-from-preset':
      return `Create a machine from the preset “${link.preset}”?`;
  }
}
