#include "listening/tables.h"

#include <array>

namespace brandlens {

namespace {

// One row per (mention, brand) with what metrics need, and one per (aspect
// opinion, brand).
constexpr std::string_view kV3 = R"sql(
CREATE VIEW mention_facts AS
SELECT m.id AS id, b.brand AS brand, m.platform AS platform, m.posted_at AS posted_at,
       COALESCE(m.likes, 0) + COALESCE(m.shares, 0) + COALESCE(m.comments, 0) AS engagement,
       a.label AS label, a.score AS score, a.keywords AS keywords
FROM mentions m
JOIN mention_analysis a ON a.mention_id = m.id
JOIN mention_brands b ON b.mention_id = m.id;

CREATE VIEW aspect_facts AS
SELECT x.mention_id AS id, b.brand AS brand, x.aspect AS aspect, x.label AS label, x.opinions AS opinions,
       m.posted_at AS posted_at
FROM mention_aspects x
JOIN mention_brands b ON b.mention_id = x.mention_id
JOIN mentions m ON m.id = x.mention_id;
)sql";

constexpr std::array kMigrations = {
    Migration{3, "listening", kV3},
};

}  // namespace

std::span<const Migration> ListeningMigrations() { return kMigrations; }

}  // namespace brandlens
