// PostgreSQL URL -> node-postgres config, shared by lib/db/client.ts and the migration tools so the
// app and the tools always connect to the same place.
//
// Why parse it ourselves rather than hand pg `{ connectionString }`: pg lets a connectionString
// override every other field, so `{ ...config, database: 'other' }` silently still connects to
// the original database (this is how adapter-pg's shadow database became the main one, see
// ../shared/STACK.md). A parsed config composes safely. And `?schema=` is Prisma's convention,
// which pg does not understand: we turn it into the session's search_path.

/**
 * Spelled out rather than pg's PoolConfig: adapter-pg brings its own, newer @types/pg, and a plain
 * object type fits both.
 * @typedef {{ host?: string, port?: number, user?: string, password?: string, database?: string,
 *   ssl?: boolean | { rejectUnauthorized: boolean }, application_name: string, options: string,
 *   connectionTimeoutMillis: number, max?: number }} PgConfig
 */

/** @param {string} url */
export function schemaFromUrl(url) {
  const schema = new URL(url).searchParams.get('schema') || 'public';
  // Used inside SQL identifiers and the startup `options`; keep it to plain identifiers.
  if (!/^[A-Za-z_][A-Za-z0-9_$]{0,62}$/.test(schema)) {
    throw new Error(`DATABASE_URL: schema "${schema}" must be a plain identifier (letters, digits, _).`);
  }
  return schema;
}

/**
 * @param {string} url postgres:// or postgresql://
 * @param {{ database?: string }} [override]
 * @returns {PgConfig}
 */
export function pgConfig(url, override = {}) {
  const u = new URL(url);
  const params = u.searchParams;
  const schema = schemaFromUrl(url);
  const sslmode = params.get('sslmode');
  /** @type {PgConfig['ssl']} */
  let ssl;
  if (sslmode === 'verify-full' || sslmode === 'verify-ca') ssl = true;
  else if (sslmode === 'require' || sslmode === 'prefer' || params.get('ssl') === 'true') ssl = { rejectUnauthorized: false };
  return {
    // `host=/var/run/postgresql` is how a Unix socket is named in a URL
    host: params.get('host') || decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, '$1') || undefined,
    port: u.port ? Number(u.port) : undefined,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: override.database ?? (decodeURIComponent(u.pathname.slice(1)) || undefined),
    ssl,
    application_name: params.get('application_name') || 'quadrant',
    // Quoted, so `?schema=Foo` means the schema "Foo", as it does for Prisma.
    options: `-c search_path="${schema}"`,
    connectionTimeoutMillis: Number(params.get('connect_timeout') || 10) * 1000,
    max: params.get('connection_limit') ? Number(params.get('connection_limit')) : undefined,
  };
}
