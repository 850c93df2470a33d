#pragma once

#include <string>
#include <vector>

#include "core/model/Analysis.h"
#include "core/model/Article.h"

namespace dossier::core {

class Database;

struct EntityArticle {
    ArticleSummary article;
    std::int64_t mentions = 0;
};

// The analysis of each article: entities (shared across the library by name and
// type), mentions, relations, time expressions and chronology events.
class AnalysisRepository {
public:
    explicit AnalysisRepository(Database& db) : db_(db) {}

    // Replaces the automatic results of the article with these; the user's own
    // corrections (origin 'user') are kept. Call inside a transaction. An article
    // just added has nothing to replace (Replace::Nothing skips the deletes).
    enum class Replace { Existing, Nothing };
    void store(ArticleId article, const Analysis& analysis, int pipelineVersion,
               Replace replace = Replace::Existing);

    // The stored analysis, with user corrections applied: user-added mentions join
    // their entity, automatic mentions the user rejected are left out, and an entity
    // merged into another (EntityRepository::merge) appears as that one, one entity
    // with the mentions of both when the article names both.
    Analysis load(ArticleId article);

    // User corrections, kept across re-analysis: a mention the user marked (creating
    // the entity if needed), and an automatic mention the user said is wrong.
    void addUserMention(ArticleId article, const Entity& entity, const Mention& mention);
    void rejectMention(ArticleId article, const Span& span);
    // Undo of the two above.
    void removeUserMention(ArticleId article, const std::string& entityName, EntityType type, const Span& span);
    void unrejectMention(ArticleId article, const Span& span);

    // Every article that mentions the entity or a name merged with it, newest first,
    // with the number of mentions.
    std::vector<EntityArticle> articlesMentioning(const std::string& name, EntityType type);

private:
    void replaceAutomatic(ArticleId article);
    void storeRows(ArticleId article, const Analysis& analysis, int pipelineVersion);
    std::int64_t entityRowId(const Entity& entity);
    Database& db_;
};

}  // namespace dossier::core
