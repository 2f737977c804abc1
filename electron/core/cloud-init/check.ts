/**
 * Basic checks of cloud-init user data before a create (docs/cloud-init.md): what cloud-init would
 * ignore or choke on, said before the machine exists, with the line it is on. Not a full schema check: the
 * header, YAML syntax (tabs, indentation, duplicate keys), a top level of keys, the common keys that must be
 * lists, and a near miss of a known key (a typo cloud-init would ignore silently).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair } from 'yaml';
import type { CloudInitProblem } from '../../../shared/ipc/types';
import { MAX_CLOUD_INIT_CHARS } from '../../../shared/machine-options';

/** First lines cloud-init takes as user data of another kind: accepted as they are, not read as YAML. */
const OTHER_KINDS = [
  /^#!/,
  /^#include(-once)?\b/,
  /^#cloud-boothook\b/,
  /^#part-handler\b/,
  /^Content-Type:/i,
];

/** Keys that take a list. */
const LISTS = [
  'packages',
  'runcmd',
  'bootcmd',
  'write_files',
  'users',
  'groups',
  'ssh_authorized_keys',
  'mounts',
];
/** Common top-level keys (a subset of cloud-init's modules), to catch typos. */
const KNOWN = new Set([
  ...LISTS,
  'package_update',
  'package_upgrade',
  'package_reboot_if_required',
  'apt',
  'yum_repos',
  'snap',
  'hostname',
  'fqdn',
  'timezone',
  'locale',
  'ntp',
  'chpasswd',
  'ssh_pwauth',
  'disable_root',
  'final_message',
  'power_state',
  'manage_etc_hosts',
  'ca_certs',
  'keyboard',
  'growpart',
  'resize_rootfs',
  'swap',
  'output',
  'system_info',
  'merge_how',
]);

const at = (line: number | null, message: string, severity: CloudInitProblem['severity'] = 'error') => ({
  line,
  message,
  severity,
});

export function checkCloudInit(text: string): CloudInitProblem[] {
  if (text.trim() === '') return [];
  if (text.length > MAX_CLOUD_INIT_CHARS)
    return [at(null, `cloud-init user data is at most ${MAX_CLOUD_INIT_CHARS / 1024} KiB.`)];
  const first = text.split('\n', 1)[0]!.trimEnd();
  if (OTHER_KINDS.some((re) => re.test(first))) return [];
  if (first !== '#cloud-config')
    return [
      at(
        1,
        'The first line must be “#cloud-config” (or “#!” for a script): cloud-init ignores user data it does not recognise.',
      ),
    ];

  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? null : lines.linePos(offset).line);
  const problems: CloudInitProblem[] = [
    ...doc.errors.map((e) => at(e.linePos?.[0].line ?? lineOf(e.pos[0]), yamlMessage(e.message))),
    ...doc.warnings.map((w) =>
      at(w.linePos?.[0].line ?? lineOf(w.pos[0]), yamlMessage(w.message), 'warning'),
    ),
  ];
  if (problems.some((p) => p.severity === 'error')) return problems;
  const root = doc.contents;
  if (root === null) return problems;
  if (!isMap(root))
    return [
      ...problems,
      at(lineOf(root.range?.[0]), 'The top level must be keys, such as “packages:” and “runcmd:”.'),
    ];
  for (const pair of root.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : null;
    if (key === null) continue;
    const line = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    if (LISTS.includes(key) && pair.value !== null && !isSeq(pair.value))
      problems.push(at(line, `“${key}:” must be a list: each item on its own line, starting with “- ”.`));
    if (key === 'write_files' && isSeq(pair.value))
      for (const item of pair.value.items)
        if (!isMap(item) || !item.has('path'))
          problems.push(
            at(lineOf((item as { range?: number[] })?.range?.[0]), 'Each of “write_files:” needs a “path:”.'),
          );
    if (!KNOWN.has(key)) {
      const near = [...KNOWN].find((k) => distance(k, key) <= 2);
      if (near)
        problems.push(
          at(line, `“${key}:” is not a key cloud-init knows: did you mean “${near}:”?`, 'warning'),
        );
    }
  }
  return problems;
}

/** yaml's message without the code excerpt it may add. */
function yamlMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Levenshtein distance, for near misses of short keys. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
