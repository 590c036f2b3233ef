-- 诚信红黑榜 (domain-rules §9: the red list includes "each street's 诚信经营示范店"; the ranking is §7, L3338): the top 10
-- of each street, written by the grain storage in the same transaction as the street's state (silo/Storage/ExemplaryRows.cs,
-- replaced when the top 10 changes) and rebuilt by rebuild-projections. The red list reads public_list ∪ this. docs/portal.md.
CREATE TABLE IF NOT EXISTS public_exemplary (
    street       TEXT NOT NULL,
    merchant_id  TEXT NOT NULL,
    rank         INTEGER NOT NULL,
    name         TEXT NOT NULL,
    grade        TEXT,
    reason       TEXT NOT NULL,
    since        TEXT NOT NULL,     -- YYYY-MM-DD: the day it entered the street's top 10
    PRIMARY KEY (street, merchant_id)
);
CREATE INDEX IF NOT EXISTS ix_public_exemplary_since ON public_exemplary (since DESC, name, merchant_id);
