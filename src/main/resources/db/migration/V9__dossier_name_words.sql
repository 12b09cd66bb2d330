-- Searching applicants by name: a word index over the folded name (no
-- diacritics, lower case). A name query matches every word as a prefix
-- ("nguyen thi h"), which the trigram index answered too slowly over a
-- million names because common syllables occur in most of them.
CREATE INDEX dossier_applicant_words_idx ON dossier
  USING gin (to_tsvector('simple'::regconfig, search_fold(applicant_name)));
