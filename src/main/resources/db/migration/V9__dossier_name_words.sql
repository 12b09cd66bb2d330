-- Searching applicants by name. Officers type a name from its start
-- ("nguyen thi h"): a B-tree over the folded name (no diacritics, lower case)
-- answers such a prefix with a short range scan. The trigram index stays for
-- the rarer search by a part in the middle of a name, which runs only when the
-- prefix finds nothing: over a million names its scans are slow, because
-- common syllables ("ngu", "thi") occur in most of them.
CREATE INDEX dossier_applicant_prefix_idx ON dossier (search_fold(applicant_name) text_pattern_ops);
