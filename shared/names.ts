/**
 * orbctl's machine-name rule (scon/types/names.go): at least two characters, letters, digits, `-` and `.`,
 * starting with a letter or digit, and none of the reserved words. Used by the renderer while the user types,
 * by the adapter before anything reaches argv, and by the simulator, so all three agree.
 */
export const MACHINE_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9-.]+$/;

export const RESERVED_MACHINE_NAMES: readonly string[] = [
  'default',
  'vm',
  'host',
  'services',
  'gateway',
  'k8s',
  'docker',
];

/**
 * orbctl sets no upper bound, but the name becomes the machine's hostname and a DNS label (`NAME.orb.local`),
 * which cannot exceed 63 characters. Refusing longer names here avoids a machine that cannot be reached.
 */
export const MAX_MACHINE_NAME_LENGTH = 63;

/** Why a name is not acceptable, in words a user can act on; `null` when it is fine. */
export function machineNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a name.';
  if (name.length < 2) return 'A name needs at least 2 characters.';
  if (name.length > MAX_MACHINE_NAME_LENGTH) {
    return `A name can have at most ${MAX_MACHINE_NAME_LENGTH} characters.`;
  }
  if (!/^[a-zA-Z0-9-.]+$/.test(name)) {
    return 'Use only letters a-z, digits, "-" and "." (no spaces, underscores or accents).';
  }
  if (!MACHINE_NAME_PATTERN.test(name)) return 'A name must start with a letter or a digit.';
  // orbctl compares reserved words exactly; lower-casing here also keeps "Docker" from confusing people.
  if (RESERVED_MACHINE_NAMES.includes(name.toLowerCase())) return `"${name}" is reserved by OrbStack.`;
  return null;
}

/** Names of machines that exist can be longer than OrbDeck lets new ones be (made on the command line). */
export const MAX_MACHINE_REF_LENGTH = 255;

/**
 * Why `ref` cannot name an existing machine: orbctl's own pattern (so a command-line machine with a long or
 * oddly cased name stays manageable, and nothing starting with `-` can become a flag), and never a reserved
 * word: those name OrbStack's built-in machines, which orbctl keeps out of its list and OrbDeck never manages.
 * A machine's ULID id matches the same pattern.
 */
export function machineRefProblem(ref: string): string | null {
  if (ref.length === 0) return 'Enter a machine name.';
  if (ref.length > MAX_MACHINE_REF_LENGTH) return 'That is too long to be a machine name.';
  if (!MACHINE_NAME_PATTERN.test(ref)) return 'That is not a machine name.';
  if (RESERVED_MACHINE_NAMES.includes(ref)) return `“${ref}” is one of OrbStack’s built-in machines.`;
  return null;
}

/** Why `name` cannot be used for a new machine among `taken` (names in use), or null. */
export function newMachineNameProblem(name: string, taken: readonly string[]): string | null {
  return (
    machineNameProblem(name) ?? (taken.includes(name) ? `A machine named “${name}” already exists.` : null)
  );
}

export function isValidMachineName(name: string): boolean {
  return machineNameProblem(name) === null;
}

/**
 * The first of `base`, `base-2`, `base-3`, … that is valid and not in `taken`. Used for default names of new,
 * cloned and imported machines so the proposed name is always free.
 */
export function freeMachineName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let stem = base.replace(/[^a-zA-Z0-9-.]/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
  if (stem.length > MAX_MACHINE_NAME_LENGTH - 4) stem = stem.slice(0, MAX_MACHINE_NAME_LENGTH - 4);
  if (stem.length < 2 || RESERVED_MACHINE_NAMES.includes(stem.toLowerCase())) stem = `machine${stem}`;
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
