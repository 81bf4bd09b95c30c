-- Search index of cases (drizzle-kit cannot model virtual tables, so this migration is hand-written).
-- One row per case (rowid = cases.id) holding only the short fields people search: 案号, case code,
-- party names, ID / USCC numbers and phones, joined with ' ¦ ' so that no trigram spans two fields.
-- Trigram tokenizer: substring search for 3+ characters. Two-character names (张三) use parties_name_idx.
-- Contentless: the text lives in cases/parties already; the index stores only what it needs.
CREATE VIRTUAL TABLE `case_search` USING fts5(`text`, content='', contentless_delete=1, tokenize='trigram');
