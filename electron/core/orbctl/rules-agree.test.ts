import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARCHITECTURES, DISTROS, distroByCli } from '../../../shared/distros';
import { CONTRACT } from '../../../shared/ipc/contract';
import { newMachineNameProblem } from '../../../shared/names';
import { createRequest, type CreateForm } from '../../../renderer/model/create-request';
import * as argv from './argv';
import { checkMachineRef, checkNewName } from './validate';

/**
 * The three places that judge what a person asks for (the New Machine form, the IPC schema, the adapter) ask
 * the same shared rules; this feeds all three the same generated inputs and requires them to agree, so a
 * value the form lets through can never be refused after its job began (the `1.5G` memory of old).
 */
const CAPABILITIES = {
  version: '2.2.0',
  clone: true,
  export: true,
  import: true,
  isolated: true,
  resourceLimits: true,
};

const accepts = (fn: () => unknown): boolean => {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
};

/** Strings near the rules' edges, and anything at all. */
const edgy = (samples: string[]) =>
  fc.oneof(
    fc.constantFrom(...samples),
    fc.string({ maxLength: 40 }),
    fc.stringMatching(/^[a-zA-Z0-9_.$ -]{0,40}$/),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
  );

const sizes = edgy([
  '4G',
  '4g',
  '512M',
  '1.5G',
  '0G',
  '1T',
  '1234567G',
  '999999G',
  ' 8G ',
  '-1G',
  '4 GB',
  '',
]);
const users = edgy(['dev', '_svc', 'Dev', '-o', 'a'.repeat(31), 'a'.repeat(32), 'box$', 'user.name', '']);
const names = edgy(['ubuntu', 'a', 'ab', 'docker', 'Docker', '-rf', 'my_vm', 'x'.repeat(63), 'x'.repeat(64)]);
const cpus = fc.oneof(fc.constantFrom('', '1', '0', '128', '129', '1.5', '-2', 'two', ' 4 '), fc.string());

const forms = fc.record({
  distro: fc.constantFrom(...DISTROS.map((d) => d.cli)),
  arch: fc.constantFrom('' as const, ...ARCHITECTURES),
  name: names,
  user: users,
  cpus,
  memory: sizes,
  disk: sizes,
  isolated: fc.boolean(),
});

// Thousands of generated cases each: seconds on a loaded 2-core machine.
describe('the form, the IPC schema and the adapter agree', { timeout: 30_000 }, () => {
  it('on every New Machine form: what the form sends passes the schema and the adapter', () => {
    fc.assert(
      fc.property(forms, fc.boolean(), (fields, withVersion) => {
        const distro = distroByCli(fields.distro)!;
        const form: CreateForm = {
          ...fields,
          version: withVersion ? distro.versions[0]! : '',
          cloudInit: '',
        };
        const built = createRequest(form, distro, CAPABILITIES);
        const formAccepts = built.request !== null && newMachineNameProblem(form.name, []) === null;
        if (!formAccepts) return;
        const parsed = CONTRACT['machine:create'].request.safeParse(built.request);
        expect(parsed.success).toBe(true);
        if (parsed.success) expect(accepts(() => argv.createArgs(parsed.data))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('on each field alone: the form refuses exactly what the schema and the adapter refuse', () => {
    const base = { distro: 'ubuntu', name: 'box' };
    const formSays = (patch: Partial<CreateForm>): boolean => {
      const form: CreateForm = {
        distro: 'ubuntu',
        version: '',
        arch: '',
        name: 'box',
        user: '',
        cloudInit: '',
        isolated: false,
        cpus: '',
        memory: '',
        disk: '',
        ...patch,
      };
      return createRequest(form, distroByCli('ubuntu')!, CAPABILITIES).request !== null;
    };
    const both = (request: Record<string, unknown>) => {
      const schema = CONTRACT['machine:create'].request.safeParse(request).success;
      const adapter = accepts(() => argv.createArgs(request as never));
      expect({ request, schema }).toEqual({ request, schema: adapter });
      return schema;
    };
    fc.assert(
      fc.property(users, sizes, sizes, cpus, (user, memory, disk, cpu) => {
        if (user.trim()) expect(formSays({ user })).toBe(both({ ...base, user: user.trim() }));
        const m = memory.trim().toUpperCase();
        if (m) expect(formSays({ memory })).toBe(both({ ...base, memory: m }));
        const d = disk.trim().toUpperCase();
        if (d) expect(formSays({ disk })).toBe(both({ ...base, disk: d }));
        if (cpu.trim()) expect(formSays({ cpus: cpu })).toBe(both({ ...base, cpus: Number(cpu) }));
      }),
      { numRuns: 3000 },
    );
  });

  it('on machine names: the name field, the schema and the adapter', () => {
    fc.assert(
      fc.property(names, (name) => {
        const field = newMachineNameProblem(name, []) === null;
        const schema = CONTRACT['machine:rename'].request.safeParse({
          name: 'ubuntu',
          newName: name,
        }).success;
        const adapter = accepts(() => checkNewName(name));
        expect({ name, schema, adapter }).toEqual({ name, schema: field, adapter: field });
      }),
      { numRuns: 3000 },
    );
  });

  it('on references to existing machines, the built-in ones included', () => {
    fc.assert(
      fc.property(
        edgy(['docker', 'k8s', 'a', 'ab', '01GQQVF6C60000000000DOCKER', '-x', 'x'.repeat(256)]),
        (ref) => {
          const schema = CONTRACT['machine:start'].request.safeParse({ name: ref }).success;
          expect({ ref, schema }).toEqual({ ref, schema: accepts(() => checkMachineRef(ref)) });
        },
      ),
      { numRuns: 3000 },
    );
    expect(CONTRACT['machine:start'].request.safeParse({ name: 'docker' }).success).toBe(false);
    expect(CONTRACT['machine:start'].request.safeParse({ name: 'a' }).success).toBe(false);
  });
});
