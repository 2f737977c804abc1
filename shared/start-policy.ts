/**
 * A machine's start policy: whether OrbDeck starts it when OrbDeck starts (once OrbStack answers), and stops it
 * when OrbDeck quits. Kept by machine id in the data folder's start-policy.json; a machine with neither has no
 * record.
 */
export interface StartPolicy {
  startWithApp: boolean;
  stopOnQuit: boolean;
}

export interface StartPolicyRecord extends StartPolicy {
  /** The machine's id: a rename keeps the policy. */
  id: string;
  /** Its name as last seen. */
  name: string;
}

/** The words of each half, as the inspector, the context menu and the tray say them. */
export const START_POLICY_LABELS: Record<keyof StartPolicy, string> = {
  startWithApp: 'Start with OrbDeck',
  stopOnQuit: 'Stop When OrbDeck Quits',
};

/** Names of the machines whose policy has `key` set, among `records`. */
export function namesWith(records: readonly StartPolicyRecord[], key: keyof StartPolicy): string[] {
  return records.filter((r) => r[key]).map((r) => r.name);
}
