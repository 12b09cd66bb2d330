package vn.motcua.indicators;

import java.util.Arrays;
import java.util.Optional;

/**
 * The indicators of Decision 766 as the national portal computes them
 * (ASSESSMENT.md §1), each in its group, with the reason it has no source in
 * this system yet ({@code null} when the read model counts it). Maximum
 * points and thresholds are data ({@code ind_weight}), not here.
 */
public enum Indicator {
    PUBLISH_ON_TIME(IndicatorGroup.CKMB, NoSource.CATALOGUE_PUBLICATION_DEADLINES),
    PUBLIC_UPDATE_ON_TIME(IndicatorGroup.CKMB, NoSource.NATIONAL_DATABASE),
    PUBLIC_CONTENT_FULL(IndicatorGroup.CKMB, NoSource.NATIONAL_DATABASE),
    DOSSIER_SYNC(IndicatorGroup.CKMB, NoSource.NATIONAL_SYNC),
    /** (finished early or on time + unfinished within the appointment) ÷ dossiers of the period. */
    ON_TIME(IndicatorGroup.TDGQ, null),
    /** Dossiers filed online ÷ dossiers received of procedures offered fully online. */
    ONLINE_FULL_PROCESS(IndicatorGroup.CLGQ, null),
    ONLINE_PAYMENT_PROCEDURES(IndicatorGroup.TTTT, NoSource.ONLINE_PAYMENT),
    ONLINE_PAYMENT_TRANSACTIONS(IndicatorGroup.TTTT, NoSource.ONLINE_PAYMENT),
    ONLINE_PAYMENT_DOSSIERS(IndicatorGroup.TTTT, NoSource.ONLINE_PAYMENT),
    /** Completed dossiers with an electronic result file ÷ completed dossiers. */
    ORIGINAL_RESULT_AVAILABLE(IndicatorGroup.MDSH, null),
    /** Completed dossiers with every paper and the result as files ÷ completed dossiers. */
    SO_HOA_GIAY_TO_GIAI_QUYET(IndicatorGroup.MDSH, null),
    ELECTRONIC_CERTIFIED_COPY(IndicatorGroup.MDSH, NoSource.CERTIFIED_COPIES),
    /** Completed dossiers that reused a paper or result from the warehouse ÷ completed dossiers. */
    REUSED_DIGITIZED_DATA(IndicatorGroup.MDSH, null),
    SYNCED_WITH_DVCQG_PERSONAL_STORAGE(IndicatorGroup.MDSH, NoSource.NATIONAL_SYNC),
    CITIZEN_DATA_CONNECTED_DOSSIER(IndicatorGroup.MDSH, NoSource.POPULATION_DATABASE),
    CITIZEN_DATA_CONNECTED_FORMALITY(IndicatorGroup.MDSH, NoSource.POPULATION_DATABASE),
    PETITION_PROCESSING_ON_TIME(IndicatorGroup.MDHL, NoSource.FEEDBACK),
    PETITION_HANDLING_SATISFACTION(IndicatorGroup.MDHL, NoSource.FEEDBACK),
    DOSSIER_RECEIVING_SATISFACTION(IndicatorGroup.MDHL, NoSource.SATISFACTION);

    private final IndicatorGroup group;
    private final NoSource noSource;

    Indicator(IndicatorGroup group, NoSource noSource) {
        this.group = group;
        this.noSource = noSource;
    }

    public IndicatorGroup group() {
        return group;
    }

    /** Why this system cannot count it yet; null when it can. */
    public NoSource noSource() {
        return noSource;
    }

    public boolean hasSource() {
        return noSource == null;
    }

    public static Optional<Indicator> find(String id) {
        return Arrays.stream(values()).filter(i -> i.name().equals(id)).findFirst();
    }

    /** The sources an indicator waits for. */
    public enum NoSource {
        CATALOGUE_PUBLICATION_DEADLINES("no source yet: the dates the legal bases take effect are not in the catalogue"),
        NATIONAL_DATABASE("no source yet: publication on the national procedure database is not recorded"),
        NATIONAL_SYNC("no source yet: the national portal sync is not built"),
        ONLINE_PAYMENT("no source yet: online payment is not built"),
        CERTIFIED_COPIES("no source yet: electronic certification is not built"),
        POPULATION_DATABASE("no source yet: the national population database is not connected"),
        FEEDBACK("no source yet: feedback (PAKN) handling is not built"),
        SATISFACTION("no source yet: satisfaction ratings and complaints are not linked to the index");

        private final String text;

        NoSource(String text) {
            this.text = text;
        }

        /** The API's {@code source} member. */
        public String text() {
            return text;
        }
    }
}
