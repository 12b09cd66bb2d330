package vn.motcua.indicators;

import java.util.Arrays;
import java.util.Optional;
import vn.motcua.integration.NationalSystem;

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
    /** Dossiers received in the period that the national portal acknowledged ÷ dossiers received in the period. */
    DOSSIER_SYNC(IndicatorGroup.CKMB, NoSource.NATIONAL_SYNC),
    /** (finished early or on time + unfinished within the appointment) ÷ dossiers of the period. */
    ON_TIME(IndicatorGroup.TDGQ, null),
    /** Dossiers filed online ÷ dossiers received of procedures offered fully online. */
    ONLINE_FULL_PROCESS(IndicatorGroup.CLGQ, null),
    ONLINE_PAYMENT_PROCEDURES(IndicatorGroup.TTTT, NoSource.PAYMENT_METHOD_UNPUBLISHED),
    ONLINE_PAYMENT_TRANSACTIONS(IndicatorGroup.TTTT, NoSource.PAYMENT_METHOD_UNPUBLISHED),
    /** Dossiers received in the period and paid online ÷ dossiers received in the period of procedures with a fee. */
    ONLINE_PAYMENT_DOSSIERS(IndicatorGroup.TTTT, NoSource.ONLINE_PAYMENT),
    /** Completed dossiers with an electronic result file ÷ completed dossiers. */
    ORIGINAL_RESULT_AVAILABLE(IndicatorGroup.MDSH, null),
    /** Completed dossiers with every paper and the result as files ÷ completed dossiers. */
    SO_HOA_GIAY_TO_GIAI_QUYET(IndicatorGroup.MDSH, null),
    ELECTRONIC_CERTIFIED_COPY(IndicatorGroup.MDSH, NoSource.CERTIFIED_COPIES),
    /** Completed dossiers that reused a paper or result from the warehouse ÷ completed dossiers. */
    REUSED_DIGITIZED_DATA(IndicatorGroup.MDSH, null),
    SYNCED_WITH_DVCQG_PERSONAL_STORAGE(IndicatorGroup.MDSH, NoSource.NATIONAL_STORAGE),
    /** Dossiers received in the period filed with population data ÷ dossiers received in the period. */
    CITIZEN_DATA_CONNECTED_DOSSIER(IndicatorGroup.MDSH, NoSource.POPULATION_DATABASE),
    /** Procedures with a dossier received in the period filed with population data ÷ procedures with a dossier received in it. */
    CITIZEN_DATA_CONNECTED_FORMALITY(IndicatorGroup.MDSH, NoSource.POPULATION_DATABASE),
    /** (PAKN answered in the period on time + open at its end within the limit) ÷ (those + open at its end and due in it). */
    PETITION_PROCESSING_ON_TIME(IndicatorGroup.MDHL, null),
    /** PAKN answered in the period on time and not rated "not satisfied" ÷ PAKN answered in the period. */
    PETITION_HANDLING_SATISFACTION(IndicatorGroup.MDHL, null),
    /** Dossiers finished in the period neither late, nor rated "not satisfied", nor named by a PAKN ÷ dossiers finished in it. */
    DOSSIER_RECEIVING_SATISFACTION(IndicatorGroup.MDHL, null);

    private final IndicatorGroup group;
    private final NoSource noSource;

    Indicator(IndicatorGroup group, NoSource noSource) {
        this.group = group;
        this.noSource = noSource;
    }

    public IndicatorGroup group() {
        return group;
    }

    /**
     * Why this system cannot count it, or null when it always can. A source
     * that is an outside system ({@link NoSource#connectedBy()}) counts once
     * that system is connected; see {@code IndicatorSources}.
     */
    public NoSource noSource() {
        return noSource;
    }

    /** Counted whatever the configuration (its source is inside MotCua). */
    public boolean hasSource() {
        return noSource == null;
    }

    public static Optional<Indicator> find(String id) {
        return Arrays.stream(values()).filter(i -> i.name().equals(id)).findFirst();
    }

    /** The sources an indicator waits for. */
    public enum NoSource {
        CATALOGUE_PUBLICATION_DEADLINES("no source yet: the dates the legal bases take effect are not in the catalogue", null),
        NATIONAL_DATABASE("no source yet: publication on the national procedure database is not recorded", null),
        NATIONAL_SYNC("no source yet: the national portal is not connected", NationalSystem.NATIONAL_PORTAL),
        NATIONAL_STORAGE("no source yet: the citizens' personal storage on the national portal is not connected", null),
        ONLINE_PAYMENT("no source yet: the payment platform is not connected", NationalSystem.PAYMENT_PLATFORM),
        PAYMENT_METHOD_UNPUBLISHED("no source yet: the national method of this row is not published", null),
        CERTIFIED_COPIES("no source yet: electronic certification is not built", null),
        POPULATION_DATABASE("no source yet: the national population database is not connected",
                NationalSystem.POPULATION_DATABASE);

        private final String text;
        private final NationalSystem connectedBy;

        NoSource(String text, NationalSystem connectedBy) {
            this.text = text;
            this.connectedBy = connectedBy;
        }

        /** The national system that is the source, counted once it is connected; null when none. */
        public NationalSystem connectedBy() {
            return connectedBy;
        }

        /** The API's {@code source} member. */
        public String text() {
            return text;
        }
    }
}
