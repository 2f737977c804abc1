import { MACHINE_NAME_PATTERN, RESERVED_MACHINE_NAMES } from '../../shared/names';

/**
 * orbctl's own rule (scon/types/names.go): the regex and the reserved words, compared exactly. Unlike the app's
 * `machineNameProblem`, there is no length limit: orbctl has none.
 */
export function orbctlAcceptsName(name: string): boolean {
  return MACHINE_NAME_PATTERN.test(name) && !RESERVED_MACHINE_NAMES.includes(name);
}
