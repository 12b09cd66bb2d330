package vn.motcua.dossier;

/** How a dossier was filed or a result returned (national codes 1 in person, 2 online, 3 post). */
public enum Channel {
    IN_PERSON(1), ONLINE(2), POST(3);

    private final int code;

    Channel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
