import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * SQLite with a writer and a reader. Kysely's own SQLite driver has one connection behind a lock that
 * a transaction holds across its awaits, so every read of every request waits in line behind the
 * writes: on the deadline day a leader's dashboard, which reads ten times, waited ten times as long as
 * an editor's save, and some waited past ten seconds. Here a statement outside a transaction that only
 * reads (better-sqlite3's `stmt.readonly`) runs at once on a read-only connection, which in WAL mode
 * sees every committed change and never waits for a writer; everything that writes, and everything
 * inside a transaction (reads included, so a transaction reads its own writes), runs on the writer, one
 * at a time, in arrival order. A database in memory has no second connection: all runs on the writer.
 */
export class SplitSqliteDialect extends SqliteDialect {
  readonly #writer: SQLite.Database;
  readonly #reader: SQLite.Database | null;

  constructor(writer: SQLite.Database, reader: SQLite.Database | null) {
    super({ database: writer });
    this.#writer = writer;
    this.#reader = reader;
  }

  override createDriver(): Driver {
    return new SplitSqliteDriver(this.#writer, this.#reader);
  }
}

/** A first-come, first-served lock: each waiter is woken alone, in the order it asked. */
class FifoLock {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  async acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

/** Prepared statements by SQL text, per connection (preparing is a good part of a small query's cost). */
class StatementCache {
  readonly #statements = new Map<string, SQLite.Statement>();
  constructor(
    private readonly db: SQLite.Database,
    private readonly max = 500,
  ) {}

  get(sql: string): SQLite.Statement {
    let stmt = this.#statements.get(sql);
    if (stmt) {
      // Most recently used last, so the first key is the one to drop.
      this.#statements.delete(sql);
    } else {
      stmt = this.db.prepare(sql);
      if (this.#statements.size >= this.max) this.#statements.delete(this.#statements.keys().next().value!);
    }
    this.#statements.set(sql, stmt);
    return stmt;
  }
}

class SplitSqliteDriver implements Driver {
  readonly #writer: SQLite.Database;
  readonly #reader: SQLite.Database | null;
  readonly #writes: StatementCache;
  readonly #reads: StatementCache | null;
  readonly #lock = new FifoLock();

  constructor(writer: SQLite.Database, reader: SQLite.Database | null) {
    this.#writer = writer;
    this.#reader = reader;
    this.#writes = new StatementCache(writer);
    this.#reads = reader ? new StatementCache(reader) : null;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new SplitConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await (connection as SplitConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as SplitConnection).end('commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as SplitConnection).end('rollback');
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await (connection as SplitConnection).savepoint(`savepoint ${quoted(name)}`);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await (connection as SplitConnection).savepoint(`rollback to ${quoted(name)}`);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await (connection as SplitConnection).savepoint(`release ${quoted(name)}`);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as SplitConnection).release();
  }

  async destroy(): Promise<void> {
    this.#reader?.close();
    this.#writer.close();
  }

  /** Runs a statement where it belongs; `inTransaction` when the caller holds the writer. */
  async run(query: CompiledQuery, inTransaction: boolean): Promise<QueryResult<unknown>> {
    if (!inTransaction && this.#reads) {
      let stmt: SQLite.Statement | null = null;
      try {
        stmt = this.#reads.get(query.sql);
      } catch {
        // Some statements cannot even be prepared read-only (a PRAGMA that writes): the writer takes them.
      }
      if (stmt?.readonly && stmt.reader) return { rows: stmt.all(query.parameters as unknown[]) };
    }
    if (inTransaction) return execute(this.#writes.get(query.sql), query);
    await this.#lock.acquire();
    try {
      return execute(this.#writes.get(query.sql), query);
    } finally {
      this.#lock.release();
    }
  }

  /** A select's rows one by one, on the writer (the statement is held open while it is read). */
  async *stream(query: CompiledQuery, inTransaction: boolean): AsyncIterableIterator<QueryResult<unknown>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams only select queries');
    if (!inTransaction) await this.#lock.acquire();
    try {
      for (const row of this.#writer.prepare(query.sql).iterate(query.parameters as unknown[])) yield { rows: [row] };
    } finally {
      if (!inTransaction) this.#lock.release();
    }
  }

  acquireWriter = () => this.#lock.acquire();
  releaseWriter = () => this.#lock.release();
  exec = (sql: string) => this.#writer.exec(sql);
  /** Whether SQLite has a transaction open on the writer (a failed COMMIT leaves it open). */
  writerInTransaction = () => this.#writer.inTransaction;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

function execute(stmt: SQLite.Statement, query: CompiledQuery): QueryResult<unknown> {
  const parameters = query.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(parameters) };
  const { changes, lastInsertRowid } = stmt.run(parameters);
  return {
    numAffectedRows: changes === undefined || changes === null ? undefined : BigInt(changes),
    insertId: lastInsertRowid === undefined || lastInsertRowid === null ? undefined : BigInt(lastInsertRowid),
    rows: [],
  };
}

/** One use of the database by Kysely: a single statement, or a transaction holding the writer. */
class SplitConnection implements DatabaseConnection {
  #inTransaction = false;
  constructor(private readonly driver: SplitSqliteDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.run(query, this.#inTransaction) as Promise<QueryResult<R>>;
  }

  streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    return this.driver.stream(query, this.#inTransaction) as AsyncIterableIterator<QueryResult<R>>;
  }

  async begin(): Promise<void> {
    await this.driver.acquireWriter();
    try {
      this.driver.exec('begin');
    } catch (e) {
      this.driver.releaseWriter();
      throw e;
    }
    this.#inTransaction = true;
  }

  /**
   * A COMMIT that fails (a deferred constraint, a busy database) leaves the transaction open and the
   * writer held: Kysely rolls back next, and the rollback gives the writer up.
   */
  async end(how: 'commit' | 'rollback'): Promise<void> {
    if (!this.#inTransaction) return;
    if (how === 'commit') {
      this.driver.exec('commit');
      this.#done();
    } else this.#rollback();
  }

  async savepoint(sql: string): Promise<void> {
    this.driver.exec(sql);
  }

  /** A connection given back mid-transaction (Kysely never does) must not keep the writer. */
  release(): void {
    if (this.#inTransaction) this.#rollback();
  }

  #rollback(): void {
    try {
      if (this.driver.writerInTransaction()) this.driver.exec('rollback');
    } finally {
      this.#done();
    }
  }

  #done(): void {
    this.#inTransaction = false;
    this.driver.releaseWriter();
  }
}
