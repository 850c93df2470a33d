#include "core/storage/Migrations.h"

#include <spdlog/spdlog.h>

#include <array>
#include <string>

#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageError.h"
#include "core/storage/Transaction.h"

namespace dossier::core::migrations {

namespace {

// Version 1: articles with full-text search, and the analysis tables.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    title            TEXT NOT NULL,
    source           TEXT,
    url              TEXT,
    author           TEXT,
    published        TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    imported         TEXT NOT NULL,
    text             TEXT NOT NULL,
    content_hash     TEXT NOT NULL UNIQUE,
    analysis_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_by_published ON articles (published DESC, id DESC);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE entities (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    type    TEXT NOT NULL CHECK (type IN ('person', 'country', 'place', 'organization', 'policy', 'other')),
    country TEXT,
    UNIQUE (name, type)
);

-- Per-article facts about an entity: the role the article gives a person, the
-- country a place stands for.
CREATE TABLE article_entities (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    local_id   TEXT NOT NULL,
    role       TEXT,
    country    TEXT,
    stands_for TEXT,
    PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_by_entity ON article_entities (entity_id, article_id);

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL CHECK (start >= 0),
    "end"      INTEGER NOT NULL CHECK ("end" > start),
    text       TEXT NOT NULL,
    origin     TEXT NOT NULL DEFAULT 'automatic' CHECK (origin IN ('automatic', 'user')),
    status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'rejected'))
);
CREATE INDEX mentions_by_article ON mentions (article_id, start);
CREATE INDEX mentions_by_entity ON mentions (entity_id, article_id);

CREATE TABLE relations (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source_id      INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    target_id      INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    type           TEXT NOT NULL,
    when_value     TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    origin         TEXT NOT NULL DEFAULT 'automatic' CHECK (origin IN ('automatic', 'user'))
);
CREATE INDEX relations_by_article ON relations (article_id);
CREATE INDEX relations_by_source ON relations (source_id);
CREATE INDEX relations_by_target ON relations (target_id);

CREATE TABLE timex (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL CHECK ("end" > start),
    text       TEXT NOT NULL,
    type       TEXT NOT NULL CHECK (type IN ('DATE', 'TIME', 'DURATION', 'SET')),
    value      TEXT,
    relative   TEXT
);
CREATE INDEX timex_by_article ON timex (article_id, start);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    when_value     TEXT,
    timex_text     TEXT,
    text           TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL
);
CREATE INDEX events_by_article ON events (article_id);
CREATE INDEX events_by_when ON events (when_value);

CREATE TABLE event_entities (
    event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX event_entities_by_entity ON event_entities (entity_id);
)sql";

// Version 2: the reader's own work: annotations with notes and tags, searchable.
constexpr const char* kVersion2 = R"sql(
CREATE TABLE annotations (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL CHECK (start >= 0),
    "end"      INTEGER NOT NULL CHECK ("end" > start),
    quote      TEXT NOT NULL,
    prefix     TEXT NOT NULL DEFAULT '',
    suffix     TEXT NOT NULL DEFAULT '',
    color      TEXT NOT NULL DEFAULT '#ffd54f',
    note       TEXT NOT NULL DEFAULT '',
    created    TEXT NOT NULL,
    modified   TEXT NOT NULL
);
CREATE INDEX annotations_by_article ON annotations (article_id, start);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE annotation_tags (
    annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
    tag_id        INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (annotation_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag_id);

CREATE VIRTUAL TABLE annotations_fts USING fts5 (
    note, quote, content = 'annotations', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN
    INSERT INTO annotations_fts (rowid, note, quote) VALUES (new.id, new.note, new.quote);
END;
CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
    INSERT INTO annotations_fts (annotations_fts, rowid, note, quote) VALUES ('delete', old.id, old.note, old.quote);
END;
CREATE TRIGGER annotations_fts_update AFTER UPDATE OF note, quote ON annotations BEGIN
    INSERT INTO annotations_fts (annotations_fts, rowid, note, quote) VALUES ('delete', old.id, old.note, old.quote);
    INSERT INTO annotations_fts (rowid, note, quote) VALUES (new.id, new.note, new.quote);
END;
)sql";

// Version 3: the reader says two entities are one, library-wide. The merged-away row
// stays with every row that points at it (so a split restores it exactly) and names
// the entity it now belongs to; readers resolve coalesce(merged_into, id). Chains are
// kept one step long by EntityRepository, so that is always the canonical entity.
constexpr const char* kVersion3 = R"sql(
ALTER TABLE entities ADD COLUMN merged_into INTEGER REFERENCES entities (id) ON DELETE SET NULL;
CREATE INDEX entities_by_merged_into ON entities (merged_into) WHERE merged_into IS NOT NULL;
)sql";

// Version 4: an entity's newest articles straight from one index. With 100,000
// articles a country is in tens of thousands of them; sorting those by date through
// the articles table took hundreds of milliseconds. The publication date is copied
// into article_entities (kept in step by a trigger) and indexed with the entity.
constexpr const char* kVersion4 = R"sql(
ALTER TABLE article_entities ADD COLUMN published TEXT;
UPDATE article_entities SET published = (SELECT published FROM articles WHERE id = article_id);
CREATE INDEX article_entities_by_entity_date ON article_entities (entity_id, published DESC, article_id DESC);
DROP INDEX article_entities_by_entity;
CREATE TRIGGER article_entities_published AFTER UPDATE OF published ON articles BEGIN
    UPDATE article_entities SET published = new.published WHERE article_id = new.id;
END;
)sql";

// Version 5: ArticleRepository indexes new articles for search itself, so a batch import
// can index a whole group in one statement (see ArticleRepository::deferIndexing). The
// triggers that keep the index in step when an article is changed or removed stay.
constexpr const char* kVersion5 = R"sql(
DROP TRIGGER articles_fts_insert;
)sql";

constexpr std::array<const char*, kLatestVersion> kSteps{kVersion1, kVersion2, kVersion3, kVersion4, kVersion5};

bool hasTable(Database& db, const char* name) {
    auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    st.bind(1, name);
    return st.step();
}

}  // namespace

int schemaVersion(Database& db) {
    if (!hasTable(db, "meta")) {
        auto any = db.prepare("SELECT count(*) FROM sqlite_master");
        any.step();
        if (any.int64(0) != 0)
            throw StorageError(StorageError::Kind::NotALibrary,
                               db.path() + " is an SQLite database but not a Dossier library");
        return 0;
    }
    auto st = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    if (!st.step())
        throw StorageError(StorageError::Kind::Corrupt, db.path() + ": the library has no schema version");
    return std::stoi(st.text(0));
}

void migrate(Database& db, int targetVersion) {
    Transaction tx(db);  // reading the version inside it keeps two processes from both upgrading
    const int from = schemaVersion(db);
    if (from > kLatestVersion)
        throw StorageError(StorageError::Kind::NewerSchema,
                           db.path() + " was written by a newer Dossier (library version " + std::to_string(from) +
                               ", this program knows up to " + std::to_string(kLatestVersion) +
                               "); update Dossier to open it");
    if (from >= targetVersion) return;
    for (int version = from + 1; version <= targetVersion; ++version) {
        spdlog::info("library {}: upgrading schema to version {}", db.path(), version);
        db.exec(kSteps[static_cast<std::size_t>(version - 1)]);
    }
    auto st = db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?1) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    st.bind(1, std::to_string(targetVersion)).run();
    tx.commit();
}

}  // namespace dossier::core::migrations
