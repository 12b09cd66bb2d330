package vn.motcua.warehouse;

/**
 * What a document of the personal warehouse is: a component of a filed
 * dossier, the result of a dossier, an electronic certified copy, or another
 * digitised paper of the owner.
 */
public enum DocumentKind {
    COMPONENT, RESULT, CERTIFIED_COPY, OTHER;

    /**
     * The digitisation state a new dossier's component records when it reuses a
     * document of this kind (DOMAIN.md §4): 3 for a result or certified copy,
     * 2 for anything else.
     */
    public int reuseState() {
        return this == RESULT || this == CERTIFIED_COPY ? 3 : 2;
    }
}
