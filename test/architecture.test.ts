import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import direction of STYLE.md is enforced by ESLint; this proves the rule bites, so a
// refactor of eslint.config.mjs cannot quietly switch it off.
const root = path.join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

const LAYER_RULES = ['import/no-restricted-paths', '@typescript-eslint/no-restricted-imports'];

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => LAYER_RULES.includes(m.ruleId ?? '')).map((m) => m.message);
}

describe('import direction (app -> components -> lib/services -> lib/db -> lib/domain)', () => {
  it.each([
    ['components/ui/example.tsx', "import { prisma } from '@/lib/db/client';\nexport const x = prisma;\n"],
    ['lib/domain/example.ts', "import { prisma } from '@/lib/db/client';\nexport const x = prisma;\n"],
    ['lib/domain/example.ts', "import { can } from '@/lib/auth/policy';\nexport const x = can;\n"],
    ['lib/db/example.ts', "import { runAuthed } from '@/lib/services/authed-action';\nexport const x = runAuthed;\n"],
    ['lib/db/example.ts', "import { getCurrentUser } from '@/lib/auth/session';\nexport const x = getCurrentUser;\n"],
    ['lib/services/example.ts', "import { AppShell } from '@/components/layout/app-shell';\nexport const x = AppShell;\n"],
    ['lib/auth/example.ts', "import Layout from '@/app/(app)/layout';\nexport const x = Layout;\n"],
    ['lib/services/example.ts', "import { prisma } from '@/lib/db/client';\nexport const x = prisma;\n"],
    ['app/example.ts', "import { prisma } from '@/lib/db/client';\nexport const x = prisma;\n"],
  ])('%s may not import that: %s', async (file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([]);
  }, 60_000);

  it.each([
    ['lib/services/example.ts', "import type { Tx } from '@/lib/db/client';\nexport type X = Tx;\n"],
    ['lib/services/example.ts', "import { listThreats } from '@/lib/db/threats';\nexport const x = listThreats;\n"],
    ['lib/db/example.ts', "import { can } from '@/lib/auth/policy';\nimport { STRANDS } from '@/lib/domain/vocabulary';\nexport const x = [can, STRANDS];\n"],
    ['components/ui/example.tsx', "import { STRANDS } from '@/lib/domain/vocabulary';\nexport const x = STRANDS;\n"],
  ])('%s may import downwards: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  }, 60_000);
});
