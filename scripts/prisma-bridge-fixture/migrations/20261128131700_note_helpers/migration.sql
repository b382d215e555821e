-- Hand-written: a PL/pgSQL body full of ';' must reach Postgres as one script, not be split.
CREATE FUNCTION "note_summary"(author_id INTEGER) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
  total INTEGER;
BEGIN
  SELECT count(*) INTO total FROM "Note" WHERE "authorId" = author_id;
  RETURN 'notes: ' || total || ';';
END;
$$;
