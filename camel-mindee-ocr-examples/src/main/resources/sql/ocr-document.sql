-- The table the database example writes: one row per OCR job (the job id is the key, so storing a result twice
-- leaves one row), and a full-text index over the text. PostgreSQL 12 or later (a generated column).
CREATE TABLE IF NOT EXISTS ocr_document (
    job_id      text PRIMARY KEY,
    alias       text,
    filename    text,
    page_count  integer NOT NULL,
    text        text NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT now(),
    text_search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);

CREATE INDEX IF NOT EXISTS ocr_document_text_search ON ocr_document USING gin (text_search);

-- "Which document mentions trowels?":
--   SELECT alias, filename FROM ocr_document WHERE text_search @@ websearch_to_tsquery('english', 'trowels');
