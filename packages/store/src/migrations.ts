import { CorroborateError } from '@corroborate/core'
import type { Queryable } from './queryable.js'

/**
 * The DDL of a table that keeps values in numbered pieces: the columns that say whose
 * value it is, `n` (the piece's place), the piece, and a key of all but the piece.
 */
function piecesTable(table: string, owner: readonly string[], piece: string): string {
  const columns = [...owner, 'n integer NOT NULL', piece].map((column) => `  ${column},\n`)
  const key = [...owner.map((column) => column.split(' ')[0]), 'n'].join(', ')
  return `CREATE TABLE ${table} (\n${columns.join('')}  PRIMARY KEY (${key})\n);`
}

// Whose pieces they are: an article's field, a story's revision.
const ARTICLE_FIELD = ['article_id text NOT NULL REFERENCES articles (id)', 'field text NOT NULL']
const STORY_REVISION = [
  'story_id text NOT NULL REFERENCES stories (id)',
  'revision bigint NOT NULL',
]

/**
 * The schema, one step per version, applied in order and recorded in
 * `corroborate_migrations`. A step is never edited once released: a change is a new step.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'articles, analyses, stories, passages',
    sql: `
CREATE TABLE articles (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  content_hash text NOT NULL UNIQUE,
  format text NOT NULL,
  content text NOT NULL,
  metadata jsonb NOT NULL,
  path text,
  added_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE analyses (
  article_id text PRIMARY KEY REFERENCES articles (id),
  analysis_version integer NOT NULL,
  article jsonb NOT NULL,
  quotes jsonb NOT NULL,
  speakers jsonb NOT NULL,
  claims jsonb NOT NULL,
  profile jsonb NOT NULL,
  analysed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX analyses_version ON analyses (analysis_version);
CREATE TABLE stories (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  story jsonb NOT NULL,
  revision bigint NOT NULL DEFAULT 1
);
CREATE TABLE story_members (
  article_id text PRIMARY KEY REFERENCES articles (id),
  story_id text NOT NULL REFERENCES stories (id),
  member jsonb NOT NULL
);
CREATE INDEX story_members_story ON story_members (story_id);
CREATE TABLE passages (
  article_id text NOT NULL REFERENCES articles (id),
  kind text NOT NULL,
  ref text,
  text text NOT NULL,
  speaker text,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE INDEX passages_article ON passages (article_id);
CREATE INDEX passages_tsv ON passages USING GIN (tsv);
`,
  },
  {
    version: 2,
    name: 'story analyses',
    sql: `
CREATE TABLE story_analyses (
  story_id text PRIMARY KEY REFERENCES stories (id),
  revision bigint NOT NULL,
  clusters integer NOT NULL,
  disputes integer NOT NULL,
  quotes integer NOT NULL,
  claims integer NOT NULL,
  dispute_kinds jsonb NOT NULL,
  analysis jsonb NOT NULL,
  quotes_list jsonb NOT NULL,
  dispute_list jsonb NOT NULL,
  speakers jsonb NOT NULL,
  analysed_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    version: 3,
    name: 'json for what is read whole',
    // jsonb costs a parse into its binary form on every write and a conversion back to text
    // on every read; these columns are written once and read whole (or by -> and ->>, which
    // json has too). The lists that reads search inside (quotes_list, dispute_list) stay jsonb.
    // The large ones are kept uncompressed (EXTERNAL): compressing them was half of writing
    // them, for about 2.5 times their compressed size on disk (written from now on).
    sql: `
ALTER TABLE analyses ALTER COLUMN article TYPE json, ALTER COLUMN quotes TYPE json,
  ALTER COLUMN speakers TYPE json, ALTER COLUMN claims TYPE json, ALTER COLUMN profile TYPE json;
ALTER TABLE stories ALTER COLUMN story TYPE json;
ALTER TABLE story_members ALTER COLUMN member TYPE json;
ALTER TABLE story_analyses ALTER COLUMN analysis TYPE json;
ALTER TABLE analyses ALTER COLUMN article SET STORAGE EXTERNAL, ALTER COLUMN quotes SET STORAGE EXTERNAL,
  ALTER COLUMN claims SET STORAGE EXTERNAL, ALTER COLUMN profile SET STORAGE EXTERNAL;
ALTER TABLE story_analyses ALTER COLUMN analysis SET STORAGE EXTERNAL;
`,
  },
  {
    version: 4,
    name: 'large values in parts, articles pending until whole',
    // Additive only: no stored row is rewritten. A value too large for one short statement
    // (an article's analysis, a story's cross-reference) is kept in pieces; its column keeps
    // a stub, and the row says which of its values are in pieces.
    sql: `
ALTER TABLE articles ADD COLUMN pending boolean NOT NULL DEFAULT false;
CREATE INDEX articles_pending ON articles (id) WHERE pending;
ALTER TABLE analyses ADD COLUMN parts text[];
${piecesTable('article_parts', ARTICLE_FIELD, 'body text NOT NULL')}
ALTER TABLE story_analyses ADD COLUMN parts boolean NOT NULL DEFAULT false;
${piecesTable('story_texts', STORY_REVISION, 'body text NOT NULL')}
${piecesTable('story_items', [...STORY_REVISION, 'list text NOT NULL'], 'items jsonb NOT NULL')}
`,
  },
  {
    version: 5,
    name: 'speakers by name, short pending lists in the word index',
    // Names are matched among the distinct speakers (a few thousand at 10,000 articles),
    // then their quotes found by the speaker's btree: matching every quote's speaker by
    // trigrams rechecked up to 10,000 rows a query. A statement trigger keeps the names
    // whichever writer inserts passages; a name no passage has any more finds nothing.
    // PGlite never vacuums, so a GIN index's pending list (4 MB by default, scanned whole
    // by every search) is emptied only when full: 256 kB bounds that scan.
    sql: `
CREATE TABLE speaker_names (name text PRIMARY KEY);
INSERT INTO speaker_names (name) SELECT DISTINCT speaker FROM passages WHERE speaker IS NOT NULL;
CREATE FUNCTION passages_speaker_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO speaker_names (name) SELECT DISTINCT speaker FROM added WHERE speaker IS NOT NULL
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER passages_speaker_names AFTER INSERT ON passages REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION passages_speaker_names();
CREATE INDEX passages_speaker ON passages (speaker) WHERE speaker IS NOT NULL;
DROP INDEX IF EXISTS passages_speaker_trgm;
ALTER INDEX passages_tsv SET (gin_pending_list_limit = 256);
SELECT gin_clean_pending_list('passages_tsv');
`,
  },
  {
    version: 6,
    name: 'packed story profiles',
    // What a restart reads to restore the story index: the profile as packProfile's bytes
    // (base64: PGlite returns bytea as hex text, twice the bytes, parsed a byte at a time),
    // 58% of its JSON's characters (43% in bytes). Additive: stored articles get theirs at the next restore.
    sql: `
ALTER TABLE analyses ADD COLUMN packed_profile text;
ALTER TABLE analyses ALTER COLUMN packed_profile SET STORAGE EXTERNAL;
`,
  },
  {
    version: 7,
    name: 'corpus totals kept as stories are written',
    // What every add_article answers with (the corpus's counts) was summed over every story
    // at each call: 150 ms of an add at 10,000 articles, growing with the store. Triggers keep
    // the sums in one row whichever process writes (a story's speakers counted once however
    // many stories quote them, in speaker_stories). The totals row is locked first by every
    // trigger, so writers take the locks in one order and never deadlock.
    sql: `
CREATE TABLE corpus_totals (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  articles bigint NOT NULL,
  stories bigint NOT NULL,
  quotes bigint NOT NULL,
  claims bigint NOT NULL,
  clusters bigint NOT NULL,
  speakers bigint NOT NULL,
  dispute_kinds jsonb NOT NULL
);
CREATE TABLE speaker_stories (speaker_id text PRIMARY KEY, stories integer NOT NULL);
INSERT INTO speaker_stories (speaker_id, stories)
  SELECT id, count(*) FROM (SELECT DISTINCT sa.story_id, e->>'id' AS id
    FROM story_analyses sa, jsonb_array_elements(sa.speakers) e) AS told
  WHERE id IS NOT NULL GROUP BY id;
INSERT INTO corpus_totals (articles, stories, quotes, claims, clusters, speakers, dispute_kinds)
  SELECT (SELECT count(*) FROM story_members), (SELECT count(*) FROM stories),
    coalesce(sum(quotes), 0), coalesce(sum(claims), 0), coalesce(sum(clusters), 0),
    (SELECT count(*) FROM speaker_stories),
    coalesce((SELECT jsonb_object_agg(kind, n) FROM (SELECT k.key AS kind, sum(k.value::text::bigint) AS n
      FROM story_analyses, jsonb_each(dispute_kinds) AS k GROUP BY k.key) AS kinds), '{}')
  FROM story_analyses;
CREATE FUNCTION count_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  step integer := CASE TG_OP WHEN 'DELETE' THEN -1 ELSE 1 END;
BEGIN
  IF TG_TABLE_NAME = 'stories' THEN
    UPDATE corpus_totals SET stories = stories + step;
  ELSE
    UPDATE corpus_totals SET articles = articles + step;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER stories_totals AFTER INSERT OR DELETE ON stories
  FOR EACH ROW EXECUTE FUNCTION count_rows();
CREATE TRIGGER story_members_totals AFTER INSERT OR DELETE ON story_members
  FOR EACH ROW EXECUTE FUNCTION count_rows();
CREATE FUNCTION story_analyses_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_told text[] := '{}';
  now_told text[] := '{}';
  left_out text[];
  came integer;
  gone integer;
BEGIN
  -- OLD is null for an insert, NEW for a delete (PostgreSQL 11 on).
  IF TG_OP <> 'INSERT' THEN
    was_told := ARRAY(SELECT DISTINCT e->>'id' FROM jsonb_array_elements(OLD.speakers) e);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    now_told := ARRAY(SELECT DISTINCT e->>'id' FROM jsonb_array_elements(NEW.speakers) e);
  END IF;
  UPDATE corpus_totals SET
    quotes = quotes + coalesce(NEW.quotes, 0) - coalesce(OLD.quotes, 0),
    claims = claims + coalesce(NEW.claims, 0) - coalesce(OLD.claims, 0),
    clusters = clusters + coalesce(NEW.clusters, 0) - coalesce(OLD.clusters, 0),
    dispute_kinds = (SELECT coalesce(jsonb_object_agg(kind, n), '{}') FROM (
      SELECT kind, sum(n) AS n FROM (
        SELECT key AS kind, value::text::bigint AS n FROM jsonb_each(corpus_totals.dispute_kinds)
        UNION ALL SELECT key, value::text::bigint FROM jsonb_each(coalesce(NEW.dispute_kinds, '{}'))
        UNION ALL SELECT key, -value::text::bigint FROM jsonb_each(coalesce(OLD.dispute_kinds, '{}'))
      ) AS each_kind GROUP BY kind) AS kinds);
  -- Speakers the story no longer quotes (gone when no story does), then those it quotes now.
  left_out := ARRAY(SELECT unnest(was_told) EXCEPT SELECT unnest(now_told));
  UPDATE speaker_stories SET stories = stories - 1 WHERE speaker_id = ANY (left_out);
  DELETE FROM speaker_stories WHERE speaker_id = ANY (left_out) AND stories = 0;
  GET DIAGNOSTICS gone = ROW_COUNT;
  WITH taken AS (
    INSERT INTO speaker_stories AS s (speaker_id, stories)
    SELECT id, 1 FROM (SELECT unnest(now_told) EXCEPT SELECT unnest(was_told)) AS told (id)
    WHERE id IS NOT NULL
    ON CONFLICT (speaker_id) DO UPDATE SET stories = s.stories + 1
    RETURNING s.stories)
  SELECT count(*) INTO came FROM taken WHERE stories = 1;
  IF came <> gone THEN
    UPDATE corpus_totals SET speakers = speakers + came - gone;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER story_analyses_totals AFTER INSERT OR UPDATE OR DELETE ON story_analyses
  FOR EACH ROW EXECUTE FUNCTION story_analyses_totals();
`,
  },
  {
    version: 8,
    name: 'analysis versions of the core and the store apart',
    // The analysis version keeps the core's release, its prerelease and the store's revision
    // in separate digits (analysisVersionOf), beyond integer. Additive: a new column whose
    // default is what every stored row holds in practice (1: the unreleased core 0.0.0 under
    // store revision 1), so no row is rewritten; rows of another version (1 + the core's
    // major x 1,000,000 + minor x 1,000 + patch) are recomputed, 0 stays older than any.
    sql: `
ALTER TABLE analyses ADD COLUMN analysis_key bigint NOT NULL DEFAULT 999001;
UPDATE analyses SET analysis_key = CASE WHEN analysis_version < 1 THEN 0
    ELSE (analysis_version - 1)::bigint * 1000000 + 999001 END
  WHERE analysis_version <> 1;
ALTER TABLE analyses DROP COLUMN analysis_version;
ALTER TABLE analyses RENAME COLUMN analysis_key TO analysis_version;
ALTER TABLE analyses ALTER COLUMN analysis_version DROP DEFAULT;
CREATE INDEX analyses_version ON analyses (analysis_version);
`,
  },
]

/** The schema version this build writes; a store at a later one is refused. */
export const SCHEMA_VERSION = MIGRATIONS.length

// Any constant: serializes migrations of processes that open one PostgreSQL at once.
const MIGRATION_LOCK = 7_250_016

/**
 * Brings the schema to {@link SCHEMA_VERSION}, in one transaction, telling
 * `log` of each step on an existing store. Returns the version found before.
 * @throws CorroborateError `UNSUPPORTED_FORMAT` when the database is at a later
 *   schema version than this build knows.
 */
export async function migrate(
  db: Queryable,
  log: (line: string) => void = () => {},
): Promise<number> {
  return db.transaction(async (tx) => {
    // Under the lock from the first statement: two processes creating one table at once
    // collide in PostgreSQL's catalog even with IF NOT EXISTS.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await tx.exec(`CREATE TABLE IF NOT EXISTS corroborate_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`)
    const { rows } = await tx.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM corroborate_migrations',
    )
    const found = Number(rows[0]?.version ?? 0)
    // A CorroborateError: a store left by a newer install (a downgrade, two installs on one
    // server) is the user's situation, which a command line tells in one line, not a bug.
    if (found > SCHEMA_VERSION)
      throw new CorroborateError(
        'UNSUPPORTED_FORMAT',
        `the store's schema is at version ${found}, this @corroborate/store knows up to ${SCHEMA_VERSION}; upgrade @corroborate/store`,
      )
    for (const step of MIGRATIONS) {
      if (step.version <= found) continue
      // Steps on a store with articles rewrite tables: say so before a wait that may be long.
      if (found > 0) log(`migrating the store to schema version ${step.version} (${step.name})`)
      await tx.exec(step.sql)
      await tx.query('INSERT INTO corroborate_migrations (version, name) VALUES ($1, $2)', [
        step.version,
        step.name,
      ])
    }
    return found
  })
}

/**
 * Names by similarity, when the engine has pg_trgm: the extension, a trigram
 * index on the speakers' names and `similar_speakers(query)`, the names like
 * the query with their similarity. Outside the numbered steps because a server
 * may refuse the extension to this user; search then matches names exactly.
 */
export async function enableTrigrams(db: Queryable): Promise<boolean> {
  try {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      await tx.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm')
      // New names are a few per article: written straight into the index, no pending list.
      await tx.exec(
        'CREATE INDEX IF NOT EXISTS speaker_names_trgm ON speaker_names USING GIN (name gin_trgm_ops) WITH (fastupdate = off)',
      )
      const { rows } = await tx.query<{ missing: boolean }>(
        "SELECT to_regprocedure('similar_speakers(text)') IS NULL AS missing",
      )
      // Through the index always: the planner reads a few thousand names as cheap to scan,
      // but a similarity per name costs ~4 µs in PGlite (10 ms a query at 10,000 articles,
      // against 2 ms through the index). A function with its own setting is planned apart.
      if (rows[0]?.missing)
        await tx.exec(`CREATE FUNCTION similar_speakers(query text)
  RETURNS TABLE (speaker text, score real) LANGUAGE sql STABLE SET enable_seqscan = off
  AS $$ SELECT name, similarity(name, query) FROM speaker_names WHERE name % query $$`)
    })
    return true
  } catch {
    return false
  }
}
